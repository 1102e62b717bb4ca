// Policy-core benchmarks (issue 4). `runCoreBench()` prints nothing and returns numbers; the bench
// runner writes them to bench/results/latest.json.
//
// - add business hours (S3 = 8 h, S4 = 24 h) over seeded minute-aligned instants in 2026–2027, all
//   four regions, against dayjs-business-time configured with the same hours, zone (process TZ,
//   the only zone it knows) and holiday dates; agreement counted on every case;
// - a full year of maintenance windows for all four regions, per call;
// - a maintenance check for a 5,000-customer change across four regions, per call.
import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import defaultPolicy from '../policy/default.json' with { type: 'json' };
import {
  addBusinessMs,
  checkChangeForCustomers,
  getCalendar,
  HOUR_MS,
  listWindows,
  MINUTE_MS,
  type Policy,
  REGIONS,
  type Region,
  validatePolicy,
} from '../src/core/index.ts';

/** Seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mean time per call in µs, running fn until at least minMs have passed. */
function perCallMicros(fn: () => void, minMs = 300): { micros: number; iterations: number } {
  for (let i = 0; i < 5; i++) fn(); // warm up
  let iterations = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    iterations++;
    elapsed = performance.now() - t0;
  }
  return { micros: (elapsed * 1000) / iterations, iterations };
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

function loadPolicy(): Policy {
  const r = validatePolicy(structuredClone(defaultPolicy));
  if (!r.ok) throw new Error('default policy is invalid');
  return r.policy;
}

interface Case {
  region: Region;
  at: number;
  hours: number;
}

function workload(perRegion: number): Case[] {
  const rand = rng(20261124);
  const from = Date.UTC(2026, 0, 1) / MINUTE_MS;
  const span = (Date.UTC(2028, 0, 1) - Date.UTC(2026, 0, 1)) / MINUTE_MS;
  const cases: Case[] = [];
  for (const region of REGIONS) {
    for (let i = 0; i < perRegion; i++) {
      cases.push({ region, at: (from + Math.floor(rand() * span)) * MINUTE_MS, hours: i % 2 === 0 ? 8 : 24 });
    }
  }
  return cases;
}

/** Holiday date keys of a region for the years the workload can reach, from the core's calendar. */
function holidayKeys(policy: Policy, region: Region): string[] {
  const cal = getCalendar(policy, region);
  const first = Math.floor(Date.UTC(2025, 11, 1) / 86_400_000);
  const last = Math.floor(Date.UTC(2028, 2, 1) / 86_400_000);
  const keys: string[] = [];
  for (let d = first; d <= last; d++) {
    const day = cal.day(d);
    if (day.holidays && policy.regions[region].businessDays.includes(day.weekday)) keys.push(day.date);
  }
  return keys;
}

function benchAddBusinessHours(policy: Policy) {
  const cases = workload(1000);
  // Core: warm the calendars once (first-use cost reported separately), then time.
  const coldStart = performance.now();
  const coreAnswers = cases.map((c) => addBusinessMs(getCalendar(policy, c.region), c.at, c.hours * HOUR_MS));
  const coldMs = performance.now() - coldStart;
  let sink = 0;
  const core = perCallMicros(() => {
    for (const c of cases) sink += addBusinessMs(getCalendar(policy, c.region), c.at, c.hours * HOUR_MS);
  }, 500);
  const coreCallsPerSec = (cases.length / core.micros) * 1e6;

  // Peer: dayjs-business-time knows only the process time zone, so run it region by region.
  const plugin = ((dayjsBusinessTime as unknown as { default?: typeof dayjsBusinessTime }).default ??
    dayjsBusinessTime) as typeof dayjsBusinessTime;
  dayjs.extend(plugin);
  const savedTz = process.env.TZ;
  let agree = 0;
  let peerMs = 0;
  const disagreements: { region: Region; at: string; hours: number; core: string; peer: string }[] = [];
  try {
    for (const region of REGIONS) {
      const r = policy.regions[region];
      process.env.TZ = r.timeZone;
      const hours = [{ start: `${r.businessHours.start}:00`, end: `${r.businessHours.end}:00` }];
      const day = (n: number) => (r.businessDays.includes(n) ? hours : null);
      dayjs.setBusinessTime({
        monday: day(1),
        tuesday: day(2),
        wednesday: day(3),
        thursday: day(4),
        friday: day(5),
        saturday: day(6),
        sunday: day(7),
      });
      dayjs.setHolidays(holidayKeys(policy, region));
      const mine = cases.map((c, i) => ({ c, i })).filter((x) => x.c.region === region);
      const t0 = performance.now();
      const peer = mine.map(({ c }) => dayjs(c.at).addBusinessHours(c.hours).valueOf());
      peerMs += performance.now() - t0;
      mine.forEach(({ c, i }, k) => {
        if (peer[k] === coreAnswers[i]) agree++;
        else if (disagreements.length < 10) {
          disagreements.push({
            region,
            at: new Date(c.at).toISOString(),
            hours: c.hours,
            core: new Date(coreAnswers[i]!).toISOString(),
            peer: new Date(peer[k]!).toISOString(),
          });
        }
      });
    }
  } finally {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  }
  const peerCallsPerSec = (cases.length / peerMs) * 1000;
  return {
    cases: cases.length,
    coreCallsPerSec: round(coreCallsPerSec),
    coreMicrosPerCall: round(core.micros / cases.length),
    coreColdFirstPassMs: round(coldMs),
    peer: 'dayjs-business-time@1.0.4',
    peerCallsPerSec: round(peerCallsPerSec),
    speedRatio: round(coreCallsPerSec / peerCallsPerSec),
    agreement: agree,
    agreementRatio: round(agree / cases.length, 4),
    disagreements,
    sink: sink > 0,
  };
}

function benchWindows(policy: Policy) {
  const from = Date.UTC(2027, 0, 1);
  const to = Date.UTC(2028, 0, 1);
  const fresh = loadPolicy();
  const t0 = performance.now();
  let count = 0;
  for (const r of REGIONS) count += listWindows(getCalendar(fresh, r), from, to).length;
  const coldMs = performance.now() - t0;
  const warm = perCallMicros(() => {
    for (const r of REGIONS) listWindows(getCalendar(policy, r), from, to);
  });
  return {
    windowsPerCall: count,
    coldFirstCallMs: round(coldMs),
    warmMsPerCall: round(warm.micros / 1000),
    goalMs: 1,
  };
}

function benchMaintenanceCheck(policy: Policy) {
  const rand = rng(5000);
  const customers: Region[] = Array.from({ length: 5000 }, () => REGIONS[Math.floor(rand() * 4)]!);
  const start = Date.UTC(2027, 2, 10, 2, 0); // 22:00 EDT (a weekday night in AMER)
  const change = {
    type: 'service_interrupting' as const,
    start,
    end: start + 2 * HOUR_MS,
    noticeAt: Date.UTC(2027, 1, 1),
  };
  const result = checkChangeForCustomers(policy, change, customers);
  const warm = perCallMicros(() => {
    checkChangeForCustomers(policy, change, customers);
  });
  return {
    customers: customers.length,
    regions: result.regions.length,
    violations: result.violations.map((v) => `${v.code}@${v.region ?? '-'}`),
    msPerCall: round(warm.micros / 1000),
    goalMs: 5,
  };
}

export async function runCoreBench(): Promise<Record<string, unknown>> {
  const policy = loadPolicy();
  return {
    addBusinessHours: benchAddBusinessHours(policy),
    yearOfWindowsAllRegions: benchWindows(policy),
    maintenanceCheck5000Customers: benchMaintenanceCheck(policy),
  };
}
