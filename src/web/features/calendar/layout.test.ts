import { describe, expect, it } from 'vitest';
import { wallTimeToInstant } from '../../components/time.ts';
import {
  addDays,
  clockText,
  dayBounds,
  daySegments,
  durationMinutes,
  durationText,
  isoWeekday,
  monthWeeks,
  placeOverlapping,
  type Segment,
  segmentsByDay,
  shiftAnchor,
  startOfWeek,
  startsByDay,
  viewDays,
  viewRange,
  wallClock,
  weekDays,
  windowsQueryRange,
} from './layout.ts';

/** A region's window as the server computes it: 21:00 on `date` to 06:00 the next day, wall clock. */
function windowOf(date: string, zone: string) {
  return {
    start: wallTimeToInstant(`${date}T21:00`, zone) ?? '',
    end: wallTimeToInstant(`${addDays(date, 1)}T06:00`, zone) ?? '',
  };
}

/** Only what a test looks at: the day and where the block sits on it. */
const spots = <T>(segments: Segment<T>[]) =>
  segments.map((s) => ({ day: s.day, from: clockText(s.top), to: clockText(s.bottom) }));

const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const SYDNEY = 'Australia/Sydney';

describe('civil dates and views', () => {
  it('counts weeks from Monday', () => {
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(startOfWeek('2026-03-29')).toBe('2026-03-23');
    expect(startOfWeek('2026-03-23')).toBe('2026-03-23');
    expect(weekDays('2026-01-01')).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
  });

  it('lays a month out in whole weeks', () => {
    // March 2026 begins on a Sunday and ends on a Tuesday: six rows.
    const march = monthWeeks('2026-03-17');
    expect(march).toHaveLength(6);
    expect(march[0]?.[0]).toBe('2026-02-23');
    expect(march[0]?.[6]).toBe('2026-03-01');
    expect(march[5]?.[6]).toBe('2026-04-05');
    // February 2027 begins on a Monday and has 28 days: exactly four rows.
    expect(monthWeeks('2027-02-10')).toHaveLength(4);
    expect(viewDays('month', '2026-03-01')).toHaveLength(42);
    expect(viewDays('week', '2026-03-01')).toHaveLength(7);
  });

  it('moves by a week or to the first of the next or previous month', () => {
    expect(shiftAnchor('week', '2026-03-29', 1)).toBe('2026-04-05');
    expect(shiftAnchor('week', '2026-03-02', -1)).toBe('2026-02-23');
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftAnchor('month', '2026-01-31', -1)).toBe('2025-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('knows how long a day is on a daylight-saving night', () => {
    const hours = (date: string, zone: string) => {
      const { start, end } = dayBounds(date, zone);
      return (end - start) / 3_600_000;
    };
    expect(hours('2026-03-29', PARIS)).toBe(23);
    expect(hours('2026-10-25', PARIS)).toBe(25);
    expect(hours('2026-03-08', NEW_YORK)).toBe(23);
    expect(hours('2026-11-01', NEW_YORK)).toBe(25);
    expect(hours('2026-03-29', TOKYO)).toBe(24);
  });

  it('covers a view from its first midnight to its last, in the viewer zone', () => {
    // The week of 23–29 March 2026 in Paris: CET at the start, CEST at the end.
    expect(viewRange('week', '2026-03-29', PARIS)).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(viewRange('week', '2026-03-29', TOKYO)).toEqual({
      from: '2026-03-22T15:00:00.000Z',
      to: '2026-03-29T15:00:00.000Z',
    });
    // The windows are asked from a day earlier, to catch the one running into the first morning.
    expect(windowsQueryRange('week', '2026-03-29', PARIS).from).toBe('2026-03-21T23:00:00.000Z');
  });

  it('reads an instant on a wall clock', () => {
    expect(wallClock('2026-03-29T01:30:00.000Z', PARIS)).toEqual({
      date: '2026-03-29',
      minutes: 3 * 60 + 30,
    });
    expect(wallClock('2026-03-28T23:30:00.000Z', PARIS)).toEqual({ date: '2026-03-29', minutes: 30 });
    expect(wallClock('2026-03-29T00:00:00.000Z', NEW_YORK)).toEqual({ date: '2026-03-28', minutes: 20 * 60 });
  });
});

