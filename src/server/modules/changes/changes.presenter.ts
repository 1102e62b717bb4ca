import type { Selectable } from 'kysely';
import { getCalendar } from '../../../core/business-calendar.ts';
import { findContainingWindow } from '../../../core/maintenance-windows.ts';
import type { Policy } from '../../../core/policy-document.ts';
import { checkRescheduleRequest } from '../../../core/reschedule-rules.ts';
import type { Scope } from '../../db/database.ts';
import type { ChangesTable, Region } from '../../db/schema.ts';

export type ChangeRow = Selectable<ChangesTable>;
/** A change row as one caller sees it: the affected customers and regions within its scope. */
export type VisibleChangeRow = ChangeRow & { visible_count: number; visible_regions: Region[] };

export const changeReference = (number: number) => `CHG-${String(number).padStart(6, '0')}`;

const localText = (localMs: number) => new Date(localMs).toISOString().slice(0, 16);

/** The change's start and end on each region's wall clock, and the kind of window holding it. */
export function regionTimes(policy: Policy, regions: readonly Region[], start: number, end: number) {
  return regions.map((region) => {
    const cal = getCalendar(policy, region);
    const window = findContainingWindow(cal, start, end);
    return {
      region,
      timeZone: cal.timeZone,
      localStart: localText(cal.clock.toLocal(start)),
      localEnd: localText(cal.clock.toLocal(end)),
      windowKind: window?.kind ?? null,
    };
  });
}
export type RegionTime = ReturnType<typeof regionTimes>[number];

const OPEN: ReadonlySet<string> = new Set(['scheduled', 'notice_sent']);

/**
 * The core's reschedule rules for this change, asked at `now` in `regions`. Without a reason (the
 * provider's own move, or the button before the partner has written one) the reason rule passes.
 */
export function checkMove(
  policy: Policy,
  row: ChangeRow,
  regions: readonly Region[],
  now: number,
  reason = 'x'.repeat(policy.changes.reschedule.minReasonLength),
) {
  return checkRescheduleRequest(policy, {
    type: row.type,
    upgradeReason: row.reason,
    flags: { emergency: row.emergency },
    start: row.start_at.getTime(),
    noticeSentAt: (row.notice_sent_at ?? row.created_at).getTime(),
    requestedAt: now,
    reason,
    previousReschedules: row.reschedules,
    regions: regions.length > 0 ? regions : row.regions,
  });
}

/** May a partner ask to move this change now? Answered for every caller so the UI can explain a missing button. */
export function rescheduleVerdict(policy: Policy, row: ChangeRow, regions: readonly Region[], now: number) {
  if (!OPEN.has(row.status))
    return { allowed: false, code: 'change_not_open', message: `the change is ${row.status}` };
  const verdict = checkMove(policy, row, regions, now);
  if (verdict.ok) return { allowed: true, code: null, message: null };
  const first = verdict.errors[0];
  return { allowed: false, code: first?.code ?? null, message: first?.message ?? null };
}

export function presentChange(policy: Policy, scope: Scope, row: VisibleChangeRow, now = Date.now()) {
  const regions = scope.kind === 'partner' || scope.kind === 'customer' ? row.visible_regions : row.regions;
  const start = row.start_at.getTime();
  const end = row.end_at.getTime();
  return {
    id: row.id,
    number: row.number,
    reference: changeReference(row.number),
    type: row.type,
    title: row.title,
    description: row.description,
    status: row.status,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    reason: row.reason as UpgradeReasonText | null,
    emergencyReason: row.emergency_reason as EmergencyReasonText | null,
    certificateExpiresAt: row.certificate_expires_at?.toISOString() ?? null,
    emergency: row.emergency,
    noImpact: row.no_impact,
    regions: [...regions].sort(),
    regionTimes: regionTimes(policy, [...regions].sort(), start, end),
    customerCount:
      scope.kind === 'partner' || scope.kind === 'customer' ? row.visible_count : row.customer_count,
    noticeSentAt: row.notice_sent_at?.toISOString() ?? null,
    reminderSentAt: row.reminder_sent_at?.toISOString() ?? null,
    sequence: row.sequence,
    reschedules: row.reschedules,
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    source: row.source_type && row.source_id ? { type: row.source_type, id: row.source_id } : null,
    createdBy: row.created_by_label,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    reschedule: rescheduleVerdict(policy, row, regions, now),
  };
}
export type Change = ReturnType<typeof presentChange>;

type UpgradeReasonText = 'security_vulnerability' | 'below_n_minus_1' | 'end_of_life' | 'partner_request';
type EmergencyReasonText =
  | 'restore_service'
  | 'reduce_outage_impact'
  | 'prevent_outage'
  | 'remediate_vulnerability';
