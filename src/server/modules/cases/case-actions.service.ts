import type { Updateable } from 'kysely';
import {
  computeSeverity,
  dueAfterSeverityChange,
  type Impact,
  isRaise,
  needsPhoneCall,
  type Policy,
  type Severity,
  toJson,
  type Urgency,
} from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import type { CaseStatus, CasesTable } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { brokenRule, conflict, forbidden } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordCaseEvent } from './case-history.ts';
import { actionTo, isOpen, type StatusAction, transitionFor } from './case-lifecycle.ts';
import { type CaseRow, presentCase, presentCaseEvent, sideOf } from './cases.presenter.ts';
import { getCaseRow, notifyIncident } from './cases.service.ts';

const PROVIDER_WRITERS = ['provider_admin', 'provider_engineer'] as const;
const PARTNER_WRITERS = ['partner_admin', 'partner_engineer'] as const;
const MAX_MONITORING_DAYS = 90;

/** Writers only: the provider's TAC or the partner's support team (customer viewers read). */
export function writerSide(scope: Scope) {
  const side = sideOf(scope);
  if (!side) throw forbidden('Customer viewers can read cases but not change them.');
  requireRole(scope, side === 'provider' ? PROVIDER_WRITERS : PARTNER_WRITERS);
  return side;
}

function required(text: string | undefined, path: string, what: string): string {
  const value = text?.trim() ?? '';
  if (value === '') throw brokenRule('required', path, `${what} is required`);
  return value;
}

