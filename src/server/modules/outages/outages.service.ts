import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import { authorName, type Scope, type Tx } from '../../db/database.ts';
import type { Database, OutageImpact, OutageStatus, OutagesTable, Region, Service } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { brokenRule, conflict, forbidden, notFound } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireKnownCustomers } from '../directory/customers.service.ts';
import { presentOutage, presentOutageUpdate } from './outages.presenter.ts';

type OutageRow = Selectable<OutagesTable>;

const DECLARERS = ['provider_admin', 'provider_engineer'] as const;

export interface DeclareOutageInput {
  title: string;
  summary: string;
  impact: OutageImpact;
  regions?: Region[];
  customerIds?: string[];
  services?: Service[];
  startedAt?: string;
  status?: Exclude<OutageStatus, 'resolved'>;
}

export interface OutageFilter {
  status?: 'open' | 'resolved';
  customerId?: string;
  limit?: number;
  cursor?: string;
}

function requireDeclarer(scope: Scope): void {
  if (scope.kind !== 'provider' && scope.kind !== 'system')
    throw forbidden('Only the provider declares outages.');
  requireRole(scope, DECLARERS);
}

/** The caller's own customers among the affected (RLS enforces the same; this keeps queries honest). */
function affectsCaller(scope: Scope) {
  return (eb: ExpressionBuilder<Database & { o: Database['outages'] }, 'o'>) =>
    eb.exists(
      eb
        .selectFrom('outage_customers as mine')
        .select('mine.outage_id')
        .whereRef('mine.outage_id', '=', 'o.id')
        .$if(scope.kind === 'partner', (qb) => qb.where('mine.partner_id', '=', scope.partnerId ?? ''))
        .$if(scope.kind === 'customer', (qb) => qb.where('mine.customer_id', '=', scope.customerId ?? '')),
    );
}

/**
 * Outages are read through row-level security: a partner sees an outage when one of its customers
 * is affected, and only its own customers in the affected list.
 */
async function getOutageRow(tx: Tx, scope: Scope, id: string) {
  const row = await tx
    .selectFrom('outages as o')
    .selectAll('o')
    .where('o.id', '=', id)
    .$if(scope.kind === 'partner' || scope.kind === 'customer', (qb) => qb.where(affectsCaller(scope)))
    .executeTakeFirst();
  if (!row) throw notFound('outage');
  return row;
}

