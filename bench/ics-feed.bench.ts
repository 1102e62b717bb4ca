// Calendar feed benchmark (issue 8): a partner with 2,000 changes (40 customers in 4 regions, other
// partners' changes beside them) on the embedded PostgreSQL. Measures GET /api/v1/feeds/<token>.ics
// end to end through HTTP on loopback, one request at a time (median and p95 ms): for a feed
// unchanged since the last read (answered as written before after its changes' versions are
// listed), for a feed one of whose changes moved since (that change read and written again, the
// other events reused) and with If-None-Match (304). Then the same reads without HTTP, with and
// without the caches, and the generation alone: writing all 2,000 events and the feed, and writing
// the feed from events written before. Target: < 50 ms per request.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDatabase } from '../src/server/db/connect.ts';
import { type DbHandle, inScope, openDatabase } from '../src/server/db/database.ts';
import { startEmbeddedPostgres, withDatabase } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { hashSecret } from '../src/server/modules/auth/tokens.ts';
import {
  feedChangeDetails,
  feedScope,
  feedVersions,
  windowRegions,
} from '../src/server/modules/calendar/feed-content.ts';
import { findFeed, readCalendarFeed, renderFeed } from '../src/server/modules/calendar/feed-ics.service.ts';
import { feedHorizon, writeChangeEvent } from '../src/server/modules/calendar/ics.ts';
import { loadPolicy } from '../src/server/modules/policy/load-policy.ts';

const CHANGES = 2000;
const OTHER_CHANGES = 2000;
const WARM_UP = 20;
const REQUESTS = 200;
const TARGET_MS = 50;

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}
const summary = (values: number[]) => ({
  medianMs: round(percentile(values, 50)),
  p95Ms: round(percentile(values, 95)),
});

