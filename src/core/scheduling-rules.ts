// Scheduling rules for a change (SPEC §5), checked in every affected region. Each broken rule is
// reported with a stable code, a message and structured data saying why; the rules are pure
// functions of the change, the policy and the region calendars, so callers with thousands of
// customers pass the (deduplicated) set of their regions.
import {
  addBusinessMs,
  type BusinessSpanExplanation,
  explainBusinessSpan,
  getCalendar,
} from './business-calendar.ts';
import { DAY_MS, HOUR_MS } from './civil-date.ts';
import {
  findContainingWindow,
  type MaintenanceWindow,
  nextWindowStartingAt,
  previousWindowStartingBefore,
  windowAt,
} from './maintenance-windows.ts';
import type { ChangeType, Policy, Region } from './policy-document.ts';

export interface ChangeFlags {
  /** An emergency COP install (or other flagged change): no notice period, still needs a window. */
  emergency?: boolean;
}

export interface ChangeProposal {
  type: ChangeType;
  start: number;
  end: number;
  /** Distinct regions of the affected customers. */
  regions: readonly Region[];
  /** When the change notice is (or was) sent; "now" for a new change. */
  noticeAt: number;
  /** Upgrade reason (SPEC: `reason`). */
  reason?: string | null;
  emergencyReason?: string | null;
  certificateExpiresAt?: number | null;
  flags?: ChangeFlags;
}

export type ViolationCode =
  | 'invalid_interval'
  | 'outside_window'
  | 'weekend_requires_infrastructure'
  | 'notice_period'
  | 'upgrade_reason_required'
  | 'emergency_reason_required'
  | 'certificate_window';

export type ViolationExplain =
  | { rule: 'invalid_interval'; start: number; end: number }
  | {
      rule: 'outside_window';
      timeZone: string;
      /** Window in progress at the start, if any (the change then runs past its end). */
      windowAtStart: MaintenanceWindow | null;
      previousWindow: MaintenanceWindow;
      nextWindow: MaintenanceWindow;
    }
  | { rule: 'weekend_requires_infrastructure'; window: MaintenanceWindow; allowedTypes: ChangeType[] }
  | {
      rule: 'notice_period';
      noticeAt: number;
      noticeBusinessDays: number;
      earliestStart: number;
      businessSpan?: BusinessSpanExplanation;
    }
  | { rule: 'upgrade_reason_required'; allowed: string[]; given: string | null }
  | { rule: 'emergency_reason_required'; allowed: string[]; given: string | null }
  | {
      rule: 'certificate_window';
      certificateExpiresAt: number | null;
      earliestStart: number | null;
      latestStart: number | null;
    };

export interface Violation {
  code: ViolationCode;
  message: string;
  region?: Region;
  explain: ViolationExplain;
}

export interface RegionVerdict {
  region: Region;
  /** The window that holds the change in this region, when one does. */
  window: MaintenanceWindow | null;
  /** Earliest start the notice period allows here (interrupting changes only). */
  noticeEarliestStart: number | null;
}

export interface ChangeCheck {
  allowed: boolean;
  violations: Violation[];
  regions: RegionVerdict[];
}

export interface CheckOptions {
  /** Add the skipped days behind a notice-period verdict (costs a little more). */
  explain?: boolean;
}

/** Notice period applies: an interrupting type, not flagged emergency. */
export function needsNotice(policy: Policy, type: ChangeType, flags?: ChangeFlags): boolean {
  return policy.changes.interruptingTypes.includes(type) && !flags?.emergency;
}

/** Is the change exempt from windows (an emergency change)? */
export function isWindowExempt(type: ChangeType): boolean {
  return type === 'emergency';
}

/** Emergency changes and flagged changes must say which emergency. */
export function needsEmergencyReason(type: ChangeType, flags?: ChangeFlags): boolean {
  return type === 'emergency' || flags?.emergency === true;
}

export function noticeEarliestStart(policy: Policy, region: Region, noticeAt: number): number {
  const ms = policy.changes.noticeBusinessDays * policy.businessDayHours * HOUR_MS;
  return addBusinessMs(getCalendar(policy, region), noticeAt, ms);
}

/** Allowed start range [earliest, latest] for a certificate renewal expiring at `expiresAt`. */
export function certificateStartRange(
  policy: Policy,
  expiresAt: number,
): { earliest: number; latest: number } {
  const { min, max } = policy.changes.certificateWindowDays;
  return { earliest: expiresAt - max * DAY_MS, latest: expiresAt - min * DAY_MS };
}

const fmt = (t: number) => new Date(t).toISOString();

