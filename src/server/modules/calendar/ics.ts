// The iCalendar (RFC 5545) text of a partner's or customer's private feed: one VEVENT per change and,
// per region in scope, the weekday and weekend maintenance windows as weekly recurring events in the
// region's local time. Pure: the caller passes the rows, the policy and the horizon (no clock here).
//
// Windows are wall-clock (SPEC §2), but RFC 5545 gives every instance of a recurrence the exact
// duration of DTSTART → DTEND; on a daylight-saving night the window is 8 or 10 real hours, so each
// such night gets an overridden instance (same UID, RECURRENCE-ID) whose DTEND is 06:00 local again.
import { getCalendar } from '../../../core/business-calendar.ts';
import { DAY_MS, parseHhMm } from '../../../core/civil-date.ts';
import { listWindows, type MaintenanceWindow, type WindowKind } from '../../../core/maintenance-windows.ts';
import { type ChangeType, type Policy, REGIONS, type Region } from '../../../core/policy-document.ts';
import type { ZoneClock } from '../../../core/zone-clock.ts';
import type { ChangeStatus } from '../../db/schema.ts';
import { CRLF, escapeText, formatLocal, formatUtc, IcsWriter } from './ics-format.ts';
import { vtimezoneLines } from './ics-timezone.ts';

export interface FeedChange {
  id: string;
  number: number;
  type: ChangeType;
  title: string;
  description: string;
  status: ChangeStatus;
  start: number;
  end: number;
  sequence: number;
  updatedAt: number;
  /** The affected regions within the feed's scope, in the change's order; the first names the zone. */
  regions: readonly Region[];
}

/** A change whose VEVENT was written before (writeChangeEvent) with this same policy and link. */
export interface WrittenChange {
  id: string;
  start: number;
  end: number;
  regions: readonly Region[];
  text: string;
}

/** What a feed covers: changes that end at or after `from`; windows that start in [from, until). */
export interface FeedHorizon {
  from: number;
  until: number;
}

export interface CalendarFeedInput {
  /** The calendar's display name. */
  name: string;
  /** Regions whose maintenance windows the feed shows. */
  windowRegions: readonly Region[];
  /** Earliest first; a change already written is copied as it is. */
  changes: readonly (FeedChange | WrittenChange)[];
  horizon: FeedHorizon;
  /** A link to the change in the web app, when there is one. */
  changeUrl?: (id: string) => string;
}

export const PAST_DAYS = 90;
export const WINDOW_DAYS = 400;
const ISO_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * The horizon for a feed read at `now`: from the first of the UTC month holding now − 90 days
 * (so at least 90 days of past changes) to the first of the UTC month after now + 400 days (at
 * least 400 days of windows). Month boundaries keep the text, and so its ETag, the same between
 * reads until a change moves or a month rolls over.
 */
export function feedHorizon(now: number): FeedHorizon {
  const past = new Date(now - PAST_DAYS * DAY_MS);
  const ahead = new Date(now + WINDOW_DAYS * DAY_MS);
  return {
    from: Date.UTC(past.getUTCFullYear(), past.getUTCMonth(), 1),
    until: Date.UTC(ahead.getUTCFullYear(), ahead.getUTCMonth() + 1, 1),
  };
}

export const changeReference = (number: number): string => `CHG-${String(number).padStart(6, '0')}`;
export const changeUid = (id: string): string => `change-${id}@di-ops`;
export const windowUid = (region: Region, kind: WindowKind): string =>
  `window-${kind}-${region.toLowerCase()}@di-ops`;

const LABELS = new Map<string, string>();
/** 'service_interrupting' → 'Service interrupting'. */
function label(value: string): string {
  let text = LABELS.get(value);
  if (text === undefined) {
    const spaced = value.replace(/_/g, ' ');
    text = spaced.charAt(0).toUpperCase() + spaced.slice(1);
    LABELS.set(value, text);
  }
  return text;
}

/** Whole seconds: iCalendar DATE-TIME has no fractions. */
const toSecond = (ms: number): number => ms - (((ms % 1000) + 1000) % 1000);

/** The zones the events use and the span of instants they need a VTIMEZONE for. */
class ZoneTracker {
  readonly clocks = new Map<string, ZoneClock>();
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  use(clock: ZoneClock, start: number, end: number): void {
    if (!this.clocks.has(clock.timeZone)) this.clocks.set(clock.timeZone, clock);
    if (start < this.min) this.min = start;
    if (end > this.max) this.max = end;
  }
}

/** What many changes share, kept per policy object: their regions' text. */
class ChangeContext {
  readonly #policy: Policy;
  readonly #regionText = new Map<string, string>();

