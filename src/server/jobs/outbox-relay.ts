import { sql } from 'kysely';
import type pg from 'pg';
import type { OutboxConfig } from '../config.ts';
import { type Db, type DbHandle, inScope, systemScope } from '../db/database.ts';
import type { Channel, Locale } from '../db/schema.ts';
import { OUTBOX_CHANNEL } from '../notify/events.ts';
import type { OutgoingDelivery, Sender, SendOutcome } from '../notify/sender.ts';

/**
 * The outbox relay. Three steps, each its own short transaction, each safe to run in any number
 * of workers at once:
 *
 * 1. fan out: new events become one delivery per recipient (unique per event and recipient);
 * 2. claim: due deliveries are taken with FOR UPDATE SKIP LOCKED and leased (status `sending`,
 *    attempt counted and recorded) — the claim commits before anything is sent;
 * 3. finish: results are written back, fenced by the attempt number, so a worker whose lease ran
 *    out cannot overwrite the newer attempt of another.
 *
 * A worker killed mid-send leaves `sending` rows whose lease expires; `recover` hands them back
 * as pending (the attempt is recorded as interrupted). The message is then sent again with the
 * same message id: at-least-once delivery, de-duplicated by the receiver.
 */

const scope = systemScope('outbox-relay');

export interface RelayDeps {
  db: Db;
  outbox: OutboxConfig;
  sender: Sender;
}

export async function fanOutEvents(
  deps: RelayDeps,
  limit = 200,
): Promise<{ events: number; deliveries: number }> {
  return inScope(deps.db, scope, async (tx) => {
    const { rows } = await sql<{ events: number; deliveries: number }>`
      WITH events AS (
        SELECT id, kind, category, created_at, audience_provider, audience_partner_ids, target_subscription_id, target_user_ids
        FROM notification_events WHERE fanned_out_at IS NULL
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      ), to_subscriptions AS (
        INSERT INTO deliveries (event_id, partner_id, subscription_id, recipient_key, kind, category, channel, target,
                                locale, time_zone, dead_after, next_attempt_at)
        SELECT e.id, s.partner_id, s.id, 'subscription:' || s.id, e.kind, e.category, s.channel, s.target,
               s.locale, s.time_zone, ${deps.outbox.maxAttempts}::int, e.created_at
        FROM events e JOIN subscriptions s ON (
          s.id = e.target_subscription_id
          OR (e.target_subscription_id IS NULL AND NOT s.paused AND e.category = ANY (s.categories)
              AND ((s.partner_id IS NULL AND e.audience_provider) OR s.partner_id = ANY (e.audience_partner_ids))))
        ON CONFLICT (event_id, recipient_key) DO NOTHING
        RETURNING 1
      ), to_users AS (
        INSERT INTO deliveries (event_id, partner_id, subscription_id, recipient_key, kind, category, channel, target,
                                locale, time_zone, dead_after, next_attempt_at)
        SELECT e.id, u.partner_id, NULL, 'user:' || u.id, e.kind, e.category, 'email', u.email,
               u.locale, coalesce(u.time_zone, 'UTC'), ${deps.outbox.maxAttempts}::int, e.created_at
        FROM events e JOIN users u ON u.id = ANY (e.target_user_ids) AND u.active
        ON CONFLICT (event_id, recipient_key) DO NOTHING
        RETURNING 1
      ), marked AS (
        UPDATE notification_events n SET fanned_out_at = now() FROM events e WHERE n.id = e.id RETURNING 1
      )
      SELECT (SELECT count(*) FROM marked)::int AS events,
             ((SELECT count(*) FROM to_subscriptions) + (SELECT count(*) FROM to_users))::int AS deliveries
    `.execute(tx);
    return rows[0] ?? { events: 0, deliveries: 0 };
  });
}

/** Hands deliveries whose lease ran out (their worker died) back to the queue. */
export async function recoverExpiredLeases(deps: RelayDeps): Promise<number> {
  return inScope(deps.db, scope, async (tx) => {
    const { rows } = await sql<{ recovered: number }>`
      WITH stale AS (
        SELECT id FROM deliveries WHERE status = 'sending' AND lease_until < now()
        LIMIT 1000 FOR UPDATE SKIP LOCKED
      ), released AS (
        UPDATE deliveries d SET
          status = CASE WHEN d.attempts >= d.dead_after THEN 'dead' ELSE 'pending' END,
          lease_until = NULL, next_attempt_at = now(), updated_at = now(),
          last_error = 'the worker stopped before the send was confirmed'
        FROM stale WHERE d.id = stale.id
        RETURNING d.id, d.attempts
      ), marked AS (
        UPDATE delivery_attempts a SET result = 'interrupted', finished_at = now(),
          error = 'the worker stopped before the send was confirmed'
        FROM released r WHERE a.delivery_id = r.id AND a.number = r.attempts AND a.result = 'sending'
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM released)::int AS recovered, (SELECT count(*) FROM marked)::int AS marked
    `.execute(tx);
    return rows[0]?.recovered ?? 0;
  });
}

