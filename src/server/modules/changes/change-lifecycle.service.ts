import { sql, type UpdateObject } from 'kysely';
import type { Policy } from '../../../core/policy-document.ts';
import { checkChange } from '../../../core/scheduling-rules.ts';
import { queueWrite, type Scope, type Tx } from '../../db/database.ts';
import type { ChangeStatus, Database } from '../../db/schema.ts';
import { AppError, conflict, unprocessable } from '../../http/errors.ts';
import { raiseEvent } from '../../notify/events.ts';
import { type ChangeNoticeKind, queueChangeNotice } from './change-notices.ts';
import {
  type ChangeRow,
  changeReference,
  checkMove,
  presentChange,
  type VisibleChangeRow,
} from './changes.presenter.ts';
import {
  auditChange,
  getChangeRow,
  recordChangeEvent,
  requireChangeManager,
  ruleErrors,
  suggestSlot,
} from './changes.service.ts';

/**
 * The change's lifecycle (SPEC §5): scheduled | notice_sent → in_progress → completed; scheduled |
 * notice_sent → cancelled. Rescheduling keeps it open with a new notice.
 */
const MOVES = {
  start: { from: ['scheduled', 'notice_sent'], to: 'in_progress', notice: 'change.started' },
  complete: { from: ['in_progress'], to: 'completed', notice: 'change.completed' },
  cancel: { from: ['scheduled', 'notice_sent'], to: 'cancelled', notice: 'change.cancelled' },
} as const satisfies Record<string, { from: ChangeStatus[]; to: ChangeStatus; notice: ChangeNoticeKind }>;

type Move = keyof typeof MOVES;
type ChangeUpdate = UpdateObject<Database, 'changes'>;