  constructor(policy: Policy) {
    this.#policy = policy;
  }

  regionsText(regions: readonly Region[]): string {
    const key = regions.join();
    let text = this.#regionText.get(key);
    if (text === undefined) {
      text =
        regions.length === 0
          ? ''
          : `\nRegions: ${regions.map((r) => `${r} (${this.#policy.regions[r].timeZone})`).join(', ')}`;
      this.#regionText.set(key, text);
    }
    return text;
  }
}

/** DTSTART/DTEND in the zone when the local times name exactly these instants, else in UTC. */
function writeTimes(out: IcsWriter, clock: ZoneClock | null, start: number, end: number): void {
  if (clock) {
    const localStart = clock.toLocal(start);
    const localEnd = clock.toLocal(end);
    // A time in the repeated hour of a fall-back night would be read as its first occurrence.
    if (clock.toEpoch(localStart) === start && clock.toEpoch(localEnd) === end) {
      const tz = `;TZID=${clock.timeZone}:`;
      out.line(`DTSTART${tz}${formatLocal(localStart)}`);
      out.line(`DTEND${tz}${formatLocal(localEnd)}`);
      return;
    }
  }
  out.short(`DTSTART:${formatUtc(start)}`);
  out.short(`DTEND:${formatUtc(end)}`);
}

const contexts = new WeakMap<Policy, ChangeContext>();
function contextFor(policy: Policy): ChangeContext {
  let context = contexts.get(policy);
  if (!context) {
    context = new ChangeContext(policy);
    contexts.set(policy, context);
  }
  return context;
}

/** Where a change's times are written: the zone of its first region, or UTC without one. */
function changeClock(policy: Policy, change: { regions: readonly Region[] }): ZoneClock | null {
  const region = change.regions[0];
  return region ? getCalendar(policy, region).clock : null;
}

function changeEventText(
  context: ChangeContext,
  clock: ZoneClock | null,
  change: FeedChange,
  changeUrl: CalendarFeedInput['changeUrl'],
): string {
  const start = toSecond(change.start);
  const end = toSecond(change.end);
  const url = changeUrl?.(change.id);
  const cancelled = change.status === 'cancelled';
  const stamp = formatUtc(toSecond(change.updatedAt));
  const reference = changeReference(change.number);
  const own = change.description.trim();
  const details = `${reference} · ${label(change.type)} · ${label(change.status)}${context.regionsText(change.regions)}${url ? `\n${url}` : ''}`;
  const out = new IcsWriter();
  out.short('BEGIN:VEVENT');
  out.short(`UID:${changeUid(change.id)}`);
  out.short(`DTSTAMP:${stamp}`);
  out.short(`LAST-MODIFIED:${stamp}`);
  out.short(`SEQUENCE:${change.sequence}`);
  writeTimes(out, clock, start, end);
  out.line(`SUMMARY:${escapeText(`${reference} · ${cancelled ? 'Cancelled: ' : ''}${change.title}`)}`);
  out.line(`DESCRIPTION:${escapeText(own ? `${own}\n\n${details}` : details)}`);
  out.line(`CATEGORIES:Change,${escapeText(label(change.type))}`);
  out.short(cancelled ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED');
  if (url) out.line(`URL:${url}`);
  out.short('END:VEVENT');
  return out.text();
}

/**
 * One change's VEVENT, for callers that keep written events between feeds (a change's event
 * depends only on its row, the policy and the link).
 */
export function writeChangeEvent(
  policy: Policy,
  change: FeedChange,
  changeUrl?: CalendarFeedInput['changeUrl'],
): string {
  return changeEventText(contextFor(policy), changeClock(policy, change), change, changeUrl);
}

/** Wall-clock length of the region's window in ms (21:00 → 06:00 is 9 hours). */
function nominalWindowMs(policy: Policy, region: Region): number {
  const { start, end } = policy.regions[region].windows;
  const startMin = parseHhMm(start) ?? 0;
  const endMin = parseHhMm(end) ?? 0;
  return ((endMin <= startMin ? endMin + 1440 : endMin) - startMin) * 60_000;
}

function windowSeries(
  out: IcsWriter,
  policy: Policy,
  zones: ZoneTracker,
  region: Region,
  kind: WindowKind,
  windows: MaintenanceWindow[],
  stamp: string,
): void {
  const { clock } = getCalendar(policy, region);
  const nominal = nominalWindowMs(policy, region);
  // The master instance must have the ordinary length: RFC 5545 copies its exact duration.
  const firstIndex = windows.findIndex((w) => w.end - w.start === nominal);
  const master = windows[firstIndex];
  const last = windows[windows.length - 1];
  if (!master || !last) return;
  const businessDays = new Set(policy.regions[region].businessDays);
  const days = ISO_WEEKDAYS.filter((_, i) => businessDays.has(i + 1) === (kind === 'weekday'));
  zones.use(clock, master.start, last.end);
  const uid = `UID:${windowUid(region, kind)}`;
  const tz = `;TZID=${clock.timeZone}:`;
  const summary = `SUMMARY:${escapeText(`Maintenance window · ${region} ${kind}`)}`;
  const { start, end } = policy.regions[region].windows;
  const description = escapeText(
    `${label(kind)} maintenance window of ${region} customers: ${start} → ${end} ${clock.timeZone}, ` +
      `${kind === 'weekend' ? 'provider infrastructure changes only' : 'changes of every type'}. ` +
      'On a daylight-saving night the window is 8 or 10 hours long.',
  );
  out.short('BEGIN:VEVENT');
  out.line(uid);
  out.short(`DTSTAMP:${stamp}`);
  out.short('SEQUENCE:0');
  out.line(`DTSTART${tz}${formatLocal(clock.toLocal(master.start))}`);
  out.line(`DTEND${tz}${formatLocal(clock.toLocal(master.end))}`);
  out.line(`RRULE:FREQ=WEEKLY;BYDAY=${days.join(',')};UNTIL=${formatUtc(last.start)}`);
  out.line(summary);
  out.line(`DESCRIPTION:${description}`);
  out.short('CATEGORIES:Maintenance window');
  out.short('TRANSP:TRANSPARENT');
  out.short('END:VEVENT');
  for (let i = firstIndex + 1; i < windows.length; i++) {
    const w = windows[i] as MaintenanceWindow;
    if (w.end - w.start === nominal) continue;
    const localStart = formatLocal(clock.toLocal(w.start));
    const hours = (w.end - w.start) / 3_600_000;
    out.short('BEGIN:VEVENT');
    out.line(uid);
    out.line(`RECURRENCE-ID${tz}${localStart}`);
    out.short(`DTSTAMP:${stamp}`);
    out.short('SEQUENCE:0');
    out.line(`DTSTART${tz}${localStart}`);
    out.line(`DTEND${tz}${formatLocal(clock.toLocal(w.end))}`);
    out.line(summary);
    out.line(`DESCRIPTION:${description}${escapeText(` This one is ${hours} hours long.`)}`);
    out.short('CATEGORIES:Maintenance window');
    out.short('TRANSP:TRANSPARENT');
    out.short('END:VEVENT');
  }
}

/** The whole VCALENDAR text, CRLF line ends, every line folded at 75 octets. */
export function renderCalendar(policy: Policy, input: CalendarFeedInput): string {
  const zones = new ZoneTracker();
  const windowEvents = new IcsWriter();
  const stamp = formatUtc(input.horizon.from);
  for (const region of REGIONS.filter((r) => input.windowRegions.includes(r))) {
    const all = listWindows(getCalendar(policy, region), input.horizon.from, input.horizon.until);
    for (const kind of ['weekday', 'weekend'] as const) {
      const windows = all.filter((w) => w.kind === kind);
      windowSeries(windowEvents, policy, zones, region, kind, windows, stamp);
    }
  }
  const context = contextFor(policy);
  // Appending flat event strings keeps the rope shallow: one cheap flattening when it is sent.
  let changeEvents = '';
  for (const change of input.changes) {
    const clock = changeClock(policy, change);
    if (clock) zones.use(clock, toSecond(change.start), toSecond(change.end));
    changeEvents += 'text' in change ? change.text : changeEventText(context, clock, change, input.changeUrl);
  }

  const out = new IcsWriter();
  out.short('BEGIN:VCALENDAR');
  out.short('VERSION:2.0');
  out.short('PRODID:-//DI Ops//Changes and maintenance windows//EN');
  out.short('CALSCALE:GREGORIAN');
  const name = escapeText(input.name);
  out.line(`NAME:${name}`);
  out.line(`X-WR-CALNAME:${name}`);
  out.short('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
  out.short('X-PUBLISHED-TTL:PT1H');
  if (zones.clocks.size > 0) {
    const fromYear = new Date(zones.min).getUTCFullYear();
    const toYear = new Date(zones.max).getUTCFullYear();
    for (const clock of zones.clocks.values()) {
      for (const line of vtimezoneLines(clock, fromYear, toYear)) out.line(line);
    }
  }
  return `${out.text()}${windowEvents.text()}${changeEvents}END:VCALENDAR${CRLF}`;
}
