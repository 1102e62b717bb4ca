import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTenantCase } from '../support/cases.ts';
import {
  client,
  createTestApp,
  createWorld,
  login,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';
import { waitFor } from '../support/worker-process.ts';

// The read cache of directory reads (decision 0008). A long TTL makes sure that whatever refreshes
// an answer here is an invalidation, never the clock.
let t: TestApp;
let other: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({ READ_CACHE_MS: '60000' });
  // A second API node on the same database.
  other = await createTestApp({ READ_CACHE_MS: '60000' });
  w = await createWorld(t);
  await waitFor(() => t.app.ctx.readCache.active && other.app.ctx.readCache.active, 5_000, 'LISTEN');
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

interface Page {
  items: { id: string; name: string }[];
}

const names = async (response: Promise<{ statusCode: number; json<T>(): T; body: string }>) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Page>().items.map((c) => c.name);
};

/** Writes as another process would, without the trigger: only a cache hit can still show the old name. */
async function renameQuietly(id: string, name: string) {
  await sql`ALTER TABLE customers DISABLE TRIGGER customers_read_cache`.execute(t.database.db);
  try {
    await sql`UPDATE customers SET name = ${name} WHERE id = ${id}`.execute(t.database.db);
  } finally {
    await sql`ALTER TABLE customers ENABLE TRIGGER customers_read_cache`.execute(t.database.db);
  }
}