async function move(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  action: Move,
  set: ChangeUpdate,
  detail: Record<string, unknown>,
  now: number,
) {
  requireChangeManager(scope);
  const before = await getChangeRow(tx, scope, id, { forUpdate: true });
  const rule = MOVES[action];
  if (!(rule.from as readonly ChangeStatus[]).includes(before.status))
    throw conflict(
      'invalid_transition',
      `A change that is ${before.status} cannot be ${rule.to.replace('_', ' ')}.`,
    );
  const row = await tx
    .updateTable('changes')
    .set({ ...set, status: rule.to, updated_at: new Date(now) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChangeEvent(tx, scope, row, rule.to === 'in_progress' ? 'started' : rule.to, detail);
  // A change that never told anyone (no-impact) does not start telling them now.
  if (row.notice_sent_at !== null) await queueChangeNotice(tx, policy, row, rule.notice, detail);
  await auditChange(tx, scope, row, `change.${rule.to}`, before);
  return { before, row };
}

const present = (policy: Policy, scope: Scope, before: VisibleChangeRow, row: ChangeRow, now: number) =>
  presentChange(
    policy,
    scope,
    { ...row, visible_count: before.visible_count, visible_regions: before.visible_regions },
    now,
  );

export async function startChange(tx: Tx, scope: Scope, policy: Policy, id: string, now = Date.now()) {
  const { before, row } = await move(tx, scope, policy, id, 'start', { started_at: new Date(now) }, {}, now);
  return present(policy, scope, before, row, now);
}

export async function completeChange(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: { note?: string },
  now = Date.now(),
) {
  const note = input.note?.trim() || null;
  const { before, row } = await move(
    tx,
    scope,
    policy,
    id,
    'complete',
    { completed_at: new Date(now) },
    note ? { note } : {},
    now,
  );
  if (row.type === 'certificate_renewal') await createSsoTasks(tx, scope, row);
  await completeChangeRequest(tx, scope, row);
  return present(policy, scope, before, row, now);
}

export async function cancelChange(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: { reason: string },
  now = Date.now(),
) {
  const reason = input.reason.trim();
  const { before, row } = await move(
    tx,
    scope,
    policy,
    id,
    'cancel',
    { cancelled_at: new Date(now), cancel_reason: reason, sequence: sql`sequence + 1` },
    { reason },
    now,
  );
  await queueWrite(
    tx,
    tx
      .updateTable('reschedule_requests')
      .set({
        status: 'declined',
        decided_at: new Date(now),
        decided_by_label: scope.label,
        decision_note: 'The change was cancelled.',
      })
      .where('change_id', '=', id)
      .where('status', '=', 'open'),
  );
  await reopenChangeRequest(tx, scope, row, reason);
  return present(policy, scope, before, row, now);
}

/**
 * Completing a certificate renewal for a customer with SSO gives its partner four follow-up tasks,
 * in order: disable SSO, re-import the IdP metadata, re-enable SSO, validate sign-in.
 */
async function createSsoTasks(tx: Tx, scope: Scope, change: ChangeRow): Promise<void> {
  const created = await sql<{ partner_id: string; customers: string[] }>`
    WITH sso AS (
      SELECT cc.customer_id, cc.partner_id FROM change_customers cc
      WHERE cc.change_id = ${change.id}::uuid
        AND EXISTS (SELECT 1 FROM applications a WHERE a.customer_id = cc.customer_id AND a.sso_enabled)
    ), inserted AS (
      INSERT INTO change_tasks (change_id, partner_id, customer_id, kind, position)
      SELECT ${change.id}::uuid, sso.partner_id, sso.customer_id, k.kind, k.position
      FROM sso CROSS JOIN (VALUES ('disable_sso', 1), ('reimport_idp_metadata', 2), ('enable_sso', 3),
        ('validate_sign_in', 4)) AS k(kind, position)
      ON CONFLICT DO NOTHING
      RETURNING partner_id, customer_id
    )
    SELECT i.partner_id, array_agg(DISTINCT c.name) AS customers
    FROM inserted i JOIN customers c ON c.id = i.customer_id GROUP BY i.partner_id
  `.execute(tx);
  for (const group of created.rows) {
    await raiseEvent(tx, scope, {
      category: 'certificates',
      kind: 'change.sso_tasks',
      subjectType: 'change',
      subjectId: change.id,
      payload: {
        changeId: change.id,
        reference: changeReference(change.number),
        title: change.title,
        customers: [...group.customers].sort((a, b) => a.localeCompare(b)),
      },
      toPartners: [group.partner_id],
    });
  }
}

/** A partner's change request carried out by this change is completed with it. */
async function completeChangeRequest(tx: Tx, scope: Scope, change: ChangeRow): Promise<void> {
  const requests = await tx
    .updateTable('change_requests')
    .set({ status: 'completed', updated_at: new Date() })
    .where('change_id', '=', change.id)
    .where('status', '=', 'scheduled')
    .returning(['id', 'partner_id'])
    .execute();
  for (const request of requests)
    await queueWrite(
      tx,
      tx.insertInto('change_request_notes').values({
        request_id: request.id,
        partner_id: request.partner_id,
        kind: 'decision',
        status: 'completed',
        body: `${changeReference(change.number)} completed.`,
        author_side: 'provider',
        author_label: scope.label,
      }),
    );
}

/** Cancelling the change that carried out a request puts the request back to approved. */
async function reopenChangeRequest(tx: Tx, scope: Scope, change: ChangeRow, reason: string): Promise<void> {
  const requests = await tx
    .updateTable('change_requests')
    .set({ status: 'approved', change_id: null, updated_at: new Date() })
    .where('change_id', '=', change.id)
    .where('status', '=', 'scheduled')
    .returning(['id', 'partner_id'])
    .execute();
  for (const request of requests)
    await queueWrite(
      tx,
      tx.insertInto('change_request_notes').values({
        request_id: request.id,
        partner_id: request.partner_id,
        kind: 'decision',
        status: 'approved',
        body: `${changeReference(change.number)} was cancelled (${reason}); the request is approved and waits for a new date.`,
        author_side: 'provider',
        author_label: scope.label,
      }),
    );
}

/**
 * The provider moves a change to a new slot: the not-reschedulable rules (409), then every
 * scheduling rule with the notice counted from now (422). The change keeps its identity (the same
 * calendar event, SEQUENCE raised), its open requests are granted, and its partners get a new notice.
 */
export async function rescheduleChange(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: { start: string; end: string; note?: string },
  now = Date.now(),
) {
  requireChangeManager(scope);
  const before = await getChangeRow(tx, scope, id, { forUpdate: true });
  if (before.status !== 'scheduled' && before.status !== 'notice_sent')
    throw conflict('change_not_open', `A change that is ${before.status} cannot be rescheduled.`);
  const movable = checkMove(policy, before, before.regions, now);
  if (!movable.ok) {
    const blocking = movable.errors.filter((e) => e.httpStatus === 409);
    const first = blocking[0];
    if (first) throw new AppError(409, first.code, first.message, { errors: blocking });
  }
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  const errors = ruleErrors(
    checkChange(policy, {
      type: before.type,
      start,
      end,
      regions: before.regions,
      noticeAt: now,
      reason: before.reason,
      emergencyReason: before.emergency_reason,
      certificateExpiresAt: before.certificate_expires_at?.getTime() ?? null,
      flags: { emergency: before.emergency },
    }).violations,
  );
  if (before.type !== 'emergency' && start < now)
    errors.push({ code: 'start_in_past', path: 'start', message: 'the change cannot start in the past' });
  if (errors.length > 0) throw unprocessable(errors, 'The new slot breaks a scheduling rule.');

  const notify = before.notice_sent_at !== null;
  const row = await tx
    .updateTable('changes')
    .set({
      start_at: new Date(start),
      end_at: new Date(end),
      sequence: sql`sequence + 1`,
      reschedules: sql`reschedules + 1`,
      notice_sent_at: notify ? new Date(now) : null,
      reminder_sent_at: null,
      updated_at: new Date(now),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const note = input.note?.trim() || null;
  const detail = {
    previousStart: before.start_at.toISOString(),
    previousEnd: before.end_at.toISOString(),
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    ...(note ? { note } : {}),
  };
  await queueWrite(
    tx,
    tx
      .updateTable('reschedule_requests')
      .set({
        status: 'granted',
        decided_at: new Date(now),
        decided_by_label: scope.label,
        decision_note: note,
      })
      .where('change_id', '=', id)
      .where('status', '=', 'open'),
  );
  await recordChangeEvent(tx, scope, row, 'rescheduled', detail);
  if (notify) await queueChangeNotice(tx, policy, row, 'change.rescheduled', detail);
  await auditChange(tx, scope, row, 'change.rescheduled', before);
  return present(policy, scope, before, row, now);
}

/** The provider's suggestion for moving a change: the earliest slot of its duration, notice from now. */
export async function nextSlotFor(tx: Tx, scope: Scope, policy: Policy, id: string, now = Date.now()) {
  requireChangeManager(scope);
  const row = await getChangeRow(tx, scope, id);
  const slot = suggestSlot(
    policy,
    {
      type: row.type,
      regions: row.regions,
      noticeAt: now,
      reason: row.reason,
      emergencyReason: row.emergency_reason,
      certificateExpiresAt: row.certificate_expires_at?.getTime() ?? null,
      flags: { emergency: row.emergency },
      durationMs: row.end_at.getTime() - row.start_at.getTime(),
    },
    now,
  );
  return { slot };
}
