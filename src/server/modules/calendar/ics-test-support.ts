// Test helpers for the calendar feed: an independent reading of the generated text through ical.js,
// and wall-clock renderings through Intl (not the policy core's zone clock).
import ICAL from 'ical.js';

export interface Occurrence {
  start: number;
  end: number;
}

export interface ParsedFeed {
  root: ICAL.Component;
  /** Master events by UID, with their overridden instances related. */
  events: Map<string, ICAL.Event>;
  /** Overridden instances per UID. */
  exceptions: Map<string, ICAL.Event[]>;
}

export function parseFeed(text: string): ParsedFeed {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = new Map<string, ICAL.Event>();
  const exceptions = new Map<string, ICAL.Event[]>();
  for (const component of root.getAllSubcomponents('vevent')) {
    // ical.js relates every RECURRENCE-ID of the calendar to each master unless given its own list.
    const event = new ICAL.Event(component, { strictExceptions: true, exceptions: [] });
    if (event.isRecurrenceException()) {
      const list = exceptions.get(event.uid) ?? [];
      list.push(event);
      exceptions.set(event.uid, list);
    } else {
      if (events.has(event.uid)) throw new Error(`two masters for ${event.uid}`);
      events.set(event.uid, event);
    }
  }
  for (const [uid, list] of exceptions) {
    const master = events.get(uid);
    if (!master) throw new Error(`exception without a master: ${uid}`);
    for (const exception of list) master.relateException(exception);
  }
  return { root, events, exceptions };
}

/** Every instance of a (recurring) event as ical.js expands it, overrides applied. */
export function expand(event: ICAL.Event, max = 5_000): Occurrence[] {
  const out: Occurrence[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    out.push({ start: details.startDate.toJSDate().getTime(), end: details.endDate.toJSDate().getTime() });
    if (out.length > max) throw new Error(`${event.uid} expands past ${max} instances`);
  }
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DDTHH:MM' on the zone's wall clock, through Intl. */
export function wallClock(timeZone: string, epochMs: number): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
