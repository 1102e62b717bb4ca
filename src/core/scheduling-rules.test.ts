import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from './civil-date.ts';
import type { Region } from './policy-document.ts';
import { type ChangeProposal, checkChange, checkChangeForCustomers } from './scheduling-rules.ts';
import { at, loadDefaultPolicy, local, utc } from './test-support.ts';

const policy = loadDefaultPolicy();
const base = (over: Partial<ChangeProposal>): ChangeProposal => ({
  type: 'routine',
  start: at('AMER', '2026-06-09T21:00'),
  end: at('AMER', '2026-06-09T23:00'),
  regions: ['AMER'],
  noticeAt: at('AMER', '2026-06-01T10:00'),
  ...over,
});
const codes = (c: ChangeProposal) =>
  checkChange(policy, c).violations.map((v) => `${v.code}${v.region ? `@${v.region}` : ''}`);

describe('outside_window', () => {
  it('accepts a change inside a weekday window, edges included', () => {
    expect(codes(base({}))).toEqual([]);
    expect(
      codes(base({ start: at('AMER', '2026-06-09T21:00'), end: at('AMER', '2026-06-10T06:00') })),
    ).toEqual([]);
    expect(checkChange(policy, base({})).regions[0]?.window?.date).toBe('2026-06-09');
  });
  it('rejects a change that starts at 20:59 or ends at 06:01, and explains the nearest windows', () => {
    expect(codes(base({ start: at('AMER', '2026-06-09T20:59') }))).toEqual(['outside_window@AMER']);
    const late = checkChange(
      policy,
      base({ start: at('AMER', '2026-06-10T05:00'), end: at('AMER', '2026-06-10T06:01') }),
    );
    expect(late.violations.map((v) => v.code)).toEqual(['outside_window']);
    const ex = late.violations[0]!.explain;
    expect(ex.rule === 'outside_window' && ex.windowAtStart?.date).toBe('2026-06-09');
    expect(ex.rule === 'outside_window' && ex.nextWindow.date).toBe('2026-06-10');
    const early = checkChange(policy, base({ start: at('AMER', '2026-06-09T12:00') })).violations[0]!.explain;
    expect(early.rule === 'outside_window' && [early.previousWindow.date, early.nextWindow.date]).toEqual([
      '2026-06-08',
      '2026-06-09',
    ]);
  });
  it('must fit one window in every region: AMER and APJC windows never overlap', () => {
    const start = utc('2026-06-10T02:00Z'); // 22:00 EDT, 11:00 JST
    expect(codes(base({ start, end: start + HOUR_MS, regions: ['AMER', 'APJC'] }))).toEqual([
      'outside_window@APJC',
    ]);
  });
  it('AMER and EMEA share 01:00–04:00Z in June', () => {
    const start = utc('2026-06-10T01:00Z');
    expect(codes(base({ start, end: start + 3 * HOUR_MS, regions: ['AMER', 'EMEA'] }))).toEqual([]);
    expect(codes(base({ start, end: start + 3 * HOUR_MS + MINUTE_MS, regions: ['AMER', 'EMEA'] }))).toEqual([
      'outside_window@EMEA',
    ]);
  });
  it('rejects an interval that ends before it starts', () => {
    expect(codes(base({ end: at('AMER', '2026-06-09T20:00') }))).toContain('invalid_interval');
  });
});

describe('weekend_requires_infrastructure', () => {
  it('Friday night is a weekday window; Saturday and Sunday nights admit only infrastructure', () => {
    expect(
      codes(base({ start: at('AMER', '2026-06-12T21:00'), end: at('AMER', '2026-06-13T05:00') })),
    ).toEqual([]);
    expect(
      codes(base({ start: at('AMER', '2026-06-13T21:00'), end: at('AMER', '2026-06-13T23:00') })),
    ).toEqual(['weekend_requires_infrastructure@AMER']);
    expect(
      codes(base({ start: at('AMER', '2026-06-15T01:00'), end: at('AMER', '2026-06-15T02:00') })),
    ).toEqual(['weekend_requires_infrastructure@AMER']);
    expect(
      codes(
        base({
          type: 'infrastructure',
          start: at('AMER', '2026-06-13T21:00'),
          end: at('AMER', '2026-06-14T06:00'),
        }),
      ),
    ).toEqual([]);
  });
  it('Paris: the window starting on the last Sunday of October is a 9-hour weekend window', () => {
    const start = at('EMEA', '2026-10-25T21:00');
    expect(codes(base({ regions: ['EMEA'], start, end: start + 9 * HOUR_MS }))).toEqual([
      'weekend_requires_infrastructure@EMEA',
    ]);
    expect(
      codes(base({ type: 'infrastructure', regions: ['EMEA'], start, end: start + 9 * HOUR_MS })),
    ).toEqual([]);
    expect(
      codes(base({ type: 'infrastructure', regions: ['EMEA'], start, end: start + 9 * HOUR_MS + MINUTE_MS })),
    ).toEqual(['outside_window@EMEA']);
  });
});

