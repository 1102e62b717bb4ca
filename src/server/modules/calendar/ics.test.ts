import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../core/business-calendar.ts';
import { DAY_MS, HOUR_MS } from '../../../core/civil-date.ts';
import { listWindows } from '../../../core/maintenance-windows.ts';
import { REGIONS, type Region } from '../../../core/policy-document.ts';
import { loadDefaultPolicy, ZONES } from '../../../core/test-support.ts';
import {
  changeUid,
  type FeedChange,
  feedHorizon,
  renderCalendar,
  windowUid,
  writeChangeEvent,
} from './ics.ts';
import { expand, parseFeed, wallClock } from './ics-test-support.ts';

const policy = loadDefaultPolicy();
const NOW = Date.parse('2026-02-15T10:00:00Z');

let serial = 0;
function change(overrides: Partial<FeedChange> & Pick<FeedChange, 'start' | 'end'>): FeedChange {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    number: serial,
    type: 'routine',
    title: `Change ${serial}`,
    description: '',
    status: 'notice_sent',
    sequence: 0,
    updatedAt: NOW,
    regions: ['EMEA'],
    ...overrides,
  };
}

const render = (changes: FeedChange[], windowRegions: Region[] = [], now = NOW) =>
  renderCalendar(policy, {
    name: 'Partner A · all customers',
    windowRegions,
    changes,
    horizon: feedHorizon(now),
  });

