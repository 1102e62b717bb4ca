/**
 * Wall-clock times for the change screens: the date-time inputs are typed in a chosen zone (the
 * viewer's, or one of the affected regions'), and a region's local window is shown as its own
 * clock reads it. Pure functions, no React.
 */
import type { Locale } from '../../api/types.ts';
import { instantToWallTime, wallTimeToInstant } from '../../components/time.ts';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES' };
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export type WallTimeKind = 'ok' | 'skipped' | 'repeated';

export interface WallTimeReading {
  /** The instant the wall time is read as (ISO, UTC). */
  instant: string;
  /**
   * `skipped`: the time does not exist that day (clocks go forward) and is read as the same time
   * after the jump; `repeated`: it happens twice (clocks go back) and the earlier one is used.
   */
  kind: WallTimeKind;
  /** What the zone's clock shows at `instant` ('YYYY-MM-DDTHH:mm'); differs from the input when skipped. */
  reads: string;
}

/**
 * A `DateTimeField` value ('YYYY-MM-DDTHH:mm') read on the wall clock of `zone`, with a word on
 * daylight-saving nights; undefined for anything that is not a complete wall time.
 */
export function readWallTime(wall: string, zone: string): WallTimeReading | undefined {
  const match = WALL.exec(wall);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  // Reject 2026-02-30T25:00 and friends rather than letting Date roll them over.
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    check.getUTCHours() !== h ||
    check.getUTCMinutes() !== mi
  )
    return undefined;
  const instant = wallTimeToInstant(wall, zone);
  if (!instant) return undefined;
  const reads = instantToWallTime(instant, zone);
  if (reads !== wall) return { instant, kind: 'skipped', reads };
  // Zones shift by 30 minutes to 2 hours. Another instant showing the same wall time means the
  // hour is repeated; the earlier one is used (as Temporal's 'compatible' reading does).
  const ms = new Date(instant).getTime();
  for (const back of [120, 60, 30]) {
    const earlier = new Date(ms - back * 60_000);
    if (instantToWallTime(earlier, zone) === wall)
      return { instant: earlier.toISOString(), kind: 'repeated', reads };
  }
  for (const ahead of [30, 60, 120]) {
    if (instantToWallTime(new Date(ms + ahead * 60_000), zone) === wall)
      return { instant, kind: 'repeated', reads };
  }
  return { instant, kind: 'ok', reads };
}

/** The instant as a wall time in `zone`, for filling an input ('YYYY-MM-DDTHH:mm'). */
export function toWallTime(iso: string, zone: string): string {
  return instantToWallTime(iso, zone);
}

/** Minutes from one instant to another (negative when `end` is before `start`). */
export function minutesBetween(start: string, end: string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}

/** "2 h", "9 h 30 min", "45 min", "1 d 2 h". */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (mins || parts.length === 0) parts.push(`${mins} min`);
  return parts.join(' ');
}

function wallDate(wall: string): Date | undefined {
  const match = WALL.exec(wall);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

const dayFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
const timeFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

/**
 * A window between two wall times, as the clock on that wall reads them, with no zone arithmetic:
 * "Sat, 28 Mar 2026, 21:00 → Sun, 29 Mar 2026, 06:00". The weekday is there because windows are
 * weekday or weekend windows.
 */
export function formatWallRange(start: string, end: string, locale: Locale): string {
  const s = wallDate(start);
  const e = wallDate(end);
  if (!s || !e) return `${start} → ${end}`;
  const day = dayFormat(locale);
  const time = timeFormat(locale);
  const startText = `${day.format(s)}, ${time.format(s)}`;
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return `${startText} → ${sameDay ? time.format(e) : `${day.format(e)}, ${time.format(e)}`}`;
}

/** Two instants as a window on the wall clock of `zone` (the zone is named by the caller). */
export function formatRangeIn(start: string, end: string, zone: string, locale: Locale): string {
  return formatWallRange(instantToWallTime(start, zone), instantToWallTime(end, zone), locale);
}

/** A wall time ('YYYY-MM-DDTHH:mm') shown in words, no zone arithmetic. */
export function formatWallTime(wall: string, locale: Locale): string {
  const d = wallDate(wall);
  if (!d) return wall;
  return `${dayFormat(locale).format(d)}, ${timeFormat(locale).format(d)}`;
}
