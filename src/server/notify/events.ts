import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { queueWrite, type Scope, type Tx } from '../db/database.ts';
import type { Category } from '../db/schema.ts';

/** The channel the worker LISTENs on; a NOTIFY is delivered when the raising transaction commits. */
export const OUTBOX_CHANNEL = 'diops_outbox';

export interface NewEvent {
  category: Category | 'contact';
  kind: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  /** Notify the provider's own subscriptions. */
  toProvider?: boolean;
  /** Notify these partners' subscriptions. */
  toPartners?: string[];
  /** Only this subscription (a test message), whatever its categories or pause. */
  toSubscription?: string;
  /** These users by e-mail (reminders to partner admins). */
  toUsers?: string[];
}

/**
 * Writes a notification event in the caller's transaction: it exists if and only if the change
 * that caused it commits. The worker fans it out into one delivery per recipient.
 */
export async function raiseEvent(tx: Tx, scope: Scope, event: NewEvent): Promise<string> {
  const id = randomUUID();
  // Queued: the event and its wake-up call travel with the transaction's next round trip.
  await queueWrite(
    tx,
    tx.insertInto('notification_events').values({
      id,
      partner_id: scope.kind === 'partner' ? scope.partnerId : null,
      category: event.category,
      kind: event.kind,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      payload: JSON.stringify(event.payload),
      audience_provider: event.toProvider ?? false,
      audience_partner_ids: [...new Set(event.toPartners ?? [])],
      target_subscription_id: event.toSubscription ?? null,
      target_user_ids: event.toUsers ?? [],
    }),
  );
  await queueWrite(tx, sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
  return id;
}
