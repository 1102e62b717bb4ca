import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import type { Channel, DeliveryStatus } from '../../db/schema.ts';
import { hideFromCustomers, requireRole } from '../../http/authenticate.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { OUTBOX_CHANNEL } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  type DeliveryRow,
  presentAttempt,
  presentDelivery,
  presentMail,
  presentMailSummary,
} from './notifications.presenter.ts';

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

function deliveriesInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('deliveries as d')
    .leftJoin('subscriptions as s', 's.id', 'd.subscription_id')
    .selectAll('d')
    .select(['s.name as subscription_name'])
    .$if(scope.kind === 'partner', (qb) => qb.where('d.partner_id', '=', scope.partnerId ?? ''));
}

/** Newest first; the cursor is the creation time and id of the last row. */
export async function listDeliveries(tx: Tx, scope: Scope, filter: DeliveryFilter) {
  hideFromCustomers(scope, 'delivery');
  const rows = await deliveriesInScope(tx, scope)
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
    .$call(newestFirst('d.created_at', 'd.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
}

async function getDeliveryRow(tx: Tx, scope: Scope, id: string): Promise<DeliveryRow> {
  hideFromCustomers(scope, 'delivery');
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

/**
 * A dead delivery gets another round of attempts, now — to its subscription's current address
 * when the subscription still exists on the same channel: the usual fix for a dead delivery is
 * correcting the address, and the retry should go where it now points.
 */
export async function retryDelivery(tx: Tx, scope: Scope, id: string, maxAttempts: number) {
  const before = await getDeliveryRow(tx, scope, id);
  requireRole(scope, MANAGERS);
  if (before.status !== 'dead')
    throw conflict('not_dead', `Only dead deliveries can be retried; this one is ${before.status}.`);
  const current = before.subscription_id
    ? await tx
        .selectFrom('subscriptions')
        .select(['target', 'channel'])
        .where('id', '=', before.subscription_id)
        .executeTakeFirst()
    : undefined;
  await tx
    .updateTable('deliveries')
    .set({
      status: 'pending',
      next_attempt_at: new Date(),
      dead_after: before.attempts + maxAttempts,
      updated_at: new Date(),
      ...(current && current.channel === before.channel ? { target: current.target } : {}),
    })
    .where('id', '=', id)
    .execute();
  await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(tx);
  await recordAudit(tx, scope, {
    action: 'delivery.retried',
    entityType: 'delivery',
    entityId: id,
    partnerId: before.partner_id,
    before: { status: before.status, attempts: before.attempts, target: before.target },
  });
  return getDelivery(tx, scope, id);
}

export async function listMailbox(tx: Tx, scope: Scope, filter: { limit?: number; cursor?: string }) {
  hideFromCustomers(scope, 'message');
  const rows = await tx
    .selectFrom('mailbox')
    .select(['id', 'delivery_id', 'partner_id', 'message_id', 'recipient', 'subject', 'received_at'])
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .$call(newestFirst('received_at', 'id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return { items: page.items.map(presentMailSummary), nextCursor: page.nextCursor };
}

export async function getMail(tx: Tx, scope: Scope, id: string) {
  hideFromCustomers(scope, 'message');
  const row = await tx
    .selectFrom('mailbox')
    .selectAll()
    .where('id', '=', id)
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .executeTakeFirst();
  if (!row) throw notFound('message');
  return presentMail(row);
}
