/**
 * The calendar's layout, free of React: which days a view shows, the instants it covers in the
 * viewer's zone, and where windows and changes fall on each day's wall clock. A day is the civil
 * date of the viewer's zone, so on a daylight-saving night it lasts 23 or 25 hours; blocks are placed
 * by wall-clock minutes (0–1440), as a paper calendar would, and an interval crossing midnight yields
 * one segment on each day it touches.
 */
import { startOfDayIn } from '../../components/time.ts';

export type CalendarView = 'month' | 'week';

/** Minutes in a wall-clock day: the height of the week view's time grid. */
export const DAY_MINUTES = 1440;
const MINUTE_MS = 60_000;

function civilParts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function civil(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

/** A civil date (YYYY-MM-DD) shifted by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = civilParts(date);
  return civil(new Date(Date.UTC(y, m - 1, d + days)));
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: string): number {
  const [y, m, d] = civilParts(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday on or before a date: weeks start on Monday in both languages of the app. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The first day of the month `months` after the one holding `date`. */
export function startOfMonth(date: string, months = 0): string {
  const [y, m] = civilParts(date);
  return civil(new Date(Date.UTC(y, m - 1 + months, 1)));
}

/** The seven days of the week holding `date`, Monday first. */
export function weekDays(date: string): string[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The weeks (Monday first) that show the month holding `date`: 4 to 6 rows of seven days. */
export function monthWeeks(date: string): string[][] {
  const first = startOfMonth(date);
  const next = startOfMonth(date, 1);
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday < next; monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

/** Every day a view shows, in order. */
export function viewDays(view: CalendarView, date: string): string[] {
  return view === 'week' ? weekDays(date) : monthWeeks(date).flat();
}

/** Previous / next period: a week either way, or the first day of the month before or after. */
export function shiftAnchor(view: CalendarView, date: string, step: -1 | 1): string {
  return view === 'week' ? addDays(date, 7 * step) : startOfMonth(date, step);
}

/** The instants (epoch ms) at which a civil day begins and ends in a zone: 23, 24 or 25 hours apart. */
export function dayBounds(date: string, zone: string): { start: number; end: number } {
  return {
    start: Date.parse(startOfDayIn(date, zone) ?? ''),
    end: Date.parse(startOfDayIn(date, zone, 1) ?? ''),
  };
}

/** The instants a view covers: from the start of its first day to the end of its last. */
export function viewRange(view: CalendarView, date: string, zone: string): { from: string; to: string } {
  const days = viewDays(view, date);
  const first = days[0] ?? date;
  const last = days.at(-1) ?? date;
  return {
    from: new Date(dayBounds(first, zone).start).toISOString(),
    to: new Date(dayBounds(last, zone).end).toISOString(),
  };
}

/**
 * The range to ask the windows of: the server answers the windows that *start* in [from, to), so
 * the query begins a day early to catch the window that started the evening before the first day
 * and runs into it (a window lasts at most 10 hours, and no zone is more than 14 hours off UTC).
 */
export function windowsQueryRange(
  view: CalendarView,
  date: string,
  zone: string,
): { from: string; to: string } {
  const range = viewRange(view, date, zone);
  return { from: new Date(Date.parse(range.from) - 86_400_000).toISOString(), to: range.to };
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallFormats.set(zone, format);
  }
  return format;
}

/** An instant on a zone's wall clock: its civil date and the minutes since that date's midnight. */
export function wallClock(instant: number | string, zone: string): { date: string; minutes: number } {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant;
  const parts = wallFormat(zone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const hour = Number(get('hour')) % 24;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: hour * 60 + Number(get('minute')) };
}

/** "21:00": minutes since midnight as a 24-hour wall-clock time (1440 reads "24:00"). */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface Timed {
  start: string;
  end: string;
}

/** The real length of an interval in minutes (a window on a daylight-saving night: 480 or 600). */
export function durationMinutes(item: Timed): number {
  return Math.round((Date.parse(item.end) - Date.parse(item.start)) / MINUTE_MS);
}

/** "8 h", "9 h 30 min", "45 min". */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}

/** The part of an interval that falls on one day, on that day's wall clock. */
export interface Segment<T> {
  item: T;
  day: string;
  /** Wall-clock minutes from the day's midnight: 0 when the interval began before the day. */
  top: number;
  /** Wall-clock minutes where it stops: 1440 when it runs past the day's end. */
  bottom: number;
  /** It began on an earlier day / runs into a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/**
 * The segments of the intervals that overlap a day (an interval that only touches the day's edge,
 * such as a window ending at midnight, has none there), in order of start.
 */
export function daySegments<T extends Timed>(items: readonly T[], day: string, zone: string): Segment<T>[] {
  const { start: dayStart, end: dayEnd } = dayBounds(day, zone);
  const out: Segment<T>[] = [];
  for (const item of items) {
    const start = Date.parse(item.start);
    const end = Date.parse(item.end);
    if (!(end > dayStart && start < dayEnd) || end <= start) continue;
    const from = Math.max(start, dayStart);
    const to = Math.min(end, dayEnd);
    const top = from === dayStart ? 0 : wallClock(from, zone).minutes;
    let bottom = to === dayEnd ? DAY_MINUTES : wallClock(to, zone).minutes;
    // In the repeated hour of an autumn night the wall clock runs back: keep the real length.
    if (bottom <= top) bottom = Math.min(DAY_MINUTES, top + Math.max(1, Math.round((to - from) / MINUTE_MS)));
    out.push({
      item,
      day,
      top,
      bottom,
      continuesBefore: start < dayStart,
      continuesAfter: end > dayEnd,
    });
  }
  return out.sort((a, b) => a.top - b.top || b.bottom - a.bottom);
}

/** The segments of every day of a view. */
export function segmentsByDay<T extends Timed>(
  items: readonly T[],
  days: readonly string[],
  zone: string,
): Map<string, Segment<T>[]> {
  return new Map(days.map((day) => [day, daySegments(items, day, zone)]));
}

/** The items that start on each day of a view (the viewer's civil date of their start), by start. */
export function startsByDay<T extends Timed>(
  items: readonly T[],
  days: readonly string[],
  zone: string,
): Map<string, T[]> {
  const out = new Map<string, T[]>(days.map((day) => [day, []]));
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const item of sorted) out.get(wallClock(item.start, zone).date)?.push(item);
  return out;
}

export interface Placed<T> extends Segment<T> {
  /** The side-by-side column this segment takes, and how many its cluster of overlaps needs. */
  lane: number;
  lanes: number;
}

/**
 * Side by side for overlapping blocks of one day: each cluster of overlapping segments is split into
 * as few columns as it needs, each segment in the first column free at its top.
 */
export function placeOverlapping<T>(segments: readonly Segment<T>[], minHeight = 0): Placed<T>[] {
  const sorted = [...segments].sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  const out: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const close = () => {
    for (const placed of cluster) placed.lanes = laneEnds.length;
    out.push(...cluster);
    cluster = [];
    laneEnds = [];
  };
  for (const segment of sorted) {
    const bottom = Math.max(segment.bottom, segment.top + minHeight);
    if (segment.top >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= segment.top);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(bottom);
    } else {
      laneEnds[lane] = bottom;
    }
    clusterEnd = cluster.length === 0 ? bottom : Math.max(clusterEnd, bottom);
    cluster.push({ ...segment, lane, lanes: 0 });
  }
  close();
  return out;
}
