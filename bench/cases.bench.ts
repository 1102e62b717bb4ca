// Case benchmarks (issue 6), on the embedded PostgreSQL:
// 1. POST /api/v1/cases end to end at 32 concurrent clients against bare `pg` single-row INSERTs
//    into a table of the same shape (same columns, indexes and generated search vector) at the
//    same concurrency, in the same run. Target >= 0.35. Measured with the node's kept customer and
//    contract (decision 0010) and, for comparison, with a look-up in every opening.
// 2. With 1,000,000 cases over 20 partners: a partner's 50 open cases due soonest, and a full-text
//    search, each run through the real service (scoped transaction, RLS) — p99 against a SELECT 1
//    round trip. Target p99 <= 20x.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import type { Policy } from '../src/core/index.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDatabase } from '../src/server/db/connect.ts';
import { type DbHandle, inScope, openDatabase, scopeForUser } from '../src/server/db/database.ts';
import { startEmbeddedPostgres, withDatabase } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { ReadCache } from '../src/server/http/read-cache.ts';
import { listCases } from '../src/server/modules/cases/cases.service.ts';
import { loadPolicy } from '../src/server/modules/policy/load-policy.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/server/seed/demo.ts';

const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const PARTNERS = 20;
const SAMPLES = 1_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Bare pg: 32 clients each inserting one row per statement (autocommit) for DURATION_S. */
async function bareInserts(url: string, row: Record<string, unknown>): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  const columns = Object.keys(row);
  const text = `INSERT INTO bench_cases (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
  let done = 0;
  let seq = 0;
  const run = async (seconds: number, count: boolean) => {
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < end) {
          const values = columns.map((c) => (c === 'number' ? `B-${process.pid}-${seq++}` : row[c]));
          await pool.query(text, values);
          if (count) done++;
        }
      }),
    );
  };
  await run(2, false);
  await run(DURATION_S, true);
  await pool.end();
  return Math.round(done / DURATION_S);
}

/**
 * The floor of our data model: the three rows an opening writes (the case, its history event, its
 * audit row) as one message per opening, as `diops_app` in the partner's scope under row-level
 * security and foreign keys — without HTTP, look-up, validation or the policy core.
 */
async function bareScopedOpenings(
  url: string,
  row: Record<string, unknown>,
  who: { partnerId: string; userId: string },
): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  const literal = (value: unknown) => {
    if (value === null || value === undefined) return 'NULL';
    if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
    if (typeof value === 'object') return pg.escapeLiteral(JSON.stringify(value));
    return pg.escapeLiteral(String(value));
  };
  const { id: _id, number: _number, ...rest } = row;
  const columns = Object.keys(rest);
  const values = columns.map((c) => literal(rest[c])).join(', ');
  const scope = `SELECT set_config('role', 'diops_app', true), set_config('app.scope', 'partner', true),
    set_config('app.partner_id', '${who.partnerId}', true), set_config('app.customer_id', '', true),
    set_config('app.user_id', '${who.userId}', true)`;
  let done = 0;
  let seq = 0;
  const run = async (seconds: number, count: boolean) => {
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < end) {
          const id = randomUUID();
          await pool.query(`BEGIN; ${scope};
            INSERT INTO cases (id, number, ${columns.join(', ')}) VALUES ('${id}', 'F-${process.pid}-${seq++}', ${values});
            INSERT INTO case_events (case_id, partner_id, customer_id, kind, actor_id, actor_name, side, data)
              VALUES ('${id}', ${literal(row.partner_id)}, ${literal(row.customer_id)}, 'opened', '${who.userId}', 'Bench', 'partner', '{}');
            INSERT INTO audit_log (actor_user_id, actor_label, partner_id, customer_id, action, entity_type, entity_id, after)
              VALUES ('${who.userId}', 'bench', ${literal(row.partner_id)}, ${literal(row.customer_id)}, 'case.opened', 'case', '${id}', '{}');
            COMMIT`);
          if (count) done++;
        }
      }),
    );
  };
  await run(2, false);
  await run(DURATION_S, true);
  await pool.end();
  return Math.round(done / DURATION_S);
}

async function openCasesEndToEnd(port: number, token: string, body: unknown) {
  const options = {
    url: `http://127.0.0.1:${port}/api/v1/cases`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections: CONNECTIONS,
  };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: DURATION_S });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const WORDS = [
  'phone',
  'register',
  'voicemail',
  'jabber',
  'trunk',
  'audio',
  'presence',
  'certificate',
  'expressway',
  'dial',
  'plan',
  'transfer',
  'conference',
  'gateway',
  'login',
  'sso',
  'latency',
  'echo',
  'fax',
  'paging',
  'hunt',
  'pickup',
  'recording',
  'directory',
  'ldap',
  'softphone',
  'headset',
  'firmware',
  'license',
  'backup',
];

/** In one case in 5,000: searching for it must not scan a partner's whole history. */
const RARE_WORD = 'zeppelin';

