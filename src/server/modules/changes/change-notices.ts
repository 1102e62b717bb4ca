import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Policy } from '../../../core/policy-document.ts';
import { queueWrite, type Tx } from '../../db/database.ts';
import { OUTBOX_CHANNEL } from '../../notify/events.ts';
import { type ChangeRow, changeReference, regionTimes } from './changes.presenter.ts';

export type ChangeNoticeKind =
  | 'change.notice'
  | 'change.emergency'
  | 'change.reminder'
  | 'change.rescheduled'
  | 'change.started'
  | 'change.completed'
  | 'change.cancelled';

/** How many customer names one partner's notice lists (the count is always given). */
const NAMED_CUSTOMERS = 50;

/**
 * Queues one notice per affected partner, in the caller's transaction, to that partner's
 * `maintenance_outages` subscribers: the change with its window in every region's local time, and
 * only that partner's customers and regions (the template shows each recipient its own zone too).
 * One INSERT … SELECT … GROUP BY partner: a change for 5,000 customers of 40 partners is 40 events
 * written by PostgreSQL without a row passing through Node. Emergencies also reach the provider's
 * own communication list.
 */
export async function queueChangeNotice(
  tx: Tx,
  policy: Policy,
  change: ChangeRow,
  kind: ChangeNoticeKind,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const start = change.start_at.getTime();
  const end = change.end_at.getTime();
  const base = {
    changeId: change.id,
    reference: changeReference(change.number),
    number: change.number,
    type: change.type,
    title: change.title,
    description: change.description,
    status: change.status,
    start: change.start_at.toISOString(),
    end: change.end_at.toISOString(),
    reason: change.reason,
    emergencyReason: change.emergency_reason,
    emergency: change.emergency || change.type === 'emergency',
    regionTimes: regionTimes(policy, change.regions, start, end),
    ...extra,
  };
  await queueWrite(
    tx,
    sql`
      INSERT INTO notification_events (id, partner_id, category, kind, subject_type, subject_id, payload,
        audience_provider, audience_partner_ids)
      SELECT gen_random_uuid(), NULL, 'maintenance_outages', ${kind}, 'change', ${change.id}::uuid,
        ${JSON.stringify(base)}::jsonb || jsonb_build_object(
          'partnerId', cc.partner_id,
          'customers', to_jsonb((array_agg(c.name ORDER BY lower(c.name)))[1:${NAMED_CUSTOMERS}]),
          'customerCount', count(*),
          'regions', to_jsonb(array_agg(DISTINCT cc.region))),
        false, ARRAY[cc.partner_id]
      FROM change_customers cc JOIN customers c ON c.id = cc.customer_id
      WHERE cc.change_id = ${change.id}::uuid
      GROUP BY cc.partner_id
    `,
  );
  if (kind === 'change.emergency')
    await queueWrite(
      tx,
      tx.insertInto('notification_events').values({
        id: randomUUID(),
        partner_id: null,
        category: 'maintenance_outages',
        kind,
        subject_type: 'change',
        subject_id: change.id,
        payload: JSON.stringify({ ...base, customerCount: change.customer_count, regions: change.regions }),
        audience_provider: true,
      }),
    );
  await queueWrite(tx, sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
}
