import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getCalendar,
  type MaintenanceWindow,
  nextWindowStartingAt,
  type Policy,
  type Region,
} from '../../src/core/index.ts';
import { inScope, type Scope, type Tx } from '../../src/server/db/database.ts';
import { changeUid, windowUid } from '../../src/server/modules/calendar/ics.ts';
import { type ParsedFeed, parseFeed } from '../../src/server/modules/calendar/ics-test-support.ts';
import {
  type Client,
  createTestApp,
  createWorld,
  expectProblem,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';

const PUBLIC_URL = 'https://diops.example.net';
const HOUR = 3_600_000;

interface Feed {
  id: string;
  partnerId: string;
  partnerName: string;
  customerId: string | null;
  customerName: string | null;
  label: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
interface CreatedFeed extends Feed {
  url: string;
}
interface Change {
  id: string;
  reference: string;
  start: string;
  end: string;
  sequence: number;
  status: string;
}

let t: TestApp;
let w: World;
let policy: Policy;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  w = await createWorld(t);
  policy = t.app.ctx.policy.policy;
});
afterAll(() => t.close());

/** One hour inside the `nth` weekday window starting after now + 2 h in a region. */
function routineSlot(region: Region, nth = 0) {
  const cal = getCalendar(policy, region);
  let window: MaintenanceWindow = nextWindowStartingAt(cal, Date.now() + 2 * HOUR);
  for (let seen = 0; ; window = nextWindowStartingAt(cal, window.start + 1)) {
    if (window.kind !== 'weekday') continue;
    if (seen === nth) break;
    seen += 1;
  }
  return {
    start: new Date(window.start + 30 * 60_000).toISOString(),
    end: new Date(window.start + 90 * 60_000).toISOString(),
  };
}

