// Differential test: the fast calendar against a deliberately slow reference that asks Temporal
// about every single minute, with its own holiday table straight from date-holidays.
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, getCalendar, isBusinessTime } from './business-calendar.ts';
import { MINUTE_MS } from './civil-date.ts';
import { REGIONS, type Region } from './policy-document.ts';
import { loadDefaultPolicy, ZONES } from './test-support.ts';

const policy = loadDefaultPolicy();
const SOURCES: Record<Region, Holidays | null> = {
  AMER: new Holidays('US'),
  APJC: new Holidays('JP'),
  AUS: new Holidays('AU', 'ACT'),
  EMEA: null,
};
const holidayKeys = new Map<string, Set<string>>();
function isHoliday(region: Region, date: string): boolean {
  const key = `${region}:${date.slice(0, 4)}`;
  let set = holidayKeys.get(key);
  if (!set) {
    set = new Set(
      (SOURCES[region]?.getHolidays(Number(date.slice(0, 4))) ?? [])
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayKeys.set(key, set);
  }
  return set.has(date);
}

/** Is the minute starting at `ms` a business minute? One Temporal conversion per call. */
function refBusinessMinute(region: Region, ms: number): boolean {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(ZONES[region]);
  if (z.dayOfWeek > 5) return false;
  const minute = z.hour * 60 + z.minute;
  if (minute < 9 * 60 || minute >= 17 * 60) return false;
  return !isHoliday(region, z.toPlainDate().toString());
}

function refAdd(region: Region, t: number, minutes: number): number {
  let m = t;
  for (let counted = 0; counted < minutes; m += MINUTE_MS) if (refBusinessMinute(region, m)) counted++;
  return m;
}

function refBetween(region: Region, a: number, b: number): number {
  let n = 0;
  for (let m = a; m < b; m += MINUTE_MS) if (refBusinessMinute(region, m)) n++;
  return n;
}

/** Seeded PRNG (mulberry32) so every run checks the same instants. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FROM_MIN = Date.UTC(2026, 0, 1) / MINUTE_MS;
const SPAN_MIN = (Date.UTC(2028, 0, 1) - Date.UTC(2026, 0, 1)) / MINUTE_MS;

describe('differential against a minute-by-minute Temporal reference', () => {
  it.each(REGIONS)('%s: isBusinessTime on 3,000 seeded minutes', (region) => {
    const rand = rng(1000 + REGIONS.indexOf(region));
    const cal = getCalendar(policy, region);
    const diffs: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = (FROM_MIN + Math.floor(rand() * SPAN_MIN)) * MINUTE_MS;
      if (isBusinessTime(cal, t) !== refBusinessMinute(region, t)) diffs.push(t);
    }
    expect(diffs).toEqual([]);
  });

  it.each(REGIONS)('%s: add business minutes (1..600, S3 = 480) from 100 seeded instants', (region) => {
    const rand = rng(2000 + REGIONS.indexOf(region));
    const cal = getCalendar(policy, region);
    const diffs: string[] = [];
    for (let i = 0; i < 100; i++) {
      const t = (FROM_MIN + Math.floor(rand() * SPAN_MIN)) * MINUTE_MS;
      const minutes = i % 3 === 0 ? 480 : 1 + Math.floor(rand() * 600);
      const fast = addBusinessMs(cal, t, minutes * MINUTE_MS);
      const slow = refAdd(region, t, minutes);
      if (fast !== slow) diffs.push(`${new Date(t).toISOString()} +${minutes}: ${fast} vs ${slow}`);
    }
    expect(diffs).toEqual([]);
  });

  it.each(REGIONS)('%s: business minutes between 100 seeded pairs (spans up to 2 days)', (region) => {
    const rand = rng(3000 + REGIONS.indexOf(region));
    const cal = getCalendar(policy, region);
    const diffs: string[] = [];
    for (let i = 0; i < 100; i++) {
      const a = (FROM_MIN + Math.floor(rand() * SPAN_MIN)) * MINUTE_MS;
      const b = a + Math.floor(rand() * 2880) * MINUTE_MS;
      const fast = businessMsBetween(cal, a, b) / MINUTE_MS;
      const slow = refBetween(region, a, b);
      if (fast !== slow)
        diffs.push(`${new Date(a).toISOString()}..${new Date(b).toISOString()}: ${fast} vs ${slow}`);
    }
    expect(diffs).toEqual([]);
  });

  it.each(REGIONS)('%s: every minute of the DST and holiday weeks of 2026', (region) => {
    const cal = getCalendar(policy, region);
    const weeks = ['2026-03-05', '2026-03-26', '2026-04-01', '2026-10-01', '2026-10-22', '2026-10-29'];
    const diffs: number[] = [];
    for (const week of weeks) {
      const start = Date.parse(`${week}T00:00Z`);
      for (let m = start; m < start + 5 * 1440 * MINUTE_MS; m += 7 * MINUTE_MS) {
        if (isBusinessTime(cal, m) !== refBusinessMinute(region, m)) diffs.push(m);
      }
    }
    expect(diffs).toEqual([]);
  });
});