async function saveCase(tx: Tx, id: string, changes: Updateable<CasesTable>, now: Date) {
  await tx
    .updateTable('cases')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

async function audit(tx: Tx, scope: Scope, row: CaseRow, action: string, before: unknown, after: unknown) {
  await recordAudit(tx, scope, {
    action,
    entityType: 'case',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before,
    after,
  });
}

async function reload(tx: Tx, scope: Scope, policy: Policy, id: string) {
  return presentCase(await getCaseRow(tx, scope, id), scope, policy);
}

/** The provider acknowledges: `acknowledgedAt` is now, `responseMet` whether it was by the due time. */
export async function acknowledgeCase(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: { note?: string },
  now = new Date(),
) {
  const side = writerSide(scope);
  const row = await getCaseRow(tx, scope, id, { forUpdate: true });
  if (side !== 'provider') throw forbidden('Only the provider acknowledges a case.');
  if (row.status !== 'new')
    throw conflict(
      'already_acknowledged',
      `The case was acknowledged at ${row.acknowledged_at?.toISOString()}.`,
    );
  const responseMet = now.getTime() <= row.response_due_at.getTime();
  await saveCase(
    tx,
    id,
    {
      status: 'acknowledged',
      acknowledged_at: now,
      acknowledged_by: scope.userId,
      response_met: responseMet,
    },
    now,
  );
  await recordCaseEvent(tx, scope, row, {
    at: now,
    kind: 'acknowledged',
    body: input.note?.trim() || null,
    data: { responseMet, responseDueAt: row.response_due_at.toISOString() },
  });
  await audit(
    tx,
    scope,
    row,
    'case.acknowledged',
    { status: row.status },
    { status: 'acknowledged', responseMet },
  );
  return reload(tx, scope, policy, id);
}

export interface SeverityChangeInput {
  impact?: Impact;
  urgency?: Urgency;
  severity?: Severity;
  reason: string;
}

/**
 * Raise (either side) or lower (provider only; a partner gets 403 and nothing changes). Before
 * acknowledgement the response due is recomputed by SPEC §3.3; afterwards it stays as it was.
 */
export async function changeSeverity(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: SeverityChangeInput,
  now = new Date(),
) {
  const side = writerSide(scope);
  const reason = required(input.reason, 'reason', 'a reason');
  const row = await getCaseRow(tx, scope, id, { forUpdate: true });
  if (!isOpen(row.status)) throw conflict('case_not_open', `The case is ${row.status}; reopen it first.`);
  if (input.impact === undefined && input.urgency === undefined && input.severity === undefined)
    throw brokenRule('nothing_to_change', 'severity', 'give a new impact, urgency or severity');
  const impact = input.impact ?? row.impact;
  const urgency = input.urgency ?? row.urgency;
  const severity = input.severity ?? computeSeverity(policy, { impact, urgency }).severity;
  if (severity === row.severity && impact === row.impact && urgency === row.urgency)
    throw brokenRule('unchanged', 'severity', `the case is already ${severity}`);
  const raise = isRaise(row.severity, severity);
  const lower = isRaise(severity, row.severity);
  if (lower && side !== 'provider')
    throw forbidden('Only the provider may lower a case’s severity; a partner may raise it.');

  let dueAt = row.response_due_at;
  let explanation: unknown = row.due_explanation;
  if (!row.acknowledged_at && severity !== row.severity) {
    const ex = dueAfterSeverityChange(policy, {
      region: row.region,
      openedAt: row.opened_at.getTime(),
      currentDueAt: row.response_due_at.getTime(),
      changedAt: now.getTime(),
      from: row.severity,
      to: severity,
    });
    dueAt = new Date(ex.dueAt);
    explanation = toJson(ex);
  }
  await saveCase(
    tx,
    id,
    {
      impact,
      urgency,
      severity,
      // A raise fixes the impact by the new facts; the share given at opening no longer applies.
      affected_share: input.impact !== undefined ? null : row.affected_share,
      response_due_at: dueAt,
      due_explanation: JSON.stringify(explanation),
      // A later due time (a lowering) can lift a plan-owed flag that no longer applies.
      plan_owed_since: dueAt.getTime() > now.getTime() ? null : row.plan_owed_since,
    },
    now,
  );
  const direction = raise ? 'raise' : lower ? 'lower' : 'same';
  await recordCaseEvent(tx, scope, row, {
    at: now,
    kind: 'severity_changed',
    body: reason,
    data: {
      from: row.severity,
      to: severity,
      direction,
      impact,
      urgency,
      previousDueAt: row.response_due_at.toISOString(),
      responseDueAt: dueAt.toISOString(),
    },
  });
  if (raise && needsPhoneCall(severity))
    await notifyIncident(
      tx,
      scope,
      'case.severity_raised',
      { ...row, severity },
      {
        previousSeverity: row.severity,
        reason,
        responseDueAt: dueAt.toISOString(),
        tacPhone: policy.tacPhone,
      },
    );
  await audit(
    tx,
    scope,
    row,
    'case.severity_changed',
    { severity: row.severity, impact: row.impact, urgency: row.urgency, responseDueAt: row.response_due_at },
    { severity, impact, urgency, responseDueAt: dueAt, reason },
  );
  return reload(tx, scope, policy, id);
}

export interface StatusChangeInput {
  status: Exclude<CaseStatus, 'new' | 'acknowledged'>;
  note?: string;
  monitorUntil?: string;
  rootCauseSummary?: string;
}

/** Time awaiting the partner is banked when the case leaves that status (the resolution clock pauses). */
function leaveAwaiting(row: CaseRow, now: Date): Updateable<CasesTable> {
  if (!row.awaiting_since) return {};
  return {
    awaiting_since: null,
    awaiting_ms: Number(row.awaiting_ms) + (now.getTime() - row.awaiting_since.getTime()),
  };
}

function statusChanges(
  action: StatusAction,
  row: CaseRow,
  input: StatusChangeInput,
  now: Date,
): Updateable<CasesTable> {
  switch (action) {
    case 'await_partner':
      return { awaiting_since: now };
    case 'monitor': {
      const until = new Date(
        required(input.monitorUntil, 'monitorUntil', 'monitorUntil (the end of monitoring)'),
      );
      if (until.getTime() <= now.getTime())
        throw brokenRule('monitor_not_future', 'monitorUntil', 'monitoring must end in the future');
      if (until.getTime() > now.getTime() + MAX_MONITORING_DAYS * 86_400_000)
        throw brokenRule(
          'monitor_too_long',
          'monitorUntil',
          `monitoring lasts at most ${MAX_MONITORING_DAYS} days`,
        );
      return { ...leaveAwaiting(row, now), monitor_until: until };
    }
    case 'resolve': {
      const summary = input.rootCauseSummary?.trim() || null;
      if (!summary && needsPhoneCall(row.severity))
        throw brokenRule(
          'root_cause_required',
          'rootCauseSummary',
          `resolving an ${row.severity} case needs a high-level root-cause summary for the partner`,
        );
      return {
        ...leaveAwaiting(row, now),
        resolved_at: now,
        root_cause_summary: summary,
        plan_owed_since: null,
      };
    }
    case 'close':
      return { closed_at: now };
    case 'reopen':
      return {
        resolved_at: null,
        monitor_until: null,
        root_cause_summary: null,
        reopen_count: row.reopen_count + 1,
      };
    case 'resume':
    case 'start':
      return leaveAwaiting(row, now);
    default:
      return {};
  }
}

/** Moves a case through the lifecycle of SPEC §3.4, only along the allowed transitions for the caller. */
export async function changeStatus(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: StatusChangeInput,
  now = new Date(),
) {
  const side = writerSide(scope);
  const row = await getCaseRow(tx, scope, id, { forUpdate: true });
  const action = actionTo(row.status, input.status);
  const transition = action ? transitionFor(action, row.status) : null;
  if (!action || !transition)
    throw conflict(
      'invalid_transition',
      `A case that is ${row.status} cannot become ${input.status}.`,
      'status',
    );
  if (!transition.sides.includes(side))
    throw forbidden(`Only the ${transition.sides.join(' or ')} may ${action.replace('_', ' ')} a case.`);
  const note =
    action === 'reopen' ? required(input.note, 'note', 'a reason to reopen') : input.note?.trim() || null;
  const changes = statusChanges(action, row, input, now);
  await saveCase(tx, id, { ...changes, status: transition.to }, now);
  await recordCaseEvent(tx, scope, row, {
    at: now,
    kind: action === 'reopen' ? 'reopened' : 'status_changed',
    body: note,
    data: {
      from: row.status,
      to: transition.to,
      ...(changes.monitor_until ? { monitorUntil: (changes.monitor_until as Date).toISOString() } : {}),
      ...(changes.root_cause_summary ? { rootCauseSummary: changes.root_cause_summary } : {}),
    },
  });
  await audit(tx, scope, row, `case.${action}`, { status: row.status }, { status: transition.to, note });
  return reload(tx, scope, policy, id);
}

/** Management escalation by the partner (reason required), listed for the provider's managers. */
export async function escalateCase(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: { reason: string },
  now = new Date(),
) {
  const side = writerSide(scope);
  const reason = required(input.reason, 'reason', 'a reason');
  const row = await getCaseRow(tx, scope, id, { forUpdate: true });
  if (side !== 'partner') throw forbidden('Escalations come from the partner.');
  if (!isOpen(row.status)) throw conflict('case_not_open', `The case is ${row.status}; reopen it first.`);
  await saveCase(tx, id, { escalated_at: now, escalation_count: row.escalation_count + 1 }, now);
  await recordCaseEvent(tx, scope, row, {
    at: now,
    kind: 'escalated',
    body: reason,
    data: { count: row.escalation_count + 1 },
  });
  await notifyIncident(tx, scope, 'case.escalated', row, {
    reason,
  });
  await audit(tx, scope, row, 'case.escalated', null, { reason });
  return reload(tx, scope, policy, id);
}

export type CommentKind = 'comment' | 'internal_note' | 'action_plan';

/** Comments from both sides; internal notes and status-and-action plans only from the provider. */
export async function addComment(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { body: string; kind?: CommentKind },
  now = new Date(),
) {
  const side = writerSide(scope);
  const body = required(input.body, 'body', 'the text');
  const kind = input.kind ?? 'comment';
  if (kind !== 'comment' && side !== 'provider')
    throw forbidden(
      kind === 'internal_note'
        ? 'Internal notes are the provider’s.'
        : 'The provider posts status and action plans.',
    );
  const row = await getCaseRow(tx, scope, id, { forUpdate: kind === 'action_plan' });
  if (row.status === 'closed') throw conflict('case_closed', 'The case is closed.');
  if (kind === 'action_plan') {
    if (!isOpen(row.status)) throw conflict('case_not_open', `The case is ${row.status}.`);
    await saveCase(tx, id, { last_plan_at: now, plan_owed_since: null }, now);
  }
  const event = await recordCaseEvent(tx, scope, row, {
    at: now,
    kind,
    body,
    internal: kind === 'internal_note',
  });
  return presentCaseEvent(event);
}
