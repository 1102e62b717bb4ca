// Inventory benchmarks (issue 7), on the embedded PostgreSQL:
// 1. Publishing a release over 20,000 applications of 5,000 customers (classify, flag, campaign,
//    queue the notices) against bare `pg` updates of the same rows to the same tiers, in the same
//    run: one set-based UPDATE (the fastest way to write them) and row-by-row UPDATEs. Target >= 0.25
//    of the set-based one.
// 2. Importing a 5,000-row instance CSV through HTTP: rows per second, first import (all new) and
//    re-import (all unchanged).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDatabase } from '../src/server/db/connect.ts';
import { type DbHandle, inScope, openDatabase, scopeForUser } from '../src/server/db/database.ts';
import { startEmbeddedPostgres, withDatabase } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { publishRelease } from '../src/server/modules/inventory/releases.service.ts';
import { loadPolicy } from '../src/server/modules/policy/load-policy.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/server/seed/demo.ts';

const CUSTOMERS = 5000;
const PARTNERS = 20;
const IMPORT_ROWS = 5000;
const ROUNDS = 3;

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** 20 partners, 5,000 customers, 20,000 applications: versions spread over n, n-1 and n-2. */
async function fillEstate(database: DbHandle): Promise<void> {
  await sql
    .raw(`
    INSERT INTO partners (name) SELECT 'Bench partner ' || p FROM generate_series(1, ${PARTNERS}) p;
    INSERT INTO customers (partner_id, name, region)
      SELECT (SELECT id FROM partners WHERE name = 'Bench partner ' || (1 + c % ${PARTNERS})),
             'Bench customer ' || c, (ARRAY['AMER','APJC','AUS','EMEA'])[1 + c % 4]
      FROM generate_series(1, ${CUSTOMERS}) c;
    INSERT INTO applications (partner_id, customer_id, kind, name, version, tier, region, nodes, primary_dc, failover_dc)
      SELECT cu.partner_id, cu.id, k.kind, upper(k.kind) || '-1',
             v.version, v.tier, cu.region,
             jsonb_build_array(jsonb_build_object('hostname', 'pub.' || k.kind || '.example', 'role', 'publisher', 'dataCentre', 'DC1')),
             'DC1', 'DC2'
      FROM customers cu
      CROSS JOIN (VALUES ('cucm'), ('cucxn'), ('imp'), ('expressway')) k(kind)
      CROSS JOIN LATERAL (SELECT (ARRAY['15.0 SU2','15.0 SU1','14.0 SU4','12.5 SU7a'])[1 + (hashtext(cu.id::text || k.kind) & 3)] AS version) pick
      CROSS JOIN LATERAL (SELECT pick.version, CASE WHEN pick.version LIKE '15.0%' THEN 'n' WHEN pick.version LIKE '14.0%' THEN 'n-1' ELSE 'n-2' END AS tier) v
      WHERE cu.name LIKE 'Bench customer %';
    ANALYZE applications;
  `)
    .execute(database.db);
}

