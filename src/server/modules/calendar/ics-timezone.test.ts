import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createZoneClock } from '../../../core/zone-clock.ts';
import { wallClock } from './ics-test-support.ts';
import { vtimezoneLines } from './ics-timezone.ts';

function timezoneOf(zone: string, fromYear: number, toYear: number) {
  const lines = vtimezoneLines(createZoneClock(zone), fromYear, toYear);
  const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join(
    '\r\n',
  );
  const component = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone');
  if (!component) throw new Error('no VTIMEZONE');
  return { lines, timezone: new ICAL.Timezone(component) };
}

/**
 * The instant ical.js gives a wall-clock time 'YYYY-MM-DDTHH:MM' with our VTIMEZONE as its TZID:
 * how a calendar app reads DTSTART;TZID=…. (ical.js's UTC → local conversion is only approximate
 * within a few hours of a transition, so the test goes the direction that matters.)
 */
function icalInstant(timezone: ICAL.Timezone, wall: string): number {
  const [date = '', time = ''] = wall.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return (
    ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }, timezone).toUnixTime() *
    1000
  );
}

/** A wall time that occurs twice (fall-back night) names its first occurrence: skipped here. */
const repeated = (zone: string, t: number, wall: string) =>
  [30, 60].some((m) => wallClock(zone, t - m * 60_000) === wall || wallClock(zone, t + m * 60_000) === wall);

describe('VTIMEZONE', () => {
  it.each([
    ['Europe/Paris', 2025, 2027],
    ['America/New_York', 2025, 2027],
    ['Australia/Sydney', 2025, 2027],
    ['Asia/Tokyo', 2025, 2027],
    ['Europe/London', 2025, 2027],
    ['Australia/Lord_Howe', 2025, 2026],
    ['America/St_Johns', 2025, 2026],
    ['Pacific/Chatham', 2025, 2026],
    ['America/Santiago', 2025, 2026],
    ['Africa/Casablanca', 2024, 2026],
    ['America/Sao_Paulo', 2018, 2020],
    ['Asia/Tehran', 2021, 2023],
  ])(
    '%s (%i–%i): every local time names the instant the IANA database gives it',
    (zone, fromYear, toYear) => {
      const { timezone } = timezoneOf(zone, fromYear, toYear);
      const end = Date.UTC(toYear + 1, 0, 1);
      const start = Date.UTC(fromYear, 0, 1);
      // Every 6 h 7 min over the years, and every 7 minutes for a day either side of each change.
      const samples: number[] = [];
      for (let t = start; t < end; t += 367 * 60_000) samples.push(t);
      for (const shift of createZoneClock(zone).shiftsBetween(start, end)) {
        for (let t = shift.at - 86_400_000; t < shift.at + 86_400_000; t += 7 * 60_000) samples.push(t);
      }
      let checked = 0;
      for (const t of samples) {
        const wall = wallClock(zone, t);
        if (repeated(zone, t, wall)) continue;
        expect(icalInstant(timezone, wall), `${wall} ${zone}`).toBe(t);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(2_000);
    },
  );

  it('writes yearly rules where the zone has them', () => {
    const { lines } = timezoneOf('Europe/Paris', 2025, 2027);
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'X-LIC-LOCATION:Europe/Paris',
      'BEGIN:DAYLIGHT',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'DTSTART:20240331T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'DTSTART:20241027T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    const ny = timezoneOf('America/New_York', 2026, 2026).lines;
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const sydney = timezoneOf('Australia/Sydney', 2026, 2026).lines;
    expect(sydney).toContain('RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU');
    expect(sydney).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU');
  });

  it('writes one fixed observance for a zone without daylight saving', () => {
    expect(timezoneOf('Asia/Tokyo', 2026, 2027).lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'X-LIC-LOCATION:Asia/Tokyo',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('ends a rule the zone dropped (UNTIL) and lists irregular changes one by one', () => {
    const saoPaulo = timezoneOf('America/Sao_Paulo', 2018, 2020).lines;
    expect(saoPaulo.some((l) => l.startsWith('RRULE:') && l.includes(';UNTIL='))).toBe(true);
    const casablanca = timezoneOf('Africa/Casablanca', 2024, 2026).lines;
    expect(casablanca.some((l) => l.startsWith('RRULE:'))).toBe(false);
    expect(casablanca.filter((l) => l.startsWith('DTSTART:')).length).toBeGreaterThan(6);
  });
});