async function affectedGroups(tx: Tx, scope: Scope, outageId: string) {
  const rows = await tx
    .selectFrom('outage_customers as oc')
    .innerJoin('customers as c', 'c.id', 'oc.customer_id')
    .select(['oc.partner_id', 'c.id', 'c.name', 'c.region'])
    .where('oc.outage_id', '=', outageId)
    .$if(scope.kind === 'partner', (qb) => qb.where('oc.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('oc.customer_id', '=', scope.customerId ?? ''))
    .orderBy(sql`lower(c.name)`)
    .execute();
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.partner_id, [...(groups.get(row.partner_id) ?? []), row.name]);
  return {
    customers: rows.map((row) => ({
      id: row.id,
      name: row.name,
      region: row.region,
      partnerId: row.partner_id,
    })),
    groups: [...groups].map(([partnerId, customers]) => ({ partnerId, customers })),
  };
}

function eventPayload(
  outage: OutageRow,
  groups: { partnerId: string; customers: string[] }[],
  extra: Record<string, unknown>,
) {
  return {
    outageId: outage.id,
    number: outage.number,
    title: outage.title,
    summary: outage.summary,
    impact: outage.impact,
    status: outage.status,
    regions: outage.regions,
    services: outage.services,
    startedAt: outage.started_at.toISOString(),
    affected: groups,
    ...extra,
  };
}

async function notifyOutage(
  tx: Tx,
  scope: Scope,
  kind: 'outage.declared' | 'outage.updated' | 'outage.resolved',
  outage: OutageRow,
  groups: { partnerId: string; customers: string[] }[],
  extra: Record<string, unknown>,
) {
  await raiseEvent(tx, scope, {
    category: 'maintenance_outages',
    kind,
    subjectType: 'outage',
    subjectId: outage.id,
    payload: eventPayload(outage, groups, extra),
    toProvider: true,
    toPartners: groups.map((group) => group.partnerId),
  });
}

export async function declareOutage(tx: Tx, scope: Scope, input: DeclareOutageInput, now = new Date()) {
  requireDeclarer(scope);
  const regions = [...new Set(input.regions ?? [])];
  const customerIds = [...new Set(input.customerIds ?? [])];
  if (regions.length === 0 && customerIds.length === 0)
    throw brokenRule('no_scope', 'regions', 'name at least one region or customer the outage affects');
  const startedAt = input.startedAt ? new Date(input.startedAt) : now;
  if (startedAt.getTime() > now.getTime() + 5 * 60_000)
    throw brokenRule('in_future', 'startedAt', 'an outage cannot start in the future; plan a change instead');
  await requireKnownCustomers(tx, scope, customerIds, { field: 'customerIds' });
  const outage = await tx
    .insertInto('outages')
    .values({
      title: input.title.trim(),
      summary: input.summary.trim(),
      impact: input.impact,
      status: input.status ?? 'investigating',
      regions,
      services: [...new Set(input.services ?? [])],
      started_at: startedAt,
      declared_by: scope.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO outage_customers (outage_id, customer_id, partner_id)
    SELECT ${outage.id}::uuid, c.id, c.partner_id FROM customers c
    WHERE c.active AND (c.region = ANY (${regions}::text[]) OR c.id = ANY (${customerIds}::uuid[]))
  `.execute(tx);
  await tx
    .insertInto('outage_updates')
    .values({
      outage_id: outage.id,
      kind: 'declared',
      status: outage.status,
      message: outage.summary,
      author_id: scope.userId,
      author_label: authorName(scope),
    })
    .execute();
  const { groups } = await affectedGroups(tx, scope, outage.id);
  await notifyOutage(tx, scope, 'outage.declared', outage, groups, { message: outage.summary });
  const presented = await getOutage(tx, scope, outage.id);
  await recordAudit(tx, scope, {
    action: 'outage.declared',
    entityType: 'outage',
    entityId: outage.id,
    partnerId: null,
    after: { ...presented, updates: undefined },
  });
  return presented;
}

export async function postOutageUpdate(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { message: string; status?: Exclude<OutageStatus, 'resolved'> },
) {
  requireDeclarer(scope);
  const before = await getOutageRow(tx, scope, id);
  if (before.resolved_at) throw conflict('outage_resolved', 'The outage is resolved; declare a new one.');
  const outage = await tx
    .updateTable('outages')
    .set({ status: input.status ?? before.status, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const update = await tx
    .insertInto('outage_updates')
    .values({
      outage_id: id,
      kind: 'update',
      status: outage.status,
      message: input.message.trim(),
      author_id: scope.userId,
      author_label: authorName(scope),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const { groups } = await affectedGroups(tx, scope, id);
  await notifyOutage(tx, scope, 'outage.updated', outage, groups, { message: update.message });
  await recordAudit(tx, scope, {
    action: 'outage.updated',
    entityType: 'outage',
    entityId: id,
    partnerId: null,
    before: { status: before.status },
    after: { status: outage.status, message: update.message },
  });
  return presentOutageUpdate(update);
}

export async function resolveOutage(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { message: string; resolvedAt?: string },
  now = new Date(),
) {
  requireDeclarer(scope);
  const before = await getOutageRow(tx, scope, id);
  if (before.resolved_at) throw conflict('outage_resolved', 'The outage is already resolved.');
  const resolvedAt = input.resolvedAt ? new Date(input.resolvedAt) : now;
  if (resolvedAt.getTime() < before.started_at.getTime())
    throw brokenRule('before_start', 'resolvedAt', 'an outage cannot be resolved before it started');
  if (resolvedAt.getTime() > now.getTime() + 5 * 60_000)
    throw brokenRule('in_future', 'resolvedAt', 'resolvedAt cannot be in the future');
  const outage = await tx
    .updateTable('outages')
    .set({ status: 'resolved', resolved_at: resolvedAt, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('outage_updates')
    .values({
      outage_id: id,
      kind: 'resolved',
      status: 'resolved',
      message: input.message.trim(),
      author_id: scope.userId,
      author_label: authorName(scope),
    })
    .execute();
  const { groups } = await affectedGroups(tx, scope, id);
  await notifyOutage(tx, scope, 'outage.resolved', outage, groups, {
    message: input.message.trim(),
    resolvedAt: resolvedAt.toISOString(),
    durationMinutes: Math.round((resolvedAt.getTime() - outage.started_at.getTime()) / 60_000),
  });
  await recordAudit(tx, scope, {
    action: 'outage.resolved',
    entityType: 'outage',
    entityId: id,
    partnerId: null,
    before: { status: before.status },
    after: { status: 'resolved', resolvedAt: resolvedAt.toISOString() },
  });
  return getOutage(tx, scope, id);
}

export async function getOutage(tx: Tx, scope: Scope, id: string) {
  const outage = await getOutageRow(tx, scope, id);
  const [{ customers }, updates] = await Promise.all([
    affectedGroups(tx, scope, id),
    tx.selectFrom('outage_updates').selectAll().where('outage_id', '=', id).orderBy('at').execute(),
  ]);
  return {
    ...presentOutage(outage),
    affectedCustomers: customers.map(({ id: customerId, name, region, partnerId }) => ({
      id: customerId,
      name,
      region,
      partnerId,
    })),
    affectedPartnerCount:
      scope.kind === 'provider' || scope.kind === 'system'
        ? new Set(customers.map((c) => c.partnerId)).size
        : null,
    updates: updates.map(presentOutageUpdate),
  };
}

export async function listOutages(tx: Tx, scope: Scope, filter: OutageFilter) {
  const rows = await tx
    .selectFrom('outages as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('outage_customers as oc')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('oc.outage_id', '=', 'o.id')
        .as('affected_customer_count'),
    )
    .$if(scope.kind === 'partner' || scope.kind === 'customer', (qb) => qb.where(affectsCaller(scope)))
    .$if(filter.status === 'open', (qb) => qb.where('o.resolved_at', 'is', null))
    .$if(filter.status === 'resolved', (qb) => qb.where('o.resolved_at', 'is not', null))
    .$if(filter.customerId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('outage_customers as f')
            .select('f.outage_id')
            .whereRef('f.outage_id', '=', 'o.id')
            .where('f.customer_id', '=', filter.customerId ?? ''),
        ),
      ),
    )
    .$call(newestFirst('o.started_at', 'o.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return {
    items: page.items.map((row) => ({
      ...presentOutage(row),
      affectedCustomerCount: Number(row.affected_customer_count ?? 0),
    })),
    nextCursor: page.nextCursor,
  };
}
