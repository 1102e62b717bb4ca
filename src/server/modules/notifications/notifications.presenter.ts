import type { Selectable } from 'kysely';
import type {
  DeliveriesTable,
  DeliveryAttemptsTable,
  MailboxTable,
  SubscriptionsTable,
} from '../../db/schema.ts';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export type SubscriptionRow = Selectable<SubscriptionsTable>;

/** A subscription as the API shows it: the webhook secret never leaves after creation. */
export function presentSubscription(row: SubscriptionRow) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    name: row.name,
    categories: row.categories,
    channel: row.channel,
    target: row.target,
    locale: row.locale,
    timeZone: row.time_zone,
    paused: row.paused,
    signed: row.channel === 'webhook',
    consecutiveFailures: row.consecutive_failures,
    lastSuccessAt: iso(row.last_success_at),
    lastFailureAt: iso(row.last_failure_at),
    lastError: row.last_error,
    createdAt: iso(row.created_at) ?? '',
    updatedAt: iso(row.updated_at) ?? '',
  };
}

export type DeliveryRow = Selectable<DeliveriesTable> & { subscription_name: string | null };

export function presentDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    eventId: row.event_id,
    kind: row.kind,
    category: row.category,
    partnerId: row.partner_id,
    subscriptionId: row.subscription_id,
    subscriptionName: row.subscription_name,
    channel: row.channel,
    target: row.target,
    locale: row.locale,
    timeZone: row.time_zone,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.dead_after,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    deliveredAt: iso(row.delivered_at),
    createdAt: iso(row.created_at) ?? '',
    updatedAt: iso(row.updated_at) ?? '',
  };
}

export function presentAttempt(row: Selectable<DeliveryAttemptsTable>) {
  return {
    number: row.number,
    startedAt: iso(row.started_at) ?? '',
    finishedAt: iso(row.finished_at),
    result: row.result,
    statusCode: row.status_code,
    error: row.error,
    responseExcerpt: row.response_excerpt,
  };
}

export function presentMailSummary(
  row: Pick<
    Selectable<MailboxTable>,
    'id' | 'delivery_id' | 'partner_id' | 'message_id' | 'recipient' | 'subject' | 'received_at'
  >,
) {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    partnerId: row.partner_id,
    messageId: row.message_id,
    recipient: row.recipient,
    subject: row.subject,
    receivedAt: iso(row.received_at) ?? '',
  };
}

export function presentMail(row: Selectable<MailboxTable>) {
  return { ...presentMailSummary(row), text: row.text_body, html: row.html_body };
}
