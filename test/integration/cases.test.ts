import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inScope,
  openDatabase,
  type Scope,
  scopeForUser,
  systemScope,
  type Tx,
} from '../../src/server/db/database.ts';
import { sweepOrphanAttachments } from '../../src/server/jobs/attachment-sweep.job.ts';
import { closeMonitoredCases, flagOwedPlans } from '../../src/server/jobs/case-clocks.job.ts';
import { drainOutbox } from '../../src/server/jobs/outbox-relay.ts';
import {
  type OpenCaseInput,
  type OpeningContext,
  openCaseInKnownContext,
} from '../../src/server/modules/cases/case-opening.ts';
import { createSender } from '../../src/server/notify/sender.ts';
import { renderMessage } from '../../src/server/notify/templates.ts';
import { storeFile } from '../../src/server/storage/attachment-store.ts';
import { createIsolatedDatabase } from '../support/isolated-database.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/receivers.ts';
import {
  type Client,
  createTestApp,
  createWorld,
  expectProblem,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';

interface CaseBody {
  id: string;
  number: string;
  severity: string;
  status: string;
  impact: string;
  urgency: string;
  openedAt: string;
  responseDueAt: string;
  acknowledgedAt: string | null;
  responseMet: boolean | null;
  planOwedSince: string | null;
  escalatedAt: string | null;
  monitorUntil: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rootCauseSummary: string | null;
  tacPhone: string | null;
  awaitingPartnerMinutes: number;
  timeToResolveMinutes: number | null;
  reopenCount: number;
  allowedActions: string[];
  caller: { id: string | null; name: string; email: string };
  partnerName: string;
  timeline: {
    kind: string;
    body: string | null;
    internal: boolean;
    side: string;
    data: Record<string, unknown>;
  }[];
  attachments: { id: string; fileName: string; size: number; sha256: string }[];
  dueExplanation: { clock: string; businessSpan?: { offsetShifts: unknown[]; skipped: { kind: string }[] } };
}

let t: TestApp;
let w: World;
let smtp: SmtpReceiver;
let dropDatabase: () => Promise<void>;
let databaseUrl: string;
const MINUTE = 60_000;

beforeAll(async () => {
  const isolated = await createIsolatedDatabase('cases');
  dropDatabase = isolated.drop;
  databaseUrl = isolated.url;
  smtp = await startSmtpReceiver();
  t = await createTestApp({
    DATABASE_URL: isolated.url,
    SMTP_URL: smtp.url,
    ATTACHMENT_MAX_BYTES: String(64 * 1024),
    PUBLIC_URL: 'https://diops.example.net',
  });
  w = await createWorld(t);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await dropDatabase();
});

function contractNumberOf(contractId: string) {
  return t.database.db
    .selectFrom('contracts')
    .select('number')
    .where('id', '=', contractId)
    .executeTakeFirstOrThrow();
}

async function caseInput(tenant: World['a'], overrides: Record<string, unknown> = {}) {
  const { number } = await contractNumberOf(tenant.contractId);
  return {
    customerId: tenant.customerId,
    contractNumber: number,
    title: 'Phones cannot register',
    description: 'Since 09:00 the phones on the second floor cannot register to the cluster.',
    category: 'common_problem',
    impact: 'individualized',
    urgency: 'medium',
    contact: { name: 'Ana Ruiz', phone: '+34 600 123 456', email: 'ana@partner.example' },
    ...overrides,
  };
}

async function openCase(caller: Client, tenant: World['a'], overrides: Record<string, unknown> = {}) {
  const response = await caller.post('/cases', await caseInput(tenant, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CaseBody>();
}

async function getCase(caller: Client, id: string) {
  const response = await caller.get(`/cases/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CaseBody>();
}

/** Moves a case's clocks directly in the database (tests cannot wait for business days). */
async function setCase(id: string, values: Record<string, Date | string | null>) {
  await t.database.db.updateTable('cases').set(values).where('id', '=', id).execute();
}

async function policyDue(severity: string, region: string, openedAt: string) {
  const response = await w.a.engineer.post('/policy/response-due', { severity, region, openedAt });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ dueAt: string }>().dueAt;
}

async function countCases() {
  const row = await t.database.db
    .selectFrom('cases')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe('opening a case', () => {
  it('names the caller and the partner as they are now, even right after a rename', async () => {
    const userName = unique('Renamed engineer');
    const renamed = await w.provider.patch(`/users/${w.a.engineerId}`, { name: userName });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const partnerName = unique('Renamed partner');
    const partner = await w.provider.patch(`/partners/${w.a.partnerId}`, { name: partnerName });
    expect(partner.statusCode, partner.body).toBe(200);
    const kase = await openCase(w.a.engineer, w.a);
    expect(kase.caller.name).toBe(userName);
    expect(kase.partnerName).toBe(partnerName);
    expect(await getCase(w.a.engineer, kase.id)).toEqual(kase);
  });

  it('computes severity from the matrix, numbers the case and fixes the response due', async () => {
    const s1 = await openCase(w.a.engineer, w.a, { impact: 'widespread', urgency: 'critical' });
    expect(s1.number).toMatch(/^DI-\d{4}-\d{6,}$/);
    expect(s1.severity).toBe('S1');
    expect(s1.status).toBe('new');
    expect(Date.parse(s1.responseDueAt) - Date.parse(s1.openedAt)).toBe(15 * MINUTE);
    expect(s1.tacPhone).toMatch(/\d/);
    expect(s1.timeline.map((e) => e.kind)).toEqual(['opened']);
    // The answer is built from what was written; it must be exactly what a read returns.
    expect(await getCase(w.a.engineer, s1.id)).toEqual(s1);

    // An affected share of exactly 3/4 is "large"; with high urgency that is S2, 30 minutes.
    const s2 = await openCase(w.a.engineer, w.a, { impact: undefined, affectedShare: 0.75, urgency: 'high' });
    expect([s2.impact, s2.severity]).toEqual(['large', 'S2']);
    expect(Date.parse(s2.responseDueAt) - Date.parse(s2.openedAt)).toBe(30 * MINUTE);

    // S3 runs in the EMEA business calendar: exactly what the policy core answers for that instant.
    const s3 = await openCase(w.a.admin, w.a, { impact: 'individualized', urgency: 'critical' });
    expect(s3.severity).toBe('S3');
    expect(s3.tacPhone).toBeNull();
    expect(s3.responseDueAt).toBe(await policyDue('S3', 'EMEA', s3.openedAt));
    expect(s3.dueExplanation.clock).toBe('business');
  });

  it('checks the contract: exists, belongs to the customer, active on the opening date; names every broken rule', async () => {
    const before = await countCases();
    const unknown = expectProblem(
      await w.a.engineer.post('/cases', await caseInput(w.a, { contractNumber: 'NOPE-1' })),
      422,
    );
    expect(unknown.errors).toEqual([
      expect.objectContaining({ code: 'unknown_contract', path: 'contractNumber' }),
    ]);

    // Another customer's contract (same partner) and, at once, a phone that is not one.
    const other = expectProblem(
      await w.a.engineer.post(
        '/cases',
        await caseInput(w.a, {
          customerId: w.a.otherCustomerId,
          contact: { name: 'X', phone: 'call me', email: 'x@partner.example' },
        }),
      ),
      422,
    );
    expect(other.errors?.map((e) => `${e.code}@${e.path}`).sort()).toEqual([
      'contract_other_customer@contractNumber',
      'invalid_phone@contact.phone',
    ]);

    // Another partner's contract is as unknown as a made-up one.
    const { number: bNumber } = await contractNumberOf(w.b.contractId);
    expect(
      expectProblem(await w.a.engineer.post('/cases', await caseInput(w.a, { contractNumber: bNumber })), 422)
        .errors?.[0]?.code,
    ).toBe('unknown_contract');

    for (const [startsOn, endsOn] of [
      ['2020-01-01', '2021-12-31'],
      ['2099-01-01', '2099-12-31'],
    ]) {
      const number = unique('K').toUpperCase();
      const created = await w.provider.post('/contracts', {
        customerId: w.a.customerId,
        number,
        startsOn,
        endsOn,
      });
      expect(created.statusCode, created.body).toBe(201);
      const inactive = expectProblem(
        await w.a.engineer.post('/cases', await caseInput(w.a, { contractNumber: number })),
        422,
      );
      expect(inactive.errors?.[0]?.code).toBe('contract_not_active');
    }
    expect(await countCases()).toBe(before);
  });

  it('counts a contract valid through its last day in the customer region’s zone, not UTC', async () => {
    // EMEA's zone in the default policy.
    const zone = 'Europe/Paris';
    const localDay = (offsetDays: number) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(new Date(Date.now() + offsetDays * 86_400_000));
    for (const [startsOn, endsOn, ok] of [
      ['2020-01-01', localDay(0), true],
      ['2020-01-01', localDay(-1), false],
      [localDay(1), '2099-12-31', false],
      [localDay(0), '2099-12-31', true],
    ] as const) {
      const number = unique('K').toUpperCase();
      expect(
        (await w.provider.post('/contracts', { customerId: w.a.customerId, number, startsOn, endsOn }))
          .statusCode,
      ).toBe(201);
      const response = await w.a.engineer.post('/cases', await caseInput(w.a, { contractNumber: number }));
      expect(response.statusCode, `${startsOn}..${endsOn} ${response.body}`).toBe(ok ? 201 : 422);
    }
  });

  it('takes impact or share, not both or neither; validates fields; refuses the provider and viewers', async () => {
    const both = expectProblem(
      await w.a.engineer.post('/cases', await caseInput(w.a, { affectedShare: 0.5 })),
      422,
    );
    expect(both.errors?.[0]?.path).toBe('affectedShare');
    const neither = expectProblem(
      await w.a.engineer.post('/cases', await caseInput(w.a, { impact: undefined })),
      422,
    );
    expect(neither.errors?.[0]?.path).toBe('impact');
    const share = expectProblem(
      await w.a.engineer.post('/cases', await caseInput(w.a, { impact: undefined, affectedShare: 1.5 })),
      422,
    );
    expect(share.errors?.[0]?.path).toBe('affectedShare');
    const email = expectProblem(
      await w.a.engineer.post(
        '/cases',
        await caseInput(w.a, { contact: { name: 'A', phone: '600123456', email: 'no' } }),
      ),
      422,
    );
    expect(email.errors?.[0]?.path).toBe('contact.email');
    expectProblem(
      await w.a.engineer.post('/cases', { ...(await caseInput(w.a)), priority: 'P1' }),
      400,
      'unknown_field',
    );
    expectProblem(await w.provider.post('/cases', await caseInput(w.a)), 403);
    expectProblem(await w.a.viewer.post('/cases', await caseInput(w.a)), 403);
    const foreign = expectProblem(await w.b.engineer.post('/cases', await caseInput(w.a)), 422);
    expect(foreign.errors?.[0]).toMatchObject({ code: 'unknown_customer', path: 'customerId' });
  });

  it('gives concurrent openings distinct numbers', async () => {
    const input = await caseInput(w.b);
    const responses = await Promise.all(Array.from({ length: 24 }, () => w.b.engineer.post('/cases', input)));
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    const numbers = responses.map((r) => r.json<CaseBody>().number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe('opening from a kept customer and contract (decision 0010)', () => {
  const sequenceNumber = (number: string) => Number(number.split('-')[2]);

  it('answers the case exactly as it reads back (the answer is built from what was written)', async () => {
    for (const overrides of [{}, { impact: 'widespread', urgency: 'critical', affectedShare: undefined }]) {
      const { timeline, ...answer } = await openCase(w.a.engineer, w.a, overrides);
      const { timeline: readTimeline, ...read } = await getCase(w.a.engineer, answer.id);
      expect(read).toEqual(answer);
      expect(timeline.map(({ kind, side, data }) => ({ kind, side, data }))).toEqual(
        readTimeline.map(({ kind, side, data }) => ({ kind, side, data })),
      );
    }
  });

  it('draws no case number for a refused opening', async () => {
    const first = await openCase(w.a.engineer, w.a);
    expectProblem(await w.a.engineer.post('/cases', await caseInput(w.a, { contractNumber: 'NOPE-2' })), 422);
    expectProblem(
      await w.a.engineer.post(
        '/cases',
        await caseInput(w.a, { contact: { name: '', phone: '1', email: 'a@b.example' } }),
      ),
      422,
    );
    const next = await openCase(w.a.engineer, w.a);
    expect(sequenceNumber(next.number)).toBe(sequenceNumber(first.number) + 1);
  });

  it('checks a kept contract and customer again: a change since the last opening is never missed', async () => {
    await openCase(w.a.engineer, w.a);
    // Through the API on this node: the write empties the cache before it answers.
    expect(
      (await w.provider.patch(`/contracts/${w.a.contractId}`, { endsOn: '2026-01-01' })).statusCode,
    ).toBe(200);
    const refused = expectProblem(await w.a.engineer.post('/cases', await caseInput(w.a)), 422);
    expect(refused.errors?.[0]).toMatchObject({ code: 'contract_not_active', path: 'contractNumber' });
    expect(
      (await w.provider.patch(`/contracts/${w.a.contractId}`, { endsOn: '2027-12-31' })).statusCode,
    ).toBe(200);
    await openCase(w.a.engineer, w.a);
    // Straight in the database, as another process would: the opening follows the new region.
    await t.database.db
      .updateTable('customers')
      .set({ region: 'APJC' })
      .where('id', '=', w.a.customerId)
      .execute();
    try {
      const moved = await openCase(w.a.engineer, w.a);
      const row = await t.database.db
        .selectFrom('cases')
        .select('region')
        .where('id', '=', moved.id)
        .executeTakeFirstOrThrow();
      expect(row.region).toBe('APJC');
    } finally {
      await t.database.db
        .updateTable('customers')
        .set({ region: 'EMEA' })
        .where('id', '=', w.a.customerId)
        .execute();
    }
  });

  it('writes nothing and draws no number from a context that no longer holds; opens, numbered and audited, from one that does', async () => {
    const single = openDatabase(databaseUrl, { max: 1 });
    try {
      const { number } = await contractNumberOf(w.a.contractId);
      const customer = await t.database.db
        .selectFrom('customers')
        .select(['name', 'region'])
        .where('id', '=', w.a.customerId)
        .executeTakeFirstOrThrow();
      const valid: OpeningContext = {
        customerId: w.a.customerId,
        customerName: customer.name,
        region: customer.region,
        partnerId: w.a.partnerId,
        partnerName: w.a.partnerName,
        contractId: w.a.contractId,
        contractNumber: number,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
      };
      const scope = scopeForUser({
        id: w.a.engineerId,
        email: 'engineer@a.example',
        role: 'partner_engineer',
        partner_id: w.a.partnerId,
        customer_id: null,
        name: 'A engineer',
        partner_name: w.a.partnerName,
      });
      const input = await caseInput(w.a, { title: unique('Kept context') });
      const open = (context: OpeningContext, now = new Date()) =>
        inScope(single.db, scope, (tx) =>
          openCaseInKnownContext(tx, scope, t.app.ctx.policy.policy, input as OpenCaseInput, now, context),
        );
      const before = await countCases();
      for (const stale of [
        { ...valid, region: 'AMER' as const },
        { ...valid, customerName: 'Renamed since' },
        { ...valid, contractId: randomUUID() },
        { ...valid, contractNumber: 'OTHER-1' },
        { ...valid, customerId: w.a.otherCustomerId },
      ])
        expect(await open(stale)).toBeNull();
      // Valid by its kept dates, but the contract's real ones ended before this opening day.
      expect(await open(valid, new Date('2028-03-01T12:00:00Z'))).toBeNull();
      // Another partner's context is not even tried.
      expect(await open({ ...valid, partnerId: w.b.partnerId })).toBeNull();
      expect(await countCases()).toBe(before);
      // Nothing above drew from the number sequence on this connection.
      await expect(sql`SELECT currval('case_number_seq')`.execute(single.db)).rejects.toThrow(
        /not yet defined/,
      );

      const opened = await open(valid);
      expect(opened?.number).toMatch(/^DI-\d{4}-\d{6,}$/);
      expect(opened?.customerName).toBe(customer.name);
      expect(opened?.timeline.map((e) => e.kind)).toEqual(['opened']);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'after', 'partner_id'])
        .where('entity_id', '=', opened?.id ?? '')
        .execute();
      expect(audit).toEqual([
        {
          action: 'case.opened',
          partner_id: w.a.partnerId,
          after: expect.objectContaining({ number: opened?.number, severity: opened?.severity }),
        },
      ]);
      const history = await t.database.db
        .selectFrom('case_events')
        .select(['kind', 'actor_name'])
        .where('case_id', '=', opened?.id ?? '')
        .execute();
      expect(history).toEqual([{ kind: 'opened', actor_name: 'A engineer' }]);
    } finally {
      await single.close();
    }
  });
});

describe('the opening write function (decision 0011)', () => {
  /** A tenant's kept context, as the look-up would have found it, and its engineer's scope. */
  async function openingOf(tenant: World['a'], label: string) {
    const { number } = await contractNumberOf(tenant.contractId);
    const customer = await t.database.db
      .selectFrom('customers')
      .select(['name', 'region'])
      .where('id', '=', tenant.customerId)
      .executeTakeFirstOrThrow();
    const context: OpeningContext = {
      customerId: tenant.customerId,
      customerName: customer.name,
      region: customer.region,
      partnerId: tenant.partnerId,
      partnerName: tenant.partnerName,
      contractId: tenant.contractId,
      contractNumber: number,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
    };
    const scope = scopeForUser({
      id: tenant.engineerId,
      email: `engineer@${label}.example`,
      role: 'partner_engineer',
      partner_id: tenant.partnerId,
      customer_id: null,
      name: `${label} engineer`,
      partner_name: tenant.partnerName,
    });
    return { context, scope };
  }

  /** Calls the function straight, as a server bug or a stolen app connection could. */
  const callDirectly = (tx: Tx, context: OpeningContext, callerId: string) =>
    sql<{ number: string | null }>`
      SELECT number FROM write_case_opening(${randomUUID()}::uuid, now(), ${context.partnerId}::uuid,
        ${context.customerId}::uuid, ${context.customerName}, ${context.region}, ${context.contractId}::uuid,
        ${context.contractNumber}, current_date, 'Smuggled', 'Smuggled', 'how_to', 'individualized', 'low',
        NULL, 'S4', ${callerId}::uuid, 'Someone', 'someone@example.test', 'Someone', '+34 600 000 000',
        'someone@example.test', now(), '{}'::jsonb, ${randomUUID()}::uuid, '{}'::jsonb, '{}'::jsonb, NULL, NULL, NULL)
    `.execute(tx);

  it("writes for the transaction's own partner and user only, also once its plans are cached on a connection", async () => {
    const single = openDatabase(databaseUrl, { max: 1 });
    try {
      const a = await openingOf(w.a, 'a');
      const b = await openingOf(w.b, 'b');
      const input = await caseInput(w.a, { title: unique('Alternating') });
      // More openings than PL/pgSQL's five custom plans, alternating partners on one connection.
      for (let i = 0; i < 8; i++) {
        const { context, scope } = i % 2 === 0 ? a : b;
        const opened = await inScope(single.db, scope, (tx) =>
          openCaseInKnownContext(
            tx,
            scope,
            t.app.ctx.policy.policy,
            input as OpenCaseInput,
            new Date(),
            context,
          ),
        );
        const row = await t.database.db
          .selectFrom('cases')
          .select(['partner_id', 'customer_id', 'caller_id', 'number'])
          .where('id', '=', opened?.id ?? '')
          .executeTakeFirstOrThrow();
        expect(row).toEqual({
          partner_id: context.partnerId,
          customer_id: context.customerId,
          caller_id: scope.userId,
          number: opened?.number,
        });
      }

      const before = await countCases();
      const refusals: [Scope, OpeningContext, string][] = [
        // Partner B's engineer writing a case into partner A.
        [b.scope, a.context, w.b.engineerId],
        [b.scope, a.context, w.a.engineerId],
        // Partner A's engineer, but naming another user as the caller.
        [a.scope, a.context, w.a.adminId],
        // Not a partner at all.
        [
          { ...systemScope('test'), kind: 'provider', userId: w.providerAdminId },
          a.context,
          w.providerAdminId,
        ],
        [systemScope('test'), a.context, w.a.engineerId],
      ];
      for (const [scope, context, callerId] of refusals)
        await expect(inScope(single.db, scope, (tx) => callDirectly(tx, context, callerId))).rejects.toThrow(
          /opened by a partner's user, for that partner, as themselves/,
        );
      expect(await countCases()).toBe(before);
      // The same direct call in the right scope writes: the refusals above were about who asked.
      const written = await inScope(single.db, a.scope, (tx) => callDirectly(tx, a.context, w.a.engineerId));
      expect(written.rows[0]?.number).toMatch(/^DI-\d{4}-\d{6,}$/);
      expect(await countCases()).toBe(before + 1);
    } finally {
      await single.close();
    }
  });
});

describe('scope', () => {
  it('answers 404 for another tenant’s case, and customer viewers see only their own customer', async () => {
    const kase = await openCase(w.a.engineer, w.a);
    expectProblem(await w.b.engineer.get(`/cases/${kase.id}`), 404);
    expectProblem(await w.b.admin.post(`/cases/${kase.id}/escalate`, { reason: 'late' }), 404);
    expectProblem(await w.b.viewer.get(`/cases/${kase.id}`), 404);
    expect((await w.a.viewer.get(`/cases/${kase.id}`)).statusCode).toBe(200);
    const listB = (await w.b.admin.get('/cases?limit=200')).json<{ items: CaseBody[] }>();
    expect(listB.items.some((c) => c.id === kase.id)).toBe(false);
    // The viewer reads but cannot act.
    expect((await getCase(w.a.viewer, kase.id)).allowedActions).toEqual([]);
    expectProblem(await w.a.viewer.post(`/cases/${kase.id}/comments`, { body: 'hello' }), 403);

    // RLS, not only the service: the partner's scope cannot read the other partner's rows at all.
    const seen = await inScope(
      t.database.db,
      { ...systemScope('test'), kind: 'partner', partnerId: w.b.partnerId },
      (tx) => tx.selectFrom('cases').select('id').where('id', '=', kase.id).execute(),
    );
    expect(seen).toEqual([]);
  });
});

describe('acknowledgement and severity', () => {
  it('records acknowledgedAt and responseMet; only the provider acknowledges, once', async () => {
    const kase = await openCase(w.a.engineer, w.a);
    expectProblem(await w.a.engineer.post(`/cases/${kase.id}/acknowledge`, {}), 403);
    const acked = (
      await w.providerEngineer.post(`/cases/${kase.id}/acknowledge`, { note: 'Looking' })
    ).json<CaseBody>();
    expect(acked.status).toBe('acknowledged');
    expect(acked.responseMet).toBe(true);
    expect(acked.acknowledgedAt).not.toBeNull();
    expectProblem(
      await w.providerEngineer.post(`/cases/${kase.id}/acknowledge`),
      409,
      'already_acknowledged',
    );

    const late = await openCase(w.a.engineer, w.a, { impact: 'widespread', urgency: 'critical' });
    await setCase(late.id, { response_due_at: new Date(Date.now() - MINUTE) });
    expect((await w.provider.post(`/cases/${late.id}/acknowledge`)).json<CaseBody>().responseMet).toBe(false);
  });

  it('lets the partner raise (due = earlier of current and now + target) but not lower (403, unchanged)', async () => {
    const kase = await openCase(w.a.engineer, w.a, { impact: 'individualized', urgency: 'medium' });
    expect(kase.severity).toBe('S3');
    const lower = expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/severity`, { severity: 'S4', reason: 'less urgent now' }),
      403,
    );
    expect(lower.detail).toMatch(/provider/);
    const unchanged = await getCase(w.a.engineer, kase.id);
    expect([unchanged.severity, unchanged.responseDueAt]).toEqual(['S3', kase.responseDueAt]);
    expect(unchanged.timeline.map((e) => e.kind)).toEqual(['opened']);

    const before = Date.now();
    const raised = (
      await w.a.engineer.post(`/cases/${kase.id}/severity`, {
        impact: 'widespread',
        urgency: 'critical',
        reason: 'The whole site is down now',
      })
    ).json<CaseBody>();
    expect(raised.severity).toBe('S1');
    const due = Date.parse(raised.responseDueAt);
    expect(due).toBeGreaterThanOrEqual(before + 15 * MINUTE - 1_000);
    expect(due).toBeLessThanOrEqual(Math.min(Date.parse(kase.responseDueAt), Date.now() + 15 * MINUTE));

    // The provider lowers: opening time + the new target, whatever the raise did.
    const lowered = (
      await w.providerEngineer.post(`/cases/${kase.id}/severity`, {
        severity: 'S4',
        reason: 'Only one handset',
      })
    ).json<CaseBody>();
    expect(lowered.severity).toBe('S4');
    expect(lowered.responseDueAt).toBe(await policyDue('S4', 'EMEA', kase.openedAt));
    const history = (await getCase(w.a.engineer, kase.id)).timeline.filter(
      (e) => e.kind === 'severity_changed',
    );
    expect(history.map((e) => [e.data.from, e.data.to, e.body])).toEqual([
      ['S3', 'S1', 'The whole site is down now'],
      ['S1', 'S4', 'Only one handset'],
    ]);
    expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/severity`, { severity: 'S1', reason: ' ' }),
      422,
    );
  });

  it('recomputes the due time across a daylight-saving night and keeps it after acknowledgement', async () => {
    const kase = await openCase(w.a.engineer, w.a, { impact: 'widespread', urgency: 'critical' });
    // Opened late on Saturday 28 March 2026, the night Europe moves its clocks forward.
    const openedAt = '2026-03-28T23:30:00.000Z';
    await setCase(kase.id, { opened_at: openedAt, response_due_at: '2026-03-28T23:45:00.000Z' });
    const lowered = (
      await w.providerEngineer.post(`/cases/${kase.id}/severity`, { severity: 'S3', reason: 'One site only' })
    ).json<CaseBody>();
    expect(lowered.responseDueAt).toBe(await policyDue('S3', 'EMEA', openedAt));
    const detail = await getCase(w.providerEngineer, kase.id);
    expect(detail.dueExplanation.businessSpan?.offsetShifts).toHaveLength(1);
    expect(detail.dueExplanation.businessSpan?.skipped.map((s) => s.kind)).toContain('weekend');

    await w.providerEngineer.post(`/cases/${kase.id}/acknowledge`);
    const after = (
      await w.a.engineer.post(`/cases/${kase.id}/severity`, { severity: 'S2', reason: 'Worse again' })
    ).json<CaseBody>();
    expect([after.severity, after.responseDueAt]).toEqual(['S2', lowered.responseDueAt]);
  });
});

describe('lifecycle', () => {
  it('follows the allowed transitions per side, banks time awaiting the partner, needs a root cause for S1/S2', async () => {
    const kase = await openCase(w.a.engineer, w.a, { impact: 'large', urgency: 'critical' });
    expect(kase.allowedActions).not.toContain('acknowledge');
    expect((await getCase(w.provider, kase.id)).allowedActions).toContain('acknowledge');
    expectProblem(
      await w.providerEngineer.post(`/cases/${kase.id}/status`, {
        status: 'resolved',
        rootCauseSummary: 'x',
      }),
      409,
      'invalid_transition',
    );
    const tac = w.providerEngineer;
    await tac.post(`/cases/${kase.id}/acknowledge`);
    expect((await tac.post(`/cases/${kase.id}/status`, { status: 'in_progress' })).statusCode).toBe(200);
    expectProblem(await w.a.engineer.post(`/cases/${kase.id}/status`, { status: 'awaiting_partner' }), 403);
    expect(
      (await tac.post(`/cases/${kase.id}/status`, { status: 'awaiting_partner', note: 'Need logs' }))
        .statusCode,
    ).toBe(200);
    // Two hours waiting for the partner.
    await setCase(kase.id, { awaiting_since: new Date(Date.now() - 120 * MINUTE) });
    const resumed = (
      await w.a.engineer.post(`/cases/${kase.id}/status`, { status: 'in_progress', note: 'Logs attached' })
    ).json<CaseBody>();
    expect(resumed.status).toBe('in_progress');
    expect(resumed.awaitingPartnerMinutes).toBeGreaterThanOrEqual(120);

    expectProblem(await tac.post(`/cases/${kase.id}/status`, { status: 'monitoring' }), 422);
    expectProblem(
      await tac.post(`/cases/${kase.id}/status`, {
        status: 'monitoring',
        monitorUntil: new Date(Date.now() - MINUTE).toISOString(),
      }),
      422,
    );
    const monitorUntil = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const monitored = (
      await tac.post(`/cases/${kase.id}/status`, { status: 'monitoring', monitorUntil })
    ).json<CaseBody>();
    expect([monitored.status, monitored.monitorUntil]).toEqual(['monitoring', monitorUntil]);

    expectProblem(await w.a.engineer.post(`/cases/${kase.id}/reopen`, { reason: '' }), 422);
    const reopened = (
      await w.a.engineer.post(`/cases/${kase.id}/reopen`, { reason: 'Failed again at 10:00' })
    ).json<CaseBody>();
    expect([reopened.status, reopened.reopenCount, reopened.monitorUntil]).toEqual(['in_progress', 1, null]);

    expectProblem(await w.a.engineer.post(`/cases/${kase.id}/status`, { status: 'resolved' }), 403);
    const noCause = expectProblem(await tac.post(`/cases/${kase.id}/status`, { status: 'resolved' }), 422);
    expect(noCause.errors?.[0]).toMatchObject({ code: 'root_cause_required', path: 'rootCauseSummary' });
    const resolved = (
      await tac.post(`/cases/${kase.id}/status`, {
        status: 'resolved',
        rootCauseSummary: 'A failed subscriber node was replaced; registrations moved back.',
      })
    ).json<CaseBody>();
    expect(resolved.status).toBe('resolved');
    expect(resolved.rootCauseSummary).toMatch(/subscriber node/);
    // Time to resolve excludes the two hours awaiting the partner.
    const elapsed = Math.floor(
      (Date.parse(resolved.resolvedAt ?? '') - Date.parse(resolved.openedAt)) / MINUTE,
    );
    expect(resolved.timeToResolveMinutes).toBeLessThanOrEqual(elapsed - 120 + 1);

    const closed = (await w.a.admin.post(`/cases/${kase.id}/status`, { status: 'closed' })).json<CaseBody>();
    expect(closed.status).toBe('closed');
    expect(closed.allowedActions).toEqual([]);
    expectProblem(await w.a.admin.post(`/cases/${kase.id}/comments`, { body: 'thanks' }), 409, 'case_closed');
    expectProblem(
      await w.a.admin.post(`/cases/${kase.id}/reopen`, { reason: 'again' }),
      409,
      'invalid_transition',
    );

    const kinds = (await getCase(w.a.engineer, kase.id)).timeline.map((e) => e.kind);
    expect(kinds).toEqual([
      'opened',
      'acknowledged',
      'status_changed',
      'status_changed',
      'status_changed',
      'status_changed',
      'reopened',
      'status_changed',
      'status_changed',
    ]);
  });

  it('closes a monitored case when monitoring ends, unless it was reopened', async () => {
    const tac = w.providerEngineer;
    const monitorUntil = new Date(Date.now() + 60 * MINUTE).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const kase = await openCase(w.a.engineer, w.a);
      await tac.post(`/cases/${kase.id}/acknowledge`);
      await tac.post(`/cases/${kase.id}/status`, { status: 'monitoring', monitorUntil });
      ids.push(kase.id);
    }
    await w.a.engineer.post(`/cases/${ids[1]}/reopen`, { reason: 'Seen again' });
    expect((await closeMonitoredCases(t.database.db, new Date(Date.now() + 30 * MINUTE))).closed).toBe(0);
    await closeMonitoredCases(t.database.db, new Date(Date.now() + 61 * MINUTE));
    const first = await getCase(w.a.engineer, ids[0] ?? '');
    expect(first.status).toBe('closed');
    expect(first.resolvedAt).toBe(monitorUntil);
    expect(first.timeline.at(-1)?.kind).toBe('auto_closed');
    expect((await getCase(w.a.engineer, ids[1] ?? '')).status).toBe('in_progress');
    expect((await closeMonitoredCases(t.database.db, new Date(Date.now() + 62 * MINUTE))).closed).toBe(0);
  });
});

describe('duties', () => {
  it("tells both sides' incidents subscribers once when an S1/S2 case starts owing its plan; S3/S4 are only flagged", async () => {
    const critical = await openCase(w.a.engineer, w.a, { impact: 'widespread', urgency: 'critical' });
    const routine = await openCase(w.a.engineer, w.a, { impact: 'individualized', urgency: 'low' });
    expect([critical.severity, routine.severity]).toEqual(['S1', 'S4']);
    for (const kase of [critical, routine])
      await setCase(kase.id, { response_due_at: new Date(Date.now() - 5 * MINUTE) });
    await flagOwedPlans(t.database.db);
    await flagOwedPlans(t.database.db);
    const events = await t.database.db
      .selectFrom('notification_events')
      .select(['subject_id', 'category', 'audience_provider', 'audience_partner_ids', 'payload'])
      .where('kind', '=', 'case.plan_owed')
      .where('subject_id', 'in', [critical.id, routine.id])
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject_id: critical.id,
      category: 'incidents',
      audience_provider: true,
      audience_partner_ids: [w.a.partnerId],
    });
    const payload = events[0]?.payload as Record<string, unknown>;
    const context = { timeZone: 'Europe/Madrid', publicUrl: 'https://diops.example', partnerId: null };
    const english = renderMessage('case.plan_owed', payload, { ...context, locale: 'en' });
    const spanish = renderMessage('case.plan_owed', payload, { ...context, locale: 'es' });
    expect(english.subject).toContain(
      `Support case ${critical.number} owes a status and action plan: Phones cannot register`,
    );
    expect(spanish.subject).toContain(`${critical.number} requiere un estado y un plan de acción`);
    expect(english.link.url).toBe(`https://diops.example/cases/${critical.id}`);
  });

  it('flags a case past its response due as owing a status and action plan until the provider posts one', async () => {
    const kase = await openCase(w.a.engineer, w.a);
    await setCase(kase.id, { response_due_at: new Date(Date.now() - 5 * MINUTE) });
    await flagOwedPlans(t.database.db);
    await flagOwedPlans(t.database.db);
    const flagged = await getCase(w.a.engineer, kase.id);
    expect(flagged.planOwedSince).not.toBeNull();
    expect(flagged.timeline.filter((e) => e.kind === 'plan_owed')).toHaveLength(1);
    const owing = (await w.provider.get('/cases?planOwed=true&limit=200')).json<{ items: CaseBody[] }>();
    expect(owing.items.map((c) => c.id)).toContain(kase.id);

    expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/comments`, { body: 'plan', kind: 'action_plan' }),
      403,
    );
    const plan = await w.providerEngineer.post(`/cases/${kase.id}/comments`, {
      body: 'Status: collecting traces. Plan: replace the node tonight.',
      kind: 'action_plan',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await getCase(w.a.engineer, kase.id)).planOwedSince).toBeNull();
    await flagOwedPlans(t.database.db);
    expect((await getCase(w.a.engineer, kase.id)).planOwedSince).toBeNull();
  });

  it('keeps internal notes from the partner and the customer', async () => {
    const kase = await openCase(w.a.engineer, w.a);
    expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/comments`, { body: 'x', kind: 'internal_note' }),
      403,
    );
    await w.providerEngineer.post(`/cases/${kase.id}/comments`, {
      body: 'Suspect node sub2',
      kind: 'internal_note',
    });
    await w.a.engineer.post(`/cases/${kase.id}/comments`, { body: 'Any news?' });
    const provider = await getCase(w.provider, kase.id);
    expect(provider.timeline.map((e) => e.body)).toContain('Suspect node sub2');
    for (const reader of [w.a.engineer, w.a.viewer]) {
      const seen = await getCase(reader, kase.id);
      expect(seen.timeline.map((e) => e.body)).not.toContain('Suspect node sub2');
      expect(seen.timeline.map((e) => e.body)).toContain('Any news?');
    }
  });

  it('lets the partner escalate with a reason, listed for the provider', async () => {
    const kase = await openCase(w.a.engineer, w.a);
    expectProblem(await w.a.engineer.post(`/cases/${kase.id}/escalate`, { reason: '   ' }), 422);
    expectProblem(await w.provider.post(`/cases/${kase.id}/escalate`, { reason: 'x' }), 403);
    const escalated = (
      await w.a.admin.post(`/cases/${kase.id}/escalate`, { reason: 'No status in two days' })
    ).json<CaseBody>();
    expect(escalated.escalatedAt).not.toBeNull();
    const list = (await w.provider.get('/cases?escalated=true&limit=200')).json<{ items: CaseBody[] }>();
    expect(list.items.map((c) => c.id)).toContain(kase.id);
  });

  it('e-mails S1/S2 at once to the partner’s incidents subscribers, in their language; S3 sends nothing', async () => {
    const es = `${unique('inc')}@partner.example`;
    const sub = await w.a.admin.post('/subscriptions', {
      name: unique('Incidents'),
      categories: ['incidents'],
      channel: 'email',
      target: es,
      locale: 'es',
      timeZone: 'Europe/Madrid',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const deps = { db: t.database.db, outbox: t.config.outbox, sender: createSender(t.config) };
    // Only what happens from here on: earlier tests' events go out to nobody new.
    await sql`UPDATE notification_events SET fanned_out_at = now() WHERE fanned_out_at IS NULL`.execute(
      t.database.db,
    );
    await openCase(w.a.engineer, w.a, { impact: 'individualized', urgency: 'high' });
    const s1 = await openCase(w.a.engineer, w.a, {
      impact: 'widespread',
      urgency: 'high',
      title: 'Calls fail',
    });
    await drainOutbox(deps);
    await drainOutbox(deps);
    deps.sender.close();
    const mails = smtp.messages.filter((m) => m.to === es);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`[DI Ops] Caso de soporte S1 (Crítico) ${s1.number} abierto: Calls fail`);
    expect(mails[0]?.text).toContain('Teléfono del TAC');
    expect(mails[0]?.html).toContain(`https://diops.example.net/cases/${s1.id}`);
  });
});

