// HTTP benchmarks (issue 3): an authenticated, tenant-scoped customer list against a bare Fastify
// route answering a constant, both in this process on loopback, 32 connections each; and the time
// from `diops serve` on an existing data directory to a 200 from /health.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDatabase } from '../src/server/db/connect.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { startEmbeddedPostgres, withDatabase } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/server/seed/demo.ts';

const root = path.resolve(import.meta.dirname, '..');
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);

interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Raw PostgreSQL reference: the same scoped read transaction the route runs (BEGIN + scope, the
 * list query, COMMIT) from 32 concurrent clients with no HTTP, no Kysely, no JSON.
 */
async function rawScopedReads(url: string, partnerId: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  let done = 0;
  const end = Date.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const client = await pool.connect();
        try {
          await client.query(
            `BEGIN READ ONLY; SELECT set_config('role', 'diops_app', true), set_config('app.scope', 'partner', true), set_config('app.partner_id', '${partnerId}', true)`,
          );
          await client.query(
            'select * from customers where partner_id = $1 order by lower(name), id limit 51',
            [partnerId],
          );
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        done++;
      }
    }),
  );
  await pool.end();
  return Math.round(done / DURATION_S);
}

async function load(url: string, headers: Record<string, string>): Promise<LoadResult> {
  // Warm-up, then the measured run.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export async function runHttpBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, explicit: true });
  try {
    await ensureDatabase(server.connectionString, 'bench');
    const url = withDatabase(server.connectionString, 'bench');
    const database = openDatabase(url, { max: 20 });
    await migrateToLatest(database.db as never);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    await seedDemo(database.db, config);
    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@northwind.example', password: DEMO_PASSWORD }),
    });
    const { token, user } = (await login.json()) as { token: string; user: { partnerId: string } };

    const bare = Fastify({ logger: false });
    bare.get('/constant', async () => ({ items: [], nextCursor: null }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const barePort = (bare.server.address() as { port: number }).port;

    const reference = await load(`http://127.0.0.1:${barePort}/constant`, {});
    const customers = await load(`http://127.0.0.1:${port}/api/v1/customers?limit=50`, {
      authorization: `Bearer ${token}`,
    });
    await app.close();
    // The same route with the read cache off (decision 0008): every request reads PostgreSQL.
    const uncachedApp = await buildApp({ config: { ...config, readCacheMs: 0 }, database, logger: false });
    await uncachedApp.listen({ port: 0, host: '127.0.0.1' });
    const uncachedPort = (uncachedApp.server.address() as { port: number }).port;
    const uncached = await load(`http://127.0.0.1:${uncachedPort}/api/v1/customers?limit=50`, {
      authorization: `Bearer ${token}`,
    });
    await uncachedApp.close();
    await bare.close();
    const rawPostgres = await rawScopedReads(url, user.partnerId);
    await database.close();
    return {
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      bareFastifyConstant: reference,
      authenticatedCustomerList: customers,
      ratio: Number((customers.requestsPerSecond / reference.requestsPerSecond).toFixed(3)),
      target: '>= 0.30',
      readCacheOff: uncached,
      ratioReadCacheOff: Number((uncached.requestsPerSecond / reference.requestsPerSecond).toFixed(3)),
      rawPostgresScopedReadsPerSecond: rawPostgres,
      ratioReadCacheOffToRawPostgres: Number((uncached.requestsPerSecond / rawPostgres).toFixed(3)),
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeToHealth(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'diops.mjs'), 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        if (response.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not yet
      }
      if (performance.now() - started > 60_000) throw new Error('no /health within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function runStartupBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-start-'));
  const port = 38_000 + Math.floor(Math.random() * 1000);
  try {
    const first = await timeToHealth(dataDir, port);
    const warm = [];
    for (let i = 0; i < 3; i++) warm.push(await timeToHealth(dataDir, port));
    return {
      firstStartSeconds: Number(first.toFixed(2)),
      existingDataDirSeconds: warm.map((s) => Number(s.toFixed(2))),
      bestExistingDataDirSeconds: Number(Math.min(...warm).toFixed(2)),
      goal: '< 3 s',
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
