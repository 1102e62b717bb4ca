import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  commitNow,
  type DbHandle,
  flushQueued,
  inScope,
  openDatabase,
  queueForResult,
  queueWrite,
  type Scope,
} from '../../src/server/db/database.ts';
import { inlineParameters } from '../../src/server/db/sql-literal.ts';
import { createTestApp, createWorld, type TestApp, type World } from '../support/test-app.ts';

let t: TestApp;
let w: World;
// One connection, so every inScope call reuses the client the last one released.
let single: DbHandle;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  single = openDatabase(inject('databaseUrl'), { max: 1 });
});
afterAll(async () => {
  await single.close();
  await t.close();
});

const partnerScope = (partnerId: string): Scope => ({
  kind: 'partner',
  userId: null,
  role: 'partner_admin',
  partnerId,
  customerId: null,
  label: 'scoped-connection test',
  readOnly: false,
  requestId: null,
});

async function sessionState(handle: DbHandle) {
  const { rows } = await handle.pool.query<{ who: string; scope: string; partner: string; ro: string }>(
    `select current_user as who, current_setting('app.scope', true) as scope,
            current_setting('app.partner_id', true) as partner, current_setting('transaction_read_only') as ro`,
  );
  return rows[0];
}

describe('inlined parameters mean what bind parameters mean', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));
  const cases: [string, fc.Arbitrary<unknown>][] = [
    ['text', text],
    ['text[]', fc.array(fc.option(text, { nil: null }), { maxLength: 5 })],
    // The services hand JSON to pg as text (JSON.stringify), as here.
    [
      'jsonb',
      fc
        .jsonValue({ maxDepth: 2 })
        .map((v) => JSON.stringify(v))
        .filter((v) => !v.includes('\\u0000')),
    ],
    ['int8', fc.maxSafeInteger()],
    ['float8', fc.double({ noNaN: true, noDefaultInfinity: true })],
    ['bool', fc.boolean()],
    [
      'timestamptz',
      fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
    ],
    ['bytea', fc.uint8Array({ maxLength: 16 }).map((a) => Buffer.from(a))],
  ];
  for (const [type, values] of cases) {
    it(`${type}: the same answer from the server either way`, async () => {
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          const statement = `select $1::${type} as typed, $1 is null as missing`;
          const bound = await t.database.pool.query(statement, [value]);
          const inlined = await t.database.pool.query(inlineParameters(statement, [value]));
          expect(inlined.rows).toEqual(bound.rows);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('untyped placeholders resolve from context the same way (comparisons, ANY, LIMIT)', async () => {
    const statement = `select name from partners where name <> $1 and $2 = any(array['x', 'y']) order by name limit $3`;
    const values = ["O'Hara \\ partners", 'x', 2];
    const bound = await t.database.pool.query(statement, values);
    const inlined = await t.database.pool.query(inlineParameters(statement, values));
    expect(inlined.rows).toEqual(bound.rows);
    expect(inlined.rows.length).toBe(2);
  });
});

describe('scoped connections', () => {
  it('read-only work sees its scope in every statement and leaves nothing behind on the connection', async () => {
    const seen = await inScope(
      single.db,
      partnerScope(w.a.partnerId),
      async (tx) => {
        const first = await sql<{
          scope: string;
          who: string;
        }>`select current_setting('app.scope') as scope, current_user as who`.execute(tx);
        const partners = await tx.selectFrom('customers').select('partner_id').execute();
        return { first: first.rows[0], partners: new Set(partners.map((p) => p.partner_id)) };
      },
      { readOnly: true },
    );
    expect(seen.first).toEqual({ scope: 'partner', who: 'diops_app' });
    expect(seen.partners).toEqual(new Set([w.a.partnerId]));
    const after = await sessionState(single);
    expect(after?.who).not.toBe('diops_app');
    expect(after?.scope ?? '').toBe('');
    expect(after?.partner ?? '').toBe('');
    expect(after?.ro).toBe('off');
  });

  it('answers statements sent side by side in turn, in both modes, without leaning on pg’s own queue', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      for (const readOnly of [true, false]) {
        const answers = await inScope(
          single.db,
          partnerScope(w.a.partnerId),
          (tx) =>
            Promise.all(
              [1, 2, 3, 4].map(async (n) => {
                const { rows } = await sql<{ n: number; partner: string }>`
                  SELECT ${n}::int AS n, current_setting('app.partner_id') AS partner`.execute(tx);
                return rows[0];
              }),
            ),
          { readOnly },
        );
        expect(answers).toEqual([1, 2, 3, 4].map((n) => ({ n, partner: w.a.partnerId })));
      }
      // A failing statement fails alone; the ones after it in a read-only batch still answer.
      const settled = await inScope(
        single.db,
        partnerScope(w.a.partnerId),
        (tx) =>
          Promise.allSettled([
            sql`SELECT 1/0`.execute(tx),
            sql<{ one: number }>`SELECT 1 AS one`.execute(tx),
          ]),
        { readOnly: true },
      );
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled']);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((m) => /already executing a query/.test(m))).toEqual([]);
  });

  it('read-only work cannot write, even a statement sent on its own', async () => {
    await expect(
      inScope(
        single.db,
        partnerScope(w.a.partnerId),
        (tx) =>
          tx
            .updateTable('customers')
            .set({ name: 'renamed' })
            .where('partner_id', '=', w.a.partnerId)
            .execute(),
        { readOnly: true },
      ),
    ).rejects.toThrow(/read-only transaction/);
  });

  it('commits queued writes with the transaction, and drops them when the work fails', async () => {
    const label = `queued-${Date.now()}`;
    const audit = (tx: Parameters<typeof queueWrite>[0]) =>
      tx.insertInto('audit_log').values({
        actor_user_id: null,
        actor_label: label,
        partner_id: w.a.partnerId,
        customer_id: null,
        action: 'test.queued',
        entity_type: 'test',
        entity_id: label,
        before: null,
        after: null,
        request_id: null,
      });
    await inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
      await queueWrite(tx, audit(tx));
    });
    await expect(
      inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
        await queueWrite(tx, audit(tx));
        await tx.selectFrom('partners').select('id').execute();
        throw new Error('the work fails after its queued write was sent');
      }),
    ).rejects.toThrow(/work fails/);
    const { rows } = await single.pool.query(
      'select count(*)::int as n from audit_log where actor_label = $1',
      [label],
    );
    expect(rows[0].n).toBe(1);
    const after = await sessionState(single);
    expect(after?.who).not.toBe('diops_app');
    expect(after?.scope ?? '').toBe('');
  });

  it('a failing queued write rolls back the statements before it', async () => {
    const name = `rollback-${Date.now()}`;
    await expect(
      inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
        const renamed = await tx
          .updateTable('customers')
          .set({ name })
          .where('id', '=', w.a.customerId)
          .executeTakeFirst();
        expect(Number(renamed.numUpdatedRows)).toBeGreaterThan(0);
        // A NOT NULL violation, found only when the queued insert is sent with the COMMIT.
        await queueWrite(
          tx,
          tx.insertInto('audit_log').values({
            actor_user_id: null,
            actor_label: 'x',
            partner_id: w.a.partnerId,
            customer_id: null,
            action: sql<string>`null`,
            entity_type: 'test',
            entity_id: name,
            before: null,
            after: null,
            request_id: null,
          }),
        );
      }),
    ).rejects.toThrow(/null value/);
    const { rows } = await single.pool.query('select count(*)::int as n from customers where name = $1', [
      name,
    ]);
    expect(rows[0].n).toBe(0);
  });
  it('answers a queued statement when it is sent: with an early commit, or flushed inside the transaction', async () => {
    const label = `for-result-${Date.now()}`;
    const row = (tx: Parameters<typeof queueWrite>[0], action: string) =>
      tx
        .insertInto('audit_log')
        .values({
          actor_user_id: null,
          actor_label: label,
          partner_id: w.a.partnerId,
          customer_id: null,
          action,
          entity_type: 'test',
          entity_id: label,
          before: null,
          after: null,
          request_id: null,
        })
        .returning(['id', 'action']);
    let settledBeforeCommit = false;
    const committed = await inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
      const first = queueForResult<{ id: string; action: string }>(tx, row(tx, 'test.first'));
      void first.then(() => {
        settledBeforeCommit = true;
      });
      await queueWrite(tx, row(tx, 'test.second'));
      await Promise.resolve();
      // Nothing has been sent yet: the result waits for the round trip.
      expect(settledBeforeCommit).toBe(false);
      await commitNow(tx);
      // After an early commit, the transaction takes nothing more.
      await expect(tx.selectFrom('partners').select('id').execute()).rejects.toThrow(
        /already been committed/,
      );
      return (await first).rows[0];
    });
    expect(committed?.action).toBe('test.first');
    const flushed = await inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
      const third = queueForResult<{ id: string; action: string }>(tx, row(tx, 'test.third'));
      await flushQueued(tx);
      // Still inside the transaction: the row is visible to it.
      const seen = await tx.selectFrom('audit_log').select('action').where('entity_id', '=', label).execute();
      return { third: (await third).rows[0], seen: seen.map((r) => r.action).sort() };
    });
    expect(flushed.third?.action).toBe('test.third');
    expect(flushed.seen).toEqual(['test.first', 'test.second', 'test.third']);
    const { rows } = await single.pool.query(
      'select count(*)::int as n from audit_log where actor_label = $1',
      [label],
    );
    expect(rows[0].n).toBe(3);
    const after = await sessionState(single);
    expect(after?.who).not.toBe('diops_app');
  });

  it('work that only queues writes sends them with its scope as one implicit transaction, leaving nothing behind', async () => {
    const label = `implicit-${Date.now()}`;
    await inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
      await queueWrite(
        tx,
        sql`INSERT INTO audit_log (actor_label, partner_id, action, entity_type, entity_id, after)
          VALUES (${label}, ${w.a.partnerId}::uuid, 'test.implicit', 'test', ${label},
            jsonb_build_object('who', current_user, 'partner', current_setting('app.partner_id')))`,
      );
      await commitNow(tx);
    });
    const { rows } = await single.pool.query('select after from audit_log where actor_label = $1', [label]);
    expect(rows.map((r) => r.after)).toEqual([{ who: 'diops_app', partner: w.a.partnerId }]);
    const after = await sessionState(single);
    expect(after?.who).not.toBe('diops_app');
    expect(after?.scope ?? '').toBe('');
    expect(after?.partner ?? '').toBe('');
    // Row-level security holds, and the whole message is one transaction: the first write goes too.
    const name = `implicit-${Date.now()}`;
    await expect(
      inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
        await queueWrite(tx, sql`UPDATE customers SET name = ${name} WHERE id = ${w.a.customerId}::uuid`);
        await queueWrite(
          tx,
          sql`INSERT INTO customers (partner_id, name, region) VALUES (${w.b.partnerId}::uuid, ${name}, 'EMEA')`,
        );
      }),
    ).rejects.toThrow(/row-level security/);
    const { rows: renamed } = await single.pool.query(
      'select count(*)::int as n from customers where name = $1',
      [name],
    );
    expect(renamed[0].n).toBe(0);
  });

  it('a failing batch rejects the queued results and commits nothing', async () => {
    const label = `for-result-fail-${Date.now()}`;
    let queuedError: unknown = null;
    await expect(
      inScope(single.db, partnerScope(w.a.partnerId), async (tx) => {
        const good = queueForResult(
          tx,
          tx
            .insertInto('audit_log')
            .values({
              actor_user_id: null,
              actor_label: label,
              partner_id: w.a.partnerId,
              customer_id: null,
              action: 'test.good',
              entity_type: 'test',
              entity_id: label,
              before: null,
              after: null,
              request_id: null,
            })
            .returning('id'),
        );
        good.catch((error: unknown) => {
          queuedError = error;
        });
        await queueWrite(
          tx,
          tx.insertInto('audit_log').values({
            actor_user_id: null,
            actor_label: label,
            partner_id: w.a.partnerId,
            customer_id: null,
            action: sql<string>`null`,
            entity_type: 'test',
            entity_id: label,
            before: null,
            after: null,
            request_id: null,
          }),
        );
        await commitNow(tx);
      }),
    ).rejects.toThrow(/null value/);
    expect(String(queuedError)).toMatch(/null value/);
    const { rows } = await single.pool.query(
      'select count(*)::int as n from audit_log where actor_label = $1',
      [label],
    );
    expect(rows[0].n).toBe(0);
    // The connection went back to the pool clean: the next work runs normally.
    const next = await inScope(single.db, partnerScope(w.a.partnerId), (tx) =>
      tx.selectFrom('partners').select('id').execute(),
    );
    expect(next.length).toBe(1);
  });
});