/** Puts the estate back as it was before a publication (unmeasured). */
async function resetEstate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    UPDATE applications a SET tier = s.tier FROM bench_saved_tiers s WHERE s.id = a.id AND a.tier <> s.tier;
    DELETE FROM upgrade_campaign_customers; DELETE FROM upgrade_campaigns;
    DELETE FROM deliveries WHERE event_id IN (SELECT id FROM notification_events WHERE kind LIKE 'release.%');
    DELETE FROM notification_events WHERE kind LIKE 'release.%';
    DELETE FROM release_trains;
  `);
  await client.query('VACUUM ANALYZE applications');
  await client.end();
}

const NEW_TIERS = `CASE WHEN lower(version) = ANY('{"16.0 su1"}') THEN 'n'
  WHEN lower(version) = ANY('{"15.0 su1","15.0 su2"}') THEN 'n-1'
  WHEN lower(version) = ANY('{"14.0 su3","14.0 su4"}') THEN 'n-2' ELSE 'unsupported' END`;

/** The same rows to the same tiers in one statement: the floor for writing them. */
async function bareSetUpdate(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await client.query(
    `UPDATE applications SET tier = ${NEW_TIERS}, updated_at = now() WHERE tier <> ${NEW_TIERS}`,
  );
  const ms = performance.now() - started;
  await client.end();
  return ms;
}

/** The same rows, one UPDATE each (autocommit), from 8 connections. */
async function bareRowUpdates(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const { rows } = await pool.query<{ id: string; tier: string }>(
    `SELECT id, ${NEW_TIERS} AS tier FROM applications WHERE tier <> ${NEW_TIERS}`,
  );
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < rows.length) {
        const row = rows[next++];
        if (row)
          await pool.query('UPDATE applications SET tier = $1, updated_at = now() WHERE id = $2', [
            row.tier,
            row.id,
          ]);
      }
    }),
  );
  const ms = performance.now() - started;
  await pool.end();
  return ms;
}

function importCsv(customers: { id: string }[]): string {
  const header =
    'customerId,customer,application,kind,version,region,publisher,subscribers,primaryDataCentre,failoverDataCentre,sso';
  const lines = Array.from({ length: IMPORT_ROWS }, (_, i) => {
    const customer = customers[i % customers.length]?.id;
    return `${customer},,IMPORT-${i},cucm,15.0 SU2,,pub${i}.import.example@DC1,sub${i}a.import.example@DC2;sub${i}b.import.example@DC1,DC1,DC2,${i % 2 === 0}`;
  });
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

export async function runInventoryBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-bench-inventory-'));
  const server = await startEmbeddedPostgres({ dataDir, explicit: true });
  try {
    await ensureDatabase(server.connectionString, 'bench');
    const url = withDatabase(server.connectionString, 'bench');
    const database = openDatabase(url, { max: 8 });
    await migrateToLatest(database.db as never);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    const { policy } = loadPolicy();
    await seedDemo(database.db, config, policy);
    await fillEstate(database);
    await sql`CREATE TABLE bench_saved_tiers AS SELECT id, tier FROM applications`.execute(database.db);
    const admin = await database.db
      .selectFrom('users')
      .select(['id', 'email', 'role', 'partner_id', 'customer_id'])
      .where('email', '=', 'admin@provider.example')
      .executeTakeFirstOrThrow();
    const scope = scopeForUser(admin);
    const applications = Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM applications`.execute(database.db)).rows[0]?.n,
    );

    const publishMs: number[] = [];
    const setMs: number[] = [];
    const rowMs: number[] = [];
    let last: Awaited<ReturnType<typeof publishRelease>> | null = null;
    for (let i = 0; i < ROUNDS; i++) {
      setMs.push(await bareSetUpdate(url));
      await resetEstate(url);
      rowMs.push(await bareRowUpdates(url));
      await resetEstate(url);
      const started = performance.now();
      last = await inScope(database.db, scope, (tx) =>
        publishRelease(tx, scope, policy.versions, { version: '16.0', sus: ['SU1'] }),
      );
      publishMs.push(performance.now() - started);
      await resetEstate(url);
    }

    // Import through HTTP.
    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@provider.example', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const customers = await database.db
      .selectFrom('customers')
      .select('id')
      .where('name', 'like', 'Bench customer %')
      .limit(1250)
      .execute();
    const file = importCsv(customers);
    const timeImport = async () => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/applications/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: file,
      });
      const body = (await response.json()) as Record<string, number>;
      if (response.status !== 200)
        throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
      return { seconds: (performance.now() - started) / 1000, body };
    };
    const first = await timeImport();
    const again = await timeImport();
    await app.close();
    await database.close();

    const publish = median(publishMs);
    const setBased = median(setMs);
    return {
      publishRelease: {
        customers: CUSTOMERS,
        applications,
        reclassified: last?.reclassified,
        fellOutOfCompliance: last?.fellOutOfCompliance,
        publishMs: round(publish, 1),
        bareSetUpdateMs: round(setBased, 1),
        bareRowUpdatesMs: round(median(rowMs), 1),
        ratio: round(setBased / publish, 3),
        ratioToRowUpdates: round(median(rowMs) / publish, 2),
        target: '>= 0.25 of the bare set-based UPDATE',
        rounds: ROUNDS,
      },
      csvImport: {
        rows: IMPORT_ROWS,
        firstImport: {
          ...first.body,
          seconds: round(first.seconds),
          rowsPerSecond: Math.round(IMPORT_ROWS / first.seconds),
        },
        reImport: {
          ...again.body,
          seconds: round(again.seconds),
          rowsPerSecond: Math.round(IMPORT_ROWS / again.seconds),
        },
      },
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