/** 1,000,000 cases over 20 partners (10 customers each), about 10 % open, written in one SQL pass. */
export async function fillCases(url: string): Promise<{ partnerIds: string[]; seconds: number }> {
  const started = performance.now();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const { rows: partners } = await pool.query<{ id: string }>(
    `INSERT INTO partners (name) SELECT 'Bench partner ' || g FROM generate_series(1, ${PARTNERS}) g RETURNING id`,
  );
  await pool.query(`
    INSERT INTO customers (partner_id, name, region)
    SELECT p.id, 'Bench customer ' || p.name || ' ' || g, (ARRAY['AMER','APJC','AUS','EMEA'])[1 + g % 4]
    FROM partners p, generate_series(1, 10) g WHERE p.name LIKE 'Bench partner %';
    INSERT INTO contracts (partner_id, customer_id, number, starts_on, ends_on)
    SELECT c.partner_id, c.id, 'BENCH-' || c.id, '2020-01-01', '2030-12-31'
    FROM customers c WHERE c.name LIKE 'Bench customer %';
  `);
  await pool.query(`
    CREATE TEMP TABLE bench_customers AS
      SELECT row_number() OVER () AS n, c.id, c.partner_id, c.region, k.id AS contract_id
      FROM customers c JOIN contracts k ON k.customer_id = c.id WHERE c.name LIKE 'Bench customer %';
    INSERT INTO cases (number, partner_id, customer_id, contract_id, region, title, description, category,
      impact, urgency, severity, status, caller_name, caller_email, contact_name, contact_phone, contact_email,
      opened_at, response_due_at, due_explanation, acknowledged_at, response_met, updated_at)
    SELECT 'DI-2025-' || lpad(g::text, 7, '0'), bc.partner_id, bc.id, bc.contract_id, bc.region,
      w1 || ' ' || w2 || ' problem ' || g,
      'The ' || w1 || ' fails after the ' || w2 || ' change; users report it since morning.',
      'common_problem', 'localized', 'medium', 'S3',
      CASE WHEN (g / ${PARTNERS * 10}) % 10 = 0 THEN 'in_progress' ELSE 'closed' END,
      'Bench', 'bench@example.net', 'Bench', '+1 555 0100', 'bench@example.net',
      opened, opened + interval '1 day', '{}'::jsonb,
      opened + interval '1 hour', true, opened
    FROM generate_series(1, ${CASES}) g
    CROSS JOIN LATERAL (SELECT now() - (g % 700) * interval '1 day' - (g % 1440) * interval '1 minute' AS opened) t
    CROSS JOIN LATERAL (SELECT (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + abs(hashint4(g)) % ${WORDS.length}] AS w1,
                               (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + abs(hashint4(g + 7919)) % ${WORDS.length}]
                               || CASE WHEN g % 5000 = 0 THEN ' ${RARE_WORD}' ELSE '' END AS w2) w
    JOIN bench_customers bc ON bc.n = 1 + g % ${PARTNERS * 10};
  `);
  // Vacuumed as a table in steady state is (and as autovacuum would soon do, in the middle of the
  // measurements): statistics for the planner, the visibility map for index-only scans.
  await pool.query('VACUUM (ANALYZE) cases');
  await pool.end();
  return { partnerIds: partners.map((p) => p.id), seconds: round((performance.now() - started) / 1000, 1) };
}

/**
 * p50/p99 of `samples` runs of `work`, one at a time, in steady state: after 200 runs that let the
 * JIT compile the hot path (with 20, the first measured hundreds still paid for it).
 */
async function timed(samples: number, work: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { p50Ms: round(percentile(times, 50), 3), p99Ms: round(percentile(times, 99), 3) };
}

/** p50/p99 of the partner's queue and of searches through the real service, against SELECT 1. */
export async function measureCaseReads(
  database: DbHandle,
  url: string,
  partnerId: string,
  policy: Policy,
  /** The server's kept names, wired to its invalidations as in production (decision 0012). */
  names: ReadCache,
) {
  const partner = await database.db
    .selectFrom('partners')
    .select('name')
    .where('id', '=', partnerId)
    .executeTakeFirstOrThrow();
  // As a signed-in engineer's scope is: with the names the sign-in answers (migration 0014).
  const scope = scopeForUser({
    id: '00000000-0000-4000-8000-000000000001',
    email: 'bench@partner.example',
    role: 'partner_engineer',
    partner_id: partnerId,
    customer_id: null,
    name: 'Bench engineer',
    partner_name: partner.name,
  });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // SELECT 1 alone, before the reads: their garbage must not pause its round trips.
  const select1 = await timed(SAMPLES, () => pool.query('SELECT 1'));
  await pool.end();
  let word = 0;
  const queue = await timed(SAMPLES, () =>
    inScope(
      database.db,
      scope,
      (tx) => listCases(tx, scope, policy, { status: 'open', sort: 'due', limit: 50 }, new Date(), names),
      { readOnly: true },
    ),
  );
  const search = await timed(SAMPLES, () =>
    inScope(
      database.db,
      scope,
      (tx) =>
        listCases(
          tx,
          scope,
          policy,
          {
            // Every fourth search is for a rare word; the others for common ones.
            q: word % 4 === 3 ? RARE_WORD : `${WORDS[word % WORDS.length]} change`,
            limit: 50,
          },
          new Date(),
          names,
        ).finally(() => word++),
      { readOnly: true },
    ),
  );
  const counts = await inScope(database.db, scope, (tx) =>
    listCases(tx, scope, policy, { status: 'open', sort: 'due', limit: 50 }),
  );
  return {
    samples: SAMPLES,
    select1,
    partnerQueueDueSoonest: {
      ...queue,
      ratioP99: round(queue.p99Ms / select1.p99Ms, 1),
      rows: counts.items.length,
    },
    search: { ...search, ratioP99: round(search.p99Ms / select1.p99Ms, 1) },
  };
}