describe('notice_period (10 business days in every region)', () => {
  // Notice Tue 2026-06-09 16:00 New York; Juneteenth (Fri 19) is skipped → earliest Wed 24 16:00.
  const noticeAt = at('AMER', '2026-06-09T16:00');
  it('counts US holidays', () => {
    const c = checkChange(
      policy,
      base({
        type: 'service_interrupting',
        noticeAt,
        start: at('AMER', '2026-06-23T21:00'),
        end: at('AMER', '2026-06-23T23:00'),
      }),
      { explain: true },
    );
    expect(c.violations.map((v) => v.code)).toEqual(['notice_period']);
    const ex = c.violations[0]!.explain;
    expect(ex.rule === 'notice_period' && local('AMER', ex.earliestStart)).toBe('2026-06-24T16:00-04:00');
    expect(
      ex.rule === 'notice_period' &&
        ex.businessSpan?.skipped.some((s) => s.kind === 'holiday' && s.names[0] === 'Juneteenth'),
    ).toBe(true);
    expect(
      codes(
        base({
          type: 'upgrade',
          reason: 'end_of_life',
          noticeAt,
          start: at('AMER', '2026-06-24T21:00'),
          end: at('AMER', '2026-06-24T23:00'),
        }),
      ),
    ).toEqual([]);
  });
  it('applies per region: the same instant is early for AMER, on time for EMEA', () => {
    const start = utc('2026-06-24T01:00Z'); // Tue 23 21:00 EDT, Wed 24 03:00 CEST
    expect(
      codes(base({ type: 'cop_install', noticeAt, regions: ['AMER', 'EMEA'], start, end: start + HOUR_MS })),
    ).toEqual(['notice_period@AMER']);
  });
  it('does not apply to routine changes or to an emergency cop_install (which must name its emergency)', () => {
    const start = at('AMER', '2026-06-10T21:00');
    expect(codes(base({ noticeAt, start, end: start + HOUR_MS }))).toEqual([]);
    expect(
      codes(base({ type: 'cop_install', flags: { emergency: true }, noticeAt, start, end: start + HOUR_MS })),
    ).toEqual(['emergency_reason_required']);
    expect(
      codes(
        base({
          type: 'cop_install',
          flags: { emergency: true },
          emergencyReason: 'remediate_vulnerability',
          noticeAt,
          start,
          end: start + HOUR_MS,
        }),
      ),
    ).toEqual([]);
  });
});

describe('reasons', () => {
  it('upgrade_reason_required', () => {
    expect(codes(base({ type: 'upgrade', noticeAt: at('AMER', '2026-05-01T10:00') }))).toEqual([
      'upgrade_reason_required',
    ]);
    expect(
      codes(base({ type: 'upgrade', reason: 'because', noticeAt: at('AMER', '2026-05-01T10:00') })),
    ).toEqual(['upgrade_reason_required']);
    expect(
      codes(base({ type: 'upgrade', reason: 'partner_request', noticeAt: at('AMER', '2026-05-01T10:00') })),
    ).toEqual([]);
  });
  it('an emergency needs a reason but no window or notice', () => {
    const start = at('AMER', '2026-06-13T12:00'); // Saturday noon
    expect(codes(base({ type: 'emergency', start, end: start + HOUR_MS, noticeAt: start }))).toEqual([
      'emergency_reason_required',
    ]);
    expect(
      codes(
        base({
          type: 'emergency',
          emergencyReason: 'restore_service',
          start,
          end: start + HOUR_MS,
          noticeAt: start,
        }),
      ),
    ).toEqual([]);
  });
});

describe('certificate_window: 7 to 3 days before expiry, inclusive', () => {
  const expires = utc('2026-06-15T19:00Z'); // Monday 21:00 CEST
  const cert = (start: number) =>
    codes(
      base({
        type: 'certificate_renewal',
        regions: ['EMEA'],
        certificateExpiresAt: expires,
        start,
        end: start + HOUR_MS,
      }),
    );
  it('accepts both ends, rejects a minute beyond', () => {
    expect(cert(expires - 7 * 24 * HOUR_MS)).toEqual([]); // Mon 8 June 21:00 CEST
    expect(cert(expires - 3 * 24 * HOUR_MS)).toEqual([]); // Fri 12 June 21:00 CEST
    expect(cert(expires - 3 * 24 * HOUR_MS + MINUTE_MS)).toEqual(['certificate_window']);
    expect(cert(expires - 7 * 24 * HOUR_MS - 24 * HOUR_MS)).toEqual([
      'weekend_requires_infrastructure@EMEA',
      'certificate_window',
    ]);
  });
  it('needs the expiry', () => {
    const start = at('EMEA', '2026-06-09T21:00');
    expect(
      codes(base({ type: 'certificate_renewal', regions: ['EMEA'], start, end: start + HOUR_MS })),
    ).toEqual(['certificate_window']);
  });
});

describe('5,000 customers', () => {
  it('deduplicates regions and reports once per region', () => {
    const regions: Region[] = Array.from(
      { length: 5000 },
      (_, i) => (['AMER', 'EMEA', 'AUS', 'APJC'] as const)[i % 4]!,
    );
    const start = at('AMER', '2026-06-09T21:00');
    const r = checkChangeForCustomers(
      policy,
      { type: 'routine', start, end: start + HOUR_MS, noticeAt: 0 },
      regions,
    );
    expect(r.regions.map((x) => x.region)).toEqual(['AMER', 'EMEA', 'AUS', 'APJC']);
    // New York 21:00 EDT is 03:00 in Paris: inside the EMEA window too.
    expect(r.violations.map((v) => v.region).sort()).toEqual(['APJC', 'AUS']);
  });
});
