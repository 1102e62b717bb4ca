// The policy document (SPEC §9): its TypeScript shape and its validation, structural (JSON Schema,
// unknown properties rejected) then semantic (rules a schema cannot express).

import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import Holidays from 'date-holidays';
import schema from '../../policy/policy.schema.json' with { type: 'json' };
import { parseDateKey, parseHhMm } from './civil-date.ts';
import { isValidTimeZone } from './zone-clock.ts';

export const REGIONS = ['AMER', 'APJC', 'AUS', 'EMEA'] as const;
export type Region = (typeof REGIONS)[number];

export const SEVERITIES = ['S1', 'S2', 'S3', 'S4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const IMPACTS = ['widespread', 'large', 'localized', 'individualized'] as const;
export type Impact = (typeof IMPACTS)[number];

export const URGENCIES = ['critical', 'high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CHANGE_TYPES = [
  'routine',
  'service_interrupting',
  'certificate_renewal',
  'upgrade',
  'cop_install',
  'infrastructure',
  'emergency',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export type UpgradeReason = 'security_vulnerability' | 'below_n_minus_1' | 'end_of_life' | 'partner_request';
export type EmergencyReason =
  | 'restore_service'
  | 'reduce_outage_impact'
  | 'prevent_outage'
  | 'remediate_vulnerability';
export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance';

export interface HolidayPolicy {
  /** ISO country for date-holidays; null = no national calendar, only extraDates. */
  country: string | null;
  state?: string;
  types: HolidayType[];
  extraDates: { date: string; name: string }[];
  removedDates: string[];
}

export interface RegionPolicy {
  timeZone: string;
  holidays: HolidayPolicy | null;
  businessHours: { start: string; end: string };
  /** ISO weekdays, 1 = Monday. Also decides weekday vs weekend windows. */
  businessDays: number[];
  windows: { start: string; end: string };
}

export type ResponseTarget = { minutes: number; clock: '24x7' } | { businessDays: number };

export interface DayRange {
  min: number;
  max: number;
}

export interface Release {
  version: string;
  sus: string[];
}

export interface ReleaseTrain {
  n: Release;
  n1: Release;
  n2: Release;
  target: string;
}

export interface Policy {
  $schema?: string;
  version: string;
  effectiveFrom: string;
  regions: Record<Region, RegionPolicy>;
  severity: {
    impactThresholds: { widespreadAbove: number; largeFrom: number; localizedFrom: number };
    matrix: Record<Urgency, Record<Impact, Severity>>;
  };
  responseTargets: Record<Severity, ResponseTarget>;
  businessDayHours: number;
  attainmentTarget: number;
  tacPhone: string;
  changes: {
    noticeBusinessDays: number;
    certificateWindowDays: DayRange;
    reschedule: {
      minReasonLength: number;
      lateAfterBusinessDays: number;
      upgradeMinDaysAhead: number;
      upgradeMaxReschedules: number;
      notReschedulableTypes: ChangeType[];
      notReschedulableUpgradeReasons: UpgradeReason[];
    };
    weekendTypes: ChangeType[];
    interruptingTypes: ChangeType[];
    upgradeReasons: UpgradeReason[];
    emergencyReasons: EmergencyReason[];
    nextSlotHorizonDays: number;
  };
  backups: { keepGood: number; keepDays: number };
  versions: ReleaseTrain;
  capacity: { thresholds: [number, number] };
  disasterRecovery: { newPublisherBusinessDays: number };
  certificates: { renewalDaysBefore: DayRange };
}

export interface PolicyError {
  /** JSON Pointer of the offending field, e.g. '/regions/AMER/businessHours'. */
  path: string;
  /** Schema keyword ('required', 'additionalProperties', …) or semantic rule name. */
  rule: string;
  message: string;
}

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

let compiled: ValidateFunction | null = null;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    // ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
    const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ??
      formatsPlugin) as unknown as (a: Ajv2020) => void;
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function fromAjv(e: ErrorObject): PolicyError {
  const params = e.params as Record<string, unknown>;
  let path = e.instancePath || '/';
  if (e.keyword === 'required') path = `${e.instancePath}/${String(params.missingProperty)}`;
  if (e.keyword === 'additionalProperties') path = `${e.instancePath}/${String(params.additionalProperty)}`;
  const message =
    e.keyword === 'additionalProperties'
      ? 'unknown property'
      : e.keyword === 'required'
        ? 'is required'
        : (e.message ?? 'is invalid');
  return { path, rule: e.keyword, message };
}

function semanticErrors(p: Policy): PolicyError[] {
  const errors: PolicyError[] = [];
  const add = (path: string, rule: string, message: string) => errors.push({ path, rule, message });
  let countries: Record<string, string> | null = null;
  for (const region of REGIONS) {
    const r = p.regions[region];
    const base = `/regions/${region}`;
    if (!isValidTimeZone(r.timeZone))
      add(`${base}/timeZone`, 'timeZone', `unknown IANA time zone '${r.timeZone}'`);
    const bs = parseHhMm(r.businessHours.start) ?? 0;
    const be = parseHhMm(r.businessHours.end) ?? 0;
    if (bs >= be)
      add(`${base}/businessHours`, 'businessHoursOrder', 'business hours start must be before end');
    if (r.windows.start === r.windows.end)
      add(`${base}/windows`, 'windowLength', 'window start and end must differ');
    const h = r.holidays;
    if (h) {
      if (h.country !== null) {
        countries ??= new Holidays().getCountries('en') ?? {};
        if (!(h.country in countries)) {
          add(`${base}/holidays/country`, 'holidayCountry', `date-holidays has no country '${h.country}'`);
        } else if (h.state !== undefined) {
          const states = new Holidays().getStates(h.country, 'en') ?? {};
          if (!(h.state in states))
            add(`${base}/holidays/state`, 'holidayState', `no state '${h.state}' in ${h.country}`);
        }
      } else if (h.state !== undefined) {
        add(`${base}/holidays/state`, 'holidayState', 'a state needs a country');
      }
      const extra = new Set(h.extraDates.map((x) => x.date));
      h.removedDates.forEach((d, i) => {
        if (extra.has(d))
          add(`${base}/holidays/removedDates/${i}`, 'holidayConflict', `${d} is both added and removed`);
      });
    }
  }
  if (parseDateKey(p.effectiveFrom) === null) add('/effectiveFrom', 'format', 'must be a real date');
  const t = p.severity.impactThresholds;
  if (!(t.localizedFrom < t.largeFrom && t.largeFrom <= t.widespreadAbove)) {
    add('/severity/impactThresholds', 'thresholdOrder', 'need localizedFrom < largeFrom <= widespreadAbove');
  }
  for (const key of ['certificateWindowDays'] as const) {
    const r = p.changes[key];
    if (r.min > r.max) add(`/changes/${key}`, 'rangeOrder', 'min must not exceed max');
  }
  const renewal = p.certificates.renewalDaysBefore;
  const allowed = p.changes.certificateWindowDays;
  if (renewal.min > renewal.max)
    add('/certificates/renewalDaysBefore', 'rangeOrder', 'min must not exceed max');
  if (renewal.min < allowed.min || renewal.max > allowed.max) {
    add(
      '/certificates/renewalDaysBefore',
      'withinCertificateWindow',
      'must lie inside changes.certificateWindowDays',
    );
  }
  const [warn, high] = p.capacity.thresholds;
  if (!(warn < high))
    add('/capacity/thresholds', 'thresholdOrder', 'first threshold must be below the second');
  const v = p.versions;
  const releases = [v.n.version, v.n1.version, v.n2.version];
  if (new Set(releases).size !== 3)
    add('/versions', 'distinctReleases', 'n, n-1 and n-2 must be different releases');
  const [tRel, tSu] = v.target.split(' ');
  if (tRel !== v.n.version || !v.n.sus.includes(tSu ?? '')) {
    add('/versions/target', 'targetOnN', 'target must be one of the n release service updates');
  }
  return errors;
}

/** Validates an untrusted document (parsed JSON/YAML). Errors name the field and the rule broken. */
export function validatePolicy(doc: unknown): PolicyValidation {
  const validate = schemaValidator();
  if (!validate(doc)) {
    return { ok: false, errors: (validate.errors ?? []).map(fromAjv) };
  }
  const policy = doc as Policy;
  const errors = semanticErrors(policy);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}
