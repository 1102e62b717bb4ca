import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/index.ts';
import { inScope, systemScope } from '../../src/server/db/database.ts';
import {
  certificateStatus,
  listCertificates,
  proposeRenewals,
} from '../../src/server/modules/inventory/certificates.service.ts';
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
let applicationA: string;
let applicationB: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  // Another test file may have published a release: deploy on whatever n is now.
  const train = (await w.provider.get('/releases')).json<{
    active: { train: { n: { version: string; sus: string[] } } };
  }>().active.train;
  const onN = `${train.n.version} ${train.n.sus[0]}`;
  const add = async (customerId: string) => {
    const response = await w.provider.post('/applications', {
      customerId,
      kind: 'cucm',
      name: unique('CUCM'),
      version: onN,
      nodes: [{ hostname: 'pub.example', role: 'publisher', dataCentre: 'AMS1' }],
      primaryDataCentre: 'AMS1',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  applicationA = await add(w.a.customerId); // EMEA: Europe/Paris windows
  applicationB = await add(w.b.customerId);
});
afterAll(() => t.close());

interface Certificate {
  id: string;
  status: string;
  expiresAt: string;
  proposal: { start: string | null; end: string | null; problem: string | null } | null;
}

const policy = () => t.app.ctx.policy.policy;

describe('certificate status', () => {
  it('draws the lines at exactly 3 and 7 days before expiry, and at expiry', () => {
    const expires = new Date('2031-06-10T12:00:00Z');
    const at = (ms: number) => certificateStatus(policy(), expires, expires.getTime() - ms);
    expect(at(0)).toBe('expired');
    expect(at(3 * DAY_MS - 1)).toBe('overdue');
    expect(at(3 * DAY_MS)).toBe('due');
    expect(at(7 * DAY_MS)).toBe('due');
    expect(at(7 * DAY_MS + 1)).toBe('soon');
    expect(at(30 * DAY_MS)).toBe('soon');
    expect(at(30 * DAY_MS + 1)).toBe('ok');
  });
});

describe('certificates', () => {
  it('the provider records certificates; partners read their own only', async () => {
    const body = {
      applicationId: applicationA,
      kind: 'tomcat',
      subject: 'cucm-pub.a.example',
      expiresAt: new Date(Date.now() + 200 * DAY_MS).toISOString(),
    };
    expectProblem(await w.a.admin.post('/certificates', body), 403);
    const created = await w.providerEngineer.post('/certificates', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Certificate>().status).toBe('ok');
    const mine = (await w.a.engineer.get('/certificates')).json<{ items: { id: string }[] }>();
    expect(mine.items.map((c) => c.id)).toContain(created.json<Certificate>().id);
    const theirs = (await w.b.admin.get('/certificates')).json<{ items: { id: string }[] }>();
    expect(theirs.items.map((c) => c.id)).not.toContain(created.json<Certificate>().id);
    expectProblem(await w.provider.post('/certificates', { ...body, expiresAt: 'tomorrow' }), 422);
    const soon = (await w.a.admin.get('/certificates?status=attention')).json<{ items: Certificate[] }>();
    expect(soon.items.map((c) => c.id)).not.toContain(created.json<Certificate>().id);
    // One certificate by id (where a renewal change links): in scope only.
    const id = created.json<Certificate>().id;
    const one = (await w.a.engineer.get(`/certificates?certificateId=${id}`)).json<{
      items: { id: string }[];
    }>();
    expect(one.items.map((c) => c.id)).toEqual([id]);
    expect(
      (await w.b.admin.get(`/certificates?certificateId=${id}`)).json<{ items: unknown[] }>().items,
    ).toEqual([]);
    expectProblem(await w.a.engineer.get('/certificates?certificateId=nope'), 400);
  });

  it('the daily job proposes a slot 3–7 days before expiry inside a weekday window, once, and alerts', async () => {
    // Monday 2031-03-17 10:00 UTC; the certificate expires ten days later.
    const now = Date.parse('2031-03-17T10:00:00Z');
    const expiresAt = new Date(now + 10 * DAY_MS).toISOString();
    const certificate = (
      await w.provider.post('/certificates', {
        applicationId: applicationA,
        kind: 'callmanager',
        subject: unique('cm'),
        expiresAt,
      })
    ).json<Certificate>();
    const late = (
      await w.provider.post('/certificates', {
        applicationId: applicationB,
        kind: 'ipsec',
        subject: unique('ipsec'),
        expiresAt: new Date(now + 1 * DAY_MS).toISOString(),
      })
    ).json<Certificate>();

    const [first, second] = await Promise.all([
      proposeRenewals(t.database.db, policy(), now),
      proposeRenewals(t.database.db, policy(), now),
    ]);
    expect(first.proposed + second.proposed).toBeGreaterThanOrEqual(2);
    expect((await proposeRenewals(t.database.db, policy(), now)).proposed).toBe(0);

    const listed = (await w.a.admin.get(`/certificates?applicationId=${applicationA}`)).json<{
      items: Certificate[];
    }>();
    const proposed = listed.items.find((c) => c.id === certificate.id);
    const start = Date.parse(proposed?.proposal?.start ?? '');
    const expiry = Date.parse(expiresAt);
    expect(start).toBeGreaterThanOrEqual(expiry - 7 * DAY_MS);
    expect(start).toBeLessThanOrEqual(expiry - 3 * DAY_MS);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(start));
    const hour = Number(local.find((p) => p.type === 'hour')?.value);
    expect(hour >= 21 || hour < 6).toBe(true);
    const endHour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(proposed?.proposal?.end ?? ''))
        .find((p) => p.type === 'hour')?.value,
    );
    expect(endHour >= 21 || endHour <= 6).toBe(true);

    const lateView = (await w.b.admin.get(`/certificates?applicationId=${applicationB}`)).json<{
      items: Certificate[];
    }>();
    expect(lateView.items.find((c) => c.id === late.id)?.proposal).toMatchObject({
      start: null,
      problem: 'expired_or_too_late',
    });

    const events = await t.database.db
      .selectFrom('notification_events')
      .select(['kind', 'category', 'subject_id', 'audience_partner_ids', 'audience_provider'])
      .where('subject_id', 'in', [certificate.id, late.id])
      .execute();
    expect(events.map((e) => [e.subject_id, e.kind]).sort()).toEqual(
      [
        [certificate.id, 'certificate.renewal_proposed'],
        [late.id, 'certificate.renewal_overdue'],
      ].sort(),
    );
    expect(events.every((e) => e.category === 'certificates' && e.audience_provider)).toBe(true);
    expect(events.find((e) => e.subject_id === certificate.id)?.audience_partner_ids).toEqual([
      w.a.partnerId,
    ]);
  });

  it('the status filter puts a certificate on a boundary in the same status the answer shows', async () => {
    const now = Date.parse('2032-05-03T08:00:00Z');
    const ids = new Map<string, number>();
    for (const days of [0, 3, 7, 30]) {
      const created = await w.provider.post('/certificates', {
        applicationId: applicationB,
        kind: 'other',
        subject: unique(`edge-${days}`),
        expiresAt: new Date(now + days * DAY_MS).toISOString(),
      });
      ids.set(created.json<Certificate>().id, days);
    }
    const scope = systemScope('test');
    for (const status of ['expired', 'overdue', 'due', 'soon', 'ok'] as const) {
      const page = await inScope(t.database.db, scope, (tx) =>
        listCertificates(tx, scope, policy(), { applicationId: applicationB, status, limit: 200 }, now),
      );
      for (const item of page.items.filter((c) => ids.has(c.id))) expect(item.status).toBe(status);
    }
    const attention = await inScope(t.database.db, scope, (tx) =>
      listCertificates(
        tx,
        scope,
        policy(),
        { applicationId: applicationB, status: 'attention', limit: 200 },
        now,
      ),
    );
    // 0 days: expired, 3: due, 7: due, 30: soon — all four need attention, each listed once.
    expect(attention.items.filter((c) => ids.has(c.id)).map((c) => [ids.get(c.id), c.status])).toEqual([
      [0, 'expired'],
      [3, 'due'],
      [7, 'due'],
      [30, 'soon'],
    ]);
  });

  it('a renewal records the later expiry and clears the proposal; an earlier one is refused', async () => {
    const listed = (await w.provider.get(`/certificates?applicationId=${applicationA}`)).json<{
      items: Certificate[];
    }>();
    const proposed = listed.items.find((c) => c.proposal !== null);
    expect(proposed).toBeDefined();
    const earlier = expectProblem(
      await w.provider.post(`/certificates/${proposed?.id}/renewal`, { expiresAt: '2020-01-01T00:00:00Z' }),
      422,
    );
    expect(earlier.errors?.[0]).toMatchObject({ code: 'expiry_not_later', path: 'expiresAt' });
    expectProblem(
      await w.a.admin.post(`/certificates/${proposed?.id}/renewal`, { expiresAt: '2040-01-01T00:00:00Z' }),
      403,
    );
    const renewed = await w.provider.post(`/certificates/${proposed?.id}/renewal`, {
      expiresAt: '2040-01-01T00:00:00Z',
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json<Certificate>()).toMatchObject({
      expiresAt: '2040-01-01T00:00:00.000Z',
      proposal: null,
      status: 'ok',
    });
  });
});
