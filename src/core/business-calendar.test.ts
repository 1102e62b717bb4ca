import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMs,
  businessMsBetween,
  explainBusinessSpan,
  getCalendar,
  isBusinessTime,
  nextBusinessInstant,
} from './business-calendar.ts';
import { HOUR_MS, MINUTE_MS } from './civil-date.ts';
import { REGIONS, type Region } from './policy-document.ts';
import { at, loadDefaultPolicy, local, utc } from './test-support.ts';

const policy = loadDefaultPolicy();
const DAY = 8 * HOUR_MS; // one business day
const add = (region: Region, openedLocal: string, ms: number) =>
  local(region, addBusinessMs(getCalendar(policy, region), at(region, openedLocal), ms));

describe('SPEC §2 worked examples (one business day = 8 business hours)', () => {
  it.each(REGIONS)('%s: Tue 16:00 → Wed 16:00, Tue 20:00 → Wed 17:00, Fri 16:00 → Mon 16:00', (region) => {
    // 2026-06-09 is a Tuesday with no holiday in any region that week.
    expect(add(region, '2026-06-09T16:00', DAY)).toMatch(/^2026-06-10T16:00/);
    expect(add(region, '2026-06-09T20:00', DAY)).toMatch(/^2026-06-10T17:00/);
    expect(add(region, '2026-06-12T16:00', DAY)).toMatch(/^2026-06-15T16:00/);
  });
});

describe('boundaries', () => {
  const cal = getCalendar(policy, 'AMER');
  it('business hours are [09:00, 17:00)', () => {
    expect(isBusinessTime(cal, at('AMER', '2026-06-09T08:59'))).toBe(false);
    expect(isBusinessTime(cal, at('AMER', '2026-06-09T09:00'))).toBe(true);
    expect(isBusinessTime(cal, at('AMER', '2026-06-09T16:59'))).toBe(true);
    expect(isBusinessTime(cal, at('AMER', '2026-06-09T17:00'))).toBe(false);
    expect(isBusinessTime(cal, at('AMER', '2026-06-13T12:00'))).toBe(false); // Saturday
  });
  it('counts from 09:00, lands on 17:00, resumes at 09:00', () => {
    expect(add('AMER', '2026-06-09T08:59', MINUTE_MS)).toBe('2026-06-09T09:01-04:00');
    expect(add('AMER', '2026-06-09T09:00', MINUTE_MS)).toBe('2026-06-09T09:01-04:00');
    expect(add('AMER', '2026-06-09T09:00', DAY)).toBe('2026-06-09T17:00-04:00');
    expect(add('AMER', '2026-06-09T16:59', MINUTE_MS)).toBe('2026-06-09T17:00-04:00');
    expect(add('AMER', '2026-06-09T16:59', 2 * MINUTE_MS)).toBe('2026-06-10T09:01-04:00');
    expect(add('AMER', '2026-06-09T17:00', MINUTE_MS)).toBe('2026-06-10T09:01-04:00');
    expect(add('AMER', '2026-06-09T17:00', 0)).toBe('2026-06-09T17:00-04:00');
    expect(add('AMER', '2026-06-12T17:00', DAY)).toBe('2026-06-15T17:00-04:00');
  });
  it('next business instant', () => {
    expect(local('AMER', nextBusinessInstant(cal, at('AMER', '2026-06-12T17:00')))).toBe(
      '2026-06-15T09:00-04:00',
    );
    expect(local('AMER', nextBusinessInstant(cal, at('AMER', '2026-06-12T16:59')))).toBe(
      '2026-06-12T16:59-04:00',
    );
  });
});