describe('lists', () => {
  it('filters, searches in English and Spanish and by number, sorts by due time and pages without gaps', async () => {
    const marker = unique('zebra');
    const created: CaseBody[] = [];
    for (const [impact, urgency] of [
      ['widespread', 'critical'],
      ['individualized', 'low'],
      ['large', 'high'],
    ] as const)
      created.push(
        await openCase(w.b.engineer, w.b, {
          impact,
          urgency,
          title: `Voicemail ${marker}`,
          description: 'Los teléfonos no registran en el clúster.',
        }),
      );
    const search = (await w.b.admin.get(`/cases?q=${marker}`)).json<{ items: CaseBody[] }>();
    expect(search.items.map((c) => c.id).sort()).toEqual(created.map((c) => c.id).sort());
    // Spanish stemming: "teléfono" finds "teléfonos".
    const spanish = (await w.b.admin.get(`/cases?q=${encodeURIComponent(`teléfono ${marker}`)}`)).json<{
      items: CaseBody[];
    }>();
    expect(spanish.items).toHaveLength(3);
    const byNumber = (await w.b.admin.get(`/cases?q=${created[1]?.number.toLowerCase()}`)).json<{
      items: CaseBody[];
    }>();
    expect(byNumber.items.map((c) => c.id)).toEqual([created[1]?.id]);
    expect((await w.a.admin.get(`/cases?q=${marker}`)).json<{ items: CaseBody[] }>().items).toEqual([]);

    const severe = (await w.b.admin.get(`/cases?q=${marker}&severity=S1,S2`)).json<{ items: CaseBody[] }>();
    expect(severe.items.map((c) => c.severity).sort()).toEqual(['S1', 'S2']);
    expectProblem(await w.b.admin.get('/cases?status=sleeping'), 422);

    // The queue: open cases due soonest first, paged two at a time without repeats or gaps.
    const seen: CaseBody[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: CaseBody[]; nextCursor: string | null } = (
        await w.provider.get(`/cases?status=open&sort=due&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const dues = seen.map((c) => Date.parse(c.responseDueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    expect(seen.every((c) => !['resolved', 'closed'].includes(c.status))).toBe(true);
    expect(seen.map((c) => c.id)).toEqual(expect.arrayContaining(created.map((c) => c.id)));

    const overdue = created[0]?.id ?? '';
    await setCase(overdue, { response_due_at: new Date(Date.now() - MINUTE) });
    const late = (await w.b.admin.get('/cases?overdue=true&limit=200')).json<{ items: CaseBody[] }>();
    expect(late.items.map((c) => c.id)).toContain(overdue);
    const summary = (await w.b.admin.get('/cases/summary')).json<{ overdue: number; open: number }>();
    expect(summary.overdue).toBe(late.items.length);
    expect(summary.open).toBeGreaterThanOrEqual(3);
  });
});

describe('attachments', () => {
  it('stores files outside the rows, checks name, type and content, and serves them only in scope', async () => {
    const kase = await openCase(w.a.engineer, w.a);
    const bytes = Buffer.from('2026-11-24 10:00:01 SIP 503 Service Unavailable\n');
    const uploaded = await w.a.engineer.post(
      `/cases/${kase.id}/attachments?fileName=${encodeURIComponent('sip trace ñ.log')}`,
      bytes,
      { 'content-type': 'text/plain' },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachment = uploaded.json<{ id: string; sha256: string; size: number; fileName: string }>();
    expect(attachment).toMatchObject({
      fileName: 'sip trace ñ.log',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const row = await t.database.db
      .selectFrom('case_attachments')
      .select('storage_key')
      .where('id', '=', attachment.id)
      .executeTakeFirstOrThrow();
    expect(existsSync(path.join(t.config.attachmentsDir, row.storage_key))).toBe(true);

    for (const reader of [w.a.viewer, w.providerEngineer]) {
      const download = await reader.get(`/cases/${kase.id}/attachments/${attachment.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      expect(download.headers['content-disposition']).toContain("filename*=UTF-8''sip%20trace%20%C3%B1.log");
      expect(download.headers['x-content-type-options']).toBe('nosniff');
    }
    expectProblem(await w.b.engineer.get(`/cases/${kase.id}/attachments/${attachment.id}`), 404);
    expectProblem(
      await w.b.engineer.post(`/cases/${kase.id}/attachments?fileName=a.log`, bytes, {
        'content-type': 'text/plain',
      }),
      404,
    );

    const exe = expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/attachments?fileName=setup.exe`, bytes, {
        'content-type': 'application/octet-stream',
      }),
      422,
    );
    expect(exe.errors?.[0]).toMatchObject({ code: 'file_type_not_allowed', path: 'fileName' });
    const fakePng = expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/attachments?fileName=screen.png`, bytes, {
        'content-type': 'image/png',
      }),
      422,
    );
    expect(fakePng.errors?.[0]).toMatchObject({ code: 'content_mismatch', path: 'body' });
    expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/attachments?fileName=..%2Fetc.log`, bytes, {
        'content-type': 'text/plain',
      }),
      422,
    );
    expectProblem(
      await w.a.engineer.post(`/cases/${kase.id}/attachments?fileName=big.log`, Buffer.alloc(65 * 1024, 97), {
        'content-type': 'text/plain',
      }),
      413,
    );
    expectProblem(
      await w.a.viewer.post(`/cases/${kase.id}/attachments?fileName=a.log`, bytes, {
        'content-type': 'text/plain',
      }),
      403,
    );
    const detail = await getCase(w.a.engineer, kase.id);
    expect(detail.attachments.map((a) => a.id)).toEqual([attachment.id]);
    expect(detail.timeline.at(-1)?.kind).toBe('attachment_added');
  });

  it('sweeps files that no row references once they are an hour old, and keeps the rest', async () => {
    const kase = await openCase(w.a.engineer, w.a);
    const bytes = Buffer.from('kept: its row exists\n');
    const uploaded = await w.a.engineer.post(`/cases/${kase.id}/attachments?fileName=kept.log`, bytes, {
      'content-type': 'text/plain',
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { storage_key: kept } = await t.database.db
      .selectFrom('case_attachments')
      .select('storage_key')
      .where('id', '=', uploaded.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    // A store of its own: the shared test store holds other test files' uploads.
    const root = mkdtempSync(path.join(os.tmpdir(), 'diops-sweep-'));
    mkdirSync(path.dirname(path.join(root, kept)), { recursive: true });
    copyFileSync(path.join(t.config.attachmentsDir, kept), path.join(root, kept));
    const orphan = (await storeFile(root, randomUUID(), Buffer.from('a crash left me'))).key;
    const fresh = (await storeFile(root, randomUUID(), Buffer.from('an upload still under way'))).key;
    const part = `${path.dirname(orphan)}/${randomUUID()}.part`;
    writeFileSync(path.join(root, part), 'half written');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    for (const key of [kept, orphan, part]) utimesSync(path.join(root, key), twoHoursAgo, twoHoursAgo);

    expect(await sweepOrphanAttachments(t.database.db, root)).toEqual({ checked: 3, removed: 2 });
    expect(existsSync(path.join(root, kept))).toBe(true);
    expect(existsSync(path.join(root, fresh))).toBe(true);
    expect(existsSync(path.join(root, orphan))).toBe(false);
    expect(existsSync(path.join(root, part))).toBe(false);
    // Twice is harmless; a store that does not exist yet is empty.
    expect(await sweepOrphanAttachments(t.database.db, root)).toEqual({ checked: 1, removed: 0 });
    expect(await sweepOrphanAttachments(t.database.db, path.join(root, 'missing'))).toEqual({
      checked: 0,
      removed: 0,
    });
    rmSync(root, { recursive: true, force: true });
  });
});

describe('attainment', () => {
  it('reports the share acknowledged in time per severity and month, with the S3/S4 commitment, and a safe CSV', async () => {
    const name = `=HYPERLINK("x") ${unique('P')}`;
    const partner = (await w.provider.post('/partners', { name })).json<{ id: string }>();
    const customer = (
      await w.provider.post(`/partners/${partner.id}/customers`, { name: unique('C'), region: 'AMER' })
    ).json<{ id: string }>();
    const ids: string[] = [];
    // Cases opened in March 2026 (New York time) directly: two S3 met, one S3 missed, one S4 unacknowledged past due.
    await inScope(t.database.db, systemScope('test'), async (tx) => {
      const contract = await tx
        .insertInto('contracts')
        .values({
          partner_id: partner.id,
          customer_id: customer.id,
          number: unique('K'),
          starts_on: '2026-01-01',
          ends_on: '2026-12-31',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows: [string, string, string, string | null][] = [
        ['S3', '2026-03-02T15:00:00Z', '2026-03-03T15:00:00Z', '2026-03-02T16:00:00Z'],
        ['S3', '2026-03-31T23:30:00Z', '2026-04-01T23:30:00Z', '2026-04-01T10:00:00Z'],
        ['S3', '2026-03-10T15:00:00Z', '2026-03-11T15:00:00Z', '2026-03-12T15:00:00Z'],
        ['S4', '2026-03-10T15:00:00Z', '2026-03-13T15:00:00Z', null],
      ];
      for (const [severity, opened, due, acked] of rows) {
        const row = await tx
          .insertInto('cases')
          .values({
            number: sql<string>`next_case_number(now())`,
            partner_id: partner.id,
            customer_id: customer.id,
            contract_id: contract.id,
            region: 'AMER',
            title: 't',
            description: 'd',
            category: 'how_to',
            impact: 'individualized',
            urgency: 'low',
            severity: severity as 'S3',
            caller_name: 'x',
            caller_email: 'x@x',
            contact_name: 'x',
            contact_phone: '600123456',
            contact_email: 'x@x',
            opened_at: opened,
            response_due_at: due,
            due_explanation: '{}',
            acknowledged_at: acked,
            response_met: acked === null ? null : Date.parse(acked) <= Date.parse(due),
            updated_at: opened,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
    });
    const query = `from=2026-03&to=2026-04&partnerId=${partner.id}&timeZone=America/New_York`;
    const report = (await w.provider.get(`/reports/attainment?${query}`)).json<{
      target: number;
      items: {
        month: string;
        severity: string;
        total: number;
        met: number;
        missed: number;
        share: number | null;
      }[];
    }>();
    expect(report.target).toBe(0.95);
    const march = report.items.filter((i) => i.month === '2026-03');
    // 23:30 UTC on 31 March is still March in New York.
    expect(march.find((i) => i.severity === 'S3')).toMatchObject({ total: 3, met: 2, missed: 1 });
    expect(march.find((i) => i.severity === 'S3')?.share).toBeCloseTo(2 / 3);
    expect(march.find((i) => i.severity === 'S4')).toMatchObject({ total: 1, met: 0, missed: 1, share: 0 });
    expect(
      report.items.filter((i) => i.month === '2026-04').every((i) => i.total === 0 && i.share === null),
    ).toBe(true);
    expect(report.items).toHaveLength(8);

    const csv = await w.provider.get(`/reports/attainment.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('month,severity,partner,total,met,missed,pending,share,target');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")`);
    expect(csv.body).not.toMatch(/,=HYPERLINK/);

    expectProblem(await w.a.viewer.get(`/reports/attainment?${query}`), 404);
    expectProblem(await w.provider.get('/reports/attainment?from=2026-05&to=2026-01'), 422);
    expectProblem(await w.provider.get('/reports/attainment?from=2026-13&to=2026-01'), 400);
    // A partner sees only its own cases whatever partnerId it names.
    const own = (await w.b.admin.get(`/reports/attainment?${query}`)).json<{ items: { total: number }[] }>();
    expect(own.items.every((i) => i.total === 0)).toBe(true);
  });
});
