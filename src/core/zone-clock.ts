// UTC offsets of one IANA zone, from Temporal once per span of years, then looked up by binary
// search: Temporal (polyfill) costs microseconds per call, a lookup costs nanoseconds.
import { Temporal } from 'temporal-polyfill';
import { civilFromDays, DAY_MS, daysFromCivil } from './civil-date.ts';

export interface OffsetShift {
  /** Instant the new offset takes effect (epoch ms). */
  at: number;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

export interface ZoneClock {
  readonly timeZone: string;
  /** Offset (ms, local − UTC) in effect at an instant. */
  offsetAt(epochMs: number): number;
  /** Local wall-clock ms (as if UTC) of an instant. */
  toLocal(epochMs: number): number;
  /**
   * Instant of a local wall-clock time, Temporal's 'compatible' disambiguation: a time inside a
   * spring-forward gap moves forward by the gap, a repeated fall-back time takes the earlier instant.
   */
  toEpoch(localMs: number): number;
  /** Offset changes in [from, to). */
  shiftsBetween(from: number, to: number): OffsetShift[];
}

const yearStartMs = (year: number): number => daysFromCivil(year, 1, 1) * DAY_MS;
const utcYear = (epochMs: number): number => civilFromDays(Math.floor(epochMs / DAY_MS)).year;

function temporalOffset(timeZone: string, epochMs: number): number {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;
}

/** Segments [from[i], from[i+1]) with offset[i], covering [start, end). */
function computeSegments(timeZone: string, start: number, end: number): { from: number[]; offset: number[] } {
  let zdt = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(timeZone);
  const from = [start];
  const offset = [zdt.offsetNanoseconds / 1e6];
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) break;
    zdt = next;
    from.push(next.epochMilliseconds);
    offset.push(next.offsetNanoseconds / 1e6);
  }
  return { from, offset };
}

export function createZoneClock(timeZone: string): ZoneClock {
  let from: number[] = [];
  let offset: number[] = [];
  let rangeStart = 0;
  let rangeEnd = 0;

  function ensure(epochMs: number): void {
    if (from.length === 0) {
      const y = utcYear(epochMs);
      rangeStart = yearStartMs(y - 1);
      rangeEnd = yearStartMs(y + 2);
      ({ from, offset } = computeSegments(timeZone, rangeStart, rangeEnd));
      return;
    }
    if (epochMs < rangeStart) {
      const newStart = yearStartMs(utcYear(epochMs) - 1);
      const seg = computeSegments(timeZone, newStart, rangeStart);
      const joinSame = seg.offset[seg.offset.length - 1] === offset[0];
      from = seg.from.concat(joinSame ? from.slice(1) : from);
      offset = seg.offset.concat(joinSame ? offset.slice(1) : offset);
      rangeStart = newStart;
    } else if (epochMs >= rangeEnd) {
      const newEnd = yearStartMs(utcYear(epochMs) + 2);
      const seg = computeSegments(timeZone, rangeEnd, newEnd);
      const joinSame = seg.offset[0] === offset[offset.length - 1];
      from = from.concat(joinSame ? seg.from.slice(1) : seg.from);
      offset = offset.concat(joinSame ? seg.offset.slice(1) : seg.offset);
      rangeEnd = newEnd;
    }
  }

  function indexAt(epochMs: number): number {
    if (epochMs < rangeStart || epochMs >= rangeEnd) ensure(epochMs);
    let lo = 0;
    let hi = from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (from[mid]! <= epochMs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function offsetAt(epochMs: number): number {
    // Index first: indexAt may replace the arrays, so read `offset` only after it returns.
    const i = indexAt(epochMs);
    return offset[i]!;
  }

  function toEpoch(localMs: number): number {
    // Offsets a day either side bracket any single transition near this wall time.
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    const t1 = localMs - before;
    if (before === after) return t1;
    const t2 = localMs - after;
    const v1 = offsetAt(t1) === before;
    const v2 = offsetAt(t2) === after;
    if (v1 && v2) return Math.min(t1, t2); // repeated hour: earlier instant
    if (v1) return t1;
    if (v2) return t2;
    return t1; // skipped hour: keep the pre-transition offset, i.e. push forward by the gap
  }

  function shiftsBetween(a: number, b: number): OffsetShift[] {
    const out: OffsetShift[] = [];
    if (b <= a) return out;
    indexAt(b);
    for (let i = indexAt(a) + 1; i < from.length && from[i]! < b; i++) {
      out.push({
        at: from[i]!,
        offsetBeforeMinutes: offset[i - 1]! / 60_000,
        offsetAfterMinutes: offset[i]! / 60_000,
      });
    }
    return out;
  }

  return {
    timeZone,
    offsetAt,
    toLocal: (epochMs) => epochMs + offsetAt(epochMs),
    toEpoch,
    shiftsBetween,
  };
}

/** Independent check through Temporal, for tests and validation. */
export function temporalOffsetMs(timeZone: string, epochMs: number): number {
  return temporalOffset(timeZone, epochMs);
}

/** True when Temporal knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}
