import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { createZoneClock, temporalOffsetMs } from './zone-clock.ts';

const zones = ['America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/Paris'];

describe('zone clock', () => {
  it('agrees with Temporal on offsets, across a wide range, in any visiting order', () => {
    const clocks = new Map(zones.map((z) => [z, createZoneClock(z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2045, 0, 1) }),
        (zone, t) => {
          expect(clocks.get(zone)!.offsetAt(t)).toBe(temporalOffsetMs(zone, t));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('converts wall time like Temporal "compatible" (gap pushed forward, repeat takes the earlier)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60000, max: Date.UTC(2032, 0, 1) / 60000 }),
        (zone, minute) => {
          const clock = createZoneClock(zone);
          const localMs = minute * 60000;
          const pdt = Temporal.Instant.fromEpochMilliseconds(localMs)
            .toZonedDateTimeISO('UTC')
            .toPlainDateTime();
          const expected = pdt.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
          expect(clock.toEpoch(localMs)).toBe(expected);
        },
      ),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('hand-checked gap and overlap in New York', () => {
    const c = createZoneClock('America/New_York');
    // 2026-03-08 02:30 does not exist: becomes 03:30 EDT = 07:30Z.
    expect(c.toEpoch(Date.UTC(2026, 2, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 2026-11-01 01:30 happens twice: the first (EDT) is 05:30Z.
    expect(c.toEpoch(Date.UTC(2026, 10, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(c.shiftsBetween(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      { at: Date.UTC(2026, 2, 8, 7), offsetBeforeMinutes: -300, offsetAfterMinutes: -240 },
      { at: Date.UTC(2026, 10, 1, 6), offsetBeforeMinutes: -240, offsetAfterMinutes: -300 },
    ]);
  });
});
