import type { Selectable } from 'kysely';
import type { Policy } from '../../../core/policy-document.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type {
  ChangeStatus,
  ChangeType,
  RescheduleRequestStatus,
  RescheduleRequestsTable,
} from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { newestFirst, newestPage, soonestFirst } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { changeReference, checkMove } from './changes.presenter.ts';
import {
  CHANGE_REQUESTERS,
  getChangeRow,
  recordChangeEvent,
  requireChangeManager,
} from './changes.service.ts';

type RequestRow = Selectable<RescheduleRequestsTable> & {
  change_number: number;
  change_title: string;
  change_type: ChangeType;
  change_start: Date;
  change_end: Date;
  change_status?: ChangeStatus;
  partner_name: string;
};

function presentRequest(row: RequestRow) {
  return {
    id: row.id,
    changeId: row.change_id,
    changeReference: changeReference(row.change_number),
    changeTitle: row.change_title,
    changeType: row.change_type,
    changeStart: row.change_start.toISOString(),
    changeEnd: row.change_end.toISOString(),
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    reason: row.reason,
    late: row.late,
    status: row.status,
    requestedBy: row.requested_by_label,
    requestedAt: row.requested_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_label,
    decisionNote: row.decision_note,
  };
}

function requestsInScope(tx: Tx, scope: Scope) {
  if (scope.kind === 'customer')
    throw forbidden('Reschedule requests are between partners and the provider.');
  return tx
    .selectFrom('reschedule_requests as r')
    .innerJoin('changes as ch', 'ch.id', 'r.change_id')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .selectAll('r')
    .select([
      'ch.number as change_number',
      'ch.title as change_title',
      'ch.type as change_type',
      'ch.start_at as change_start',
      'ch.end_at as change_end',
      'ch.status as change_status',
      'p.name as partner_name',
    ])
    .$if(scope.kind === 'partner', (qb) => qb.where('r.partner_id', '=', scope.partnerId ?? ''));
}

async function getRequestRow(tx: Tx, scope: Scope, id: string) {
  const row = await requestsInScope(tx, scope).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
  if (!row) throw notFound('reschedule request');
  return row;
}

export interface RescheduleRequestFilter {
  status?: RescheduleRequestStatus;
  changeId?: string;
  limit?: number;
  cursor?: string;
}

/** Open requests oldest first (the provider's queue); decided ones newest first. */
export async function listRescheduleRequests(tx: Tx, scope: Scope, filter: RescheduleRequestFilter) {
  const rows = await requestsInScope(tx, scope)
    .$if(filter.status !== undefined, (qb) => qb.where('r.status', '=', filter.status ?? 'open'))
    .$if(filter.changeId !== undefined, (qb) => qb.where('r.change_id', '=', filter.changeId ?? ''))
    .$call(
      filter.status === 'open'
        ? soonestFirst('r.requested_at', 'r.id', filter)
        : newestFirst('r.requested_at', 'r.id', filter),
    )
    .execute();
  const page = newestPage(rows, filter);
  return { items: page.items.map(presentRequest), nextCursor: page.nextCursor };
}

/** The requests of one change the caller may see (the partner its own), for the change detail. */
export async function requestsOfChange(tx: Tx, scope: Scope, changeId: string) {
  if (scope.kind === 'customer') return [];
  const rows = await requestsInScope(tx, scope)
    .where('r.change_id', '=', changeId)
    .orderBy('r.requested_at', 'desc')
    .execute();
  return rows.map(presentRequest);
}

/**
 * A partner asks to move a change (SPEC §5): a detailed reason; 409 for what cannot move, an
 * upgrade moved once already, a change under way, or a request of this partner still open; 422 for
 * a short reason or an upgrade asked less than 7 days ahead. Late (more than 3 business days after
 * the notice, in the partner's customers' regions) is accepted and marked.
 */