/** Every rule the change breaks, region by region. */
export function checkChange(policy: Policy, change: ChangeProposal, options: CheckOptions = {}): ChangeCheck {
  const violations: Violation[] = [];
  const verdicts: RegionVerdict[] = [];
  const { type, start, end, flags } = change;
  const rules = policy.changes;

  if (!(end > start)) {
    violations.push({
      code: 'invalid_interval',
      message: 'the change must end after it starts',
      explain: { rule: 'invalid_interval', start, end },
    });
  }

  const windowed = !isWindowExempt(type);
  const notice = needsNotice(policy, type, flags);
  for (const region of new Set(change.regions)) {
    const cal = getCalendar(policy, region);
    const window = windowed ? findContainingWindow(cal, start, end) : null;
    let earliest: number | null = null;
    if (windowed && !window) {
      violations.push({
        code: 'outside_window',
        region,
        message: `${region}: the change must lie wholly inside one maintenance window (${policy.regions[region].windows.start}–${policy.regions[region].windows.end} ${cal.timeZone})`,
        explain: {
          rule: 'outside_window',
          timeZone: cal.timeZone,
          windowAtStart: windowAt(cal, start),
          previousWindow: previousWindowStartingBefore(cal, start),
          nextWindow: nextWindowStartingAt(cal, start),
        },
      });
    }
    if (window && window.kind === 'weekend' && !rules.weekendTypes.includes(type)) {
      violations.push({
        code: 'weekend_requires_infrastructure',
        region,
        message: `${region}: the ${window.date} window is a weekend window, reserved for ${rules.weekendTypes.join(', ')} changes`,
        explain: { rule: 'weekend_requires_infrastructure', window, allowedTypes: rules.weekendTypes },
      });
    }
    if (notice) {
      earliest = noticeEarliestStart(policy, region, change.noticeAt);
      if (start < earliest) {
        violations.push({
          code: 'notice_period',
          region,
          message: `${region}: a ${type} change needs ${rules.noticeBusinessDays} business days' notice; with notice at ${fmt(change.noticeAt)} it may start from ${fmt(earliest)}`,
          explain: {
            rule: 'notice_period',
            noticeAt: change.noticeAt,
            noticeBusinessDays: rules.noticeBusinessDays,
            earliestStart: earliest,
            ...(options.explain ? { businessSpan: explainBusinessSpan(cal, change.noticeAt, earliest) } : {}),
          },
        });
      }
    }
    verdicts.push({ region, window, noticeEarliestStart: earliest });
  }

  if (type === 'upgrade') {
    const given = change.reason ?? null;
    if (!given || !(rules.upgradeReasons as string[]).includes(given)) {
      violations.push({
        code: 'upgrade_reason_required',
        message: `an upgrade must name its reason: ${rules.upgradeReasons.join(', ')}`,
        explain: { rule: 'upgrade_reason_required', allowed: rules.upgradeReasons, given },
      });
    }
  }

  if (needsEmergencyReason(type, flags)) {
    const given = change.emergencyReason ?? null;
    if (!given || !(rules.emergencyReasons as string[]).includes(given)) {
      violations.push({
        code: 'emergency_reason_required',
        message: `an emergency change must name its reason: ${rules.emergencyReasons.join(', ')}`,
        explain: { rule: 'emergency_reason_required', allowed: rules.emergencyReasons, given },
      });
    }
  }

  if (type === 'certificate_renewal') {
    const expires = change.certificateExpiresAt ?? null;
    const range = expires === null ? null : certificateStartRange(policy, expires);
    if (!range || start < range.earliest || start > range.latest) {
      const { min, max } = rules.certificateWindowDays;
      violations.push({
        code: 'certificate_window',
        message:
          expires === null
            ? 'a certificate renewal needs the certificate expiry (certificateExpiresAt)'
            : `a certificate renewal starts between ${max} and ${min} days before the certificate expires (${fmt(expires)})`,
        explain: {
          rule: 'certificate_window',
          certificateExpiresAt: expires,
          earliestStart: range?.earliest ?? null,
          latestStart: range?.latest ?? null,
        },
      });
    }
  }

  return { allowed: violations.length === 0, violations, regions: verdicts };
}

/** Distinct regions of many customers, in first-seen order (5,000 customers → at most four regions). */
export function distinctRegions(customerRegions: Iterable<Region>): Region[] {
  return [...new Set(customerRegions)];
}

/** checkChange for a change given its customers' regions (one entry per customer). */
export function checkChangeForCustomers(
  policy: Policy,
  change: Omit<ChangeProposal, 'regions'>,
  customerRegions: Iterable<Region>,
  options: CheckOptions = {},
): ChangeCheck {
  return checkChange(policy, { ...change, regions: distinctRegions(customerRegions) }, options);
}