describe('read cache', () => {
  it('answers a repeated read from memory until something changes', async () => {
    const url = `/customers/${w.a.customerId}`;
    const before = (await w.a.engineer.get(url)).json<{ name: string }>().name;
    const renamed = unique('Quietly renamed');
    await renameQuietly(w.a.customerId, renamed);
    // The database has the new name; the cached answer is still the one read before.
    expect((await w.a.engineer.get(url)).json<{ name: string }>().name).toBe(before);
    t.app.ctx.readCache.invalidate();
    expect((await w.a.engineer.get(url)).json<{ name: string }>().name).toBe(renamed);
  });

  it("shows this node's own write in the very next read", async () => {
    const listUrl = `/customers?partnerId=${w.a.partnerId}&limit=200`;
    const first = await names(w.a.admin.get(listUrl));
    const name = unique('Fresh customer');
    const created = await w.a.admin.post(`/partners/${w.a.partnerId}/customers`, { name, region: 'APJC' });
    expect(created.statusCode, created.body).toBe(201);
    const second = await names(w.a.admin.get(listUrl));
    expect(second).toContain(name);
    expect(second.length).toBe(first.length + 1);
  });

  it("shows another node's write as soon as its NOTIFY arrives", async () => {
    const url = `/customers/${w.b.customerId}`;
    const before = (await w.b.engineer.get(url)).json<{ name: string }>().name;
    const renamed = unique('Renamed elsewhere');
    // A write through the trigger, from outside this node's request handling (a worker, another node).
    await sql`UPDATE customers SET name = ${renamed} WHERE id = ${w.b.customerId}`.execute(other.database.db);
    await waitFor(
      async () => (await w.b.engineer.get(url)).json<{ name: string }>().name === renamed,
      2_000,
      'the rename to reach the cache of the first node',
    );
    expect(before).not.toBe(renamed);
  });

  it("never answers one caller with another caller's cached page", async () => {
    const url = '/customers?limit=200';
    const seenByA = await names(w.a.engineer.get(url));
    const seenByB = await names(w.b.engineer.get(url));
    const seenByViewer = await names(w.a.viewer.get(url));
    const ofA = await sql<{
      name: string;
    }>`SELECT name FROM customers WHERE partner_id = ${w.a.partnerId}`.execute(t.database.db);
    const ofB = await sql<{
      name: string;
    }>`SELECT name FROM customers WHERE partner_id = ${w.b.partnerId}`.execute(t.database.db);
    expect(seenByA.sort()).toEqual(ofA.rows.map((r) => r.name).sort());
    expect(seenByB.sort()).toEqual(ofB.rows.map((r) => r.name).sort());
    expect(seenByViewer).toHaveLength(1);
    // And again, now that every answer is cached.
    expect((await names(w.a.engineer.get(url))).sort()).toEqual(seenByA.sort());
    expect((await names(w.b.engineer.get(url))).sort()).toEqual(seenByB.sort());
    expect(await names(w.a.viewer.get(url))).toEqual(seenByViewer);
    // Another tenant's customer stays a 404, cached or not.
    expect((await w.b.engineer.get(`/customers/${w.a.customerId}`)).statusCode).toBe(404);
    expect((await w.b.engineer.get(`/customers/${w.a.customerId}`)).statusCode).toBe(404);
  });

  it('turns itself off while its LISTEN connection is lost, and back on after reconnecting', async () => {
    const url = `/customers/${w.a.otherCustomerId}`;
    await w.a.engineer.get(url);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE query = ${'LISTEN diops_read_cache'} AND pid <> pg_backend_pid()`.execute(t.database.db);
    await waitFor(() => !t.app.ctx.readCache.active, 2_000, 'the cache to turn off');
    // Off: a quiet write is visible at once, since every read goes to the database.
    const renamed = unique('Seen while off');
    await renameQuietly(w.a.otherCustomerId, renamed);
    expect((await w.a.engineer.get(url)).json<{ name: string }>().name).toBe(renamed);
    await waitFor(() => t.app.ctx.readCache.active, 5_000, 'the cache to listen again');
    expect((await w.a.engineer.get(url)).json<{ name: string }>().name).toBe(renamed);
  });
});

describe('names in case lists (decision 0012)', () => {
  interface CaseItem {
    id: string;
    customerName: string;
    contractNumber: string;
    partnerName: string;
  }

  const openCase = () => openTenantCase(t, w.a, { title: unique('Names in lists') });

  /** The same user signed in on the other node. */
  const onOtherNode = async (userId: string) => {
    const { email } = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return client(other.app, await login(other.app, email));
  };

  const listed = async (caller: World['provider'], caseNumber: string) => {
    const r = await caller.get(`/cases?q=${caseNumber}`);
    expect(r.statusCode, r.body).toBe(200);
    const item = r.json<{ items: CaseItem[] }>().items[0];
    if (!item) throw new Error(`case ${caseNumber} not listed`);
    return {
      customerName: item.customerName,
      contractNumber: item.contractNumber,
      partnerName: item.partnerName,
    };
  };

  it('shows the same names as the case itself, for the partner and the provider, kept or not', async () => {
    const opened = await openCase();
    const expected = {
      customerName: opened.customerName,
      contractNumber: opened.contractNumber,
      partnerName: w.a.partnerName,
    };
    t.app.ctx.caseNames.invalidate();
    for (const caller of [w.a.engineer, w.provider, w.a.engineer, w.provider])
      expect(await listed(caller, opened.number)).toEqual(expected);
    // Kept now: the same answer as the joined read of a node that keeps nothing.
    expect(t.app.ctx.caseNames.peek(`customer:${w.a.customerId}`)).toBe(opened.customerName);
    const provider = await onOtherNode(w.providerAdminId);
    other.app.ctx.caseNames.setListening(false);
    try {
      expect(await listed(provider, opened.number)).toEqual(expected);
    } finally {
      other.app.ctx.caseNames.setListening(true);
    }
  });

  it("follows a rename: this node's own at once, another process's when its NOTIFY arrives", async () => {
    const opened = await openCase();
    await listed(w.a.engineer, opened.number);
    const renamed = unique('Renamed customer');
    const patched = await w.provider.patch(`/customers/${w.a.customerId}`, { name: renamed });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await listed(w.a.engineer, opened.number)).customerName).toBe(renamed);

    // The other node keeps the name too; a write straight in the database reaches it by NOTIFY.
    const engineer = await onOtherNode(w.a.engineerId);
    expect((await listed(engineer, opened.number)).customerName).toBe(renamed);
    const again = unique('Renamed in the database');
    await sql`UPDATE customers SET name = ${again} WHERE id = ${w.a.customerId}`.execute(t.database.db);
    await waitFor(
      async () => (await listed(engineer, opened.number)).customerName === again,
      5_000,
      'the renamed customer in the other node’s list',
    );
  });
});