export async function requestReschedule(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  changeId: string,
  input: { reason: string },
  now = Date.now(),
) {
  if (scope.kind !== 'partner')
    throw forbidden('Partners ask to reschedule; the provider reschedules directly.');
  requireRole(scope, CHANGE_REQUESTERS);
  // Partners cannot lock the provider's row (RLS); one open request per partner is the unique index's job.
  const change = await getChangeRow(tx, scope, changeId);
  if (change.status !== 'scheduled' && change.status !== 'notice_sent')
    throw conflict('change_not_open', `A change that is ${change.status} cannot be rescheduled.`);
  const verdict = checkMove(policy, change, change.visible_regions, now, input.reason);
  if (!verdict.ok) {
    const errors = verdict.errors
      .filter((e) => e.httpStatus === verdict.httpStatus)
      .map((e) => ({
        code: e.code,
        path: e.code === 'reason_too_short' ? 'reason' : 'changeId',
        message: e.message,
      }));
    throw new AppError(
      verdict.httpStatus,
      errors[0]?.code ?? 'rejected',
      errors[0]?.message ?? 'not allowed',
      {
        errors,
      },
    );
  }
  const open = await tx
    .selectFrom('reschedule_requests')
    .select('id')
    .where('change_id', '=', changeId)
    .where('partner_id', '=', scope.partnerId ?? '')
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) throw conflict('request_open', 'Your earlier request for this change is still open.');
  const row = await tx
    .insertInto('reschedule_requests')
    .values({
      change_id: changeId,
      partner_id: scope.partnerId ?? '',
      reason: input.reason.trim(),
      late: verdict.late,
      requested_by: scope.userId,
      requested_by_label: scope.label,
      requested_at: new Date(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'reschedule_requests_one_open'))
        throw conflict('request_open', 'Your earlier request for this change is still open.');
      throw error;
    });
  const request = presentRequest({
    ...row,
    change_number: change.number,
    change_title: change.title,
    change_type: change.type,
    change_start: change.start_at,
    change_end: change.end_at,
    partner_name: '',
  });
  await recordChangeEvent(
    tx,
    scope,
    change,
    'reschedule_requested',
    { requestId: row.id, reason: row.reason, late: row.late },
    row.partner_id,
  );
  await recordAudit(tx, scope, {
    action: 'reschedule_request.created',
    entityType: 'reschedule_request',
    entityId: row.id,
    partnerId: row.partner_id,
    after: request,
  });
  await raiseEvent(tx, scope, {
    category: 'maintenance_outages',
    kind: 'change.reschedule_requested',
    subjectType: 'change',
    subjectId: change.id,
    payload: {
      changeId: change.id,
      reference: request.changeReference,
      title: change.title,
      start: request.changeStart,
      end: request.changeEnd,
      reason: row.reason,
      late: row.late,
      requestedBy: scope.label,
    },
    toProvider: true,
  });
  return request;
}

export async function declineRescheduleRequest(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { note: string },
  now = Date.now(),
) {
  requireChangeManager(scope);
  return decide(tx, scope, id, 'declined', input.note.trim(), now);
}

export async function withdrawRescheduleRequest(tx: Tx, scope: Scope, id: string, now = Date.now()) {
  if (scope.kind !== 'partner') throw forbidden('Only the partner that asked may withdraw its request.');
  requireRole(scope, CHANGE_REQUESTERS);
  return decide(tx, scope, id, 'withdrawn', null, now);
}

async function decide(
  tx: Tx,
  scope: Scope,
  id: string,
  status: 'declined' | 'withdrawn',
  note: string | null,
  now: number,
) {
  const before = await getRequestRow(tx, scope, id);
  if (before.status !== 'open') throw conflict('request_decided', `The request is already ${before.status}.`);
  const row = await tx
    .updateTable('reschedule_requests')
    .set({ status, decided_at: new Date(now), decided_by_label: scope.label, decision_note: note })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const request = presentRequest({ ...before, ...row });
  await recordAudit(tx, scope, {
    action: `reschedule_request.${status}`,
    entityType: 'reschedule_request',
    entityId: id,
    partnerId: row.partner_id,
    before: presentRequest(before),
    after: request,
  });
  if (status === 'declined') {
    await recordChangeEvent(
      tx,
      scope,
      { id: row.change_id, status: before.change_status ?? 'notice_sent' },
      'reschedule_declined',
      { requestId: id, note },
      row.partner_id,
    );
    await raiseEvent(tx, scope, {
      category: 'maintenance_outages',
      kind: 'change.reschedule_declined',
      subjectType: 'change',
      subjectId: row.change_id,
      payload: {
        changeId: row.change_id,
        reference: request.changeReference,
        title: request.changeTitle,
        start: request.changeStart,
        end: request.changeEnd,
        reason: request.reason,
        note,
      },
      toPartners: [row.partner_id],
    });
  }
  return request;
}