describe('holidays', () => {
  it('AMER: observed Independence Day (Fri 2026-07-03) and Labor Day (Mon)', () => {
    expect(add('AMER', '2026-07-02T16:00', DAY)).toBe('2026-07-06T16:00-04:00');
    expect(add('AMER', '2026-09-04T16:00', DAY)).toBe('2026-09-08T16:00-04:00');
    // Thanksgiving Thursday; the day after is only an observance, so it is a business day.
    expect(add('AMER', '2026-11-25T16:00', DAY)).toBe('2026-11-27T16:00-05:00');
    // 2027-12-31 (Fri) is New Year's Day observed.
    expect(add('AMER', '2027-12-30T16:00', DAY)).toBe('2028-01-03T16:00-05:00');
  });
  it('APJC: Golden Week with its substitute day, Silver Week', () => {
    // Mon 4, Tue 5 holidays, Wed 6 substitute for Sunday 3 May.
    expect(add('APJC', '2026-05-01T16:00', DAY)).toBe('2026-05-07T16:00+09:00');
    expect(add('APJC', '2026-09-18T16:00', DAY)).toBe('2026-09-24T16:00+09:00');
  });
  it('AUS: Easter across the April DST end, ACT Canberra Day, Labour Day across the October DST start', () => {
    expect(add('AUS', '2026-04-02T16:00', DAY)).toBe('2026-04-07T16:00+10:00');
    expect(add('AUS', '2026-03-06T16:00', DAY)).toBe('2026-03-10T16:00+11:00');
    expect(add('AUS', '2026-10-02T16:00', DAY)).toBe('2026-10-06T16:00+11:00');
    // Anzac Day falls on Saturday 2026-04-25; Monday 27 is the substitute.
    expect(add('AUS', '2026-04-24T16:00', DAY)).toBe('2026-04-28T16:00+10:00');
  });
  it('EMEA: weekends only, Christmas is a business day', () => {
    expect(add('EMEA', '2026-12-24T16:00', DAY)).toBe('2026-12-25T16:00+01:00');
  });
  it('operator extra and removed dates', () => {
    const custom = loadDefaultPolicy();
    custom.regions.AMER.holidays = {
      country: 'US',
      types: ['public'],
      extraDates: [{ date: '2026-06-10', name: 'Company day' }],
      removedDates: ['2026-07-03'],
    };
    const cal = getCalendar(custom, 'AMER');
    expect(local('AMER', addBusinessMs(cal, at('AMER', '2026-06-09T16:00'), DAY))).toBe(
      '2026-06-11T16:00-04:00',
    );
    expect(local('AMER', addBusinessMs(cal, at('AMER', '2026-07-02T16:00'), DAY))).toBe(
      '2026-07-03T16:00-04:00',
    );
  });
});

describe('daylight-saving nights, due times exact to the minute in UTC', () => {
  it('New York spring (2026-03-08) and fall (2026-11-01)', () => {
    const cal = getCalendar(policy, 'AMER');
    expect(addBusinessMs(cal, utc('2026-03-06T21:00Z'), DAY)).toBe(utc('2026-03-09T20:00Z'));
    expect(addBusinessMs(cal, utc('2026-10-30T20:00Z'), DAY)).toBe(utc('2026-11-02T21:00Z'));
  });
  it('Paris spring (2026-03-29) and fall (2026-10-25)', () => {
    const cal = getCalendar(policy, 'EMEA');
    expect(addBusinessMs(cal, utc('2026-03-27T15:00Z'), DAY)).toBe(utc('2026-03-30T14:00Z'));
    expect(addBusinessMs(cal, utc('2026-10-23T14:00Z'), DAY)).toBe(utc('2026-10-26T15:00Z'));
  });
  it('Sydney fall back (2026-04-05) and spring forward (2026-10-04)', () => {
    const cal = getCalendar(policy, 'AUS');
    expect(addBusinessMs(cal, utc('2026-04-02T05:00Z'), DAY)).toBe(utc('2026-04-07T06:00Z'));
    expect(addBusinessMs(cal, utc('2026-10-02T06:00Z'), DAY)).toBe(utc('2026-10-06T05:00Z'));
  });
  it('Tokyo control: no shift', () => {
    const cal = getCalendar(policy, 'APJC');
    expect(addBusinessMs(cal, utc('2026-03-06T07:00Z'), DAY)).toBe(utc('2026-03-09T07:00Z'));
  });
  it('business time between across a DST night is unchanged', () => {
    const cal = getCalendar(policy, 'AMER');
    expect(businessMsBetween(cal, at('AMER', '2026-03-06T09:00'), at('AMER', '2026-03-09T17:00'))).toBe(
      2 * DAY,
    );
    expect(businessMsBetween(cal, at('AMER', '2026-03-09T17:00'), at('AMER', '2026-03-06T09:00'))).toBe(
      -2 * DAY,
    );
  });
});

