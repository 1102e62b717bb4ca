import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  DAY_MS,
  dateKey,
  daysFromCivil,
  isoWeekday,
  parseDateKey,
  parseHhMm,
} from './civil-date.ts';

describe('civil dates', () => {
  it('round-trips and agrees with Date for any day in ±10,000 years of 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_000_000, max: 3_000_000 }), (d) => {
        const c = civilFromDays(d);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
        const js = new Date(d * DAY_MS);
        expect([c.year, c.month, c.day]).toEqual([
          js.getUTCFullYear(),
          js.getUTCMonth() + 1,
          js.getUTCDate(),
        ]);
        expect(isoWeekday(d)).toBe(js.getUTCDay() === 0 ? 7 : js.getUTCDay());
      }),
    );
  });
  it('parses keys and times strictly', () => {
    expect(dateKey(parseDateKey('2028-02-29')!)).toBe('2028-02-29');
    expect(parseDateKey('2026-02-29')).toBeNull();
    expect(parseDateKey('2026-2-1')).toBeNull();
    expect(parseHhMm('21:00')).toBe(1260);
    expect(parseHhMm('24:00')).toBeNull();
  });
});
