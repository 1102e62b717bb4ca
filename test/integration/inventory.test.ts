import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyVersion, type ReleaseTrain } from '../../src/core/index.ts';
import { tierSql } from '../../src/server/modules/inventory/release-train.ts';
import {
  type Client,
  createTestApp,
  createWorld,
  expectProblem,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

interface App {
  id: string;
  customerId: string;
  name: string;
  version: string;
  region: string;
  compliance: { tier: string; mustUpgrade: boolean; upgradeTo: string | null };
}

const cucm = (customerId: string, overrides: Record<string, unknown> = {}) => ({
  customerId,
  kind: 'cucm',
  name: unique('CUCM'),
  version: '15.0 SU2',
  nodes: [
    { hostname: 'cucm-pub.example.net', role: 'publisher', dataCentre: 'AMS1' },
    { hostname: 'cucm-sub1.example.net', role: 'subscriber', dataCentre: 'LON1' },
  ],
  primaryDataCentre: 'AMS1',
  failoverDataCentre: 'LON1',
  ssoEnabled: true,
  ...overrides,
});

async function activeTrain(): Promise<ReleaseTrain> {
  return (await w.provider.get('/releases')).json<{ active: { train: ReleaseTrain } }>().active.train;
}

async function count(customerId: string) {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from applications where customer_id = ${customerId}`.execute(t.database.db);
  return rows[0]?.n ?? 0;
}

describe('applications', () => {
  it('the provider adds an application on n; the answer carries its compliance', async () => {
    const created = await w.providerEngineer.post(
      '/applications',
      cucm(w.a.customerId, { version: '15.0-su2' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const app = created.json<App>();
    expect(app.version).toBe('15.0 SU2');
    expect(app.region).toBe('EMEA');
    expect(app.compliance).toEqual({ tier: 'n', mustUpgrade: false, upgradeTo: null });
    const read = await w.a.engineer.get(`/applications/${app.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<App>().name).toBe(app.name);
  });

  it('new deployments go only on n, naming the field and the rule; nothing is written', async () => {
    const before = await count(w.b.customerId);
    const problem = expectProblem(
      await w.provider.post('/applications', cucm(w.b.customerId, { version: '14.0 SU4' })),
      422,
    );
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ code: 'new_deployment_not_on_n', path: 'version' }),
    );
    const bad = expectProblem(
      await w.provider.post(
        '/applications',
        cucm(w.b.customerId, {
          version: 'fifteen',
          nodes: [
            { hostname: 'a.example', role: 'publisher', dataCentre: 'AMS1' },
            { hostname: 'b.example', role: 'publisher', dataCentre: 'PAR9' },
          ],
          region: 'AMER',
        }),
      ),
      422,
    );
    expect(bad.errors?.map((e) => e.code).sort()).toEqual(
      ['node_data_centre', 'one_publisher', 'region_follows_customer', 'version_format'].sort(),
    );
    expect(await count(w.b.customerId)).toBe(before);
    expectProblem(await w.provider.post('/applications', { ...cucm(w.b.customerId), colour: 'red' }), 400);
  });

  it('an SME cluster names the region of its publisher and follows it', async () => {
    const missing = expectProblem(
      await w.provider.post('/applications', cucm(w.a.customerId, { kind: 'sme', name: unique('SME') })),
      422,
    );
    expect(missing.errors?.[0]).toMatchObject({ code: 'sme_region_required', path: 'region' });
    const sme = await w.provider.post(
      '/applications',
      cucm(w.a.customerId, { kind: 'sme', name: unique('SME'), region: 'APJC' }),
    );
    expect(sme.statusCode, sme.body).toBe(201);
    expect(sme.json<App>().region).toBe('APJC');
  });

  it('partners and customers read, only the provider writes, and nobody sees another tenant', async () => {
    const created = (await w.provider.post('/applications', cucm(w.b.customerId))).json<App>();
    expectProblem(await w.b.admin.post('/applications', cucm(w.b.customerId)), 403);
    expectProblem(await w.b.admin.patch(`/applications/${created.id}`, { ssoEnabled: false }), 403);
    expectProblem(await w.a.admin.get(`/applications/${created.id}`), 404);
    expectProblem(await w.a.viewer.get(`/applications/${created.id}`), 404);
    expect((await w.b.viewer.get(`/applications/${created.id}`)).statusCode).toBe(200);
    const listA = (await w.a.admin.get('/applications?limit=200')).json<{ items: App[] }>();
    expect(listA.items.length).toBeGreaterThan(0);
    expect(
      listA.items.every((i) => i.customerId === w.a.customerId || i.customerId === w.a.otherCustomerId),
    ).toBe(true);
    expectProblem(await w.a.admin.post('/applications', cucm(w.b.customerId)), 403);
    // The provider cannot add to another partner's customer by mistake either way: the name is per customer.
    expectProblem(await w.provider.post('/applications', cucm(w.b.customerId, { name: created.name })), 409);
  });

  it('an update records the version that runs (any tier) and flags the upgrade', async () => {
    const created = (await w.provider.post('/applications', cucm(w.a.otherCustomerId))).json<App>();
    const updated = await w.providerEngineer.patch(`/applications/${created.id}`, { version: '14.0 SU3' });
    expect(updated.statusCode, updated.body).toBe(200);
    const train = await activeTrain();
    expect(updated.json<App>().compliance).toEqual({
      tier: 'n-1',
      mustUpgrade: true,
      upgradeTo: train.target,
    });
    const filtered = (
      await w.a.admin.get(`/applications?customerId=${w.a.otherCustomerId}&mustUpgrade=true`)
    ).json<{ items: App[] }>();
    expect(filtered.items.map((i) => i.id)).toContain(created.id);
    expect(filtered.items.every((i) => i.compliance.mustUpgrade)).toBe(true);
    // Partners never delete (403 whatever the id, so it tells nothing about another tenant's rows).
    expectProblem(await w.a.admin.delete(`/applications/${created.id}`), 403);
    expectProblem(await w.b.admin.delete(`/applications/${created.id}`), 403);
    expect((await w.provider.delete(`/applications/${created.id}`)).statusCode).toBe(204);
    expectProblem(await w.provider.get(`/applications/${created.id}`), 404);
  });
});

