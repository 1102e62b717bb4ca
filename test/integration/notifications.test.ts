import { webcrypto } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inScope, systemScope } from '../../src/server/db/database.ts';
import { remindAboutContacts } from '../../src/server/jobs/contact-reminder.job.ts';
import { drainOutbox, type RelayDeps, retryDelayMs } from '../../src/server/jobs/outbox-relay.ts';
import { createSender } from '../../src/server/notify/sender.ts';
import { createIsolatedDatabase } from '../support/isolated-database.ts';
import {
  type SmtpReceiver,
  startSmtpReceiver,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/receivers.ts';
import {
  createTestApp,
  createWorld,
  expectProblem,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';

let t: TestApp;
let w: World;
let smtp: SmtpReceiver;
let hooks: WebhookReceiver;
let deps: RelayDeps;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  const isolated = await createIsolatedDatabase('notify');
  dropDatabase = isolated.drop;
  smtp = await startSmtpReceiver();
  hooks = await startWebhookReceiver();
  t = await createTestApp({
    DATABASE_URL: isolated.url,
    SMTP_URL: smtp.url,
    WEBHOOK_ALLOW_NETWORKS: 'loopback',
    WEBHOOK_TIMEOUT_MS: '1000',
    OUTBOX_LEASE_MS: '2000',
    OUTBOX_MAX_ATTEMPTS: '3',
    OUTBOX_RETRY_BASE_MS: '20',
    OUTBOX_RETRY_MAX_MS: '100',
    PUBLIC_URL: 'https://diops.example.net',
  });
  w = await createWorld(t);
  deps = { db: t.database.db, outbox: t.config.outbox, sender: createSender(t.config) };
});
afterAll(async () => {
  deps.sender.close();
  await t.close();
  await smtp.close();
  await hooks.close();
  await dropDatabase();
});
beforeEach(() => {
  hooks.respond = () => ({ status: 200, body: 'ok' });
  smtp.rejectRecipients = null;
});

/** Relays until nothing is pending or in flight (retries come due within the short test back-off). */
async function settle(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await drainOutbox(deps);
    const open = await inScope(t.database.db, systemScope('test'), (tx) =>
      tx
        .selectFrom('deliveries')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('status', 'in', ['pending', 'sending'])
        .executeTakeFirstOrThrow(),
    );
    if (open.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${open.n} deliveries still open`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const email = (label: string) => `${unique(label)}@partner.example`;

async function subscribe(caller: World['a']['admin'], body: Record<string, unknown>) {
  const response = await caller.post('/subscriptions', {
    name: unique('Sub'),
    categories: ['maintenance_outages'],
    channel: 'email',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; secret?: string; partnerId: string | null }>();
}

describe('subscriptions', () => {
  it('belong to the partner: admins manage their own, engineers read, other partners and viewers see nothing', async () => {
    const created = await subscribe(w.a.admin, {
      target: email('noc'),
      locale: 'es',
      timeZone: 'Europe/Madrid',
    });
    expect(created.partnerId).toBe(w.a.partnerId);
    expect(created.secret).toBeUndefined();

    expect((await w.a.engineer.get(`/subscriptions/${created.id}`)).statusCode).toBe(200);
    expectProblem(
      await w.a.engineer.post('/subscriptions', {
        name: 'x',
        categories: ['incidents'],
        channel: 'email',
        target: email('x'),
      }),
      403,
    );
    expectProblem(await w.b.admin.get(`/subscriptions/${created.id}`), 404);
    expectProblem(await w.b.admin.patch(`/subscriptions/${created.id}`, { name: 'stolen' }), 404);
    expectProblem(await w.a.viewer.get('/subscriptions'), 404);
    const listB = await w.b.admin.get('/subscriptions');
    expect(listB.json<{ items: { id: string }[] }>().items.map((s) => s.id)).not.toContain(created.id);
    const listProvider = await w.provider.get(`/subscriptions?partnerId=${w.a.partnerId}`);
    expect(listProvider.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toContain(created.id);
    // A partner admin cannot create one for another partner.
    expectProblem(
      await w.a.admin.post('/subscriptions', {
        name: 'x',
        partnerId: w.b.partnerId,
        categories: ['incidents'],
        channel: 'email',
        target: email('x'),
      }),
      404,
    );
  });

  it('refuse bad input naming the field, and change nothing', async () => {
    const before = (await w.a.admin.get('/subscriptions')).json<{ items: unknown[] }>().items.length;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ channel: 'email', target: 'not-an-address' }, 422, 'target'],
      [{ channel: 'webhook', target: 'ftp://example.com/x' }, 422, 'target'],
      [{ channel: 'webhook', target: 'https://user:pw@example.com/x' }, 422, 'target'],
      [{ channel: 'slack', target: 'https://example.com/services/x' }, 422, 'target'],
      [{ channel: 'teams', target: 'http://example.webhook.office.com/x' }, 422, 'target'],
      [{ channel: 'webhook', target: 'http://169.254.169.254/latest' }, 422, 'target'],
      [{ channel: 'webhook', target: 'http://10.0.0.8/hook' }, 422, 'target'],
      [{ channel: 'email', target: email('x'), timeZone: 'Mars/Olympus' }, 422, 'timeZone'],
      [{ channel: 'email', target: email('x'), categories: [] }, 422, 'categories'],
      [{ channel: 'email', target: email('x'), categories: ['gossip'] }, 422, 'categories.0'],
      [{ channel: 'pigeon', target: email('x') }, 422, 'channel'],
      [{ channel: 'email', target: email('x'), colour: 'red' }, 400, 'colour'],
    ];
    for (const [body, status, path] of cases) {
      const problem = expectProblem(
        await w.a.admin.post('/subscriptions', { name: 'bad', categories: ['incidents'], ...body }),
        status,
      );
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await w.a.admin.get('/subscriptions')).json<{ items: unknown[] }>().items.length).toBe(before);
  });

  it('show a generic webhook secret once, and rotate it', async () => {
    const created = await subscribe(w.a.admin, { channel: 'webhook', target: hooks.url('/once') });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    const read = await w.a.admin.get(`/subscriptions/${created.id}`);
    expect(read.body).not.toContain(created.secret);
    expect(read.json<{ signed: boolean }>().signed).toBe(true);
    const rotated = await w.a.admin.post(`/subscriptions/${created.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json<{ secret: string }>().secret).not.toBe(created.secret);
    const emailSub = await subscribe(w.a.admin, { target: email('n') });
    expectProblem(await w.a.admin.post(`/subscriptions/${emailSub.id}/rotate-secret`), 409, 'no_secret');
  });
});

