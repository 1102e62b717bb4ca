// Response due times, SPEC §3.3: S1/S2 on a 24×7 clock, S3/S4 in business days of the customer's
// region (one business day = businessDayHours of business time).
import {
  addBusinessMs,
  type BusinessSpanExplanation,
  explainBusinessSpan,
  getCalendar,
} from './business-calendar.ts';
import { HOUR_MS, MINUTE_MS } from './civil-date.ts';
import type { Policy, Region, ResponseTarget, Severity } from './policy-document.ts';
import { isRaise } from './severity.ts';

export interface DueExplanation {
  severity: Severity;
  region: Region;
  target: ResponseTarget;
  /** Instant the target is counted from (opening, or the change time on a raise). */
  countedFrom: number;
  dueAt: number;
  clock: '24x7' | 'business';
  /** For business-day targets: what was counted and what was skipped. */
  businessSpan?: BusinessSpanExplanation;
  /** How a severity change picked the due time. */
  severityChange?: {
    from: Severity;
    to: Severity;
    direction: 'raise' | 'lower' | 'same';
    changedAt: number;
    previousDueAt: number;
    candidateDueAt: number;
    rule: string;
  };
}

/** Business time a target amounts to, in ms (for business-day targets). */
export function businessTargetMs(policy: Policy, target: ResponseTarget): number | null {
  return 'businessDays' in target
    ? Math.round(target.businessDays * policy.businessDayHours * HOUR_MS)
    : null;
}

/** Due time of a target counted from an instant. */
export function dueFrom(policy: Policy, region: Region, severity: Severity, from: number): number {
  const target = policy.responseTargets[severity];
  if (!target) throw new RangeError(`unknown severity '${String(severity)}'`);
  if ('minutes' in target) return from + target.minutes * MINUTE_MS;
  return addBusinessMs(getCalendar(policy, region), from, businessTargetMs(policy, target)!);
}

function explainDue(
  policy: Policy,
  region: Region,
  severity: Severity,
  from: number,
  dueAt: number,
): DueExplanation {
  const target = policy.responseTargets[severity];
  const business = 'businessDays' in target;
  return {
    severity,
    region,
    target,
    countedFrom: from,
    dueAt,
    clock: business ? 'business' : '24x7',
    ...(business ? { businessSpan: explainBusinessSpan(getCalendar(policy, region), from, dueAt) } : {}),
  };
}

/** `responseDueAt` fixed at opening. */
export function responseDueAt(policy: Policy, region: Region, severity: Severity, openedAt: number): number {
  return dueFrom(policy, region, severity, openedAt);
}

export function explainResponseDue(
  policy: Policy,
  region: Region,
  severity: Severity,
  openedAt: number,
): DueExplanation {
  return explainDue(policy, region, severity, openedAt, responseDueAt(policy, region, severity, openedAt));
}

export interface SeverityChange {
  region: Region;
  openedAt: number;
  currentDueAt: number;
  changedAt: number;
  from: Severity;
  to: Severity;
}

/**
 * Due time after a severity change before acknowledgement (SPEC §3.3): on a raise, the earlier of
 * the current due and (change time + new target); on a lowering, opening time + new target.
 * Unchanged severity keeps the current due.
 */
export function dueAfterSeverityChange(policy: Policy, c: SeverityChange): DueExplanation {
  let dueAt: number;
  let candidate: number;
  let countedFrom: number;
  let direction: 'raise' | 'lower' | 'same';
  let rule: string;
  if (c.from === c.to) {
    direction = 'same';
    countedFrom = c.openedAt;
    candidate = dueAt = c.currentDueAt;
    rule = 'unchanged severity keeps the current due time';
  } else if (isRaise(c.from, c.to)) {
    direction = 'raise';
    countedFrom = c.changedAt;
    candidate = dueFrom(policy, c.region, c.to, c.changedAt);
    dueAt = Math.min(c.currentDueAt, candidate);
    rule = 'raise: earlier of current due and change time + new target';
  } else {
    direction = 'lower';
    countedFrom = c.openedAt;
    candidate = dueAt = dueFrom(policy, c.region, c.to, c.openedAt);
    rule = 'lowering: opening time + new target';
  }
  // When a raise keeps the current due, the explanation still counts from the change time.
  const ex = explainDue(policy, c.region, c.to, countedFrom, candidate);
  return {
    ...ex,
    dueAt,
    severityChange: {
      from: c.from,
      to: c.to,
      direction,
      changedAt: c.changedAt,
      previousDueAt: c.currentDueAt,
      candidateDueAt: candidate,
      rule,
    },
  };
}

/** Was a response on time? Acknowledged at or before the due instant counts as met. */
export function responseMet(dueAt: number, acknowledgedAt: number): boolean {
  return acknowledgedAt <= dueAt;
}
