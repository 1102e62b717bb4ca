import type { Selectable } from 'kysely';
import type { ChangeType, Policy } from '../../../core/policy-document.ts';
import type { Scope, Tx } from '../../db/database.ts';
import type { ChangeRequestKind, ChangeRequestStatus, ChangeRequestsTable } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireKnownCustomers } from '../directory/customers.service.ts';
import { changeReference } from './changes.presenter.ts';
import { CHANGE_REQUESTERS, createChange, requireChangeManager } from './changes.service.ts';

/**
 * Partner-requested changes (boundary devices, application integration, service deactivation,
 * other) and their joint review (SPEC §5): submitted → in_review → approved | rejected → scheduled
 * → completed. Every comment and decision is kept as a note; scheduling creates a real change under
 * every scheduling rule, and that change's completion completes the request.
 */
type RequestRow = Selectable<ChangeRequestsTable> & { customer_name: string; change_number: number | null };

const REVIEW_STEPS = {
  review: { from: 'submitted', to: 'in_review' },
  approve: { from: 'in_review', to: 'approved' },
  reject: { from: 'in_review', to: 'rejected' },
} as const satisfies Record<string, { from: ChangeRequestStatus; to: ChangeRequestStatus }>;

export const changeRequestReference = (number: number) => `CR-${String(number).padStart(6, '0')}`;