describe('instance CSV', () => {
  const header =
    'customerId,customer,application,kind,version,region,publisher,subscribers,primaryDataCentre,failoverDataCentre,sso';
  const csvPost = (c: Client, body: string) =>
    c.post('/applications/import', body, { 'content-type': 'text/csv' });

  it('a file with bad rows changes nothing and names each bad row and field', async () => {
    const customer = (
      await w.provider.post(`/partners/${w.a.partnerId}/customers`, { name: unique('CSV'), region: 'AUS' })
    ).json<{ id: string }>().id;
    const file = [
      header,
      `${customer},,CUCM-1,cucm,15.0 SU1,,pub1.example@SYD1,sub1.example@MEL1,SYD1,MEL1,true`,
      `${customer},,CUC-1,unity,15.0 SU1,,pub2.example,,SYD1,,false`,
      `not-a-uuid,,X,cucm,15.0 SU1,,pub3.example,,SYD1,,false`,
      `${customer},,IMP-1,imp,fifteen,,pub4.example,,SYD1,,maybe`,
      `${customer},,CUCM-1,cucm,15.0 SU1,,pub5.example,,SYD1,,false`,
    ].join('\n');
    const problem = expectProblem(await csvPost(w.provider, file), 422);
    const paths = problem.errors?.map((e) => `${e.path}:${e.code}`) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'rows[3].kind:kind',
        'rows[4].customerId:uuid',
        'rows[5].sso:boolean',
        'rows[6].application:duplicate_row',
      ]),
    );
    expect(await count(customer)).toBe(0);
    // Rules that need the database (the customer, the inventory rules) are reported the same way.
    const second = expectProblem(
      await csvPost(
        w.provider,
        [
          header,
          `${customer},,IMP-1,imp,fifteen,,pub4.example,,SYD1,,no`,
          `${w.b.customerId.replace(/.$/, (c) => (c === '0' ? '1' : '0'))},,X,cucm,15.0 SU1,,p.example,,SYD1,,no`,
        ].join('\n'),
      ),
      422,
    );
    expect(second.errors?.map((e) => `${e.path}:${e.code}`)).toEqual(
      expect.arrayContaining(['rows[2].version:version_format', 'rows[3].customerId:unknown_customer']),
    );
    expect(await count(customer)).toBe(0);
    expectProblem(await csvPost(w.provider, 'name,region\nx,y'), 422, undefined);
    expectProblem(await csvPost(w.a.admin, file), 403);
  });

  it('imports, re-imports as unchanged, updates what changed, and exports the same format back', async () => {
    const customer = (
      await w.provider.post(`/partners/${w.b.partnerId}/customers`, { name: unique('CSV'), region: 'AMER' })
    ).json<{ id: string }>().id;
    const rows = [
      `${customer},,CUCM-1,cucm,14.0 SU4,,pub.example@NYC1,sub1.example@DAL1;sub2.example@DAL1,NYC1,DAL1,yes`,
      `${customer},,CUC-1,cucxn,12.5 SU7a,,cuc.example,,NYC1,,no`,
      `${customer},,SME-1,sme,15.0 SU2,EMEA,sme.example,,NYC1,,false`,
    ];
    const first = await csvPost(w.provider, [header, ...rows].join('\r\n'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    const again = await csvPost(w.provider, [header, ...rows].join('\r\n'));
    expect(again.json()).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    const changed = await csvPost(
      w.provider,
      [header, rows[0]?.replace('14.0 SU4', '15.0 SU2'), ...rows.slice(1)].join('\n'),
    );
    expect(changed.json()).toEqual({ rows: 3, created: 0, updated: 1, unchanged: 2 });

    const list = (await w.b.admin.get(`/applications?customerId=${customer}`)).json<{ items: App[] }>();
    expect(list.items.map((i) => [i.name, i.compliance.tier, i.region])).toEqual([
      ['CUC-1', 'n-2', 'AMER'],
      ['CUCM-1', 'n', 'AMER'],
      ['SME-1', 'n', 'EMEA'],
    ]);

    const exported = await w.b.admin.get(`/applications/export.csv?customerId=${customer}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.body.split('\r\n')[0]).toBe(header);
    expect(exported.body).toContain('sub1.example@DAL1;sub2.example@DAL1');
    const roundTrip = await csvPost(w.provider, exported.body);
    expect(roundTrip.json()).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    // Another partner's export does not include them.
    expect((await w.a.admin.get('/applications/export.csv')).body).not.toContain(customer);
  });
});

describe('release train', () => {
  it('classifies in SQL exactly as the policy core does', async () => {
    const train = await activeTrain();
    const known = [train.n, train.n1, train.n2].flatMap((r) => r.sus.map((su) => `${r.version} ${su}`));
    const version = fc.oneof(
      fc.constantFrom(...known),
      fc.constantFrom(...known).map((v) => v.toLowerCase()),
      fc
        .tuple(
          fc.constantFrom('11.5', '12.5', '14.0', '15.0', '16.0'),
          fc.constantFrom('SU1', 'SU3', 'SU7a', 'SU9'),
        )
        .map(([r, s]) => `${r} ${s}`),
      fc.string({ maxLength: 12 }).filter((s) => !s.includes('\0')),
    );
    await fc.assert(
      fc.asyncProperty(version, async (v) => {
        const { rows } = await sql<{ tier: string }>`select ${tierSql(train, sql.val(v))} as tier`.execute(
          t.database.db,
        );
        expect(rows[0]?.tier).toBe(classifyVersion(train, v).tier);
      }),
      { numRuns: 150 },
    );
  });

  it('publishing shifts the train, re-classifies, notifies and lists the customers for a campaign', async () => {
    const customer = (
      await w.provider.post(`/partners/${w.a.partnerId}/customers`, { name: unique('Train'), region: 'EMEA' })
    ).json<{ id: string }>().id;
    const before = await activeTrain();
    const nVersion = `${before.n.version} ${before.n.sus[0]}`;
    const n1Version = `${before.n1.version} ${before.n1.sus[0]}`;
    const n2Version = `${before.n2.version} ${before.n2.sus[0]}`;
    const onN = (await w.provider.post('/applications', cucm(customer, { version: nVersion }))).json<App>();
    const onN1 = (await w.provider.post('/applications', cucm(customer, { version: nVersion }))).json<App>();
    await w.provider.patch(`/applications/${onN1.id}`, { version: n1Version });
    const onN2 = (await w.provider.post('/applications', cucm(customer, { version: nVersion }))).json<App>();
    await w.provider.patch(`/applications/${onN2.id}`, { version: n2Version });

    expectProblem(await w.a.admin.post('/releases', { version: '99.0', sus: ['SU1'] }), 403);
    expectProblem(await w.providerEngineer.post('/releases', { version: '99.0', sus: ['SU1'] }), 403);
    const stale = expectProblem(
      await w.provider.post('/releases', { version: before.n1.version, sus: ['SU1'] }),
      422,
    );
    expect(stale.errors?.[0]?.path).toBe('version');
    const badTarget = expectProblem(
      await w.provider.post('/releases', { version: '99.0', sus: ['SU1'], target: '99.0 SU5' }),
      422,
    );
    expect(badTarget.errors?.[0]?.path).toBe('target');

    const nextMajor = `${Math.floor(Number(before.n.version)) + 1}.0`;
    const published = await w.provider.post('/releases', { version: nextMajor, sus: ['SU1'] });
    expect(published.statusCode, published.body).toBe(201);
    const result = published.json<{
      train: ReleaseTrain;
      fellOutOfCompliance: { customers: number; applications: number };
      campaignId: string;
    }>();
    expect(result.train.n).toEqual({ version: nextMajor, sus: ['SU1'] });
    expect(result.train.n1).toEqual(before.n);
    expect(result.train.n2).toEqual(before.n1);
    expect(result.train.target).toBe(`${nextMajor} SU1`);
    expect(result.fellOutOfCompliance.applications).toBeGreaterThanOrEqual(1);

    const tiers = async (id: string) =>
      (await w.a.admin.get(`/applications/${id}`)).json<App>().compliance.tier;
    expect(await tiers(onN.id)).toBe('n-1');
    expect(await tiers(onN1.id)).toBe('n-2');
    expect(await tiers(onN2.id)).toBe('unsupported');

    const campaign = (await w.a.admin.get(`/upgrade-campaigns/${result.campaignId}`)).json<{
      customers: { customerId: string; partnerId: string; partnerName: string; applicationIds: string[] }[];
    }>();
    const mine = campaign.customers.find((c) => c.customerId === customer);
    expect(mine?.applicationIds).toEqual([onN.id]);
    expect(mine?.partnerName).toBe(w.a.partnerName);
    const providerView = (await w.provider.get(`/upgrade-campaigns/${result.campaignId}`)).json<{
      customers: { customerId: string; partnerId: string; partnerName: string }[];
    }>();
    expect(providerView.customers.find((c) => c.customerId === customer)?.partnerName).toBe(w.a.partnerName);
    expect(campaign.customers.every((c) => c.partnerId === w.a.partnerId)).toBe(true);
    const otherView = (await w.b.admin.get(`/upgrade-campaigns/${result.campaignId}`)).json<{
      customers: { partnerId: string }[];
    }>();
    expect(otherView.customers.every((c) => c.partnerId === w.b.partnerId)).toBe(true);

    const events = await t.database.db
      .selectFrom('notification_events')
      .select(['kind', 'category', 'audience_partner_ids', 'audience_provider', 'payload'])
      .where('kind', 'in', ['release.published', 'release.compliance_lost'])
      .execute();
    const announcement = events.find((e) => e.kind === 'release.published');
    expect(announcement?.category).toBe('releases');
    expect(announcement?.audience_provider).toBe(true);
    expect(announcement?.audience_partner_ids).toEqual(
      expect.arrayContaining([w.a.partnerId, w.b.partnerId]),
    );
    const notice = events.find(
      (e) => e.kind === 'release.compliance_lost' && e.audience_partner_ids.includes(w.a.partnerId),
    );
    expect(notice?.audience_partner_ids).toEqual([w.a.partnerId]);
    expect(JSON.stringify(notice?.payload)).toContain('Train');

    const releases = (await w.b.viewer.get('/releases')).json<{
      active: { train: ReleaseTrain };
      history: unknown[];
    }>();
    expect(releases.active.train).toEqual(result.train);
    expect(releases.history.length).toBeGreaterThanOrEqual(1);
  });

  it('the compliance report counts per partner, and per customer for one partner', async () => {
    const report = (await w.a.admin.get('/reports/version-compliance')).json<{
      partners: {
        partnerId: string;
        applications: number;
        tiers: Record<string, number>;
        compliantShare: number;
      }[];
      customers: { customerId: string; applications: number }[];
    }>();
    expect(report.partners.map((p) => p.partnerId)).toEqual([w.a.partnerId]);
    const row = report.partners[0];
    const { rows } = await sql<{
      n: number;
      on_n: number;
    }>`select count(*)::int as n, count(*) filter (where tier = 'n')::int as on_n from applications where partner_id = ${w.a.partnerId}`.execute(
      t.database.db,
    );
    expect(row?.applications).toBe(rows[0]?.n);
    expect(row?.tiers.n).toBe(rows[0]?.on_n);
    expect(Object.values(row?.tiers ?? {}).reduce((a, b) => a + b, 0)).toBe(rows[0]?.n);
    expect(report.customers.reduce((a, c) => a + c.applications, 0)).toBe(rows[0]?.n);
    const provider = (await w.provider.get('/reports/version-compliance')).json<{
      partners: { partnerId: string }[];
    }>();
    expect(provider.partners.map((p) => p.partnerId)).toEqual(
      expect.arrayContaining([w.a.partnerId, w.b.partnerId]),
    );
    expectProblem(await w.a.viewer.get('/reports/version-compliance'), 404);
  });
});