export async function runCasesBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-bench-cases-'));
  const server = await startEmbeddedPostgres({ dataDir, explicit: true });
  try {
    await ensureDatabase(server.connectionString, 'bench');
    const url = withDatabase(server.connectionString, 'bench');
    const database = openDatabase(url, { max: CONNECTIONS });
    await migrateToLatest(database.db as never);
    const config = loadConfig({
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      ATTACHMENTS_DIR: path.join(dataDir, 'attachments'),
    });
    const { policy } = loadPolicy();
    await seedDemo(database.db, config, policy);

    // 1. Opening cases end to end vs bare single-row inserts.
    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'engineer@northwind.example', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const target = await database.db
      .selectFrom('customers as c')
      .innerJoin('contracts as k', 'k.customer_id', 'c.id')
      .select(['c.id', 'k.number'])
      .where('c.name', '=', 'Fabrikam Logistics')
      .where('k.ends_on', '>=', new Date().toISOString().slice(0, 10))
      .executeTakeFirstOrThrow();
    const body = {
      customerId: target.id,
      contractNumber: target.number,
      title: 'Phones cannot register',
      description: 'Since 09:00 the phones on the second floor cannot register to the cluster.',
      category: 'common_problem',
      impact: 'individualized',
      urgency: 'medium',
      contact: { name: 'Ana Ruiz', phone: '+34 600 123 456', email: 'ana@partner.example' },
    };
    const endToEnd = await openCasesEndToEnd(port, token, body);
    await app.close();
    // The same openings with no kept customer and contract: every one looks them up (two round trips).
    const coldApp = await buildApp({
      config: { ...config, caseContextCacheMs: 0 },
      database,
      logger: false,
    });
    await coldApp.listen({ port: 0, host: '127.0.0.1' });
    const lookedUp = await openCasesEndToEnd(
      (coldApp.server.address() as { port: number }).port,
      token,
      body,
    );
    await coldApp.close();

    const sample = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('severity', '=', 'S3')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`CREATE TABLE bench_cases (LIKE cases INCLUDING ALL)`.execute(database.db);
    const {
      id: _id,
      search: _search,
      awaiting_ms: _a,
      escalation_count: _e,
      reopen_count: _r,
      ...row
    } = sample;
    const bare = await bareInserts(url, { ...row, due_explanation: JSON.stringify(row.due_explanation) });
    await sql`DROP TABLE bench_cases`.execute(database.db);
    const floor = await bareScopedOpenings(url, row, {
      partnerId: sample.partner_id,
      userId: sample.caller_id ?? '',
    });

    const openCase = {
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      endToEnd,
      bareInsertsPerSecond: bare,
      ratio: round(endToEnd.requestsPerSecond / bare, 3),
      target: '>= 0.35',
      // Each opening looking its customer and contract up (the first for a customer on a node).
      lookedUpEachTime: { ...lookedUp, ratio: round(lookedUp.requestsPerSecond / bare, 3) },
      // What our rows alone cost: an opening's case + event + audit in one message under RLS.
      dataModelFloorPerSecond: floor,
      floorRatio: round(floor / bare, 3),
      endToEndToFloor: round(endToEnd.requestsPerSecond / floor, 3),
    };
    // BENCH_CASES=0 measures the openings only (the million-case fill takes minutes).
    if (CASES === 0) {
      await database.close();
      return { openCase };
    }

    // 2. Reads over a million cases.
    const fill = await fillCases(url);
    // The server's own cache of names (ready: listening for the directory's changes).
    const readApp = await buildApp({ config, database, logger: false });
    await readApp.ready();
    const reads = await measureCaseReads(
      database,
      url,
      fill.partnerIds[7] ?? '',
      policy,
      readApp.ctx.caseNames,
    );
    await readApp.close();
    await database.close();
    return {
      openCase,
      millionCases: {
        cases: CASES,
        partners: PARTNERS,
        fillSeconds: fill.seconds,
        ...reads,
        target: 'p99 <= 20x SELECT 1',
      },
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
