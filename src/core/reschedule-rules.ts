// Rescheduling a change at the partner's request (SPEC §5).
import { addBusinessMs, getCalendar } from './business-calendar.ts';
import { DAY_MS, HOUR_MS } from './civil-date.ts';
import type { ChangeType, Policy, Region } from './policy-document.ts';
import type { ChangeFlags } from './scheduling-rules.ts';

export interface RescheduleRequest {
  type: ChangeType;
  /** The change's upgrade reason, if an upgrade. */
  upgradeReason?: string | null;
  flags?: ChangeFlags;
  /** Current start of the change. */
  start: number;
  noticeSentAt: number;
  requestedAt: number;
  /** The partner's reason for asking. */
  reason: string;
  /** Reschedules already granted for this change. */
  previousReschedules: number;
  /** Regions of the affected customers (for the business-day "late" clock). */
  regions: readonly Region[];
}

export type RescheduleErrorCode =
  | 'not_reschedulable'
  | 'change_already_started'
  | 'upgrade_already_rescheduled'
  | 'upgrade_too_close'
  | 'reason_too_short';

export interface RescheduleError {
  code: RescheduleErrorCode;
  /** 409 when the change's state forbids it, 422 when the request breaks a rule. */
  httpStatus: 409 | 422;
  message: string;
}

export type RescheduleVerdict =
  | {
      ok: true;
      /** Asked more than N business days after the notice: accepted, but marked late. */
      late: boolean;
      /** Last instant a request is on time (earliest across the regions). */
      onTimeUntil: number;
    }
  | { ok: false; httpStatus: 409 | 422; errors: RescheduleError[] };

export function checkRescheduleRequest(policy: Policy, req: RescheduleRequest): RescheduleVerdict {
  const rules = policy.changes.reschedule;
  const errors: RescheduleError[] = [];
  const emergencyCop = req.flags?.emergency === true;
  const securityUpgrade =
    req.type === 'upgrade' &&
    (rules.notReschedulableUpgradeReasons as string[]).includes(req.upgradeReason ?? '');
  if (rules.notReschedulableTypes.includes(req.type) || securityUpgrade || emergencyCop) {
    const why = securityUpgrade
      ? `an upgrade for ${req.upgradeReason}`
      : emergencyCop
        ? `an emergency ${req.type}`
        : `a ${req.type} change`;
    errors.push({ code: 'not_reschedulable', httpStatus: 409, message: `${why} cannot be rescheduled` });
  }
  if (req.requestedAt >= req.start) {
    errors.push({
      code: 'change_already_started',
      httpStatus: 409,
      message: 'the change has already started',
    });
  }
  if (req.type === 'upgrade' && req.previousReschedules >= rules.upgradeMaxReschedules) {
    errors.push({
      code: 'upgrade_already_rescheduled',
      httpStatus: 409,
      message: `an upgrade may be rescheduled ${rules.upgradeMaxReschedules === 1 ? 'once' : `${rules.upgradeMaxReschedules} times`}`,
    });
  }
  if (req.type === 'upgrade' && req.start - req.requestedAt < rules.upgradeMinDaysAhead * DAY_MS) {
    errors.push({
      code: 'upgrade_too_close',
      httpStatus: 422,
      message: `an upgrade may be rescheduled only when asked at least ${rules.upgradeMinDaysAhead} days before its start`,
    });
  }
  if (req.reason.trim().length < rules.minReasonLength) {
    errors.push({
      code: 'reason_too_short',
      httpStatus: 422,
      message: `give a detailed reason (at least ${rules.minReasonLength} characters)`,
    });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.httpStatus - b.httpStatus);
    return { ok: false, httpStatus: errors[0]!.httpStatus, errors };
  }
  const ms = rules.lateAfterBusinessDays * policy.businessDayHours * HOUR_MS;
  let onTimeUntil = Number.POSITIVE_INFINITY;
  for (const region of new Set(req.regions)) {
    const deadline = addBusinessMs(getCalendar(policy, region), req.noticeSentAt, ms);
    if (deadline < onTimeUntil) onTimeUntil = deadline;
  }
  if (!Number.isFinite(onTimeUntil)) throw new RangeError('regions must not be empty');
  return { ok: true, late: req.requestedAt > onTimeUntil, onTimeUntil };
}
