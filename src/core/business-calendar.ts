// One region's calendar: local days with their business hours and maintenance window as epoch-ms
// bounds, computed once per local day and cached. Business-time arithmetic then walks days and
// compares numbers; no zone conversion happens on the hot path.
//
// Boundary convention [decision]: business hours are the half-open local interval [09:00, 17:00).
// A due time is the EARLIEST instant by which the requested business time has elapsed, so a due
// that fills a day exactly lands on 17:00 (not on the next 09:00), an opening at 09:00 counts from
// 09:00, and adding 0 minutes returns the instant unchanged.
import { DAY_MS, dateKey, isoWeekday, parseHhMm } from './civil-date.ts';
import { createHolidayLookup, type HolidayLookup } from './holidays.ts';
import type { Policy, Region, RegionPolicy } from './policy-document.ts';
import { createZoneClock, type OffsetShift, type ZoneClock } from './zone-clock.ts';

export interface LocalDay {
  /** Local epoch day (days since 1970-01-01 in the region's calendar). */
  readonly day: number;
  readonly date: string;
  /** ISO weekday, 1 = Monday. */
  readonly weekday: number;
  readonly holidays: readonly string[] | undefined;
  readonly isBusinessDay: boolean;
  /** Business interval [bizStart, bizEnd) in epoch ms; both NaN when not a business day. */
  readonly bizStart: number;
  readonly bizEnd: number;
  /** The maintenance window that starts on this local day. */
  readonly winStart: number;
  readonly winEnd: number;
  readonly winKind: 'weekday' | 'weekend';
}

export interface BusinessCalendar {
  readonly region: Region;
  readonly timeZone: string;
  readonly clock: ZoneClock;
  /** Local day containing an instant. */
  dayOf(epochMs: number): number;
  /** Cached facts about one local day. */
  day(localDay: number): LocalDay;
}

export function createBusinessCalendar(region: Region, config: RegionPolicy): BusinessCalendar {
  const clock = createZoneClock(config.timeZone);
  const holidays: HolidayLookup = createHolidayLookup(config.holidays);
  const bizStartMin = parseHhMm(config.businessHours.start) ?? 540;
  const bizEndMin = parseHhMm(config.businessHours.end) ?? 1020;
  const winStartMin = parseHhMm(config.windows.start) ?? 1260;
  const winEndMin = parseHhMm(config.windows.end) ?? 360;
  // A window whose end is not after its start ends on the next local day (21:00 → 06:00).
  const winEndDayOffset = winEndMin <= winStartMin ? 1 : 0;
  const businessDays = new Set(config.businessDays);
  const cache = new Map<number, LocalDay>();

  const wall = (day: number, minute: number): number => clock.toEpoch(day * DAY_MS + minute * 60_000);

  function build(d: number): LocalDay {
    const date = dateKey(d);
    const weekday = isoWeekday(d);
    const names = holidays(date);
    const workday = businessDays.has(weekday);
    const isBusinessDay = workday && names === undefined;
    return {
      day: d,
      date,
      weekday,
      holidays: names,
      isBusinessDay,
      bizStart: isBusinessDay ? wall(d, bizStartMin) : Number.NaN,
      bizEnd: isBusinessDay ? wall(d, bizEndMin) : Number.NaN,
      winStart: wall(d, winStartMin),
      winEnd: wall(d + winEndDayOffset, winEndMin),
      // Holidays do not change a window's kind: SPEC ties it to the weekday only.
      winKind: workday ? 'weekday' : 'weekend',
    };
  }

  return {
    region,
    timeZone: config.timeZone,
    clock,
    dayOf: (epochMs) => Math.floor(clock.toLocal(epochMs) / DAY_MS),
    day(d) {
      let info = cache.get(d);
      if (!info) {
        info = build(d);
        cache.set(d, info);
      }
      return info;
    },
  };
}

const calendarsByPolicy = new WeakMap<Policy, Map<Region, BusinessCalendar>>();

/** The region's calendar for a policy, memoised per policy object (keep the object to keep the cache). */
export function getCalendar(policy: Policy, region: Region): BusinessCalendar {
  let perRegion = calendarsByPolicy.get(policy);
  if (!perRegion) {
    perRegion = new Map();
    calendarsByPolicy.set(policy, perRegion);
  }
  let cal = perRegion.get(region);
  if (!cal) {
    const config = policy.regions[region];
    if (!config) throw new RangeError(`unknown region '${String(region)}'`);
    cal = createBusinessCalendar(region, config);
    perRegion.set(region, cal);
  }
  return cal;
}

