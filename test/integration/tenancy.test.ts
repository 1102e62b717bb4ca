import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase } from '../../src/server/db/connect.ts';
import { inScope, openDatabase, type Scope, systemScope } from '../../src/server/db/database.ts';
import { withDatabase } from '../../src/server/db/embedded-postgres.ts';
import { MIGRATION_NAMES, migrateToLatest } from '../../src/server/db/migrate.ts';
import { createTestApp, createWorld, type TestApp, unique, type World } from '../support/test-app.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

const partnerScope = (partnerId: string): Scope => ({
  kind: 'partner',
  userId: null,
  role: 'partner_admin',
  partnerId,
  customerId: null,
  label: 'test',
  readOnly: false,
  requestId: null,
});

describe('row-level security (the second wall)', () => {
  it("hides another partner's rows from a query that forgets its filter", async () => {
    const rows = await inScope(t.database.db, partnerScope(w.b.partnerId), (tx) =>
      tx.selectFrom('customers').select('partner_id').execute(),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.partner_id))).toEqual(new Set([w.b.partnerId]));
    const contracts = await inScope(t.database.db, partnerScope(w.b.partnerId), (tx) =>
      tx.selectFrom('contracts').select('partner_id').execute(),
    );
    expect(contracts.every((c) => c.partner_id === w.b.partnerId)).toBe(true);
    const audit = await inScope(t.database.db, partnerScope(w.b.partnerId), (tx) =>
      tx.selectFrom('audit_log').select('partner_id').execute(),
    );
    expect(audit.every((a) => a.partner_id === w.b.partnerId)).toBe(true);
  });

  it('plans each statement for its own scope: one statement text, one connection, two partners', async () => {
    // The scope functions are IMMUTABLE and folded into each plan (migration 0004): a plan reused
    // across transactions would show one partner the other's rows. The app sends only unnamed
    // statements, planned at every execution; run the same text on one connection, alternating
    // scopes, in both protocols it uses (simple and extended).
    const client = await t.database.pool.connect();
    try {
      for (const extended of [false, true]) {
        for (const partnerId of [
          w.a.partnerId,
          w.b.partnerId,
          w.a.partnerId,
          w.b.partnerId,
          w.a.partnerId,
          w.b.partnerId,
        ]) {
          await client.query(
            `BEGIN; SELECT set_config('role', 'diops_app', true), set_config('app.scope', 'partner', true), set_config('app.partner_id', '${partnerId}', true)`,
          );
          const { rows } = await client.query<{ partner_id: string }>(
            extended
              ? { text: 'SELECT DISTINCT partner_id FROM customers WHERE $1::int = 1', values: [1] }
              : 'SELECT DISTINCT partner_id FROM customers',
          );
          await client.query('COMMIT');
          expect(rows.map((r) => r.partner_id)).toEqual([partnerId]);
        }
      }
    } finally {
      client.release(true);
    }
  });

  it("refuses to write a row into another partner's tenant", async () => {
    await expect(
      inScope(t.database.db, partnerScope(w.b.partnerId), (tx) =>
        tx
          .insertInto('customers')
          .values({ partner_id: w.a.partnerId, name: unique('Smuggled'), region: 'EMEA' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows nothing to a transaction without a scope', async () => {
    const rows = await t.database.db.transaction().execute(async (tx) => {
      await sql`set local role diops_app`.execute(tx);
      return tx.selectFrom('customers').select('id').execute();
    });
    expect(rows).toEqual([]);
  });

  it('lets no function running as the owner find the caller’s temporary tables first', async () => {
    const { rows } = await sql<{ name: string; config: string[] | null }>`
      SELECT p.proname AS name, p.proconfig AS config FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prosecdef
    `.execute(t.database.db);
    expect(rows.map((r) => r.name).sort()).toEqual(
      ['authenticate_api_token', 'authenticate_session', 'write_case_opening'].sort(),
    );
    for (const row of rows) expect(row.config, row.name).toContain('search_path=public, pg_temp');
  });

  it('keeps the audit log append-only for the app role', async () => {
    await expect(
      inScope(t.database.db, systemScope('test'), (tx) =>
        tx.updateTable('audit_log').set({ action: 'tampered' }).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(t.database.db, systemScope('test'), (tx) => tx.deleteFrom('audit_log').execute()),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('audit log', () => {
  it('records who, what, before and after in the same transaction as the change', async () => {
    const created = (
      await w.a.admin.post(`/partners/${w.a.partnerId}/customers`, { name: unique('Audited'), region: 'AUS' })
    ).json<{ id: string; name: string }>();
    await w.a.admin.patch(`/customers/${created.id}`, { region: 'APJC' });
    const trail = (await w.a.admin.get(`/audit?entityId=${created.id}`)).json<{
      items: {
        action: string;
        actorLabel: string;
        before: { region: string } | null;
        after: { region: string };
      }[];
    }>();
    expect(trail.items.map((i) => i.action)).toEqual(['customer.updated', 'customer.created']);
    expect(trail.items[0]?.before?.region).toBe('AUS');
    expect(trail.items[0]?.after.region).toBe('APJC');
    expect(trail.items[1]?.before).toBeNull();
    expect(trail.items[0]?.actorLabel).toMatch(/@a\.example$/);
  });

  it("shows a partner admin only its own partner's trail, the provider everything", async () => {
    const fromB = (await w.b.admin.get(`/audit?partnerId=${w.a.partnerId}`)).json<{ items: unknown[] }>();
    expect(fromB.items).toEqual([]);
    const own = (await w.b.admin.get('/audit?limit=200')).json<{ items: { partnerId: string | null }[] }>();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.partnerId === w.b.partnerId)).toBe(true);
    const provider = (await w.provider.get('/audit?limit=200')).json<{
      items: { partnerId: string | null }[];
    }>();
    const partners = new Set(provider.items.map((i) => i.partnerId));
    expect(partners.has(w.a.partnerId) && partners.has(w.b.partnerId)).toBe(true);
  });

  it('writes no audit row when the change fails', async () => {
    const before = (await w.provider.get(`/audit?partnerId=${w.a.partnerId}&limit=1`)).json<{
      items: { id: number }[];
    }>();
    await w.a.admin.post(`/partners/${w.a.partnerId}/customers`, { name: 'x'.repeat(300), region: 'AUS' });
    const after = (await w.provider.get(`/audit?partnerId=${w.a.partnerId}&limit=1`)).json<{
      items: { id: number }[];
    }>();
    expect(after.items[0]?.id).toBe(before.items[0]?.id);
  });
});

describe('migrations', () => {
  it('run exactly once when two processes start together', async () => {
    const adminUrl = inject('adminUrl');
    const name = `diops_mig_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(adminUrl, name);
    const url = withDatabase(adminUrl, name);
    const first = openDatabase(url, { max: 2 });
    const second = openDatabase(url, { max: 2 });
    try {
      const [a, b] = await Promise.all([
        migrateToLatest(first.db as never),
        migrateToLatest(second.db as never),
      ]);
      // Each migration applied by exactly one of the two.
      expect([...a, ...b].sort()).toEqual(MIGRATION_NAMES);
      const rows = await sql<{ name: string }>`select name from schema_migrations`.execute(first.db);
      expect(rows.rows.map((r) => r.name).sort()).toEqual(MIGRATION_NAMES);
      expect(await migrateToLatest(first.db as never)).toEqual([]);
    } finally {
      await first.close();
      await second.close();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database ${admin.escapeIdentifier(name)} with (force)`);
      await admin.end();
    }
  });
});

describe('audit paging', () => {
  it('pages newest first without gaps and refuses a forged cursor', async () => {
    const first = (await w.provider.get('/audit?limit=2')).json<{
      items: { id: number }[];
      nextCursor: string;
    }>();
    const second = (await w.provider.get(`/audit?limit=2&cursor=${first.nextCursor}`)).json<{
      items: { id: number }[];
    }>();
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
    const forged = Buffer.from(JSON.stringify({ k: 'drop table', id: 'x' })).toString('base64url');
    expect((await w.provider.get(`/audit?cursor=${forged}`)).statusCode).toBe(400);
  });
});