interface ClaimedRow {
  id: string;
  event_id: string;
  partner_id: string | null;
  subscription_id: string | null;
  channel: Channel;
  target: string;
  locale: Locale;
  time_zone: string;
  attempts: number;
  dead_after: number;
  kind: string;
  category: string;
  subject_type: string;
  subject_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
  secret: string | null;
}

async function claimDue(deps: RelayDeps): Promise<ClaimedRow[]> {
  return inScope(deps.db, scope, async (tx) => {
    const { rows } = await sql<ClaimedRow>`
      WITH picked AS (
        SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT ${deps.outbox.batchSize} FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = now(),
          lease_until = now() + make_interval(secs => ${deps.outbox.leaseMs / 1000}::float8)
        FROM picked WHERE d.id = picked.id
        RETURNING d.*
      ), started AS (
        INSERT INTO delivery_attempts (delivery_id, partner_id, number, started_at, result)
        SELECT id, partner_id, attempts, now(), 'sending' FROM claimed
      )
      SELECT c.id, c.event_id, c.partner_id, c.subscription_id, c.channel, c.target, c.locale, c.time_zone,
             c.attempts, c.dead_after, e.kind, e.category, e.subject_type, e.subject_id, e.payload,
             e.created_at AS occurred_at, s.secret
      FROM claimed c
      JOIN notification_events e ON e.id = c.event_id
      LEFT JOIN subscriptions s ON s.id = c.subscription_id
    `.execute(tx);
    return rows;
  });
}

/** Exponential back-off with jitter: base·2^(n−1), capped, then a random point in its upper half. */
export function retryDelayMs(
  attempt: number,
  outbox: Pick<OutboxConfig, 'retryBaseMs' | 'retryMaxMs'>,
  random = Math.random,
): number {
  const full = Math.min(outbox.retryMaxMs, outbox.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}

interface Finished {
  row: ClaimedRow;
  outcome: SendOutcome;
}

async function finish(deps: RelayDeps, finished: Finished[]): Promise<void> {
  const now = Date.now();
  const results = finished.map(({ row, outcome }) => {
    const status = outcome.ok
      ? 'delivered'
      : outcome.permanent || row.attempts >= row.dead_after
        ? 'dead'
        : 'pending';
    return {
      id: row.id,
      attempt: row.attempts,
      status,
      result: outcome.ok ? 'delivered' : outcome.permanent ? 'refused' : 'failed',
      next:
        status === 'pending' ? new Date(now + retryDelayMs(row.attempts, deps.outbox)).toISOString() : null,
      error: outcome.error?.slice(0, 1000) ?? null,
      code: outcome.statusCode,
      excerpt: outcome.excerpt?.slice(0, 1024) ?? null,
    };
  });
  const mail = finished.flatMap(({ outcome }) => (outcome.mailbox ? [outcome.mailbox] : []));
  // Per subscription, the batch's last word: a success resets the failure streak.
  const health = new Map<string, { failures: number; ok: boolean; error: string | null }>();
  for (const { row, outcome } of finished) {
    if (!row.subscription_id) continue;
    const entry = health.get(row.subscription_id) ?? { failures: 0, ok: false, error: null };
    if (outcome.ok) health.set(row.subscription_id, { failures: 0, ok: true, error: null });
    else health.set(row.subscription_id, { failures: entry.failures + 1, ok: false, error: outcome.error });
  }
  const healthRows = [...health].map(([id, h]) => ({ id, ...h, error: h.error?.slice(0, 500) ?? null }));
  await inScope(deps.db, scope, async (tx) => {
    await sql`
      WITH r AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(results)}::jsonb)
          AS r(id uuid, attempt int, status text, result text, next timestamptz, error text, code int, excerpt text)
      ), updated AS (
        UPDATE deliveries d SET status = r.status, lease_until = NULL,
          next_attempt_at = coalesce(r.next, d.next_attempt_at), last_error = r.error, last_status_code = r.code,
          delivered_at = CASE WHEN r.status = 'delivered' THEN now() ELSE d.delivered_at END, updated_at = now()
        FROM r WHERE d.id = r.id AND d.status = 'sending' AND d.attempts = r.attempt
        RETURNING d.id
      ), attempts AS (
        UPDATE delivery_attempts a SET result = r.result, finished_at = now(), status_code = r.code,
          error = r.error, response_excerpt = r.excerpt
        FROM r WHERE a.delivery_id = r.id AND a.number = r.attempt AND a.result IN ('sending', 'interrupted')
        RETURNING 1
      ), mail AS (
        INSERT INTO mailbox (id, delivery_id, partner_id, message_id, recipient, subject, text_body, html_body)
        SELECT m.id, m."deliveryId", m."partnerId", m."messageId", m.recipient, m.subject, m.text, m.html
        FROM jsonb_to_recordset(${JSON.stringify(mail)}::jsonb) AS m(id uuid, "deliveryId" uuid, "partnerId" uuid,
          "messageId" text, recipient text, subject text, text text, html text)
        WHERE m."deliveryId" IN (SELECT id FROM updated)
        ON CONFLICT (message_id) DO NOTHING
        RETURNING 1
      ), health AS (
        UPDATE subscriptions s SET
          consecutive_failures = CASE WHEN h.ok THEN 0 ELSE s.consecutive_failures + h.failures END,
          last_success_at = CASE WHEN h.ok THEN now() ELSE s.last_success_at END,
          last_failure_at = CASE WHEN h.ok THEN s.last_failure_at ELSE now() END,
          last_error = CASE WHEN h.ok THEN s.last_error ELSE h.error END
        FROM jsonb_to_recordset(${JSON.stringify(healthRows)}::jsonb) AS h(id uuid, failures int, ok boolean, error text)
        WHERE s.id = h.id
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM updated) AS updated, (SELECT count(*) FROM attempts) AS attempts,
             (SELECT count(*) FROM mail) AS mail, (SELECT count(*) FROM health) AS health
    `.execute(tx);
  });
}

function toOutgoing(row: ClaimedRow): OutgoingDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    partnerId: row.partner_id,
    channel: row.channel,
    target: row.target,
    locale: row.locale,
    timeZone: row.time_zone,
    kind: row.kind,
    category: row.category,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: row.payload,
    occurredAt: row.occurred_at,
    secret: row.secret,
  };
}

