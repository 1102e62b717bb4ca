import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { getCalendar } from './business-calendar.ts';
import { HOUR_MS, MINUTE_MS } from './civil-date.ts';
import {
  findContainingWindow,
  listWindows,
  nextWindowStartingAt,
  previousWindowStartingBefore,
} from './maintenance-windows.ts';
import { REGIONS, type Region } from './policy-document.ts';
import { at, loadDefaultPolicy, local, utc, ZONES } from './test-support.ts';

const policy = loadDefaultPolicy();
const cal = (r: Region) => getCalendar(policy, r);
const windowStartingOn = (r: Region, date: string) => {
  const from = at(r, `${date}T00:00`);
  const w = listWindows(cal(r), from, from + 24 * HOUR_MS)[0];
  if (!w) throw new Error('no window');
  return w;
};

describe('windows on daylight-saving nights (wall clock 21:00 → 06:00)', () => {
  it.each([
    ['AMER', '2026-03-07', '2026-03-08T02:00Z', '2026-03-08T10:00Z', 8, 'weekend'],
    ['AMER', '2026-10-31', '2026-11-01T01:00Z', '2026-11-01T11:00Z', 10, 'weekend'],
    ['EMEA', '2026-03-28', '2026-03-28T20:00Z', '2026-03-29T04:00Z', 8, 'weekend'],
    ['EMEA', '2026-10-24', '2026-10-24T19:00Z', '2026-10-25T05:00Z', 10, 'weekend'],
    // Starts on the last Sunday of October, after the shift: a normal 9 h CET window, weekend kind.
    ['EMEA', '2026-10-25', '2026-10-25T20:00Z', '2026-10-26T05:00Z', 9, 'weekend'],
    ['AUS', '2026-04-04', '2026-04-04T10:00Z', '2026-04-04T20:00Z', 10, 'weekend'],
    ['AUS', '2026-10-03', '2026-10-03T11:00Z', '2026-10-03T19:00Z', 8, 'weekend'],
    ['APJC', '2026-03-07', '2026-03-07T12:00Z', '2026-03-07T21:00Z', 9, 'weekend'],
    ['APJC', '2026-11-01', '2026-11-01T12:00Z', '2026-11-01T21:00Z', 9, 'weekend'],
  ] as const)('%s window starting %s', (region, date, start, end, hours, kind) => {
    const w = windowStartingOn(region, date);
    expect(w).toEqual({ start: utc(start), end: utc(end), kind, date });
    expect((w.end - w.start) / HOUR_MS).toBe(hours);
  });
});

describe('kind follows the local start day', () => {
  it('Fri 21:00 → Sat 06:00 is a weekday window, Sun 21:00 → Mon 06:00 a weekend one', () => {
    expect(windowStartingOn('AMER', '2026-11-27').kind).toBe('weekday'); // Friday (and a US observance)
    expect(windowStartingOn('AMER', '2026-11-28').kind).toBe('weekend');
    expect(windowStartingOn('AMER', '2026-11-29').kind).toBe('weekend');
    expect(windowStartingOn('AMER', '2026-11-30').kind).toBe('weekday');
    // Holidays do not change the kind: Thanksgiving's window is a weekday window.
    expect(windowStartingOn('AMER', '2026-11-26').kind).toBe('weekday');
  });
});

describe('listWindows bounds are [from, to)', () => {
  it('includes a window starting exactly at from, excludes one starting exactly at to', () => {
    const from = at('EMEA', '2026-06-01T21:00');
    const to = at('EMEA', '2026-06-03T21:00');
    const ws = listWindows(cal('EMEA'), from, to);
    expect(ws.map((w) => local('EMEA', w.start))).toEqual([
      '2026-06-01T21:00+02:00',
      '2026-06-02T21:00+02:00',
    ]);
    expect(listWindows(cal('EMEA'), from + MINUTE_MS, to + MINUTE_MS).map((w) => w.date)).toEqual([
      '2026-06-02',
      '2026-06-03',
    ]);
    expect(listWindows(cal('EMEA'), to, from)).toEqual([]);
  });
  it('a year has one window per local day', () => {
    for (const r of REGIONS) {
      expect(listWindows(cal(r), at(r, '2026-01-01T00:00'), at(r, '2027-01-01T00:00'))).toHaveLength(365);
    }
  });
});

describe('findContainingWindow', () => {
  const c = cal('AMER');
  it('accepts exactly 21:00 → 06:00, rejects a minute outside at either end', () => {
    expect(
      findContainingWindow(c, at('AMER', '2026-06-09T21:00'), at('AMER', '2026-06-10T06:00'))?.date,
    ).toBe('2026-06-09');
    expect(
      findContainingWindow(c, at('AMER', '2026-06-09T20:59'), at('AMER', '2026-06-10T01:00')),
    ).toBeNull();
    expect(
      findContainingWindow(c, at('AMER', '2026-06-09T22:00'), at('AMER', '2026-06-10T06:01')),
    ).toBeNull();
    expect(
      findContainingWindow(c, at('AMER', '2026-06-10T05:59'), at('AMER', '2026-06-10T06:00'))?.date,
    ).toBe('2026-06-09');
    // Spanning two windows is not "inside one window".
    expect(
      findContainingWindow(c, at('AMER', '2026-06-09T22:00'), at('AMER', '2026-06-10T22:00')),
    ).toBeNull();
  });
  it('the 10-hour fall-back window holds a 10-hour change', () => {
    const start = utc('2026-11-01T01:00Z');
    expect(findContainingWindow(c, start, start + 10 * HOUR_MS)?.date).toBe('2026-10-31');
    expect(findContainingWindow(c, start, start + 10 * HOUR_MS + MINUTE_MS)).toBeNull();
  });
  it('next and previous windows', () => {
    const t = at('AMER', '2026-06-10T12:00');
    expect(nextWindowStartingAt(c, t).date).toBe('2026-06-10');
    expect(previousWindowStartingBefore(c, t).date).toBe('2026-06-09');
    const exact = at('AMER', '2026-06-10T21:00');
    expect(nextWindowStartingAt(c, exact).date).toBe('2026-06-10');
    expect(previousWindowStartingBefore(c, exact).date).toBe('2026-06-09');
  });
});

describe('properties', () => {
  it('windows never overlap, start at 21:00 and end at 06:00 local, kinds by weekday', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        fc.integer({ min: utc('2025-01-01T00:00Z'), max: utc('2030-01-01T00:00Z') }),
        fc.integer({ min: 1, max: 60 }),
        (r, from, days) => {
          const ws = listWindows(cal(r), from, from + days * 24 * HOUR_MS);
          expect(ws.length).toBeGreaterThanOrEqual(days - 1);
          let prevEnd = -Infinity;
          for (const w of ws) {
            expect(w.start).toBeGreaterThanOrEqual(from);
            expect(w.start).toBeGreaterThanOrEqual(prevEnd);
            prevEnd = w.end;
            const s = Temporal.Instant.fromEpochMilliseconds(w.start).toZonedDateTimeISO(ZONES[r]);
            const e = Temporal.Instant.fromEpochMilliseconds(w.end).toZonedDateTimeISO(ZONES[r]);
            expect([s.hour, s.minute, e.hour, e.minute]).toEqual([21, 0, 6, 0]);
            expect(e.toPlainDate().toString()).toBe(s.toPlainDate().add({ days: 1 }).toString());
            expect(w.kind).toBe(s.dayOfWeek >= 6 ? 'weekend' : 'weekday');
            expect(s.toPlainDate().toString()).toBe(w.date);
          }
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });
});
