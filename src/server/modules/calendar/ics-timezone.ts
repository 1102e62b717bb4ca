// VTIMEZONE components (RFC 5545 §3.6.5) written from the same zone data the policy core uses
// (ZoneClock, i.e. the runtime's IANA database), so a calendar app turns every TZID time back into
// exactly the instant we meant. Each offset change seen over a span of years is grouped by its
// offsets; a group that recurs every year on the same "nth (or last) weekday of a month" at the
// same local time becomes one observance with a yearly RRULE (what every calendar app, Outlook
// included, understands); anything irregular is written out one observance per change.
import { civilFromDays, DAY_MS, daysFromCivil, isoWeekday } from '../../../core/civil-date.ts';
import type { OffsetShift, ZoneClock } from '../../../core/zone-clock.ts';
import { formatLocal, formatOffset, formatUtc } from './ics-format.ts';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Years sampled after the last time used: enough to tell "last Sunday" from "4th Sunday". */
const YEARS_AFTER = 8;

interface LocalShift {
  shift: OffsetShift;
  /** Onset in the local time of the observance before it (what DTSTART holds). */
  localMs: number;
  year: number;
  month: number;
  day: number;
  weekday: number;
  timeOfDay: number;
}

function describe(shift: OffsetShift): LocalShift {
  const localMs = shift.at + shift.offsetBeforeMinutes * 60_000;
  const epochDay = Math.floor(localMs / DAY_MS);
  const { year, month, day } = civilFromDays(epochDay);
  return {
    shift,
    localMs,
    year,
    month,
    day,
    weekday: isoWeekday(epochDay),
    timeOfDay: localMs - epochDay * DAY_MS,
  };
}

const daysInMonth = (year: number, month: number): number =>
  daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
  daysFromCivil(year, month, 1);

/** The BYDAY ordinal shared by every change of the group ('2', '-1'), or null when none fits. */
function commonOrdinal(group: LocalShift[]): string | null {
  const first = group[0];
  if (!first || group.length < 2) return null;
  let nth = true;
  let last = true;
  const firstNth = Math.ceil(first.day / 7);
  for (let i = 0; i < group.length; i++) {
    const s = group[i] as LocalShift;
    if (
      s.year !== first.year + i ||
      s.month !== first.month ||
      s.weekday !== first.weekday ||
      s.timeOfDay !== first.timeOfDay
    ) {
      return null;
    }
    if (Math.ceil(s.day / 7) !== firstNth) nth = false;
    if (s.day + 7 <= daysInMonth(s.year, s.month)) last = false;
  }
  if (nth) return String(firstNth);
  return last ? '-1' : null;
}

function observance(out: string[], s: LocalShift, rrule: string | null): void {
  const kind = s.shift.offsetAfterMinutes > s.shift.offsetBeforeMinutes ? 'DAYLIGHT' : 'STANDARD';
  out.push(
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${formatOffset(s.shift.offsetBeforeMinutes)}`,
    `TZOFFSETTO:${formatOffset(s.shift.offsetAfterMinutes)}`,
    `DTSTART:${formatLocal(s.localMs)}`,
  );
  if (rrule) out.push(rrule);
  out.push(`END:${kind}`);
}

function build(clock: ZoneClock, fromYear: number, toYear: number): string[] {
  const sampleStart = Date.UTC(fromYear - 1, 0, 1);
  const sampleEnd = Date.UTC(toYear + YEARS_AFTER, 0, 1);
  const out = ['BEGIN:VTIMEZONE', `TZID:${clock.timeZone}`, `X-LIC-LOCATION:${clock.timeZone}`];
  const shifts = clock.shiftsBetween(sampleStart, sampleEnd).map(describe);
  if (shifts.length === 0) {
    const offset = formatOffset(clock.offsetAt(sampleStart) / 60_000);
    out.push(
      'BEGIN:STANDARD',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
    );
    return out;
  }
  const groups = new Map<string, LocalShift[]>();
  for (const s of shifts) {
    const key = `${s.shift.offsetBeforeMinutes}>${s.shift.offsetAfterMinutes}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const lastSampledYear = toYear + YEARS_AFTER - 1;
  for (const group of groups.values()) {
    const ordinal = commonOrdinal(group);
    const first = group[0] as LocalShift;
    const last = group[group.length - 1] as LocalShift;
    if (ordinal === null) {
      for (const s of group) observance(out, s, null);
      continue;
    }
    // A rule that stopped inside the sample (a zone that dropped daylight saving) ends there.
    const until = last.year < lastSampledYear ? `;UNTIL=${formatUtc(last.shift.at)}` : '';
    const byDay = `${ordinal}${WEEKDAYS[first.weekday - 1]}`;
    observance(out, first, `RRULE:FREQ=YEARLY;BYMONTH=${first.month};BYDAY=${byDay}${until}`);
  }
  out.push('END:VTIMEZONE');
  return out;
}

const cache = new Map<string, readonly string[]>();

/**
 * The VTIMEZONE content lines (unfolded, no CRLF) for a zone, valid for every instant of the years
 * [fromYear, toYear]: the first observance starts at least a year before, the rules are checked
 * against the zone's real changes for eight years after.
 */
export function vtimezoneLines(clock: ZoneClock, fromYear: number, toYear: number): readonly string[] {
  const key = `${clock.timeZone}|${fromYear}|${toYear}`;
  let lines = cache.get(key);
  if (!lines) {
    lines = build(clock, fromYear, toYear);
    if (cache.size > 256) cache.clear();
    cache.set(key, lines);
  }
  return lines;
}
