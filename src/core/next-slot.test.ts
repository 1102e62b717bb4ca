import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from './civil-date.ts';
import { nextAllowedSlot, type SlotRequest } from './next-slot.ts';
import { CHANGE_TYPES, type ChangeType, REGIONS, type Region } from './policy-document.ts';
import { checkChange } from './scheduling-rules.ts';
import { at, loadDefaultPolicy, local, utc } from './test-support.ts';

const policy = loadDefaultPolicy();
const req = (over: Partial<SlotRequest>): SlotRequest => ({
  type: 'routine',
  durationMinutes: 120,
  noticeAt: at('AMER', '2026-06-09T12:00'),
  regions: ['AMER'],
  ...over,
});
const startOf = (r: SlotRequest, region: Region = 'AMER') => {
  const s = nextAllowedSlot(policy, r).common;
  return s ? local(region, s.start) : null;
};

describe('next allowed slot', () => {
  it('the next window, or now (rounded up to the minute) inside one', () => {
    expect(startOf(req({}))).toBe('2026-06-09T21:00-04:00');
    expect(startOf(req({ noticeAt: at('AMER', '2026-06-09T22:00') }))).toBe('2026-06-09T22:00-04:00');
    expect(startOf(req({ noticeAt: at('AMER', '2026-06-09T22:00') + 30_000 }))).toBe(
      '2026-06-09T22:01-04:00',
    );
    // Too little room left tonight (04:01 + 120 min > 06:00): tomorrow night.
    expect(startOf(req({ noticeAt: at('AMER', '2026-06-10T04:01') }))).toBe('2026-06-10T21:00-04:00');
    expect(startOf(req({ noticeAt: at('AMER', '2026-06-10T04:00') }))).toBe('2026-06-10T04:00-04:00');
  });
  it('skips weekend windows unless infrastructure', () => {
    const r = req({ noticeAt: at('AMER', '2026-06-12T22:00'), durationMinutes: 540 });
    expect(startOf(r)).toBe('2026-06-15T21:00-04:00');
    expect(startOf({ ...r, type: 'infrastructure' })).toBe('2026-06-13T21:00-04:00');
  });
  it('honours the notice period with holidays', () => {
    const r = req({ type: 'service_interrupting', noticeAt: at('AMER', '2026-06-09T16:00') });
    expect(startOf(r)).toBe('2026-06-24T21:00-04:00');
  });
  it('a 10-hour infrastructure change fits only the fall-back night', () => {
    const r = req({ type: 'infrastructure', durationMinutes: 600, noticeAt: at('AMER', '2026-10-20T12:00') });
    expect(nextAllowedSlot(policy, r).common?.start).toBe(utc('2026-11-01T01:00Z'));
  });
  it('common slot across AMER and EMEA, none across AMER and APJC', () => {
    const both = nextAllowedSlot(policy, req({ regions: ['AMER', 'EMEA'] }));
    expect(both.common?.start).toBe(utc('2026-06-10T01:00Z'));
    expect(both.common?.windows.EMEA?.date).toBe('2026-06-09');
    expect(both.perRegion.map((p) => p.slot && new Date(p.slot.start).toISOString())).toEqual([
      '2026-06-10T01:00:00.000Z',
      '2026-06-09T19:00:00.000Z',
    ]);
    const none = nextAllowedSlot(policy, req({ regions: ['AMER', 'APJC'] }));
    expect(none.common).toBeNull();
    expect(none.commonExplain?.reason).toBe('no_overlap');
    expect(none.commonExplain?.disjointPairs).toEqual([['AMER', 'APJC']]);
    expect(none.perRegion.every((p) => p.slot !== null)).toBe(true);
  });
  it('emergency: right away; blocked without a reason', () => {
    const r = req({ type: 'emergency', noticeAt: at('AMER', '2026-06-13T12:00') });
    const blocked = nextAllowedSlot(policy, r);
    expect(blocked.common).toBeNull();
    expect(blocked.blocking.map((v) => v.code)).toEqual(['emergency_reason_required']);
    expect(startOf({ ...r, emergencyReason: 'restore_service' })).toBe('2026-06-13T12:00-04:00');
  });
  it('certificate renewal: inside the 7–3 day range or nothing', () => {
    const expires = utc('2026-06-15T19:00Z');
    const r = req({
      type: 'certificate_renewal',
      regions: ['EMEA'],
      certificateExpiresAt: expires,
      noticeAt: utc('2026-06-01T00:00Z'),
    });
    expect(nextAllowedSlot(policy, r).common?.start).toBe(expires - 7 * 24 * HOUR_MS);
    const tooLate = nextAllowedSlot(policy, { ...r, noticeAt: expires - 3 * 24 * HOUR_MS + MINUTE_MS });
    expect(tooLate.common).toBeNull();
    expect(tooLate.commonExplain?.reason).toBe('region_without_slot');
  });
});

describe('property: the slot passes the rule checker and no earlier minute does', () => {
  const types = CHANGE_TYPES.filter((t) => t !== 'certificate_renewal') as ChangeType[];
  it('common and per-region slots', () => {
    fc.assert(
      fc.property(
        fc.subarray([...REGIONS], { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...types),
        fc.integer({ min: Date.UTC(2026, 0, 1) / MINUTE_MS, max: Date.UTC(2027, 11, 1) / MINUTE_MS }),
        fc.integer({ min: 1, max: 600 }),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: 3,
          maxLength: 3,
        }),
        (regions, type, noticeMin, durationMinutes, flagged, samples) => {
          const r: SlotRequest = {
            type,
            durationMinutes,
            noticeAt: noticeMin * MINUTE_MS + 17_000,
            regions,
            reason: 'below_n_minus_1',
            emergencyReason: 'prevent_outage',
            flags: { emergency: flagged && type === 'cop_install' },
          };
          const res = nextAllowedSlot(policy, r);
          const targets = [
            { regions, slot: res.common },
            ...res.perRegion.map((p) => ({ regions: [p.region], slot: p.slot })),
          ];
          for (const { regions: rs, slot } of targets) {
            if (!slot) continue;
            const check = (start: number) =>
              checkChange(policy, { ...r, regions: rs, start, end: start + durationMinutes * MINUTE_MS })
                .allowed;
            expect(slot.start).toBeGreaterThanOrEqual(res.searchFrom);
            expect(check(slot.start)).toBe(true);
            const before = slot.start - MINUTE_MS;
            if (before >= res.searchFrom) expect(check(before)).toBe(false);
            for (const s of samples) {
              const m =
                res.searchFrom + Math.floor((s * (slot.start - res.searchFrom)) / MINUTE_MS) * MINUTE_MS;
              if (m < slot.start) expect(check(m)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 250, seed: 9 },
    );
  });
});
