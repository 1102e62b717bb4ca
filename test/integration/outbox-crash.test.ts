import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inScope, systemScope } from '../../src/server/db/database.ts';
import { createIsolatedDatabase } from '../support/isolated-database.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/receivers.ts';
import { createTestApp, createWorld, type TestApp, type World } from '../support/test-app.ts';
import { startWorkerProcess, type WorkerProcess, waitFor } from '../support/worker-process.ts';

/**
 * The reliability contract of SPEC §4 on real processes: a worker killed with SIGKILL in the middle
 * of a 2,000-message fan-out, then restarted, leaves every message received exactly once after
 * de-duplication by Message-ID, and nothing undelivered.
 */
const FAN_OUT = 2_000;

let t: TestApp;
let w: World;
let smtp: SmtpReceiver;
let dropDatabase: () => Promise<void>;
let databaseUrl: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  const isolated = await createIsolatedDatabase('crash');
  databaseUrl = isolated.url;
  dropDatabase = isolated.drop;
  smtp = await startSmtpReceiver();
  t = await createTestApp({ DATABASE_URL: databaseUrl });
  w = await createWorld(t);
});
afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL');
  await t.close();
  await smtp.close();
  await dropDatabase();
});

const openDeliveries = () =>
  inScope(t.database.db, systemScope('test'), (tx) =>
    tx
      .selectFrom('deliveries')
      .select(sql<number>`count(*) FILTER (WHERE status <> 'delivered')::int`.as('open'))
      .select(sql<number>`count(*)::int`.as('all'))
      .executeTakeFirstOrThrow(),
  );

it('loses nothing when a worker is SIGKILLed mid fan-out and restarted', async () => {
  await inScope(t.database.db, systemScope('test'), (tx) =>
    sql`
      INSERT INTO subscriptions (partner_id, name, categories, channel, target)
      SELECT ${w.a.partnerId}::uuid, 'crash ' || n, ARRAY['maintenance_outages'], 'email', 'crash-' || n || '@fanout.example'
      FROM generate_series(1, ${FAN_OUT}) AS n
    `.execute(tx),
  );
  const declared = await w.provider.post('/outages', {
    title: 'Fan-out under fire',
    summary: 'Every subscriber must hear about this exactly once.',
    impact: 'down',
    customerIds: [w.a.customerId],
  });
  expect(declared.statusCode, declared.body).toBe(201);

  const env = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    WEBHOOK_TIMEOUT_MS: '1000',
    OUTBOX_LEASE_MS: '2000',
    OUTBOX_POLL_MS: '100',
    OUTBOX_BATCH_SIZE: '50',
  };
  smtp.delayMs = 2;
  const first = startWorkerProcess(env);
  workers.push(first);
  const received = () => smtp.messages.filter((m) => m.to.endsWith('@fanout.example'));
  await waitFor(
    () => received().length >= 300,
    60_000,
    `the first worker to send 300 messages\n${first.output()}`,
  );
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = received().length;
  expect(atKill).toBeLessThan(FAN_OUT);
  const { open } = await openDeliveries();
  expect(open).toBeGreaterThan(0);

  smtp.delayMs = 0;
  const second = startWorkerProcess(env);
  workers.push(second);
  await waitFor(
    async () => (await openDeliveries()).open === 0,
    90_000,
    `all deliveries to finish\n${second.output()}`,
  );
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);

  const deliveries = await inScope(t.database.db, systemScope('test'), (tx) =>
    tx
      .selectFrom('deliveries')
      .select(['id', 'target', 'status'])
      .where('target', 'like', '%@fanout.example')
      .execute(),
  );
  expect(deliveries).toHaveLength(FAN_OUT);
  expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
  const messageIds = received().map((m) => m.messageId);
  const unique = new Set(messageIds);
  expect(unique).toEqual(new Set(deliveries.map((d) => `<${d.id}@diops>`)));
  // At-least-once: a message in flight at the kill may arrive twice, never more, and then only
  // those (at most one batch per lane).
  const duplicates = messageIds.length - unique.size;
  expect(duplicates).toBeLessThanOrEqual(4 * 50);
  console.info(
    `SIGKILL fan-out: ${FAN_OUT} messages, ${atKill} received before the kill, 0 lost, ${duplicates} duplicates before de-duplication`,
  );
});