function presentRequest(row: RequestRow) {
  return {
    id: row.id,
    number: row.number,
    reference: changeRequestReference(row.number),
    partnerId: row.partner_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    kind: row.kind,
    title: row.title,
    description: row.description,
    preferredStart: row.preferred_start?.toISOString() ?? null,
    status: row.status,
    changeId: row.change_id,
    changeReference: row.change_number === null ? null : changeReference(row.change_number),
    requestedBy: row.requested_by_label,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function requestsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('change_requests as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('changes as ch', 'ch.id', 'r.change_id')
    .selectAll('r')
    .select(['c.name as customer_name', 'ch.number as change_number'])
    .$if(scope.kind === 'partner', (qb) => qb.where('r.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('r.customer_id', '=', scope.customerId ?? ''));
}

async function getRequestRow(tx: Tx, scope: Scope, id: string, forUpdate = false) {
  const row = await requestsInScope(tx, scope)
    .where('r.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('r'))
    .executeTakeFirst();
  if (!row) throw notFound('change request');
  return row;
}

export interface ChangeRequestFilter {
  status?: ChangeRequestStatus;
  customerId?: string;
  limit?: number;
  cursor?: string;
}

export async function listChangeRequests(tx: Tx, scope: Scope, filter: ChangeRequestFilter) {
  const rows = await requestsInScope(tx, scope)
    .$if(filter.status !== undefined, (qb) => qb.where('r.status', '=', filter.status ?? 'submitted'))
    .$if(filter.customerId !== undefined, (qb) => qb.where('r.customer_id', '=', filter.customerId ?? ''))
    .$call(newestFirst('r.created_at', 'r.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return { items: page.items.map(presentRequest), nextCursor: page.nextCursor };
}

export async function getChangeRequest(tx: Tx, scope: Scope, id: string) {
  const row = await getRequestRow(tx, scope, id);
  const notes = await tx
    .selectFrom('change_request_notes')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    ...presentRequest(row),
    notes: notes.map((note) => ({
      id: note.id,
      kind: note.kind,
      status: note.status,
      body: note.body,
      authorSide: note.author_side,
      author: note.author_label,
      at: note.at.toISOString(),
    })),
  };
}

const side = (scope: Scope) => (scope.kind === 'partner' ? 'partner' : 'provider');

async function addNote(
  tx: Tx,
  scope: Scope,
  request: Pick<RequestRow, 'id' | 'partner_id'>,
  note: { kind: 'comment' | 'decision'; status: ChangeRequestStatus | null; body: string },
) {
  await tx
    .insertInto('change_request_notes')
    .values({
      request_id: request.id,
      partner_id: request.partner_id,
      kind: note.kind,
      status: note.status,
      body: note.body,
      author_side: side(scope),
      author_label: scope.label,
    })
    .execute();
}

/** Tells the other side: the provider of what partners do, the partner of what the provider does. */
async function notifyOtherSide(tx: Tx, scope: Scope, request: RequestRow, kind: string, body: string | null) {
  await raiseEvent(tx, scope, {
    category: 'maintenance_outages',
    kind,
    subjectType: 'change_request',
    subjectId: request.id,
    payload: {
      changeRequestId: request.id,
      reference: changeRequestReference(request.number),
      title: request.title,
      customerName: request.customer_name,
      status: request.status,
      body,
    },
    ...(scope.kind === 'partner' ? { toProvider: true } : { toPartners: [request.partner_id] }),
  });
}

export async function submitChangeRequest(
  tx: Tx,
  scope: Scope,
  input: {
    customerId: string;
    kind: ChangeRequestKind;
    title: string;
    description: string;
    preferredStart?: string;
  },
) {
  if (scope.kind !== 'partner') throw forbidden('Partners request changes; the provider plans its own.');
  requireRole(scope, CHANGE_REQUESTERS);
  await requireKnownCustomers(tx, scope, [input.customerId], { field: 'customerId' });
  const row = await tx
    .insertInto('change_requests')
    .values({
      partner_id: scope.partnerId ?? '',
      customer_id: input.customerId,
      kind: input.kind,
      title: input.title.trim(),
      description: input.description.trim(),
      preferred_start: input.preferredStart ? new Date(input.preferredStart) : null,
      requested_by: scope.userId,
      requested_by_label: scope.label,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const full = await getRequestRow(tx, scope, row.id);
  await recordAudit(tx, scope, {
    action: 'change_request.submitted',
    entityType: 'change_request',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    after: presentRequest(full),
  });
  await notifyOtherSide(tx, scope, full, 'change_request.submitted', full.description);
  return getChangeRequest(tx, scope, row.id);
}

export async function commentOnChangeRequest(tx: Tx, scope: Scope, id: string, input: { body: string }) {
  if (scope.kind === 'customer') throw forbidden('The review is between the partner and the provider.');
  if (scope.kind === 'partner') requireRole(scope, CHANGE_REQUESTERS);
  else requireChangeManager(scope);
  const request = await getRequestRow(tx, scope, id);
  await addNote(tx, scope, request, { kind: 'comment', status: null, body: input.body.trim() });
  await notifyOtherSide(tx, scope, request, 'change_request.commented', input.body.trim());
  return getChangeRequest(tx, scope, id);
}

/** The provider's review decisions: take into review, approve or reject (each with its note). */
export async function decideChangeRequest(
  tx: Tx,
  scope: Scope,
  id: string,
  step: keyof typeof REVIEW_STEPS,
  input: { note?: string },
) {
  requireChangeManager(scope);
  const before = await getRequestRow(tx, scope, id, true);
  const rule = REVIEW_STEPS[step];
  if (before.status !== rule.from)
    throw conflict(
      'invalid_transition',
      `A change request that is ${before.status} cannot be ${rule.to.replace('_', ' ')}.`,
    );
  await tx
    .updateTable('change_requests')
    .set({ status: rule.to, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  const after = { ...before, status: rule.to };
  const body = input.note?.trim() || DEFAULT_NOTES[rule.to];
  await addNote(tx, scope, after, { kind: 'decision', status: rule.to, body });
  await recordAudit(tx, scope, {
    action: `change_request.${rule.to}`,
    entityType: 'change_request',
    entityId: id,
    partnerId: before.partner_id,
    customerId: before.customer_id,
    before: presentRequest(before),
    after: presentRequest(after),
  });
  await notifyOtherSide(tx, scope, after, `change_request.${rule.to}`, body);
  return getChangeRequest(tx, scope, id);
}

const DEFAULT_NOTES: Record<ChangeRequestStatus, string> = {
  submitted: 'Submitted.',
  in_review: 'Taken into review.',
  approved: 'Approved.',
  rejected: 'Rejected.',
  scheduled: 'Scheduled.',
  completed: 'Completed.',
};

/**
 * The provider schedules an approved request as a change for its customer: every scheduling rule
 * applies (422 naming each) and the partner gets the change's notice like any other.
 */
export async function scheduleChangeRequest(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: {
    type: ChangeType;
    title?: string;
    start: string;
    end: string;
    reason?: string;
    emergencyReason?: string;
    certificateExpiresAt?: string;
  },
) {
  requireChangeManager(scope);
  const before = await getRequestRow(tx, scope, id, true);
  if (before.status !== 'approved')
    throw conflict('invalid_transition', `A change request that is ${before.status} cannot be scheduled.`);
  const change = await createChange(
    tx,
    scope,
    policy,
    {
      type: input.type,
      title: input.title?.trim() || before.title,
      description: before.description,
      start: input.start,
      end: input.end,
      customerIds: [before.customer_id],
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.emergencyReason ? { emergencyReason: input.emergencyReason } : {}),
      ...(input.certificateExpiresAt ? { certificateExpiresAt: input.certificateExpiresAt } : {}),
    },
    { source: { type: 'change_request', id } },
  );
  await tx
    .updateTable('change_requests')
    .set({ status: 'scheduled', change_id: change.id, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  const after = {
    ...before,
    status: 'scheduled' as const,
    change_id: change.id,
    change_number: change.number,
  };
  await addNote(tx, scope, after, {
    kind: 'decision',
    status: 'scheduled',
    body: `Scheduled as ${change.reference}.`,
  });
  await recordAudit(tx, scope, {
    action: 'change_request.scheduled',
    entityType: 'change_request',
    entityId: id,
    partnerId: before.partner_id,
    customerId: before.customer_id,
    before: presentRequest(before),
    after: presentRequest(after),
  });
  return getChangeRequest(tx, scope, id);
}
