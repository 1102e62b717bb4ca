// Maintenance windows (SPEC §2): fixed wall-clock windows per region, 21:00 → 06:00 local by
// default, so 8 or 10 real hours on a daylight-saving night. A window belongs to the local day it
// starts on: Friday's is a weekday window, Saturday's and Sunday's are weekend windows.
import type { BusinessCalendar } from './business-calendar.ts';

export type WindowKind = 'weekday' | 'weekend';

export interface MaintenanceWindow {
  start: number;
  end: number;
  kind: WindowKind;
  /** Local date the window starts on. */
  date: string;
}

function windowOfDay(cal: BusinessCalendar, d: number): MaintenanceWindow {
  const info = cal.day(d);
  return { start: info.winStart, end: info.winEnd, kind: info.winKind, date: info.date };
}

/** Windows that start in [from, to), in order. */
export function listWindows(cal: BusinessCalendar, from: number, to: number): MaintenanceWindow[] {
  const out: MaintenanceWindow[] = [];
  if (!(to > from)) return out;
  const last = cal.dayOf(to);
  for (let d = cal.dayOf(from) - 1; d <= last; d++) {
    const info = cal.day(d);
    if (info.winStart >= from && info.winStart < to) {
      out.push({ start: info.winStart, end: info.winEnd, kind: info.winKind, date: info.date });
    }
  }
  return out;
}

/** The window that wholly contains [start, end], or null. */
export function findContainingWindow(
  cal: BusinessCalendar,
  start: number,
  end: number,
): MaintenanceWindow | null {
  if (end < start) return null;
  const d = cal.dayOf(start);
  // Only the window of the start's local day or of the day before can contain the start.
  for (const day of [d - 1, d]) {
    const info = cal.day(day);
    if (info.winStart <= start && end <= info.winEnd) return windowOfDay(cal, day);
  }
  return null;
}

/** First window starting at or after t. */
export function nextWindowStartingAt(cal: BusinessCalendar, t: number): MaintenanceWindow {
  for (let d = cal.dayOf(t) - 1; ; d++) {
    if (cal.day(d).winStart >= t) return windowOfDay(cal, d);
  }
}

/** Last window starting before t. */
export function previousWindowStartingBefore(cal: BusinessCalendar, t: number): MaintenanceWindow {
  for (let d = cal.dayOf(t) + 1; ; d--) {
    if (cal.day(d).winStart < t) return windowOfDay(cal, d);
  }
}

/** The window in progress at t, or null. */
export function windowAt(cal: BusinessCalendar, t: number): MaintenanceWindow | null {
  return findContainingWindow(cal, t, t);
}