describe('explanation', () => {
  it('lists the night, weekend, holidays by name and the DST shift crossed', () => {
    const cal = getCalendar(policy, 'AUS');
    const from = at('AUS', '2026-04-02T16:00');
    const due = addBusinessMs(cal, from, DAY);
    const ex = explainBusinessSpan(cal, from, due);
    expect(ex.businessMs).toBe(DAY);
    expect(ex.counted.map((c) => c.date)).toEqual(['2026-04-02', '2026-04-07']);
    expect(ex.skipped.map((s) => (s.kind === 'night' ? 'night' : `${s.kind}:${s.date}`))).toEqual([
      'night',
      'holiday:2026-04-03',
      'holiday:2026-04-04',
      'holiday:2026-04-05',
      'holiday:2026-04-06',
    ]);
    const good = ex.skipped[1];
    expect(good?.kind === 'holiday' && good.names).toEqual(['Good Friday']);
    expect(ex.offsetShifts).toEqual([
      { at: utc('2026-04-04T16:00Z'), offsetBeforeMinutes: 660, offsetAfterMinutes: 600 },
    ]);
  });
  it('an opening after hours skips the night first', () => {
    const cal = getCalendar(policy, 'AMER');
    const from = at('AMER', '2026-06-09T20:00');
    const ex = explainBusinessSpan(cal, from, addBusinessMs(cal, from, DAY));
    expect(ex.skipped).toEqual([{ kind: 'night', from, to: at('AMER', '2026-06-10T09:00') }]);
  });
  it('weekend days are named as such', () => {
    const cal = getCalendar(policy, 'EMEA');
    const from = at('EMEA', '2026-06-12T16:00');
    const ex = explainBusinessSpan(cal, from, addBusinessMs(cal, from, DAY));
    expect(ex.skipped.map((s) => s.kind)).toEqual(['night', 'weekend', 'weekend']);
  });
});

describe('properties', () => {
  const TWO_YEARS = [utc('2026-01-01T00:00Z'), utc('2028-01-01T00:00Z')] as const;
  const instant = fc.integer({ min: TWO_YEARS[0], max: TWO_YEARS[1] });
  const region = fc.constantFrom(...REGIONS);
  const minutes = fc.integer({ min: 0, max: 5 * 480 }).map((m) => m * MINUTE_MS);
  const opts = { numRuns: 400, seed: 42 };

  it('due ≥ opened, and the business time between them is exactly the target', () => {
    fc.assert(
      fc.property(region, instant, minutes, (r, t, ms) => {
        const cal = getCalendar(policy, r);
        const due = addBusinessMs(cal, t, ms);
        expect(due).toBeGreaterThanOrEqual(t);
        expect(businessMsBetween(cal, t, due)).toBe(ms);
        // Earliest such instant: one ms less is not enough.
        if (ms > 0) expect(businessMsBetween(cal, t, due - 1)).toBeLessThan(ms);
      }),
      opts,
    );
  });
  it('due is monotonic in opened', () => {
    fc.assert(
      fc.property(region, instant, fc.integer({ min: 0, max: 7 * 24 * 60 }), minutes, (r, t, dt, ms) => {
        const cal = getCalendar(policy, r);
        expect(addBusinessMs(cal, t + dt * MINUTE_MS, ms)).toBeGreaterThanOrEqual(addBusinessMs(cal, t, ms));
      }),
      opts,
    );
  });
  it('adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(region, instant, minutes, minutes, (r, t, a, b) => {
        const cal = getCalendar(policy, r);
        expect(addBusinessMs(cal, addBusinessMs(cal, t, a), b)).toBe(addBusinessMs(cal, t, a + b));
      }),
      opts,
    );
  });
});