describe('changes in the feed', () => {
  const changes = [
    // An ordinary weekday-window change in Paris.
    change({ start: Date.parse('2026-03-10T20:00:00Z'), end: Date.parse('2026-03-10T23:30:00Z') }),
    // Paris spring-forward night (02:00 → 03:00 on 29 March 2026).
    change({ start: Date.parse('2026-03-28T20:00:00Z'), end: Date.parse('2026-03-29T04:00:00Z') }),
    // Paris fall-back night, ending inside the repeated hour (02:30 CET, the second 02:30).
    change({ start: Date.parse('2026-10-24T19:00:00Z'), end: Date.parse('2026-10-25T01:30:00Z') }),
    // New York spring-forward night (02:00 → 03:00 on 8 March 2026).
    change({
      start: Date.parse('2026-03-08T02:00:00Z'),
      end: Date.parse('2026-03-08T10:00:00Z'),
      regions: ['AMER'],
      type: 'infrastructure',
    }),
    // New York fall-back night, starting in the repeated hour (01:30 EST, the second 01:30).
    change({
      start: Date.parse('2026-11-01T06:30:00Z'),
      end: Date.parse('2026-11-01T09:00:00Z'),
      regions: ['AMER', 'EMEA'],
    }),
    // New York fall-back night, across the repeated hour (00:00 EDT → 03:00 EST): 4 hours.
    change({
      start: Date.parse('2026-11-01T04:00:00Z'),
      end: Date.parse('2026-11-01T08:00:00Z'),
      regions: ['AMER'],
    }),
    // Rescheduled twice, then cancelled.
    change({
      start: Date.parse('2026-04-07T19:00:00Z'),
      end: Date.parse('2026-04-07T21:00:00Z'),
      status: 'cancelled',
      sequence: 3,
    }),
    // No region in scope: written in UTC.
    change({
      start: Date.parse('2026-05-05T20:00:00Z'),
      end: Date.parse('2026-05-05T21:00:00Z'),
      regions: [],
    }),
  ];
  const text = render(changes);
  const feed = parseFeed(text);

  it('has one VEVENT per change whose start and end are the same instants', () => {
    expect(feed.events.size).toBe(changes.length);
    for (const c of changes) {
      const event = feed.events.get(changeUid(c.id));
      expect(event, c.id).toBeDefined();
      expect(event?.startDate.toJSDate().getTime(), `start of ${c.number}`).toBe(c.start);
      expect(event?.endDate.toJSDate().getTime(), `end of ${c.number}`).toBe(c.end);
      expect(event?.sequence).toBe(c.sequence);
    }
  });

  it("names the first region's zone, with its VTIMEZONE; the repeated hour falls back to UTC", () => {
    const tzid = (c: FeedChange, name: 'dtstart' | 'dtend') =>
      feed.events.get(changeUid(c.id))?.component.getFirstProperty(name)?.getParameter('tzid') ?? null;
    const [plain, spring, fall, amerSpring, amerFall, amerAcross, , utcOnly] = changes as [
      FeedChange,
      FeedChange,
      FeedChange,
      FeedChange,
      FeedChange,
      FeedChange,
      FeedChange,
      FeedChange,
    ];
    expect(tzid(plain, 'dtstart')).toBe('Europe/Paris');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260310T210000');
    expect(text).toContain('DTEND;TZID=Europe/Paris:20260311T003000');
    expect(tzid(spring, 'dtstart')).toBe('Europe/Paris');
    expect(text).toContain('DTEND;TZID=Europe/Paris:20260329T060000');
    expect(tzid(amerSpring, 'dtend')).toBe('America/New_York');
    expect(text).toContain('DTSTART;TZID=America/New_York:20260307T210000');
    expect(text).toContain('DTEND;TZID=America/New_York:20260308T060000');
    // 01:30 CET on 25 October exists twice; TZID form would mean the first one.
    expect(tzid(fall, 'dtstart')).toBeNull();
    expect(text).toContain('DTEND:20261025T013000Z');
    expect(tzid(amerFall, 'dtstart')).toBeNull();
    expect(text).toContain('DTSTART:20261101T063000Z');
    expect(tzid(amerAcross, 'dtstart')).toBe('America/New_York');
    expect(text).toContain('DTSTART;TZID=America/New_York:20261101T000000');
    expect(text).toContain('DTEND;TZID=America/New_York:20261101T030000');
    expect(tzid(utcOnly, 'dtstart')).toBeNull();
    const zones = feed.root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual(['America/New_York', 'Europe/Paris']);
  });

  it('marks cancellations STATUS:CANCELLED and everything else CONFIRMED', () => {
    for (const c of changes) {
      const event = feed.events.get(changeUid(c.id));
      expect(event?.component.getFirstPropertyValue('status')).toBe(
        c.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      );
    }
    const cancelled = changes.find((c) => c.status === 'cancelled');
    expect(feed.events.get(changeUid(cancelled?.id ?? ''))?.summary).toBe(
      `CHG-${String(cancelled?.number).padStart(6, '0')} · Cancelled: Change ${cancelled?.number}`,
    );
  });

  it('escapes and folds long text with commas, semicolons, backslashes and line breaks', () => {
    const title = `Upgrade CUCM, IM&P; Unity Connection \\ CER — ${'très long titre, '.repeat(8)}😀 done`;
    const description = 'First line; second part, with commas\nSecond line\r\nThird line \\ end';
    const c = change({
      start: Date.parse('2026-03-10T20:00:00Z'),
      end: Date.parse('2026-03-10T21:00:00Z'),
      title,
      description,
      number: 123,
    });
    const out = render([c]);
    for (const line of out.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(out.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out).toContain('SUMMARY:CHG-000123 · Upgrade CUCM\\, IM&P\\; Unity Connection \\\\ CER');
    const event = parseFeed(out).events.get(changeUid(c.id));
    expect(event?.summary).toBe(`CHG-000123 · ${title}`);
    expect(
      event?.description.startsWith('First line; second part, with commas\nSecond line\nThird line \\ end'),
    ).toBe(true);
  });

  it('copies events written before (writeChangeEvent) exactly as it would write them', () => {
    const changeUrl = (id: string) => `https://diops.example.net/changes/${id}`;
    const input = { name: 'p', windowRegions: ['EMEA' as const], horizon: feedHorizon(NOW), changeUrl };
    const fresh = changes.slice(0, 6);
    const written = fresh.map((c) => ({ ...c, text: writeChangeEvent(policy, c, changeUrl) }));
    expect(renderCalendar(policy, { ...input, changes: written })).toBe(
      renderCalendar(policy, { ...input, changes: fresh }),
    );
    // The zones of written events still get their VTIMEZONE.
    const amer = written.find((c) => c.regions[0] === 'AMER');
    expect(renderCalendar(policy, { ...input, windowRegions: [], changes: amer ? [amer] : [] })).toContain(
      'TZID:America/New_York',
    );
  });

  it('writes DTSTAMP and LAST-MODIFIED from the change, so the text is stable between reads', () => {
    const c = change({ start: Date.parse('2026-03-10T20:00:00Z'), end: Date.parse('2026-03-10T21:00:00Z') });
    const event = parseFeed(render([c])).events.get(changeUid(c.id));
    expect(event?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-02-15T10:00:00Z');
    expect(render([c], ['EMEA'])).toBe(render([c], ['EMEA'], NOW + 3 * HOUR_MS));
  });
});

describe('maintenance windows in the feed', () => {
  const text = render([], [...REGIONS]);
  const feed = parseFeed(text);
  const series = (region: Region, kind: 'weekday' | 'weekend') => {
    const event = feed.events.get(windowUid(region, kind));
    if (!event) throw new Error(`no ${kind} series for ${region}`);
    return event;
  };

  it('are weekly recurrences in local time, transparent, with a VTIMEZONE per zone', () => {
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=');
    for (const region of REGIONS) {
      for (const kind of ['weekday', 'weekend'] as const) {
        const event = series(region, kind);
        expect(event.startDate.toString()).toMatch(/T21:00:00$/);
        expect(event.endDate.toString()).toMatch(/T06:00:00$/);
        expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONES[region]);
        expect(event.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
      }
    }
    const zones = feed.root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual(Object.values(ZONES).sort());
  });

  it.each([
    ['EMEA', '2026-03-23', '2026-04-06', 'last Sunday of March'],
    ['EMEA', '2026-10-19', '2026-11-02', 'last Sunday of October'],
    ['AMER', '2026-03-02', '2026-03-16', 'second Sunday of March'],
    ['AMER', '2026-10-26', '2026-11-09', 'first Sunday of November'],
    ['AUS', '2026-03-30', '2026-04-13', 'first Sunday of April'],
    ['AUS', '2026-09-28', '2026-10-12', 'first Sunday of October'],
  ] as const)('%s windows starting %s – %s (%s) run 21:00 → 06:00 local', (region, from, to, _night) => {
    const zone = ZONES[region];
    const lengths: number[] = [];
    for (const kind of ['weekday', 'weekend'] as const) {
      const instances = expand(series(region, kind)).filter((o) => {
        const localDate = wallClock(zone, o.start).slice(0, 10);
        return localDate >= from && localDate < to;
      });
      expect(instances.length).toBe(kind === 'weekday' ? 10 : 4);
      for (const o of instances) {
        const start = wallClock(zone, o.start);
        const end = wallClock(zone, o.end);
        expect(start.slice(11)).toBe('21:00');
        expect(end.slice(11)).toBe('06:00');
        expect(Date.parse(`${end.slice(0, 10)}T00:00Z`) - Date.parse(`${start.slice(0, 10)}T00:00Z`)).toBe(
          DAY_MS,
        );
        const day = new Date(`${start.slice(0, 10)}T12:00Z`).getUTCDay();
        expect(day === 0 || day === 6).toBe(kind === 'weekend');
        lengths.push((o.end - o.start) / HOUR_MS);
      }
    }
    // The daylight-saving night (Saturday → Sunday) is one hour shorter or longer; the rest are 9 h.
    expect(lengths.filter((h) => h !== 9)).toHaveLength(1);
    expect([8, 10]).toContain(lengths.find((h) => h !== 9));
  });

  it('override exactly the daylight-saving nights, with the same UID and a RECURRENCE-ID', () => {
    const overrides = feed.exceptions.get(windowUid('EMEA', 'weekend')) ?? [];
    const nights = overrides.map((e) => e.recurrenceId.toString().slice(0, 10));
    expect(nights).toEqual(['2026-03-28', '2026-10-24', '2027-03-27']);
    expect(feed.exceptions.get(windowUid('EMEA', 'weekday'))).toBeUndefined();
    expect(feed.exceptions.get(windowUid('APJC', 'weekend'))).toBeUndefined();
  });

  it("expand to exactly the policy core's windows over the whole horizon (property)", () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const span = Date.parse('2034-12-31T00:00:00Z') - start;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: span }),
        fc.constantFrom(...REGIONS),
        fc.constantFrom('weekday' as const, 'weekend' as const),
        (offset, region, kind) => {
          const now = start + offset;
          const horizon = feedHorizon(now);
          const parsed = parseFeed(
            renderCalendar(policy, { name: 'p', windowRegions: [region], changes: [], horizon }),
          );
          const event = parsed.events.get(windowUid(region, kind));
          if (!event) throw new Error('missing series');
          const got = expand(event);
          const first = got[0];
          if (!first) throw new Error('empty series');
          // The series starts on the first ordinary window of the horizon (at most a week in).
          expect(first.start - horizon.from).toBeLessThan(8 * DAY_MS);
          expect(horizon.until - now).toBeGreaterThanOrEqual(400 * DAY_MS);
          expect(horizon.from).toBeLessThanOrEqual(now - 90 * DAY_MS);
          const want = listWindows(getCalendar(policy, region), first.start, horizon.until)
            .filter((w) => w.kind === kind)
            .map((w) => ({ start: w.start, end: w.end }));
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 24 },
    );
  });
});

describe('feedHorizon', () => {
  it('covers at least 90 days back and 400 days ahead, on month boundaries', () => {
    const h = feedHorizon(Date.parse('2026-05-01T00:30:00Z'));
    expect(new Date(h.from).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(h.until).toISOString()).toBe('2027-07-01T00:00:00.000Z');
  });
});

it('ical.js reads the calendar name', () => {
  const root = new ICAL.Component(ICAL.parse(render([])));
  expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Partner A · all customers');
});
