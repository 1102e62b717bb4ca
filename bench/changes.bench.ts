// Changes benchmark (issue 8), on the embedded PostgreSQL: one change for 5,000 customers of 20
// partners through HTTP (POST /api/v1/changes: every rule, the change, its 5,000 customer rows, its
// history, the audit rows and one notice per partner, in one transaction) against bare `pg`
// inserts of the same rows in one transaction from a client that already holds them (multi-row
// INSERTs from arrays: the fastest way to write them). Target >= 0.25.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { getCalendar, nextWindowStartingAt } from '../src/core/index.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDatabase } from '../src/server/db/connect.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { startEmbeddedPostgres, withDatabase } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadPolicy } from '../src/server/modules/policy/load-policy.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/server/seed/demo.ts';

const CUSTOMERS = 5000;
const PARTNERS = 20;
const ROUNDS = 5;

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The same rows as one change for these customers, written by the simplest client. */
async function bareInserts(
  client: pg.Client,
  customers: { id: string; partner_id: string }[],
  slot: { start: string; end: string },
): Promise<number> {
  const partners = [...new Set(customers.map((c) => c.partner_id))];
  const started = performance.now();
  await client.query('BEGIN');
  const change = await client.query<{ id: string }>(
    `INSERT INTO changes (type, title, status, start_at, end_at, regions, customer_count, notice_sent_at, created_by_label)
     VALUES ('routine', 'bare', 'notice_sent', $1, $2, '{EMEA}', $3, now(), 'bench') RETURNING id`,
    [slot.start, slot.end, customers.length],
  );
  const id = change.rows[0]?.id;
  await client.query(
    `INSERT INTO change_customers (change_id, customer_id, partner_id, region)
     SELECT $1, c, p, 'EMEA' FROM unnest($2::uuid[], $3::uuid[]) AS t(c, p)`,
    [id, customers.map((c) => c.id), customers.map((c) => c.partner_id)],
  );
  await client.query(
    `INSERT INTO change_events (change_id, kind, status, actor_label) VALUES ($1, 'created', 'notice_sent', 'bench'), ($1, 'notice_sent', 'notice_sent', 'bench')`,
    [id],
  );
  await client.query(
    `INSERT INTO audit_log (actor_label, partner_id, action, entity_type, entity_id, after)
     SELECT 'bench', p, 'change.created', 'change', $1, '{}'::jsonb FROM unnest($2::uuid[]) AS t(p)
     UNION ALL SELECT 'bench', NULL, 'change.created', 'change', $1, '{}'::jsonb`,
    [id, partners],
  );
  await client.query(
    `INSERT INTO notification_events (id, category, kind, subject_type, subject_id, payload, audience_partner_ids)
     SELECT gen_random_uuid(), 'maintenance_outages', 'change.notice', 'change', $1, '{}'::jsonb, ARRAY[p]
     FROM unnest($2::uuid[]) AS t(p)`,
    [id, partners],
  );
  await client.query('COMMIT');
  return performance.now() - started;
}

export async function runChangesBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-bench-changes-'));
  const server = await startEmbeddedPostgres({ dataDir, explicit: true });
  try {
    await ensureDatabase(server.connectionString, 'bench');
    const url = withDatabase(server.connectionString, 'bench');
    const database = openDatabase(url, { max: 8 });
    await migrateToLatest(database.db as never);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    const { policy } = loadPolicy();
    await seedDemo(database.db, config, policy);
    await sql
      .raw(`
      INSERT INTO partners (name) SELECT 'Bench partner ' || p FROM generate_series(1, ${PARTNERS}) p;
      INSERT INTO customers (partner_id, name, region)
        SELECT (SELECT id FROM partners WHERE name = 'Bench partner ' || (1 + c % ${PARTNERS})), 'Bench customer ' || c, 'EMEA'
        FROM generate_series(1, ${CUSTOMERS}) c;
      ANALYZE customers;
    `)
      .execute(database.db);
    const customers = await database.db
      .selectFrom('customers')
      .select(['id', 'partner_id'])
      .where('name', 'like', 'Bench customer %')
      .execute();
    const benchPartners = [...new Set(customers.map((c) => c.partner_id))];

    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@provider.example', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    // A weekday window a few days ahead, in EMEA: a routine change needs no notice period.
    const cal = getCalendar(policy, 'EMEA');
    let window = nextWindowStartingAt(cal, Date.now() + 2 * 86_400_000);
    while (window.kind !== 'weekday') window = nextWindowStartingAt(cal, window.start + 1);
    const slot = {
      start: new Date(window.start + 3_600_000).toISOString(),
      end: new Date(window.start + 7_200_000).toISOString(),
    };
    const post = async (selection: Record<string, unknown>) => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/changes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'routine', title: 'Bench change', ...slot, ...selection }),
      });
      const body = (await response.json()) as { customerCount?: number };
      if (response.status !== 201)
        throw new Error(`POST /changes answered ${response.status}: ${JSON.stringify(body)}`);
      if (body.customerCount !== CUSTOMERS)
        throw new Error(`expected ${CUSTOMERS} customers, got ${body.customerCount}`);
      return performance.now() - started;
    };

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const byIds: number[] = [];
    const byPartners: number[] = [];
    const bare: number[] = [];
    // One warm-up of each, unmeasured.
    await post({ customerIds: customers.map((c) => c.id) });
    await bareInserts(client, customers, slot);
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await bareInserts(client, customers, slot));
      byIds.push(await post({ customerIds: customers.map((c) => c.id) }));
      byPartners.push(await post({ partnerIds: benchPartners }));
    }
    await client.end();
    await app.close();
    await database.close();

    const bareMs = median(bare);
    return {
      oneChangeForManyCustomers: {
        customers: CUSTOMERS,
        partners: PARTNERS,
        httpByCustomerIdsMs: round(median(byIds), 1),
        httpByPartnersMs: round(median(byPartners), 1),
        bareInsertsMs: round(bareMs, 1),
        ratio: round(bareMs / median(byIds), 3),
        ratioByPartners: round(bareMs / median(byPartners), 3),
        target: '>= 0.25 of bare pg inserts of the same rows',
        rounds: ROUNDS,
      },
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