describe('windows on daylight-saving nights', () => {
  it('Paris, spring forward (28 → 29 March 2026): an 8-hour window on both days', () => {
    const w = windowOf('2026-03-28', PARIS);
    expect(w).toEqual({ start: '2026-03-28T20:00:00.000Z', end: '2026-03-29T04:00:00.000Z' });
    expect(durationMinutes(w)).toBe(480);
    expect(durationText(durationMinutes(w))).toBe('8 h');
    const byDay = segmentsByDay([w], ['2026-03-28', '2026-03-29', '2026-03-30'], PARIS);
    expect(spots(byDay.get('2026-03-28') ?? [])).toEqual([{ day: '2026-03-28', from: '21:00', to: '24:00' }]);
    expect(spots(byDay.get('2026-03-29') ?? [])).toEqual([{ day: '2026-03-29', from: '00:00', to: '06:00' }]);
    expect(byDay.get('2026-03-30')).toEqual([]);
    expect(byDay.get('2026-03-28')?.[0]).toMatchObject({ continuesBefore: false, continuesAfter: true });
    expect(byDay.get('2026-03-29')?.[0]).toMatchObject({ continuesBefore: true, continuesAfter: false });
  });

  it('Paris, fall back (24 → 25 October 2026): a 10-hour window on both days', () => {
    const w = windowOf('2026-10-24', PARIS);
    expect(w).toEqual({ start: '2026-10-24T19:00:00.000Z', end: '2026-10-25T05:00:00.000Z' });
    expect(durationText(durationMinutes(w))).toBe('10 h');
    const segments = [...daySegments([w], '2026-10-24', PARIS), ...daySegments([w], '2026-10-25', PARIS)];
    expect(spots(segments)).toEqual([
      { day: '2026-10-24', from: '21:00', to: '24:00' },
      { day: '2026-10-25', from: '00:00', to: '06:00' },
    ]);
  });

  it('New York, spring forward (7 → 8 March 2026), seen from Paris and Tokyo: one block on the 8th', () => {
    const w = windowOf('2026-03-07', NEW_YORK);
    expect(w).toEqual({ start: '2026-03-08T02:00:00.000Z', end: '2026-03-08T10:00:00.000Z' });
    expect(durationMinutes(w)).toBe(480);
    // Paris is still on CET (UTC+1) on 8 March.
    expect(spots(daySegments([w], '2026-03-08', PARIS))).toEqual([
      { day: '2026-03-08', from: '03:00', to: '11:00' },
    ]);
    expect(daySegments([w], '2026-03-07', PARIS)).toEqual([]);
    expect(spots(daySegments([w], '2026-03-08', TOKYO))).toEqual([
      { day: '2026-03-08', from: '11:00', to: '19:00' },
    ]);
    // In New York itself it crosses midnight: 21:00–24:00 and 00:00–06:00 of a 23-hour day.
    expect(
      spots([...daySegments([w], '2026-03-07', NEW_YORK), ...daySegments([w], '2026-03-08', NEW_YORK)]),
    ).toEqual([
      { day: '2026-03-07', from: '21:00', to: '24:00' },
      { day: '2026-03-08', from: '00:00', to: '06:00' },
    ]);
  });

  it('New York, fall back (31 October → 1 November 2026), seen from Paris (already on CET) and Sydney', () => {
    const w = windowOf('2026-10-31', NEW_YORK);
    expect(w).toEqual({ start: '2026-11-01T01:00:00.000Z', end: '2026-11-01T11:00:00.000Z' });
    expect(durationText(durationMinutes(w))).toBe('10 h');
    expect(spots(daySegments([w], '2026-11-01', PARIS))).toEqual([
      { day: '2026-11-01', from: '02:00', to: '12:00' },
    ]);
    // Sydney is on summer time (UTC+11): 12:00–22:00 on the 1st.
    expect(spots(daySegments([w], '2026-11-01', SYDNEY))).toEqual([
      { day: '2026-11-01', from: '12:00', to: '22:00' },
    ]);
  });

  it('Paris spring-forward window seen from New York ends exactly at midnight: nothing on the next day', () => {
    const w = windowOf('2026-03-28', PARIS);
    // New York is on EDT (UTC−4) since 8 March: 16:00–24:00 on the 28th.
    expect(spots(daySegments([w], '2026-03-28', NEW_YORK))).toEqual([
      { day: '2026-03-28', from: '16:00', to: '24:00' },
    ]);
    expect(daySegments([w], '2026-03-29', NEW_YORK)).toEqual([]);
    // From Tokyo the same window is one morning block on Sunday.
    expect(spots(daySegments([w], '2026-03-29', TOKYO))).toEqual([
      { day: '2026-03-29', from: '05:00', to: '13:00' },
    ]);
  });

  it('Paris fall-back window seen from Tokyo and New York', () => {
    const w = windowOf('2026-10-24', PARIS);
    expect(spots(daySegments([w], '2026-10-25', TOKYO))).toEqual([
      { day: '2026-10-25', from: '04:00', to: '14:00' },
    ]);
    expect(spots(daySegments([w], '2026-10-24', NEW_YORK))).toEqual([
      { day: '2026-10-24', from: '15:00', to: '24:00' },
    ]);
    expect(spots(daySegments([w], '2026-10-25', NEW_YORK))).toEqual([
      { day: '2026-10-25', from: '00:00', to: '01:00' },
    ]);
  });

  it('keeps a block in the repeated hour of an autumn night the real length it has', () => {
    // 02:40 CEST (00:40Z) to 02:10 CET (01:10Z) on 25 October: the wall clock runs back, 30 minutes pass.
    const change = { start: '2026-10-25T00:40:00.000Z', end: '2026-10-25T01:10:00.000Z' };
    const [segment] = daySegments([change], '2026-10-25', PARIS);
    expect(segment?.top).toBe(160);
    expect(segment?.bottom).toBe(190);
  });
});

