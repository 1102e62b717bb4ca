// The earliest start that breaks no scheduling rule, per region and common to all regions.
//
// Each region's rules reduce to a sorted list of allowed START intervals [from, to] (closed):
// inside a window of an admitted kind with room for the duration, after the notice period, inside
// the certificate range. The per-region answer is the first interval's start; the common answer
// is the first point of the intersection of all lists. Both are exact to the minute, not a scan.
import { getCalendar } from './business-calendar.ts';
import { DAY_MS, MINUTE_MS } from './civil-date.ts';
import { type MaintenanceWindow, windowAt } from './maintenance-windows.ts';
import type { Policy, Region } from './policy-document.ts';
import {
  type ChangeProposal,
  certificateStartRange,
  checkChange,
  isWindowExempt,
  needsNotice,
  noticeEarliestStart,
  type Violation,
} from './scheduling-rules.ts';

export interface SlotRequest extends Omit<ChangeProposal, 'start' | 'end'> {
  durationMinutes: number;
  /** Search from here (never before noticeAt). */
  after?: number;
  /** Search horizon in days from the search start (default: policy changes.nextSlotHorizonDays). */
  horizonDays?: number;
}

export interface Slot {
  start: number;
  end: number;
  /** The window holding the slot in each region (absent for emergency changes). */
  windows: Partial<Record<Region, MaintenanceWindow>>;
}

export interface RegionSlot {
  region: Region;
  slot: Slot | null;
  /** Lower bound the rules put on the start in this region (notice, certificate, search start). */
  earliestAllowedStart: number;
  /** Present when slot is null. */
  reason?: string;
}

export interface SlotResult {
  searchFrom: number;
  searchUntil: number;
  perRegion: RegionSlot[];
  common: Slot | null;
  /** Present when common is null: why no common slot exists within the horizon. */
  commonExplain?: {
    reason: 'blocked' | 'region_without_slot' | 'no_overlap';
    message: string;
    /** Region pairs whose allowed starts never meet within the horizon. */
    disjointPairs: [Region, Region][];
  };
  /** Rules no choice of time can satisfy (missing reasons, missing certificate expiry). */
  blocking: Violation[];
}

type Interval = [number, number];

const ceilMinute = (t: number) => Math.ceil(t / MINUTE_MS) * MINUTE_MS;

function allowedStarts(
  policy: Policy,
  req: SlotRequest,
  region: Region,
  searchFrom: number,
  searchUntil: number,
): { intervals: Interval[]; lower: number } {
  const cal = getCalendar(policy, region);
  const dur = req.durationMinutes * MINUTE_MS;
  let lower = searchFrom;
  let upper = Number.POSITIVE_INFINITY;
  if (needsNotice(policy, req.type, req.flags))
    lower = Math.max(lower, noticeEarliestStart(policy, region, req.noticeAt));
  if (req.type === 'certificate_renewal' && req.certificateExpiresAt != null) {
    const range = certificateStartRange(policy, req.certificateExpiresAt);
    lower = Math.max(lower, range.earliest);
    upper = range.latest;
  }
  lower = ceilMinute(lower);
  const last = Math.min(upper, searchUntil);
  if (isWindowExempt(req.type)) return { intervals: lower <= last ? [[lower, last]] : [], lower };
  const intervals: Interval[] = [];
  const admitsWeekend = policy.changes.weekendTypes.includes(req.type);
  const lastDay = cal.dayOf(last);
  for (let d = cal.dayOf(lower) - 1; d <= lastDay; d++) {
    const day = cal.day(d);
    if (day.winKind === 'weekend' && !admitsWeekend) continue;
    const from = Math.max(day.winStart, lower);
    const to = Math.min(day.winEnd - dur, last);
    if (from <= to) intervals.push([from, to]);
  }
  return { intervals, lower };
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x[0], y[0]);
    const to = Math.min(x[1], y[1]);
    if (from <= to) out.push([from, to]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

function slotAt(
  policy: Policy,
  regions: readonly Region[],
  start: number,
  dur: number,
  windowed: boolean,
): Slot {
  const windows: Partial<Record<Region, MaintenanceWindow>> = {};
  if (windowed) {
    for (const r of regions) {
      const w = windowAt(getCalendar(policy, r), start);
      if (w) windows[r] = w;
    }
  }
  return { start, end: start + dur, windows };
}

export function nextAllowedSlot(policy: Policy, req: SlotRequest): SlotResult {
  if (!(Number.isInteger(req.durationMinutes) && req.durationMinutes >= 1)) {
    throw new RangeError('durationMinutes must be a positive whole number');
  }
  const regions = [...new Set(req.regions)];
  if (regions.length === 0) throw new RangeError('regions must not be empty');
  const dur = req.durationMinutes * MINUTE_MS;
  const searchFrom = ceilMinute(Math.max(req.noticeAt, req.after ?? req.noticeAt));
  const searchUntil = searchFrom + (req.horizonDays ?? policy.changes.nextSlotHorizonDays) * DAY_MS;
  const windowed = !isWindowExempt(req.type);

  // Time-independent rules: evaluate once on any interval; keep only the codes no start can fix.
  const probe = checkChange(policy, { ...req, regions, start: searchFrom, end: searchFrom + dur });
  const blocking = probe.violations.filter(
    (v) =>
      v.code === 'upgrade_reason_required' ||
      v.code === 'emergency_reason_required' ||
      (v.code === 'certificate_window' && req.certificateExpiresAt == null),
  );

  const lists = new Map<Region, Interval[]>();
  const perRegion: RegionSlot[] = regions.map((region) => {
    const { intervals, lower } = allowedStarts(policy, req, region, searchFrom, searchUntil);
    lists.set(region, intervals);
    const first = intervals[0];
    return first
      ? { region, slot: slotAt(policy, [region], first[0], dur, windowed), earliestAllowedStart: lower }
      : {
          region,
          slot: null,
          earliestAllowedStart: lower,
          reason:
            req.type === 'certificate_renewal'
              ? 'no admitted window inside the certificate renewal range'
              : 'no admitted window within the search horizon',
        };
  });

  let common: Interval[] | null = null;
  for (const r of regions) common = common === null ? lists.get(r)! : intersect(common, lists.get(r)!);
  const first = common?.[0];
  const result: SlotResult = {
    searchFrom,
    searchUntil,
    perRegion,
    common: first && blocking.length === 0 ? slotAt(policy, regions, first[0], dur, windowed) : null,
    blocking,
  };
  if (!result.common) {
    const disjointPairs: [Region, Region][] = [];
    for (let i = 0; i < regions.length; i++) {
      for (let j = i + 1; j < regions.length; j++) {
        const a = regions[i]!;
        const b = regions[j]!;
        if (intersect(lists.get(a)!, lists.get(b)!).length === 0) disjointPairs.push([a, b]);
      }
    }
    const empty = perRegion.filter((p) => !p.slot).map((p) => p.region);
    result.commonExplain =
      blocking.length > 0
        ? { reason: 'blocked', message: blocking.map((v) => v.message).join('; '), disjointPairs }
        : empty.length > 0
          ? {
              reason: 'region_without_slot',
              message: `no allowed start in ${empty.join(', ')}`,
              disjointPairs,
            }
          : {
              reason: 'no_overlap',
              message: `the maintenance windows of ${disjointPairs.map((p) => p.join(' and ')).join('; ') || regions.join(', ')} never overlap long enough for ${req.durationMinutes} minutes within ${Math.round((searchUntil - searchFrom) / DAY_MS)} days`,
              disjointPairs,
            };
  }
  return result;
}