/** Claims one batch, sends it (all at once; the transports pool their connections) and records the results. */
export async function relayBatch(deps: RelayDeps): Promise<number> {
  const claimed = await claimDue(deps);
  if (claimed.length === 0) return 0;
  const finished = await Promise.all(
    claimed.map(async (row) => ({ row, outcome: await deps.sender.send(toOutgoing(row)) })),
  );
  await finish(deps, finished);
  return claimed.length;
}

/** Runs every step until nothing is due (tests and the CLI; the worker runs them continuously). */
export async function drainOutbox(deps: RelayDeps): Promise<{ fannedOut: number; sent: number }> {
  let fannedOut = 0;
  let sent = 0;
  for (;;) {
    const fan = await fanOutEvents(deps);
    fannedOut += fan.deliveries;
    await recoverExpiredLeases(deps);
    let batch = await relayBatch(deps);
    sent += batch;
    while (batch > 0) {
      batch = await relayBatch(deps);
      sent += batch;
    }
    if (fan.events === 0) return { fannedOut, sent };
  }
}

export interface RunningRelay {
  stop(): Promise<void>;
}

/**
 * The continuous relay of a worker process: a LISTEN connection wakes it as soon as an event
 * commits, a poll covers missed notifications and retries coming due, and `lanes` batches are in
 * flight at once so sending overlaps the database round trips.
 */
export function startOutboxRelay(
  handle: DbHandle,
  deps: RelayDeps,
  log: (message: string, extra?: object) => void,
): RunningRelay {
  let stopping = false;
  const waiters = new Set<() => void>();
  /** Ends every nap at once: a NOTIFY arrived, fan-out made work, or we are stopping. */
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
      waiters.add(done);
    });

  let listener: pg.PoolClient | null = null;
  const listen = async () => {
    try {
      const client = await handle.pool.connect();
      client.on('notification', () => wake());
      client.on('error', () => {
        // Only while it is ours: a connection given up at stop is destroyed, not pooled.
        if (listener !== client) return;
        listener = null;
        client.release(true);
        if (!stopping) setTimeout(() => void listen(), 1_000).unref();
      });
      listener = client;
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      if (listener) {
        listener.release(true);
        listener = null;
      }
      log(`outbox relay: LISTEN failed (${(error as Error).message}); polling only`);
    }
  };
  void listen();

  const guarded = async (name: string, step: () => Promise<number>): Promise<number> => {
    try {
      return await step();
    } catch (error) {
      if (!stopping) log(`outbox relay: ${name} failed: ${(error as Error).message}`);
      await nap(deps.outbox.pollMs);
      return 0;
    }
  };

  const housekeeping = (async () => {
    while (!stopping) {
      const fan = await guarded('fan-out', async () => {
        const result = await fanOutEvents(deps);
        if (result.deliveries > 0) wake();
        return result.events;
      });
      await guarded('lease recovery', () => recoverExpiredLeases(deps));
      if (fan === 0 && !stopping) await nap(deps.outbox.pollMs);
    }
  })();
  const lanes = Array.from({ length: deps.outbox.lanes }, async () => {
    while (!stopping) {
      const sent = await guarded('send', () => relayBatch(deps));
      if (sent === 0 && !stopping) await nap(deps.outbox.pollMs);
    }
  });

  return {
    async stop() {
      stopping = true;
      wake();
      await Promise.allSettled([housekeeping, ...lanes]);
      if (listener) {
        const client = listener;
        listener = null;
        client.release(true);
      }
      deps.sender.close();
    },
  };
}
