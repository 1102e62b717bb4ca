import type { Selectable } from 'kysely';
import type { Policy } from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import type { CapacityExpansionsTable, CapacityResource, ExpansionStatus } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { brokenRule, conflict, notFound } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { INVENTORY_EDITORS } from './applications.service.ts';
import { getCapacity, PROVISIONERS } from './capacity.service.ts';

/**
 * Capacity expansions (operations guide, capacity management): the partner raises a TAC case and
 * works out an expansion plan with the provider; the provider plans the expansion and completes
 * it, and only then does the entitlement grow. requested → planned → completed; requested or
 * planned → cancelled.
 */
const NEXT: Record<'plan' | 'complete' | 'cancel', { from: ExpansionStatus[]; to: ExpansionStatus }> = {
  plan: { from: ['requested', 'planned'], to: 'planned' },
  complete: { from: ['planned'], to: 'completed' },
  cancel: { from: ['requested', 'planned'], to: 'cancelled' },
};

type ExpansionRow = Selectable<CapacityExpansionsTable> & { customer_name: string; case_number: string };

function presentExpansion(row: ExpansionRow) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    caseId: row.case_id,
    caseNumber: row.case_number,
    resource: row.resource,
    additional: row.additional,
    reason: row.reason,
    status: row.status,
    plannedFor: row.planned_for?.toISOString() ?? null,
    planNote: row.plan_note,
    completedAt: row.completed_at?.toISOString() ?? null,
    cancelledReason: row.cancelled_reason,
    requestedBy: row.requested_by_label,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function expansionsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('capacity_expansions as x')
    .innerJoin('customers as c', 'c.id', 'x.customer_id')
    .innerJoin('cases as k', 'k.id', 'x.case_id')
    .selectAll('x')
    .select(['c.name as customer_name', 'k.number as case_number'])
    .$if(scope.kind === 'partner', (qb) => qb.where('x.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('x.customer_id', '=', scope.customerId ?? ''));
}

export interface ExpansionFilter {
  customerId?: string;
  status?: ExpansionStatus | 'open';
  limit?: number;
  cursor?: string;
}

export async function listExpansions(tx: Tx, scope: Scope, filter: ExpansionFilter) {
  const statuses: ExpansionStatus[] | null =
    filter.status === 'open' ? ['requested', 'planned'] : filter.status ? [filter.status] : null;
  const rows = await expansionsInScope(tx, scope)
    .$if(filter.customerId !== undefined, (qb) => qb.where('x.customer_id', '=', filter.customerId ?? ''))
    .$if(statuses !== null, (qb) => qb.where('x.status', 'in', statuses ?? []))
    .$call(newestFirst('x.created_at', 'x.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return { items: page.items.map(presentExpansion), nextCursor: page.nextCursor };
}

async function lockedExpansion(tx: Tx, scope: Scope, id: string) {
  const row = await expansionsInScope(tx, scope).where('x.id', '=', id).forUpdate('x').executeTakeFirst();
  if (!row) throw notFound('expansion');
  return row;
}

/** The partner asks for more capacity, citing the TAC case it opened for the expansion plan. */
export async function requestExpansion(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: {
    customerId: string;
    caseId: string;
    resource: CapacityResource;
    additional: number;
    reason: string;
  },
) {
  requireRole(scope, PROVISIONERS);
  const capacity = await getCapacity(tx, scope, policy, input.customerId);
  const supportCase = await tx
    .selectFrom('cases')
    .select(['id', 'customer_id', 'status', 'number'])
    .where('id', '=', input.caseId)
    .executeTakeFirst();
  if (!supportCase || supportCase.customer_id !== input.customerId)
    throw brokenRule('case_of_customer', 'caseId', "the expansion must cite one of this customer's cases");
  if (supportCase.status === 'closed')
    throw brokenRule('case_open', 'caseId', 'the case is closed; open a new case for the expansion plan');
  const row = await tx
    .insertInto('capacity_expansions')
    .values({
      partner_id: capacity.partnerId,
      customer_id: input.customerId,
      case_id: input.caseId,
      resource: input.resource,
      additional: input.additional,
      reason: input.reason.trim(),
      requested_by_label: scope.label,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const expansion = presentExpansion({
    ...row,
    customer_name: capacity.customerName,
    case_number: supportCase.number,
  });
  await recordAudit(tx, scope, {
    action: 'capacity_expansion.requested',
    entityType: 'capacity_expansion',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    after: expansion,
  });
  return expansion;
}

async function transition(
  tx: Tx,
  scope: Scope,
  id: string,
  action: keyof typeof NEXT,
  set: Partial<Pick<ExpansionRow, 'planned_for' | 'plan_note' | 'completed_at' | 'cancelled_reason'>>,
) {
  const before = await lockedExpansion(tx, scope, id);
  const rule = NEXT[action];
  if (!rule.from.includes(before.status))
    throw conflict(
      'invalid_transition',
      `An expansion that is ${before.status} cannot be ${action === 'plan' ? 'planned' : `${action}d`}.`,
    );
  const row = await tx
    .updateTable('capacity_expansions')
    .set({ ...set, status: rule.to, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const expansion = presentExpansion({
    ...row,
    customer_name: before.customer_name,
    case_number: before.case_number,
  });
  await recordAudit(tx, scope, {
    action: `capacity_expansion.${rule.to}`,
    entityType: 'capacity_expansion',
    entityId: id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before: presentExpansion(before),
    after: expansion,
  });
  return expansion;
}

async function notifyExpansion(
  tx: Tx,
  scope: Scope,
  expansion: ReturnType<typeof presentExpansion>,
  entitled: number,
) {
  const completed = expansion.status === 'completed';
  await raiseEvent(tx, scope, {
    category: 'capacity',
    kind: completed ? 'capacity.expansion_completed' : 'capacity.expansion_planned',
    subjectType: 'capacity_expansion',
    subjectId: expansion.id,
    payload: {
      expansionId: expansion.id,
      customerId: expansion.customerId,
      customerName: expansion.customerName,
      caseNumber: expansion.caseNumber,
      resource: expansion.resource,
      additional: expansion.additional,
      entitled,
      plannedFor: expansion.plannedFor,
      note: expansion.planNote,
    },
    toPartners: [expansion.partnerId],
  });
}

const entitledNow = async (tx: Tx, customerId: string, resource: CapacityResource) =>
  (
    await tx
      .selectFrom('customer_capacity')
      .select('entitled')
      .where('customer_id', '=', customerId)
      .where('resource', '=', resource)
      .executeTakeFirstOrThrow()
  ).entitled;

/** The provider plans (or re-plans) the expansion: when it will be in place. */
export async function planExpansion(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { plannedFor: string; note?: string },
) {
  requireRole(scope, INVENTORY_EDITORS);
  const expansion = await transition(tx, scope, id, 'plan', {
    planned_for: new Date(input.plannedFor),
    plan_note: input.note?.trim() || null,
  });
  await notifyExpansion(
    tx,
    scope,
    expansion,
    await entitledNow(tx, expansion.customerId, expansion.resource),
  );
  return expansion;
}

/** Completing a planned expansion raises the entitlement by what it adds. */
export async function completeExpansion(tx: Tx, scope: Scope, id: string, now = Date.now()) {
  requireRole(scope, INVENTORY_EDITORS);
  const expansion = await transition(tx, scope, id, 'complete', { completed_at: new Date(now) });
  const raised = await tx
    .updateTable('customer_capacity')
    .set((eb) => ({ entitled: eb('entitled', '+', expansion.additional), updated_at: new Date(now) }))
    .where('customer_id', '=', expansion.customerId)
    .where('resource', '=', expansion.resource)
    .returning('entitled')
    .executeTakeFirstOrThrow();
  await notifyExpansion(tx, scope, expansion, raised.entitled);
  return expansion;
}

/** Either side may withdraw an expansion that is not completed. */
export async function cancelExpansion(tx: Tx, scope: Scope, id: string, input: { reason: string }) {
  requireRole(scope, PROVISIONERS);
  return transition(tx, scope, id, 'cancel', { cancelled_reason: input.reason.trim() });
}