async function createChange(customerIds: string[], region: Region, title = unique('Feed change')) {
  const response = await w.provider.post('/changes', {
    type: 'routine',
    title,
    customerIds,
    ...routineSlot(region),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Change>();
}

async function createFeed(who: Client, body: Record<string, unknown>) {
  const response = await who.post('/calendar-feeds', { label: unique('Feed'), ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CreatedFeed>();
}

/** The feed as a calendar app reads it: no Authorization header, no cookie. */
const fetchFeed = (url: string, headers: Record<string, string> = {}) =>
  w.anonymous.get(url.slice(PUBLIC_URL.length), headers);

async function readFeed(url: string): Promise<{ text: string; feed: ParsedFeed }> {
  const response = await fetchFeed(url);
  expect(response.statusCode, response.body).toBe(200);
  return { text: response.body, feed: parseFeed(response.body) };
}

const feedRow = (id: string) =>
  t.database.db.selectFrom('calendar_feeds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('calendar feeds', () => {
  let a1: Change;
  let a2: Change;
  let b1: Change;

  beforeAll(async () => {
    // Tenant A: one EMEA customer and one AMER customer; tenant B: its EMEA customer.
    a1 = await createChange([w.a.customerId], 'EMEA', 'Patch CUCM, then reboot; verify');
    a2 = await createChange([w.a.otherCustomerId], 'AMER');
    b1 = await createChange([w.b.customerId], 'EMEA');
  });

  it("serve a partner's changes and windows at a secret URL, read without signing in", async () => {
    const created = await createFeed(w.a.admin, { label: 'NOC Outlook' });
    expect(Object.keys(created).sort()).toEqual(
      [
        'createdAt',
        'createdBy',
        'customerId',
        'customerName',
        'id',
        'label',
        'lastUsedAt',
        'partnerId',
        'partnerName',
        'revokedAt',
        'url',
      ].sort(),
    );
    expect(created).toMatchObject({
      partnerId: w.a.partnerId,
      partnerName: w.a.partnerName,
      customerId: null,
      customerName: null,
      label: 'NOC Outlook',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(created.url).toMatch(/^https:\/\/diops\.example\.net\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);

    const response = await fetchFeed(created.url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    const etag = String(response.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const feed = parseFeed(response.body);

    for (const change of [a1, a2]) {
      const event = feed.events.get(changeUid(change.id));
      expect(event, change.reference).toBeDefined();
      expect(event?.startDate.toJSDate().toISOString()).toBe(change.start);
      expect(event?.endDate.toJSDate().toISOString()).toBe(change.end);
      expect(event?.summary.startsWith(`${change.reference} · `)).toBe(true);
      expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    }
    expect(feed.events.get(changeUid(a1.id))?.summary).toBe(
      `${a1.reference} · Patch CUCM, then reboot; verify`,
    );
    expect(response.body).toContain(`DTSTART;TZID=Europe/Paris:`);
    expect(
      feed.events.get(changeUid(a2.id))?.component.getFirstProperty('dtstart')?.getParameter('tzid'),
    ).toBe('America/New_York');
    expect(feed.events.has(changeUid(b1.id))).toBe(false);
    // The windows of the partner's regions, and no others.
    expect([...feed.events.keys()].filter((uid) => uid.startsWith('window-')).sort()).toEqual(
      [
        windowUid('AMER', 'weekday'),
        windowUid('AMER', 'weekend'),
        windowUid('EMEA', 'weekday'),
        windowUid('EMEA', 'weekend'),
      ].sort(),
    );

    // A calendar app polling with the ETag gets 304; the read is recorded.
    const again = await fetchFeed(created.url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['cache-control']).toBe('private, max-age=300');
    const row = await feedRow(created.id);
    expect(row.last_used_at).not.toBeNull();
    const listed = (await w.a.admin.get('/calendar-feeds')).json<{ items: Feed[] }>().items;
    expect(listed.find((f) => f.id === created.id)?.lastUsedAt).not.toBeNull();
    expect(listed.find((f) => f.id === created.id)?.partnerName).toBe(w.a.partnerName);
  });

  it("keep tenants apart: B's feed shows B's changes only", async () => {
    const created = await createFeed(w.b.engineer, {});
    expect(created.partnerId).toBe(w.b.partnerId);
    const { feed } = await readFeed(created.url);
    expect(feed.events.has(changeUid(b1.id))).toBe(true);
    expect(feed.events.has(changeUid(a1.id))).toBe(false);
    expect(feed.events.has(changeUid(a2.id))).toBe(false);
    expect(feed.events.has(windowUid('AMER', 'weekday'))).toBe(true); // B's other customer is in AMER
  });

  it("show one customer's changes and windows in a customer feed", async () => {
    const created = await createFeed(w.a.admin, { customerId: w.a.otherCustomerId });
    expect(created.customerId).toBe(w.a.otherCustomerId);
    expect(created.customerName).toEqual(expect.any(String));
    expect(created.partnerName).toBe(w.a.partnerName);
    const { feed, text } = await readFeed(created.url);
    expect(feed.events.has(changeUid(a2.id))).toBe(true);
    expect(feed.events.has(changeUid(a1.id))).toBe(false);
    expect(feed.events.has(windowUid('AMER', 'weekday'))).toBe(true);
    expect(feed.events.has(windowUid('EMEA', 'weekday'))).toBe(false);
    expect(text).toContain(`X-WR-CALNAME:DI Ops · ${created.customerName}`);
  });

  it('let a customer viewer make and see feeds of its own customer only', async () => {
    const partnerWide = await createFeed(w.a.admin, {});
    const own = await createFeed(w.a.viewer, {});
    expect(own).toMatchObject({
      partnerId: w.a.partnerId,
      partnerName: w.a.partnerName,
      customerId: w.a.customerId,
    });
    const { feed } = await readFeed(own.url);
    expect(feed.events.has(changeUid(a1.id))).toBe(true);
    expect(feed.events.has(changeUid(a2.id))).toBe(false);

    const seen = (await w.a.viewer.get('/calendar-feeds?limit=200')).json<{ items: Feed[] }>().items;
    expect(seen.map((f) => f.id)).toContain(own.id);
    expect(seen.every((f) => f.customerId === w.a.customerId)).toBe(true);
    expectProblem(await w.a.viewer.post(`/calendar-feeds/${partnerWide.id}/revoke`, {}), 404);
    expectProblem(
      await w.a.viewer.post('/calendar-feeds', { label: 'Other', customerId: w.a.otherCustomerId }),
      404,
    );
    expectProblem(
      await w.a.viewer.post('/calendar-feeds', { label: 'Other', partnerId: w.b.partnerId }),
      404,
    );
    // Asking for the partner-wide feed (a null customer, or the partner without a customer): 403.
    expectProblem(
      await w.a.viewer.post('/calendar-feeds', { label: 'Whole partner', customerId: null }),
      403,
      'forbidden',
    );
    expectProblem(
      await w.a.viewer.post('/calendar-feeds', { label: 'Whole partner', partnerId: w.a.partnerId }),
      403,
      'forbidden',
    );
    const named = await createFeed(w.a.viewer, { customerId: w.a.customerId, partnerId: w.a.partnerId });
    expect(named.customerId).toBe(w.a.customerId);
    // It revokes its own customer's feeds, including one its partner made.
    const byPartner = await createFeed(w.a.admin, { customerId: w.a.customerId });
    for (const feed of [named, byPartner]) {
      const revoked = await w.a.viewer.post(`/calendar-feeds/${feed.id}/revoke`, {});
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json<Feed>()).toMatchObject({ id: feed.id, partnerName: w.a.partnerName });
      expect(revoked.json<Feed>().revokedAt).toEqual(expect.any(String));
      expectProblem(await fetchFeed(feed.url), 404);
    }
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'customer_id'])
      .where('entity_id', '=', named.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.customer_id])).toEqual([
      ['calendar_feed.created', w.a.customerId],
      ['calendar_feed.revoked', w.a.customerId],
    ]);
    // The partner sees its viewer's feed.
    const partnerSees = (
      await w.a.engineer.get(`/calendar-feeds?customerId=${w.a.customerId}&limit=200`)
    ).json<{
      items: Feed[];
    }>().items;
    expect(partnerSees.map((f) => f.id)).toContain(own.id);
  });

  it('answer 404 for what is out of scope, and check what the provider names', async () => {
    const aFeed = await createFeed(w.a.admin, {});
    const bList = (await w.b.admin.get('/calendar-feeds?limit=200')).json<{ items: Feed[] }>().items;
    expect(bList.every((f) => f.partnerId === w.b.partnerId)).toBe(true);
    expectProblem(await w.b.admin.post(`/calendar-feeds/${aFeed.id}/revoke`, {}), 404);
    expectProblem(await w.b.admin.post('/calendar-feeds', { label: 'x', customerId: w.a.customerId }), 404);
    expectProblem(await w.b.admin.post('/calendar-feeds', { label: 'x', partnerId: w.a.partnerId }), 404);
    expectProblem(await w.anonymous.get('/calendar-feeds'), 401);
    expectProblem(await w.anonymous.post('/calendar-feeds', { label: 'x' }), 401);
    expectProblem(
      await w.a.admin.post('/calendar-feeds', { label: 'x', token: 'mine' }),
      400,
      'unknown_field',
    );
    expectProblem(await w.a.admin.post('/calendar-feeds', { label: '   ' }), 422);

    expectProblem(await w.provider.post('/calendar-feeds', { label: 'x' }), 422, 'validation_failed');
    expectProblem(
      await w.provider.post('/calendar-feeds', {
        label: 'x',
        partnerId: w.b.partnerId,
        customerId: w.a.customerId,
      }),
      422,
    );
    const forB = await createFeed(w.providerEngineer, { partnerId: w.b.partnerId });
    expect(forB).toMatchObject({ partnerId: w.b.partnerId, partnerName: w.b.partnerName, customerId: null });
    const forCustomer = await createFeed(w.provider, { customerId: w.a.customerId });
    expect(forCustomer).toMatchObject({ partnerId: w.a.partnerId, partnerName: w.a.partnerName });
    const all = (await w.provider.get(`/calendar-feeds?partnerId=${w.b.partnerId}&limit=200`)).json<{
      items: Feed[];
    }>().items;
    expect(all.map((f) => f.id)).toContain(forB.id);
    expect(all.every((f) => f.partnerId === w.b.partnerId)).toBe(true);
    expect(all.find((f) => f.id === forB.id)?.partnerName).toBe(w.b.partnerName);
  });

  it('store only a hash of the token and never write it to the audit log', async () => {
    const created = await createFeed(w.a.admin, {});
    const token = created.url.slice(`${PUBLIC_URL}/api/v1/feeds/`.length, -'.ics'.length);
    const row = await feedRow(created.id);
    expect(Buffer.compare(row.token_hash, createHash('sha256').update(token).digest())).toBe(0);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.token_hash.toString('utf8')).not.toContain(token);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'partner_id', 'before', 'after'])
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit.map((a) => [a.action, a.partner_id])).toEqual([['calendar_feed.created', w.a.partnerId]]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('stop answering once revoked: 404 alike for revoked, unknown and malformed tokens', async () => {
    const created = await createFeed(w.a.engineer, {});
    expect((await fetchFeed(created.url)).statusCode).toBe(200);
    expectProblem(await w.a.admin.post(`/calendar-feeds/${created.id}/revoke`, { now: true }), 400);
    const revoked = await w.a.admin.post(`/calendar-feeds/${created.id}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<Feed>().revokedAt).toEqual(expect.any(String));
    expectProblem(await w.a.admin.post(`/calendar-feeds/${created.id}/revoke`, {}), 409, 'already_revoked');

    const gone = expectProblem(await fetchFeed(created.url), 404, 'not_found');
    const unknown = expectProblem(
      await w.anonymous.get(`/api/v1/feeds/${'A'.repeat(43)}.ics`),
      404,
      'not_found',
    );
    expect(gone.detail).toBe(unknown.detail);
    expectProblem(await w.anonymous.get('/api/v1/feeds/short.ics'), 404, 'not_found');
    expect((await fetchFeed(created.url)).headers['cache-control']).toBe('no-store');

    const active = (await w.a.admin.get('/calendar-feeds?status=active&limit=200')).json<{ items: Feed[] }>();
    expect(active.items.map((f) => f.id)).not.toContain(created.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar_feed.created', 'calendar_feed.revoked']);
  });

  it('follow a reschedule (same UID, higher SEQUENCE) and keep a cancellation as STATUS:CANCELLED', async () => {
    const created = await createFeed(w.a.admin, {});
    const change = await createChange([w.a.customerId], 'EMEA');
    const first = await fetchFeed(created.url);
    const before = parseFeed(first.body).events.get(changeUid(change.id));
    expect(before?.sequence).toBe(change.sequence);

    const slot = routineSlot('EMEA', 1);
    const moved = await w.provider.post(`/changes/${change.id}/reschedule`, {
      ...slot,
      note: 'Moved a night later',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const afterMove = await fetchFeed(created.url, { 'if-none-match': String(first.headers.etag) });
    expect(afterMove.statusCode).toBe(200);
    const rescheduled = parseFeed(afterMove.body).events.get(changeUid(change.id));
    expect(rescheduled?.sequence).toBeGreaterThan(before?.sequence ?? 0);
    expect(rescheduled?.startDate.toJSDate().toISOString()).toBe(slot.start);
    expect(rescheduled?.endDate.toJSDate().toISOString()).toBe(slot.end);

    const cancelled = await w.provider.post(`/changes/${change.id}/cancel`, { reason: 'No longer needed' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const { feed } = await readFeed(created.url);
    const event = feed.events.get(changeUid(change.id));
    expect(event?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event?.sequence).toBeGreaterThan(rescheduled?.sequence ?? 0);
    expect(event?.summary).toContain('Cancelled: ');
  });

  it("follow the partner's customers: a new region's windows appear, a renamed customer's name", async () => {
    const partnerFeed = await createFeed(w.b.admin, {});
    const windows = async (url: string) =>
      [...(await readFeed(url)).feed.events.keys()].filter((uid) => uid.startsWith('window-weekday-')).sort();
    expect(await windows(partnerFeed.url)).toEqual([
      windowUid('AMER', 'weekday'),
      windowUid('EMEA', 'weekday'),
    ]);

    const added = await w.provider.post(`/partners/${w.b.partnerId}/customers`, {
      name: unique('Tokyo customer'),
      region: 'APJC',
    });
    expect(added.statusCode, added.body).toBe(201);
    const customerId = added.json<{ id: string }>().id;
    expect(await windows(partnerFeed.url)).toContain(windowUid('APJC', 'weekday'));

    const customerFeed = await createFeed(w.b.admin, { customerId });
    expect((await readFeed(customerFeed.url)).text).toContain(
      `X-WR-CALNAME:DI Ops · ${customerFeed.customerName}`,
    );
    const renamed = unique('Osaka customer');
    const moved = await w.provider.patch(`/customers/${customerId}`, { name: renamed, region: 'AUS' });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await readFeed(customerFeed.url);
    expect(after.text).toContain(`X-WR-CALNAME:DI Ops · ${renamed}`);
    expect([...after.feed.events.keys()].filter((uid) => uid.startsWith('window-')).sort()).toEqual([
      windowUid('AUS', 'weekday'),
      windowUid('AUS', 'weekend'),
    ]);
    expect(await windows(partnerFeed.url)).not.toContain(windowUid('APJC', 'weekday'));
  });

  it('appear in the OpenAPI document, the feed route without security', async () => {
    const spec = (await w.anonymous.get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    }>();
    const feedPath = spec.paths['/api/v1/feeds/{token}.ics'];
    expect(feedPath?.get?.security).toEqual([]);
    expect(JSON.stringify(feedPath?.get?.responses['200'])).toContain('text/calendar');
    expect(spec.paths['/api/v1/calendar-feeds']?.post).toBeDefined();
    expect(spec.paths['/api/v1/calendar-feeds/{id}/revoke']?.post).toBeDefined();
  });
});

describe('calendar feeds: row-level security for customer viewers (migration 0011)', () => {
  /** The scope a customer viewer's requests run in, for queries without any service filter. */
  const viewerScope = (tenant: World['a']): Scope => ({
    kind: 'customer',
    userId: tenant.viewerId,
    role: 'customer_viewer',
    partnerId: tenant.partnerId,
    customerId: tenant.customerId,
    label: 'viewer',
    readOnly: false,
    requestId: null,
  });
  const inViewerScope = <T>(work: (tx: Tx) => Promise<T>) => inScope(t.database.db, viewerScope(w.a), work);
  const feedValues = (customerId: string | null, partnerId = w.a.partnerId) => ({
    partner_id: partnerId,
    customer_id: customerId,
    label: unique('Raw feed'),
    token_hash: randomBytes(32),
    created_by_label: 'test',
  });

  let partnerWide: CreatedFeed;
  let otherCustomer: CreatedFeed;
  let ownCustomer: CreatedFeed;
  let otherPartner: CreatedFeed;

  beforeAll(async () => {
    partnerWide = await createFeed(w.a.admin, {});
    otherCustomer = await createFeed(w.a.admin, { customerId: w.a.otherCustomerId });
    ownCustomer = await createFeed(w.a.admin, { customerId: w.a.customerId });
    otherPartner = await createFeed(w.b.admin, { customerId: w.b.customerId });
  });

  it("shows a viewer's scope only its own customer's feeds, even to a query without a filter", async () => {
    const rows = await inViewerScope((tx) =>
      tx.selectFrom('calendar_feeds').select(['id', 'partner_id', 'customer_id']).execute(),
    );
    const ids = rows.map((r) => r.id);
    expect(ids).toContain(ownCustomer.id);
    expect(ids).not.toContain(partnerWide.id);
    expect(ids).not.toContain(otherCustomer.id);
    expect(ids).not.toContain(otherPartner.id);
    expect(rows.every((r) => r.partner_id === w.a.partnerId && r.customer_id === w.a.customerId)).toBe(true);
    // Named by id, the others are not there either; the same statement in the partner's scope sees them.
    const named = [partnerWide.id, otherCustomer.id, otherPartner.id];
    const byId = await inViewerScope((tx) =>
      tx.selectFrom('calendar_feeds').select('id').where('id', 'in', named).execute(),
    );
    expect(byId).toEqual([]);
    const partnerSees = await inScope(t.database.db, { ...viewerScope(w.a), kind: 'partner' }, (tx) =>
      tx.selectFrom('calendar_feeds').select('id').where('id', 'in', named).execute(),
    );
    expect(partnerSees.map((r) => r.id).sort()).toEqual([partnerWide.id, otherCustomer.id].sort());
  });

  it("lets a viewer's scope revoke only its own customer's feeds", async () => {
    const blocked = await inViewerScope((tx) =>
      tx
        .updateTable('calendar_feeds')
        .set({ revoked_at: new Date() })
        .where('id', 'in', [partnerWide.id, otherCustomer.id, otherPartner.id])
        .executeTakeFirst(),
    );
    expect(blocked.numUpdatedRows).toBe(0n);
    const stillActive = await t.database.db
      .selectFrom('calendar_feeds')
      .select('revoked_at')
      .where('id', 'in', [partnerWide.id, otherCustomer.id, otherPartner.id])
      .execute();
    expect(stillActive.every((r) => r.revoked_at === null)).toBe(true);

    // Nor can it turn its own feed into a partner-wide one, or another customer's.
    for (const customerId of [null, w.a.otherCustomerId]) {
      await expect(
        inViewerScope((tx) =>
          tx
            .updateTable('calendar_feeds')
            .set({ customer_id: customerId })
            .where('id', '=', ownCustomer.id)
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/);
    }

    const revoked = await inViewerScope((tx) =>
      tx
        .updateTable('calendar_feeds')
        .set({ revoked_at: new Date() })
        .where('id', '=', ownCustomer.id)
        .executeTakeFirst(),
    );
    expect(revoked.numUpdatedRows).toBe(1n);
  });

  it("lets a viewer's scope create its own customer's feed and nothing wider", async () => {
    for (const [customerId, partnerId] of [
      [null, w.a.partnerId],
      [w.a.otherCustomerId, w.a.partnerId],
      [w.b.customerId, w.b.partnerId],
      [w.a.customerId, w.b.partnerId],
    ] as const) {
      await expect(
        inViewerScope((tx) =>
          tx.insertInto('calendar_feeds').values(feedValues(customerId, partnerId)).execute(),
        ),
      ).rejects.toThrow(/row-level security/);
    }
    const created = await inViewerScope((tx) =>
      tx
        .insertInto('calendar_feeds')
        .values(feedValues(w.a.customerId))
        .returning(['id', 'customer_id'])
        .executeTakeFirstOrThrow(),
    );
    expect(created.customer_id).toBe(w.a.customerId);
    const row = await feedRow(created.id);
    expect(row).toMatchObject({ partner_id: w.a.partnerId, customer_id: w.a.customerId, revoked_at: null });
  });
});
