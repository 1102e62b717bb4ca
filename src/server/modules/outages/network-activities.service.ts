import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import { hideFromCustomers, requireRole } from '../../http/authenticate.ts';
import { brokenRule, conflict, forbidden, notFound } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireKnownCustomers } from '../directory/customers.service.ts';
import {
  type ActivityCustomer,
  presentNamedNetworkActivity,
  presentNetworkActivity,
} from './outages.presenter.ts';

const DECLARERS = ['partner_admin', 'partner_engineer'] as const;
const MAX_DAYS = 14;

export interface NetworkActivityInput {
  title: string;
  description: string;
  expectedAlarms?: string;
  customerIds?: string[];
  startsAt: string;
  endsAt: string;
}

export interface NetworkActivityFilter {
  from?: string;
  to?: string;
  partnerId?: string;
  includeCancelled?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Activities the scope may read, with the partner's name and the named customers (in the order of
 * `customer_ids`). The customers are a left join inside an aggregate, so row-level security on
 * customers never drops an activity: a customer the viewer cannot read gives an empty name.
 */
function activitiesInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('network_activities as a')
    .innerJoin('partners as p', 'p.id', 'a.partner_id')
    .selectAll('a')
    .select('p.name as partner_name')
    .select(
      sql<ActivityCustomer[]>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', coalesce(cu.name, '')) order by u.ord)
        from unnest(a.customer_ids) with ordinality as u(id, ord)
        left join customers cu on cu.id = u.id
      ), '[]'::json)`.as('customers'),
    )
    .$if(scope.kind === 'partner', (qb) => qb.where('a.partner_id', '=', scope.partnerId ?? ''));
}

async function getActivityRow(tx: Tx, scope: Scope, id: string) {
  hideFromCustomers(scope, 'network activity');
  const row = await activitiesInScope(tx, scope).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('network activity');
  return row;
}

export async function getNetworkActivity(tx: Tx, scope: Scope, id: string, now = new Date()) {
  return presentNamedNetworkActivity(await getActivityRow(tx, scope, id), now);
}

function activityPayload(row: Awaited<ReturnType<typeof getActivityRow>>, customers: string[]) {
  return {
    activityId: row.id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    title: row.title,
    description: row.description,
    expectedAlarms: row.expected_alarms,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    customers,
  };
}

async function customerNames(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('customers')
    .select('name')
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  return rows.map((row) => row.name);
}

/** A partner announces work in its own network that may raise alarms the provider will see. */
export async function declareNetworkActivity(
  tx: Tx,
  scope: Scope,
  input: NetworkActivityInput,
  now = new Date(),
) {
  if (scope.kind !== 'partner') throw forbidden('Partners declare activity in their own networks.');
  requireRole(scope, DECLARERS);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= startsAt.getTime())
    throw brokenRule('ends_before_start', 'endsAt', 'endsAt must be after startsAt');
  if (endsAt.getTime() <= now.getTime())
    throw brokenRule(
      'in_past',
      'endsAt',
      'the activity is already over; announce activity before it happens',
    );
  if (endsAt.getTime() - startsAt.getTime() > MAX_DAYS * 86_400_000)
    throw brokenRule(
      'too_long',
      'endsAt',
      `an activity lasts at most ${MAX_DAYS} days; announce longer work in parts`,
    );
  const customerIds = [...new Set(input.customerIds ?? [])];
  await requireKnownCustomers(tx, scope, customerIds, {
    field: 'customerIds',
    partnerId: scope.partnerId ?? '',
  });
  const created = await tx
    .insertInto('network_activities')
    .values({
      partner_id: scope.partnerId ?? '',
      customer_ids: customerIds,
      title: input.title.trim(),
      description: input.description.trim(),
      expected_alarms: input.expectedAlarms?.trim() || null,
      starts_at: startsAt,
      ends_at: endsAt,
      created_by: scope.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await getActivityRow(tx, scope, created.id);
  await raiseEvent(tx, scope, {
    category: 'maintenance_outages',
    kind: 'network_activity.declared',
    subjectType: 'network_activity',
    subjectId: row.id,
    payload: activityPayload(row, await customerNames(tx, customerIds)),
    toProvider: true,
  });
  const activity = presentNetworkActivity(row, now);
  await recordAudit(tx, scope, {
    action: 'network_activity.declared',
    entityType: 'network_activity',
    entityId: row.id,
    partnerId: row.partner_id,
    after: activity,
  });
  return presentNamedNetworkActivity(row, now);
}

export async function cancelNetworkActivity(tx: Tx, scope: Scope, id: string, now = new Date()) {
  const before = await getActivityRow(tx, scope, id);
  if (scope.kind !== 'partner') throw forbidden('Only the partner that declared the activity cancels it.');
  requireRole(scope, DECLARERS);
  if (before.cancelled_at) throw conflict('already_cancelled', 'The activity is already cancelled.');
  if (before.ends_at.getTime() <= now.getTime())
    throw conflict('already_finished', 'The activity is already over.');
  await tx.updateTable('network_activities').set({ cancelled_at: now }).where('id', '=', id).execute();
  const row = await getActivityRow(tx, scope, id);
  await raiseEvent(tx, scope, {
    category: 'maintenance_outages',
    kind: 'network_activity.cancelled',
    subjectType: 'network_activity',
    subjectId: id,
    payload: activityPayload(row, await customerNames(tx, row.customer_ids)),
    toProvider: true,
  });
  const activity = presentNetworkActivity(row, now);
  await recordAudit(tx, scope, {
    action: 'network_activity.cancelled',
    entityType: 'network_activity',
    entityId: id,
    partnerId: row.partner_id,
    before: presentNetworkActivity(before, now),
    after: activity,
  });
  return presentNamedNetworkActivity(row, now);
}

/** Activities overlapping [from, to), latest start first. */
export async function listNetworkActivities(
  tx: Tx,
  scope: Scope,
  filter: NetworkActivityFilter,
  now = new Date(),
) {
  hideFromCustomers(scope, 'network activity');
  const rows = await activitiesInScope(tx, scope)
    .$if(filter.from !== undefined, (qb) => qb.where('a.ends_at', '>', new Date(filter.from ?? 0)))
    .$if(filter.to !== undefined, (qb) => qb.where('a.starts_at', '<', new Date(filter.to ?? 0)))
    .$if(filter.partnerId !== undefined, (qb) => qb.where('a.partner_id', '=', filter.partnerId ?? ''))
    .$if(!filter.includeCancelled, (qb) => qb.where('a.cancelled_at', 'is', null))
    .$call(newestFirst('a.starts_at', 'a.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return {
    items: page.items.map((row) => presentNamedNetworkActivity(row, now)),
    nextCursor: page.nextCursor,
  };
}
