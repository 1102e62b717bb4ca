import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import type { Channel, DeliveryStatus } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { decodeTimestampCursor, pageOf } from '../../http/pagination.ts';
import { OUTBOX_CHANNEL } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  type DeliveryRow,
  presentAttempt,
  presentDelivery,
  presentMail,
  presentMailSummary,
} from './notifications.presenter.ts';

const READERS = ['provider_admin', 'provider_engineer', 'partner_admin', 'partner_engineer'] as const;
const MANAGERS = ['provider_admin', 'partner_admin'] as const;

export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: Channel;
  subscriptionId?: string;
  eventId?: string;
  partnerId?: string;
  limit?: number;
  cursor?: string;
}

function readable(scope: Scope): void {
  if (scope.kind === 'customer') throw notFound('delivery');
  requireRole(scope, READERS);
}

function deliveriesInScope(tx: Tx, scope: Scope) {
  return (
    tx
      .selectFrom('deliveries as d')
      .leftJoin('subscriptions as s', 's.id', 'd.subscription_id')
      .selectAll('d')
      .select(['s.name as subscription_name'])
      // Exact to the microsecond: a fan-out gives many rows the same created_at.
      .select(sql<string>`(d.created_at AT TIME ZONE 'UTC')::text`.as('sort_key'))
      .$if(scope.kind === 'partner', (qb) => qb.where('d.partner_id', '=', scope.partnerId ?? ''))
  );
}

/** Newest first; the cursor is the creation time and id of the last row. */
export async function listDeliveries(tx: Tx, scope: Scope, filter: DeliveryFilter) {
  readable(scope);
  const limit = filter.limit ?? 50;
  const after = decodeTimestampCursor(filter.cursor);
  const rows = (await deliveriesInScope(tx, scope)
    .$if(filter.status !== undefined, (qb) => qb.where('d.status', '=', filter.status ?? 'pending'))
    .$if(filter.channel !== undefined, (qb) => qb.where('d.channel', '=', filter.channel ?? 'email'))
    .$if(filter.subscriptionId !== undefined, (qb) =>
      qb.where('d.subscription_id', '=', filter.subscriptionId ?? ''),
    )
    .$if(filter.eventId !== undefined, (qb) => qb.where('d.event_id', '=', filter.eventId ?? ''))
    .$if(filter.partnerId !== undefined, (qb) =>
      filter.partnerId === 'provider'
        ? qb.where('d.partner_id', 'is', null)
        : qb.where('d.partner_id', '=', filter.partnerId ?? ''),
    )
    .$if(after !== null, (qb) =>
      qb.where(
        sql<boolean>`(d.created_at, d.id) < (${after?.k}::timestamp AT TIME ZONE 'UTC', ${after?.id}::uuid)`,
      ),
    )
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute()) as (DeliveryRow & { sort_key: string })[];
  const page = pageOf(rows, limit, (row) => ({ k: row.sort_key, id: row.id }));
  return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
}

async function getDeliveryRow(tx: Tx, scope: Scope, id: string): Promise<DeliveryRow> {
  readable(scope);
  const row = (await deliveriesInScope(tx, scope).where('d.id', '=', id).executeTakeFirst()) as
    | DeliveryRow
    | undefined;
  if (!row) throw notFound('delivery');
  return row;
}

export async function getDelivery(tx: Tx, scope: Scope, id: string) {
  const row = await getDeliveryRow(tx, scope, id);
  const attempts = await tx
    .selectFrom('delivery_attempts')
    .selectAll()
    .where('delivery_id', '=', id)
    .orderBy('number')
    .execute();
  return { ...presentDelivery(row), attemptLog: attempts.map(presentAttempt) };
}

/** A dead delivery gets another round of attempts, now. */
export async function retryDelivery(tx: Tx, scope: Scope, id: string, maxAttempts: number) {
  const before = await getDeliveryRow(tx, scope, id);
  requireRole(scope, MANAGERS);
  if (before.status !== 'dead')
    throw conflict('not_dead', `Only dead deliveries can be retried; this one is ${before.status}.`);
  await tx
    .updateTable('deliveries')
    .set({
      status: 'pending',
      next_attempt_at: new Date(),
      dead_after: before.attempts + maxAttempts,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(tx);
  await recordAudit(tx, scope, {
    action: 'delivery.retried',
    entityType: 'delivery',
    entityId: id,
    partnerId: before.partner_id,
    before: { status: before.status, attempts: before.attempts },
  });
  return getDelivery(tx, scope, id);
}

export async function listMailbox(tx: Tx, scope: Scope, filter: { limit?: number; cursor?: string }) {
  readable(scope);
  const limit = filter.limit ?? 50;
  const after = decodeTimestampCursor(filter.cursor);
  const rows = await tx
    .selectFrom('mailbox')
    .select(['id', 'delivery_id', 'partner_id', 'message_id', 'recipient', 'subject', 'received_at'])
    .select(sql<string>`(received_at AT TIME ZONE 'UTC')::text`.as('sort_key'))
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .$if(after !== null, (qb) =>
      qb.where(
        sql<boolean>`(received_at, id) < (${after?.k}::timestamp AT TIME ZONE 'UTC', ${after?.id}::uuid)`,
      ),
    )
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: row.sort_key, id: row.id }));
  return { items: page.items.map(presentMailSummary), nextCursor: page.nextCursor };
}

export async function getMail(tx: Tx, scope: Scope, id: string) {
  readable(scope);
  const row = await tx
    .selectFrom('mailbox')
    .selectAll()
    .where('id', '=', id)
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .executeTakeFirst();
  if (!row) throw notFound('message');
  return presentMail(row);
}