async function timeEach(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * Two partners of 40 customers (10 per region); 2,000 changes of one to three of the bench
 * partner's customers from 90 days ago to a year ahead, a tenth cancelled and some rescheduled,
 * and as many changes of the other partner.
 */
async function fillChanges(database: DbHandle): Promise<{ partnerId: string }> {
  await sql
    .raw(`
    INSERT INTO partners (name) VALUES ('Feed bench partner'), ('Feed bench other');
    INSERT INTO customers (partner_id, name, region)
      SELECT p.id, p.name || ' customer ' || c, (ARRAY['AMER','APJC','AUS','EMEA'])[1 + c % 4]
      FROM partners p CROSS JOIN generate_series(0, 39) c WHERE p.name LIKE 'Feed bench %';
    CREATE TEMP TABLE bench_customers AS
      SELECT c.id, c.partner_id, c.region, (row_number() OVER (PARTITION BY c.partner_id ORDER BY c.name) - 1)::int AS idx
      FROM customers c JOIN partners p ON p.id = c.partner_id WHERE p.name LIKE 'Feed bench %';
    CREATE TEMP TABLE bench_changes AS
      SELECT p.id AS partner_id, n, gen_random_uuid() AS change_id,
             date_trunc('day', now()) - interval '90 days' + (n % 455) * interval '1 day' + interval '20 hours' AS start_at
      FROM partners p CROSS JOIN generate_series(1, ${CHANGES}) n
      WHERE p.name = 'Feed bench partner' OR (p.name = 'Feed bench other' AND n <= ${OTHER_CHANGES});
    CREATE TEMP TABLE bench_affected AS
      SELECT b.change_id, c.id AS customer_id, c.partner_id, c.region
      FROM bench_changes b JOIN bench_customers c ON c.partner_id = b.partner_id
        AND c.idx IN (b.n % 40, (b.n * 7 + 1) % 40);
    INSERT INTO changes (id, type, title, description, status, start_at, end_at, regions, customer_count,
                         notice_sent_at, sequence, cancelled_at, cancel_reason, created_by_label, updated_at)
      SELECT b.change_id, 'routine', 'Bench change ' || b.n || ': patch CUCM, IM&P; restart services',
             'Apply the patch to every node.' || E'\\n' || 'Expect short call-processing failovers.',
             CASE WHEN b.n % 10 = 0 THEN 'cancelled' ELSE 'notice_sent' END,
             b.start_at, b.start_at + interval '2 hours',
             (SELECT array_agg(DISTINCT a.region) FROM bench_affected a WHERE a.change_id = b.change_id),
             (SELECT count(*) FROM bench_affected a WHERE a.change_id = b.change_id),
             now(), b.n % 3, CASE WHEN b.n % 10 = 0 THEN now() END,
             CASE WHEN b.n % 10 = 0 THEN 'bench' END, 'bench', now()
      FROM bench_changes b;
    INSERT INTO change_customers (change_id, customer_id, partner_id, region)
      SELECT change_id, customer_id, partner_id, region FROM bench_affected;
    ANALYZE changes; ANALYZE change_customers; ANALYZE customers;
  `)
    .execute(database.db);
  const partner = await database.db
    .selectFrom('partners')
    .select('id')
    .where('name', '=', 'Feed bench partner')
    .executeTakeFirstOrThrow();
  return { partnerId: partner.id };
}

export async function runIcsFeedBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-bench-ics-'));
  const server = await startEmbeddedPostgres({ dataDir, explicit: true });
  try {
    await ensureDatabase(server.connectionString, 'bench');
    const url = withDatabase(server.connectionString, 'bench');
    const database = openDatabase(url, { max: 8 });
    await migrateToLatest(database.db as never);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    const loaded = loadPolicy();
    const { partnerId } = await fillChanges(database);
    const token = randomBytes(32).toString('base64url');
    await database.db
      .insertInto('calendar_feeds')
      .values({
        partner_id: partnerId,
        label: 'Bench',
        token_hash: hashSecret(token),
        created_by_label: 'bench',
      })
      .execute();

    const app = await buildApp({ config, database, policy: loaded, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const feedUrl = `http://127.0.0.1:${port}/api/v1/feeds/${token}.ics`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let bytes = 0;
    let etag = '';
    // node:http with the body kept as bytes: the client's own work stays out of the figures.
    const get = (headers: Record<string, string> = {}) =>
      new Promise<void>((resolve, reject) => {
        http
          .get(feedUrl, { headers, agent }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const status = response.statusCode ?? 0;
              if (status !== 200 && status !== 304) {
                reject(
                  new Error(`feed answered ${status}: ${Buffer.concat(chunks).toString().slice(0, 200)}`),
                );
                return;
              }
              if (status === 200) {
                bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
                etag = String(response.headers.etag ?? '');
              }
              resolve();
            });
          })
          .on('error', reject);
      });
    // A change moves between two reads: the feed is read and written again (not timed itself).
    const touchOneChange = () =>
      sql`UPDATE changes SET updated_at = clock_timestamp()
          WHERE id = (SELECT change_id FROM change_customers WHERE partner_id = ${partnerId} LIMIT 1)`.execute(
        database.db,
      );
    await timeEach(WARM_UP, get);
    const unchanged = await timeEach(REQUESTS, get);
    const conditional = await timeEach(REQUESTS, () => get({ 'if-none-match': etag }));
    const changed: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      await touchOneChange();
      changed.push(...(await timeEach(1, get)));
    }
    agent.destroy();
    await app.close();

    const read = (useCache: boolean) => () =>
      readCalendarFeed(database.db, loaded.policy, config.publicUrl, token, {
        now: Date.now(),
        requestId: null,
        useCache,
      });
    const serviceCached = await timeEach(REQUESTS, read(true));
    const serviceUncached = await timeEach(REQUESTS, read(false));
    const horizon = feedHorizon(Date.now());
    const feed = await findFeed(database.db, token, null);
    const scope = feedScope(feed, null);
    const { regions, changes } = await inScope(
      database.db,
      scope,
      async (tx) => {
        const versions = await feedVersions(tx, feed, horizon.from);
        const details = await feedChangeDetails(
          tx,
          feed,
          horizon.from,
          versions.map((v) => v.id),
        );
        return { regions: await windowRegions(tx, feed), changes: details.sort((x, y) => x.start - y.start) };
      },
      { readOnly: true },
    );
    const changeUrl = (id: string) => `${config.publicUrl}/changes/${id}`;
    const name = 'DI Ops · Feed bench partner';
    // Every event written, then the feed, its bytes and ETag; and the same reusing written events.
    const writeAll = () =>
      renderFeed(loaded.policy, horizon, {
        name,
        regions,
        changes: changes.map((c) => ({ ...c, text: writeChangeEvent(loaded.policy, c, changeUrl) })),
      });
    const written = changes.map((c) => ({ ...c, text: writeChangeEvent(loaded.policy, c, changeUrl) }));
    const reuse = () => renderFeed(loaded.policy, horizon, { name, regions, changes: written });
    for (let i = 0; i < WARM_UP; i++) writeAll();
    const generation = await timeEach(REQUESTS, async () => writeAll());
    const generationReusingEvents = await timeEach(REQUESTS, async () => reuse());
    await database.close();

    const result = {
      changesInFeed: changes.length,
      feedBytes: bytes,
      requests: REQUESTS,
      httpUnchangedFeed: summary(unchanged),
      httpChangedFeed: summary(changed),
      httpConditional304: summary(conditional),
      serviceUnchangedFeed: summary(serviceCached),
      serviceWithoutCache: summary(serviceUncached),
      generationWritingEveryEvent: summary(generation),
      generationReusingEvents: summary(generationReusingEvents),
      targetMs: TARGET_MS,
      meetsTarget: percentile(changed, 95) < TARGET_MS && percentile(unchanged, 95) < TARGET_MS,
      cpuLoadAverage: os.loadavg().map((l) => round(l)),
    };
    process.stdout.write(
      `ics feed: ${result.changesInFeed} changes, ${Math.round(bytes / 1024)} KiB; HTTP unchanged median ${result.httpUnchangedFeed.medianMs} ms, p95 ${result.httpUnchangedFeed.p95Ms} ms; changed median ${result.httpChangedFeed.medianMs} ms, p95 ${result.httpChangedFeed.p95Ms} ms; generation median ${result.generationWritingEveryEvent.medianMs} ms, p95 ${result.generationWritingEveryEvent.p95Ms} ms (target < ${TARGET_MS} ms; load ${result.cpuLoadAverage.join(' ')})\n`,
    );
    return result;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