describe('relay', () => {
  it('e-mails an outage to the affected partner only, in the recipient’s language and zone, once', async () => {
    const es = email('es');
    const en = email('en');
    const other = email('b');
    await subscribe(w.a.admin, { target: es, locale: 'es', timeZone: 'Europe/Madrid' });
    await subscribe(w.a.admin, {
      target: en,
      locale: 'en',
      timeZone: 'America/New_York',
      categories: ['maintenance_outages', 'incidents'],
    });
    await subscribe(w.a.admin, { target: email('incidents-only'), categories: ['incidents'] });
    await subscribe(w.b.admin, { target: other });
    const declared = await w.providerEngineer.post('/outages', {
      title: 'Call routing failure',
      summary: 'Calls to PSTN fail in one cluster.',
      impact: 'down',
      customerIds: [w.a.customerId],
      services: ['cucm'],
      startedAt: '2026-11-23T13:05:00Z',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const outage = declared.json<{ id: string; number: number }>();
    await settle();

    const toEs = smtp.messages.filter((m) => m.to === es);
    const toEn = smtp.messages.filter((m) => m.to === en);
    expect(toEs).toHaveLength(1);
    expect(toEn).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.to === other)).toHaveLength(0);
    expect(toEs[0]?.subject).toBe(
      `[DI Ops] Interrupción n.º ${outage.number} declarada: Call routing failure`,
    );
    // 13:05 UTC is 14:05 in Madrid (CET) and 08:05 in New York (EST); the zone is named.
    expect(toEs[0]?.text).toMatch(/14:05 CET \(Europe\/Madrid\)/);
    expect(toEn[0]?.text).toMatch(/08:05 GMT-5 \(America\/New_York\)/);
    expect(toEn[0]?.html).toContain(`https://diops.example.net/outages/${outage.id}`);
    expect(toEn[0]?.text).toContain('Service down');
    expect(toEs[0]?.text).toContain('Servicio caído');

    // The delivery log shows them to partner A, not B, with the message id as Message-ID.
    const log = (await w.a.admin.get('/deliveries?status=delivered')).json<{
      items: { id: string; target: string }[];
    }>();
    const esDelivery = log.items.find((d) => d.target === es);
    expect(esDelivery).toBeDefined();
    expect(toEs[0]?.messageId).toBe(`<${esDelivery?.id}@diops>`);
    expectProblem(await w.b.admin.get(`/deliveries/${esDelivery?.id}`), 404);
    const detail = (await w.a.admin.get(`/deliveries/${esDelivery?.id}`)).json<{
      attemptLog: { number: number; result: string; statusCode: number }[];
    }>();
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({ number: 1, result: 'delivered', statusCode: 250 }),
    ]);

    // An update and the resolution notify again; a second drain sends nothing new.
    const count = smtp.messages.length;
    expect(
      (
        await w.provider.post(`/outages/${outage.id}/updates`, {
          message: 'Fix identified',
          status: 'identified',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await w.provider.post(`/outages/${outage.id}/resolve`, { message: 'Calls flow again' })).statusCode,
    ).toBe(200);
    await settle();
    const later = smtp.messages
      .slice(count)
      .filter((m) => m.to === es)
      .map((m) => m.subject);
    expect(later).toHaveLength(2);
    expect(later).toEqual(
      expect.arrayContaining([expect.stringContaining('actualización'), expect.stringContaining('resuelta')]),
    );
    const total = smtp.messages.length;
    await settle();
    expect(smtp.messages.length).toBe(total);
  });

  it('signs generic webhooks so an independent HMAC verifies them; chat formats carry the message', async () => {
    const created = await subscribe(w.b.admin, {
      channel: 'webhook',
      target: hooks.url('/signed'),
      locale: 'en',
    });
    const slack = await subscribe(w.b.admin, {
      channel: 'slack',
      target: 'https://hooks.slack.com/services/T0/B0/x',
    });
    // Route the Slack subscription to the local receiver (its host check passed at creation).
    await inScope(t.database.db, systemScope('test'), (tx) =>
      tx
        .updateTable('subscriptions')
        .set({ target: hooks.url('/slack') })
        .where('id', '=', slack.id)
        .execute(),
    );
    const test = await w.b.admin.post(`/subscriptions/${created.id}/test`);
    expect(test.statusCode).toBe(202);
    expect((await w.b.admin.post(`/subscriptions/${slack.id}/test`)).statusCode).toBe(202);
    await settle();

    const signed = hooks.requests.filter((r) => r.path === '/signed');
    expect(signed).toHaveLength(1);
    const request = signed[0];
    if (!request) throw new Error('no request');
    const timestamp = String(request.headers['x-diops-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    // Independent verification with WebCrypto, not the server's node:crypto code path.
    const key = await webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(created.secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = await webcrypto.subtle.sign(
      'HMAC',
      key,
      new TextEncoder().encode(`${timestamp}.${request.body}`),
    );
    expect(request.headers['x-diops-signature']).toBe(`v1=${Buffer.from(mac).toString('hex')}`);
    const body = JSON.parse(request.body) as {
      id: string;
      type: string;
      eventId: string;
      message: { title: string };
    };
    expect(body.type).toBe('subscription.test');
    expect(request.headers['idempotency-key']).toBe(body.id);
    expect(body.eventId).toBe(test.json<{ eventId: string }>().eventId);
    expect(body.message.title).toBe('[DI Ops] Test message from DI Ops');

    const slackRequest = hooks.requests.find((r) => r.path === '/slack');
    const slackBody = JSON.parse(slackRequest?.body ?? '{}') as { text: string; blocks: unknown[] };
    expect(slackBody.text).toContain('Test message from DI Ops');
    expect(slackBody.blocks.length).toBeGreaterThan(1);
  });

  it('retries failures with back-off, records every attempt, goes dead after N, and a retry delivers it', async () => {
    // The old address never recovers.
    hooks.respond = (r) => (r.path === '/flaky' ? { status: 503, body: 'x'.repeat(5000) } : { status: 200 });
    const created = await subscribe(w.a.admin, { channel: 'webhook', target: hooks.url('/flaky') });
    const sent = await w.a.admin.post(`/subscriptions/${created.id}/test`);
    expect(sent.statusCode, sent.body).toBe(202);
    await settle();
    const list = (await w.a.admin.get(`/deliveries?subscriptionId=${created.id}`)).json<{
      items: { id: string; status: string; attempts: number; lastStatusCode: number }[];
    }>();
    expect(list.items).toHaveLength(1);
    const dead = list.items[0];
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastStatusCode: 503 });
    const detail = (await w.a.admin.get(`/deliveries/${dead?.id}`)).json<{
      attemptLog: { number: number; result: string; responseExcerpt: string }[];
    }>();
    expect(detail.attemptLog.map((a) => [a.number, a.result])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
    ]);
    // Response bodies are kept to 1 kB.
    expect(detail.attemptLog[0]?.responseExcerpt.length).toBe(1024);
    // The channel now counts as failing for contact hygiene.
    const health = (await w.a.admin.get('/notifications/contact-health')).json<{
      failingSubscriptions: { id: string }[];
    }>();
    expect(health.failingSubscriptions.map((s) => s.id)).toContain(created.id);

    expectProblem(await w.a.engineer.post(`/deliveries/${dead?.id}/retry`), 403);
    // The usual fix: the address. The retry goes where the subscription now points.
    const moved = await w.a.admin.patch(`/subscriptions/${created.id}`, { target: hooks.url('/fixed') });
    expect(moved.statusCode, moved.body).toBe(200);
    const retried = await w.a.admin.post(`/deliveries/${dead?.id}/retry`);
    expect(retried.json<{ status: string }>().status).toBe('pending');
    await settle();
    const after = (await w.a.admin.get(`/deliveries/${dead?.id}`)).json<{
      status: string;
      attemptLog: unknown[];
    }>();
    expect(after.status).toBe('delivered');
    expect(after.attemptLog).toHaveLength(4);
    expect(hooks.requests.filter((r) => r.path === '/fixed')).toHaveLength(1);
    expectProblem(await w.a.admin.post(`/deliveries/${dead?.id}/retry`), 409, 'not_dead');
    const healed = (await w.a.admin.get(`/subscriptions/${created.id}`)).json<{
      consecutiveFailures: number;
    }>();
    expect(healed.consecutiveFailures).toBe(0);
  });

  it('treats a 4xx answer and an SMTP 550 as permanent: dead at once', async () => {
    hooks.respond = (r) => (r.path === '/gone' ? { status: 410 } : { status: 200 });
    const hook = await subscribe(w.a.admin, { channel: 'webhook', target: hooks.url('/gone') });
    smtp.rejectRecipients = /^nobody-/;
    const mail = await subscribe(w.a.admin, { target: email('nobody') });
    await w.a.admin.post(`/subscriptions/${hook.id}/test`);
    await w.a.admin.post(`/subscriptions/${mail.id}/test`);
    await settle();
    for (const id of [hook.id, mail.id]) {
      const [delivery] = (await w.a.admin.get(`/deliveries?subscriptionId=${id}`)).json<{
        items: { status: string; attempts: number }[];
      }>().items;
      expect(delivery).toMatchObject({ status: 'dead', attempts: 1 });
    }
  });

  it('refuses webhook targets that resolve to loopback unless the operator allows it', async () => {
    const strict = { ...deps, sender: createSender({ ...t.config, webhookAllowNetworks: [] }) };
    // This app allows loopback, so the subscription is accepted; a worker without that allowance
    // resolves the name at send time and refuses to connect.
    const sub = await subscribe(w.a.admin, {
      channel: 'webhook',
      target: hooks.url('/hook').replace('127.0.0.1', 'localhost'),
    });
    await w.a.admin.post(`/subscriptions/${sub.id}/test`);
    await drainOutbox(strict);
    strict.sender.close();
    const [delivery] = (await w.a.admin.get(`/deliveries?subscriptionId=${sub.id}`)).json<{
      items: { id: string; status: string; lastError: string }[];
    }>().items;
    expect(delivery?.status).toBe('dead');
    expect(delivery?.lastError).toMatch(/private or reserved address/);
    const detail = (await w.a.admin.get(`/deliveries/${delivery?.id}`)).json<{
      attemptLog: { result: string }[];
    }>();
    expect(detail.attemptLog[0]?.result).toBe('refused');
    expect(hooks.requests.filter((r) => r.path === '/hook')).toHaveLength(0);
  });

  it('sends a test message to a paused subscription but nothing else; deleting cancels what is queued', async () => {
    const target = email('paused');
    const sub = await subscribe(w.a.admin, { target });
    expect((await w.a.admin.post(`/subscriptions/${sub.id}/pause`)).json<{ paused: boolean }>().paused).toBe(
      true,
    );
    await w.provider.post('/outages', {
      title: 'Paused check',
      summary: 's',
      impact: 'degraded',
      customerIds: [w.a.customerId],
    });
    await w.a.admin.post(`/subscriptions/${sub.id}/test`);
    await settle();
    expect(smtp.messages.filter((m) => m.to === target).map((m) => m.subject)).toEqual([
      '[DI Ops] Test message from DI Ops',
    ]);
    await w.a.admin.post(`/subscriptions/${sub.id}/test`);
    expect((await w.a.admin.delete(`/subscriptions/${sub.id}`)).statusCode).toBe(204);
    await settle();
    expect(smtp.messages.filter((m) => m.to === target)).toHaveLength(1);
    expectProblem(await w.a.admin.get(`/subscriptions/${sub.id}`), 404);
  });

  it('runs safely in two workers at once: every message sent exactly once', async () => {
    const targets = Array.from({ length: 40 }, () => email('pair'));
    for (const target of targets) await subscribe(w.b.admin, { target, categories: ['maintenance_outages'] });
    await w.provider.post('/outages', {
      title: 'Pair',
      summary: 's',
      impact: 'at_risk',
      customerIds: [w.b.customerId],
    });
    const second = { ...deps, outbox: { ...deps.outbox, batchSize: 7 }, sender: createSender(t.config) };
    const first = { ...deps, outbox: { ...deps.outbox, batchSize: 5 } };
    await Promise.all([drainOutbox(first), drainOutbox(second), drainOutbox(first), drainOutbox(second)]);
    await settle();
    second.sender.close();
    for (const target of targets) expect(smtp.messages.filter((m) => m.to === target)).toHaveLength(1);
  });

  it('pages the delivery log without skipping rows that share one fan-out’s timestamp', async () => {
    for (let i = 0; i < 30; i += 1) await subscribe(w.b.admin, { target: email('page') });
    await w.provider.post('/outages', {
      title: 'Paging',
      summary: 's',
      impact: 'at_risk',
      customerIds: [w.b.customerId],
    });
    await settle();
    const all = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await w.b.admin.get(`/deliveries?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: { id: string }[]; nextCursor: string | null }>();
      for (const item of page.items) {
        expect(all.has(item.id)).toBe(false);
        all.add(item.id);
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    const total = await inScope(t.database.db, systemScope('test'), (tx) =>
      tx
        .selectFrom('deliveries')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('partner_id', '=', w.b.partnerId)
        .executeTakeFirstOrThrow(),
    );
    expect(total.n).toBeGreaterThanOrEqual(30);
    expect(all.size).toBe(total.n);
    const forged = Buffer.from(JSON.stringify({ k: "1' OR 1=1", id: 'x' })).toString('base64url');
    expectProblem(await w.b.admin.get(`/deliveries?cursor=${forged}`), 400, 'invalid_cursor');
  });

  it('back-off doubles per attempt within jitter and is capped', () => {
    const outbox = { retryBaseMs: 1000, retryMaxMs: 60_000 };
    expect(retryDelayMs(1, outbox, () => 0)).toBe(500);
    expect(retryDelayMs(1, outbox, () => 1)).toBe(1000);
    expect(retryDelayMs(3, outbox, () => 1)).toBe(4000);
    expect(retryDelayMs(30, outbox, () => 1)).toBe(60_000);
  });
});

describe('outages and network activity', () => {
  it('only the provider declares, updates and resolves; partners see only outages of their customers', async () => {
    const body = { title: 'EMEA degradation', summary: 'Slow logins', impact: 'degraded', regions: ['EMEA'] };
    expectProblem(await w.a.admin.post('/outages', body), 403);
    const created = await w.provider.post('/outages', body);
    expect(created.statusCode, created.body).toBe(201);
    const outage = created.json<{ id: string; affectedCustomers: { id: string; partnerId: string }[] }>();
    // Both tenants have an EMEA customer; the AMER ones are not affected.
    const ids = outage.affectedCustomers.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([w.a.customerId, w.b.customerId]));
    expect(ids).not.toContain(w.a.otherCustomerId);
    const seenByA = (await w.a.engineer.get(`/outages/${outage.id}`)).json<{
      affectedCustomers: { partnerId: string }[];
      affectedPartnerCount: number | null;
    }>();
    expect(seenByA.affectedCustomers.every((c) => c.partnerId === w.a.partnerId)).toBe(true);
    expect(seenByA.affectedPartnerCount).toBeNull();
    expect((await w.a.viewer.get(`/outages/${outage.id}`)).statusCode).toBe(200);

    const onlyA = (
      await w.provider.post('/outages', {
        title: 'A only',
        summary: 's',
        impact: 'down',
        customerIds: [w.a.otherCustomerId],
      })
    ).json<{ id: string }>();
    expectProblem(await w.b.admin.get(`/outages/${onlyA.id}`), 404);
    expectProblem(await w.a.viewer.get(`/outages/${onlyA.id}`), 404);
    const listB = (await w.b.admin.get('/outages'))
      .json<{ items: { id: string }[] }>()
      .items.map((o) => o.id);
    expect(listB).toContain(outage.id);
    expect(listB).not.toContain(onlyA.id);

    expectProblem(await w.a.admin.post(`/outages/${outage.id}/updates`, { message: 'x' }), 403);
    const update = await w.providerEngineer.post(`/outages/${outage.id}/updates`, {
      message: 'Cause found',
      status: 'identified',
    });
    expect(update.statusCode).toBe(201);
    const resolved = await w.provider.post(`/outages/${outage.id}/resolve`, { message: 'Fixed' });
    expect(resolved.json<{ status: string; updates: { kind: string }[] }>()).toMatchObject({
      status: 'resolved',
      updates: [{ kind: 'declared' }, { kind: 'update' }, { kind: 'resolved' }],
    });
    // The timeline names its authors as people, not by e-mail.
    expect(resolved.json<{ updates: { author: string }[] }>().updates[1]?.author).toBe('TAC');
    expectProblem(
      await w.provider.post(`/outages/${outage.id}/resolve`, { message: 'again' }),
      409,
      'outage_resolved',
    );
    expectProblem(
      await w.provider.post(`/outages/${outage.id}/updates`, { message: 'late' }),
      409,
      'outage_resolved',
    );
  });

  it('refuses outages without scope, unknown customers and future starts', async () => {
    const base = { title: 't', summary: 's', impact: 'down' };
    expect(expectProblem(await w.provider.post('/outages', base), 422).errors?.[0]?.path).toBe('regions');
    expect(
      expectProblem(
        await w.provider.post('/outages', {
          ...base,
          customerIds: [w.a.customerId, '00000000-0000-4000-8000-000000000000'],
        }),
        422,
      ).errors?.[0]?.path,
    ).toBe('customerIds.1');
    expect(
      expectProblem(
        await w.provider.post('/outages', { ...base, regions: ['EMEA'], startedAt: '2099-01-01T00:00:00Z' }),
        422,
      ).errors?.[0]?.path,
    ).toBe('startedAt');
    expectProblem(await w.provider.post('/outages', { ...base, regions: ['MARS'] }), 422);
  });

  it('partners announce network activity to the provider’s subscribers', async () => {
    await settle();
    const providerInbox = `${unique('noc')}@provider.example`;
    const sub = await w.provider.post('/subscriptions', {
      name: 'Provider NOC',
      categories: ['maintenance_outages'],
      channel: 'email',
      target: providerInbox,
      timeZone: 'UTC',
    });
    expect(sub.json<{ partnerId: string | null }>().partnerId).toBeNull();
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 90_000_000).toISOString();
    expectProblem(
      await w.provider.post('/network-activities', { title: 't', description: 'd', startsAt, endsAt }),
      403,
    );
    expect(
      expectProblem(
        await w.a.engineer.post('/network-activities', {
          title: 't',
          description: 'd',
          startsAt: endsAt,
          endsAt: startsAt,
        }),
        422,
      ).errors?.[0]?.path,
    ).toBe('endsAt');
    expect(
      expectProblem(
        await w.a.engineer.post('/network-activities', {
          title: 't',
          description: 'd',
          startsAt,
          endsAt,
          customerIds: [w.b.customerId],
        }),
        422,
      ).errors?.[0]?.path,
    ).toBe('customerIds.0');
    const created = await w.a.engineer.post('/network-activities', {
      title: 'Firewall upgrade',
      description: 'SIP trunks may flap',
      expectedAlarms: 'SIP trunk down',
      startsAt,
      endsAt,
      customerIds: [w.a.customerId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const activity = created.json<{ id: string; state: string; customers: unknown }>();
    expect(activity.state).toBe('planned');
    const customerName = (await w.provider.get(`/customers/${w.a.customerId}`)).json<{ name: string }>().name;
    const named = [{ id: w.a.customerId, name: customerName }];
    expect(activity.customers).toEqual(named);
    expectProblem(await w.b.admin.get(`/network-activities/${activity.id}`), 404);
    expect(
      (await w.provider.get('/network-activities'))
        .json<{ items: { id: string }[] }>()
        .items.map((a) => a.id),
    ).toContain(activity.id);
    // The names come with the rows, for the provider and for the (RLS-scoped) partner alike.
    for (const caller of [w.provider, w.a.admin, w.a.engineer]) {
      const items = (await caller.get('/network-activities?limit=100')).json<{
        items: { id: string; customers: unknown }[];
      }>().items;
      expect(items.find((a) => a.id === activity.id)?.customers).toEqual(named);
      expect(
        (await caller.get(`/network-activities/${activity.id}`)).json<{ customers: unknown }>().customers,
      ).toEqual(named);
    }
    const cancelled = await w.a.admin.post(`/network-activities/${activity.id}/cancel`);
    expect(cancelled.json<{ state: string }>().state).toBe('cancelled');
    expect(cancelled.json<{ customers: unknown }>().customers).toEqual(named);
    const audited = await sql<{ before: unknown; after: unknown }>`
      select before, after from audit_log where entity_id = ${activity.id}
    `.execute(t.database.db);
    expect(audited.rows.length).toBe(2);
    for (const row of audited.rows) {
      expect(row.after).not.toHaveProperty('customers');
      if (row.before) expect(row.before).not.toHaveProperty('customers');
    }
    expectProblem(
      await w.a.admin.post(`/network-activities/${activity.id}/cancel`),
      409,
      'already_cancelled',
    );
    await settle();
    const received = smtp.messages.filter((m) => m.to === providerInbox).map((m) => m.subject);
    expect(received).toHaveLength(2);
    expect(received).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Planned network activity by'),
        expect.stringContaining('Network activity cancelled by'),
      ]),
    );
  });
});

describe('contact hygiene', () => {
  it('warns about categories nobody receives and reminds the partner admins at most once a week', async () => {
    const partner = await w.provider.post('/partners', { name: unique('Quiet partner') });
    const partnerId = partner.json<{ id: string }>().id;
    const adminEmail = `${unique('quiet')}@quiet.example`;
    await w.provider.post('/users', {
      email: adminEmail,
      name: 'Quiet admin',
      password: 'correct-horse-battery',
      role: 'partner_admin',
      partnerId,
    });
    const health = (await w.provider.get(`/notifications/contact-health?partnerId=${partnerId}`)).json<{
      missingCategories: string[];
    }>();
    expect(health.missingCategories).toEqual(['maintenance_outages', 'incidents']);
    expectProblem(await w.a.admin.get(`/notifications/contact-health?partnerId=${partnerId}`), 404);
    // The provider's own subscriptions: a provider question only.
    const own = await w.provider.get('/notifications/contact-health?partnerId=provider');
    expect(own.statusCode, own.body).toBe(200);
    const ownHealth = own.json<{ partnerId: string | null; missingCategories: string[] }>();
    expect(ownHealth.partnerId).toBeNull();
    const providerCategories = (
      await t.database.db
        .selectFrom('subscriptions')
        .select('categories')
        .where('partner_id', 'is', null)
        .where('paused', '=', false)
        .execute()
    ).flatMap((s) => s.categories);
    expect(ownHealth.missingCategories).toEqual(
      ['maintenance_outages', 'incidents'].filter((c) => !providerCategories.includes(c as never)),
    );
    // Once the provider's own list receives both, nothing is missing there.
    await subscribe(w.provider, {
      target: email('provider-noc'),
      categories: ['maintenance_outages', 'incidents'],
    });
    const covered = (await w.provider.get('/notifications/contact-health?partnerId=provider')).json<{
      missingCategories: string[];
    }>();
    expect(covered.missingCategories).toEqual([]);
    expectProblem(await w.a.admin.get('/notifications/contact-health?partnerId=provider'), 404);

    await remindAboutContacts(t.database.db);
    await remindAboutContacts(t.database.db);
    await settle();
    const reminders = smtp.messages.filter((m) => m.to === adminEmail);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.subject).toBe('[DI Ops] Please review your DI Ops notification contacts');
    expect(reminders[0]?.text).toContain('No subscriber for: Maintenance and outages');
  });
});