export function isBusinessTime(cal: BusinessCalendar, t: number): boolean {
  const info = cal.day(cal.dayOf(t));
  return info.isBusinessDay && t >= info.bizStart && t < info.bizEnd;
}

/** Earliest instant ≥ t at which `ms` of business time has elapsed since t. */
export function addBusinessMs(cal: BusinessCalendar, t: number, ms: number): number {
  if (!(ms > 0)) return t;
  let remaining = ms;
  // Bounded walk: a calendar with no business day in ten years is a broken policy.
  for (let d = cal.dayOf(t), n = 0; n < 3660; d++, n++) {
    const info = cal.day(d);
    if (!info.isBusinessDay || info.bizEnd <= t) continue;
    const from = t > info.bizStart ? t : info.bizStart;
    const avail = info.bizEnd - from;
    if (remaining <= avail) return from + remaining;
    remaining -= avail;
  }
  throw new RangeError(`${cal.region}: no business time within ten years`);
}

/** Business time in [a, b) in ms; negative when b < a. */
export function businessMsBetween(cal: BusinessCalendar, a: number, b: number): number {
  if (b < a) return -businessMsBetween(cal, b, a);
  let total = 0;
  const last = cal.dayOf(b);
  for (let d = cal.dayOf(a); d <= last; d++) {
    const info = cal.day(d);
    if (!info.isBusinessDay) continue;
    const from = a > info.bizStart ? a : info.bizStart;
    const to = b < info.bizEnd ? b : info.bizEnd;
    if (to > from) total += to - from;
  }
  return total;
}

/** Start of the first business period at or after t (t itself when inside business hours). */
export function nextBusinessInstant(cal: BusinessCalendar, t: number): number {
  for (let d = cal.dayOf(t), n = 0; n < 3660; d++, n++) {
    const info = cal.day(d);
    if (info.isBusinessDay && info.bizEnd > t) return t > info.bizStart ? t : info.bizStart;
  }
  throw new RangeError(`${cal.region}: no business time within ten years`);
}

/** 'night' is any off-hours stretch before a business period; weekend days and holidays inside it are listed too. */
export type SkippedPeriod =
  | { kind: 'night'; from: number; to: number }
  | { kind: 'weekend'; date: string; weekday: number }
  | { kind: 'holiday'; date: string; names: readonly string[] };

export interface BusinessSpanExplanation {
  timeZone: string;
  from: number;
  to: number;
  businessMs: number;
  /** Business time counted, per local business day. */
  counted: { date: string; from: number; to: number }[];
  /** Non-business stretches crossed: nights between business days, weekend days, holidays by name. */
  skipped: SkippedPeriod[];
  /** Daylight-saving (or other offset) changes between from and to. */
  offsetShifts: OffsetShift[];
}

/** Why the business time between two instants is what it is (used for due-time explanations). */
export function explainBusinessSpan(
  cal: BusinessCalendar,
  from: number,
  to: number,
): BusinessSpanExplanation {
  const counted: BusinessSpanExplanation['counted'] = [];
  const skipped: SkippedPeriod[] = [];
  // Non-business days wait here so a night that began before them is listed first.
  let pending: SkippedPeriod[] = [];
  let businessMs = 0;
  let gapFrom = from;
  const last = cal.dayOf(to);
  for (let d = cal.dayOf(from); d <= last; d++) {
    const info = cal.day(d);
    if (!info.isBusinessDay) {
      if (info.holidays) pending.push({ kind: 'holiday', date: info.date, names: info.holidays });
      else pending.push({ kind: 'weekend', date: info.date, weekday: info.weekday });
      continue;
    }
    const a = from > info.bizStart ? from : info.bizStart;
    const b = to < info.bizEnd ? to : info.bizEnd;
    if (b <= a) continue;
    if (a > gapFrom) skipped.push({ kind: 'night', from: gapFrom, to: a });
    skipped.push(...pending);
    pending = [];
    counted.push({ date: info.date, from: a, to: b });
    businessMs += b - a;
    gapFrom = b;
  }
  skipped.push(...pending);
  return {
    timeZone: cal.timeZone,
    from,
    to,
    businessMs,
    counted,
    skipped,
    offsetShifts: cal.clock.shiftsBetween(from, to),
  };
}