describe('changes on days', () => {
  const changes = [
    { id: 'late', start: '2026-03-28T23:30:00.000Z', end: '2026-03-29T01:30:00.000Z' },
    { id: 'early', start: '2026-03-28T20:30:00.000Z', end: '2026-03-28T22:00:00.000Z' },
  ];

  it('puts a change on the day it starts in the viewer zone (month view)', () => {
    const days = ['2026-03-28', '2026-03-29'];
    const paris = startsByDay(changes, days, PARIS);
    expect(paris.get('2026-03-28')?.map((c) => c.id)).toEqual(['early']);
    expect(paris.get('2026-03-29')?.map((c) => c.id)).toEqual(['late']);
    const newYork = startsByDay(changes, days, NEW_YORK);
    expect(newYork.get('2026-03-28')?.map((c) => c.id)).toEqual(['early', 'late']);
    expect(newYork.get('2026-03-29')).toEqual([]);
  });

  it('moves with the zone in the week view', () => {
    const late = changes[0] ? [changes[0]] : [];
    // 00:30–03:30 CEST in Paris (the clocks skip 02:00–03:00: two real hours), 08:30–10:30 in Tokyo.
    expect(spots(daySegments(late, '2026-03-29', PARIS))).toEqual([
      { day: '2026-03-29', from: '00:30', to: '03:30' },
    ]);
    expect(spots(daySegments(late, '2026-03-29', TOKYO))).toEqual([
      { day: '2026-03-29', from: '08:30', to: '10:30' },
    ]);
  });

  it('sets overlapping blocks side by side, as few columns as needed', () => {
    const day = '2026-06-01';
    const at = (h: number) => `2026-06-01T${String(h).padStart(2, '0')}:00:00.000Z`;
    const items = [
      { id: 'a', start: at(1), end: at(4) },
      { id: 'b', start: at(2), end: at(3) },
      { id: 'c', start: at(3), end: at(5) },
      { id: 'd', start: at(8), end: at(9) },
    ];
    const placed = placeOverlapping(daySegments(items, day, 'UTC'));
    const byId = Object.fromEntries(placed.map((p) => [p.item.id, { lane: p.lane, lanes: p.lanes }]));
    expect(byId).toEqual({
      a: { lane: 0, lanes: 2 },
      b: { lane: 1, lanes: 2 },
      c: { lane: 1, lanes: 2 },
      d: { lane: 0, lanes: 1 },
    });
  });

  it('gives a short block room for its label when asked', () => {
    const items = [
      { id: 'a', start: '2026-06-01T01:00:00.000Z', end: '2026-06-01T01:10:00.000Z' },
      { id: 'b', start: '2026-06-01T01:15:00.000Z', end: '2026-06-01T02:00:00.000Z' },
    ];
    const placed = placeOverlapping(daySegments(items, '2026-06-01', 'UTC'), 30);
    expect(placed.map((p) => [p.item.id, p.lane, p.lanes])).toEqual([
      ['a', 0, 2],
      ['b', 1, 2],
    ]);
  });

  it('writes durations and clock times', () => {
    expect(durationText(45)).toBe('45 min');
    expect(durationText(570)).toBe('9 h 30 min');
    expect(clockText(0)).toBe('00:00');
    expect(clockText(1440)).toBe('24:00');
  });
});
