import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/core/index.ts';
import { applyRetention } from '../../src/server/modules/inventory/backups.service.ts';
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

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

const policy = () => t.app.ctx.policy.policy;

async function addApplication(customerId: string, kind = 'cucm') {
  // Another test file may have published a release: deploy on whatever n is now.
  const train = (await w.provider.get('/releases')).json<{
    active: { train: { n: { version: string; sus: string[] } } };
  }>().active.train;
  const response = await w.provider.post('/applications', {
    customerId,
    kind,
    name: unique(kind.toUpperCase()),
    version: `${train.n.version} ${train.n.sus[0]}`,
    nodes: [{ hostname: 'pub.example', role: 'publisher', dataCentre: 'AMS1' }],
    primaryDataCentre: 'AMS1',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

const record = async (records: { applicationId: string; takenAt: string; ok: boolean }[]) => {
  const response = await w.provider.post('/backups', { records });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ recorded: number; replaced: number; unchanged: number }>();
};

const backupsOf = (applicationId: string) =>
  t.database.db
    .selectFrom('backups')
    .select(['night', 'taken_at', 'ok'])
    .where('application_id', '=', applicationId)
    .orderBy('taken_at')
    .execute();

describe('backups', () => {
  it('are the provider’s alone', async () => {
    const applicationId = await addApplication(w.a.customerId);
    for (const caller of [w.a.admin, w.a.engineer, w.a.viewer]) {
      expectProblem(
        await caller.post('/backups', {
          records: [{ applicationId, takenAt: new Date().toISOString(), ok: true }],
        }),
        403,
      );
      expectProblem(await caller.get('/backups'), 403);
      expectProblem(await caller.get('/backups/purges'), 403);
      expectProblem(await caller.get('/reports/backup-promise'), 403);
    }
    expect(await backupsOf(applicationId)).toHaveLength(0);
  });

  it('keeps one record per application and night, in the region’s local night', async () => {
    const applicationId = await addApplication(w.a.customerId); // EMEA: Europe/Paris
    // 01:30 Paris on Tuesday 3 Nov 2026 (UTC+1) belongs to Monday's night; 23:10 Monday too.
    const first = await record([
      { applicationId, takenAt: '2026-11-03T00:30:00Z', ok: false },
      { applicationId, takenAt: '2026-11-02T22:10:00Z', ok: true },
    ]);
    expect(first).toEqual({ recorded: 1, replaced: 0, unchanged: 1 });
    let rows = await backupsOf(applicationId);
    expect(rows).toEqual([{ night: '2026-11-02', taken_at: new Date('2026-11-03T00:30:00Z'), ok: false }]);

    // The re-run later that night replaces the failed one; an earlier record changes nothing.
    expect(await record([{ applicationId, takenAt: '2026-11-03T04:00:00Z', ok: true }])).toEqual({
      recorded: 0,
      replaced: 1,
      unchanged: 0,
    });
    expect(await record([{ applicationId, takenAt: '2026-11-03T01:00:00Z', ok: false }])).toEqual({
      recorded: 0,
      replaced: 0,
      unchanged: 1,
    });
    rows = await backupsOf(applicationId);
    expect(rows).toEqual([{ night: '2026-11-02', taken_at: new Date('2026-11-03T04:00:00Z'), ok: true }]);

    // Noon local starts the next night: 12:30 Paris on Tuesday is Tuesday's night.
    await record([{ applicationId, takenAt: '2026-11-03T11:30:00Z', ok: true }]);
    expect((await backupsOf(applicationId)).map((r) => r.night)).toEqual(['2026-11-02', '2026-11-03']);
  });

  it('refuses a batch with a bad row and writes nothing', async () => {
    const applicationId = await addApplication(w.b.customerId);
    const response = await w.provider.post('/backups', {
      records: [
        { applicationId, takenAt: '2026-10-01T02:00:00Z', ok: true },
        { applicationId: '00000000-0000-4000-8000-000000000000', takenAt: '2026-10-01T02:00:00Z', ok: true },
        { applicationId, takenAt: new Date(Date.now() + DAY_MS).toISOString(), ok: true },
      ],
    });
    const problem = expectProblem(response, 422);
    expect(problem.errors?.map((e) => e.path)).toEqual(['records[1].applicationId', 'records[2].takenAt']);
    expect(await backupsOf(applicationId)).toHaveLength(0);
    expect((await w.provider.post('/backups', { records: [] })).statusCode).toBe(422);
  });

  it('retention keeps the 3 newest good and everything younger than 33 days, at the exact boundary', async () => {
    const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const ago = (ms: number) => new Date(now - ms).toISOString();
    const nightly = await addApplication(w.a.customerId, 'cucxn');
    // Nightly good backups from 40 days ago (day 33 is exactly on the boundary) to 1 day ago.
    const records = [];
    for (let days = 1; days <= 40; days++)
      records.push({ applicationId: nightly, takenAt: ago(days * DAY_MS), ok: true });
    await record(records);
    // One night per record: the minute-younger case needs an application of its own.
    const younger = await addApplication(w.a.customerId, 'cer');
    await record(
      [1, 2, 3]
        .map((days) => ({ applicationId: younger, takenAt: ago(days * DAY_MS), ok: true }))
        .concat([{ applicationId: younger, takenAt: ago(33 * DAY_MS - MINUTE_MS), ok: true }]),
    );

    // Failing for six weeks: its three newest good backups are old but must stay.
    const failing = await addApplication(w.b.customerId, 'imp');
    const failingRecords = [];
    for (let days = 1; days <= 45; days++)
      failingRecords.push({ applicationId: failing, takenAt: ago(days * DAY_MS), ok: days >= 40 });
    await record(failingRecords);

    const run = await applyRetention(t.database.db, policy(), now);
    expect(run.runId).not.toBeNull();

    const kept = (await backupsOf(nightly)).map((b) => (now - b.taken_at.getTime()) / DAY_MS);
    expect(kept.sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1)); // 33 exactly goes
    expect(await backupsOf(younger)).toHaveLength(4); // a minute younger than 33 days stays

    const failingKept = await backupsOf(failing);
    const goodOld = failingKept
      .filter((b) => b.ok)
      .map((b) => Math.round((now - b.taken_at.getTime()) / DAY_MS));
    expect(goodOld).toEqual([42, 41, 40]); // oldest first: the 3 newest good, all older than 33 days
    expect(failingKept.filter((b) => !b.ok)).toHaveLength(32); // days 1..32: young failures stay

    const purges = await t.database.db
      .selectFrom('backup_purges')
      .select(['application_id', 'taken_at', 'ok'])
      .where('run_id', '=', run.runId as string)
      .execute();
    const purgedDays = (id: string) =>
      purges
        .filter((p) => p.application_id === id)
        .map((p) => Math.round((now - p.taken_at.getTime()) / HOUR_MS) / 24)
        .sort((a, b) => a - b);
    expect(purgedDays(nightly)).toEqual([33, 34, 35, 36, 37, 38, 39, 40]);
    expect(purgedDays(failing)).toEqual([33, 34, 35, 36, 37, 38, 39, 43, 44, 45]);

    // Listed for the provider; a second run purges nothing more.
    const listed = (await w.provider.get(`/backups/purges?customerId=${w.a.customerId}`)).json<{
      items: { applicationId: string; runId: string }[];
    }>();
    expect(listed.items.filter((p) => p.applicationId === nightly)).toHaveLength(8);
    const again = await applyRetention(t.database.db, policy(), now);
    expect(
      await t.database.db
        .selectFrom('backup_purges')
        .select('id')
        .where('run_id', '=', again.runId as string)
        .execute(),
    ).toHaveLength(0);
  });

  it('shows per customer whether the promise holds', async () => {
    const customer = await w.provider.post(`/partners/${w.a.partnerId}/customers`, {
      name: unique('Promise'),
      region: 'AMER',
    });
    expect(customer.statusCode, customer.body).toBe(201);
    const customerId = customer.json<{ id: string }>().id;
    const healthy = await addApplication(customerId, 'cucm');
    const fewGood = await addApplication(customerId, 'cucxn');
    const stale = await addApplication(customerId, 'imp');
    const now = Date.now();
    const at = (hours: number) => new Date(now - hours * HOUR_MS).toISOString();
    await record([
      { applicationId: healthy, takenAt: at(2), ok: true },
      { applicationId: healthy, takenAt: at(26), ok: true },
      { applicationId: healthy, takenAt: at(50), ok: true },
      { applicationId: fewGood, takenAt: at(2), ok: true },
      { applicationId: fewGood, takenAt: at(26), ok: false },
      { applicationId: fewGood, takenAt: at(50), ok: true },
      // Exactly 24 h apart: a run before local noon belongs to the previous night, so runs closer
      // than a day could share a night at some times of day.
      { applicationId: stale, takenAt: at(1), ok: false },
      { applicationId: stale, takenAt: at(25), ok: true },
      { applicationId: stale, takenAt: at(49), ok: true },
      { applicationId: stale, takenAt: at(73), ok: true },
    ]);
    const response = await w.provider.get(`/reports/backup-promise?customerId=${customerId}`);
    expect(response.statusCode, response.body).toBe(200);
    const [row] = response.json<{
      items: {
        holds: boolean;
        applications: { applicationId: string; holds: boolean; problems: string[]; goodBackups: number }[];
      }[];
    }>().items;
    expect(row?.holds).toBe(false);
    const byId = new Map(row?.applications.map((a) => [a.applicationId, a]));
    expect(byId.get(healthy)).toMatchObject({ holds: true, problems: [], goodBackups: 3 });
    expect(byId.get(fewGood)).toMatchObject({ holds: false, problems: ['too_few_good'], goodBackups: 2 });
    expect(byId.get(stale)).toMatchObject({ holds: false, problems: ['stale'], goodBackups: 3 });

    const broken = (
      await w.provider.get(`/reports/backup-promise?holds=false&partnerId=${w.a.partnerId}`)
    ).json<{
      items: { customerId: string }[];
    }>();
    expect(broken.items.map((c) => c.customerId)).toContain(customerId);
    const holding = (
      await w.provider.get(`/reports/backup-promise?holds=true&partnerId=${w.a.partnerId}`)
    ).json<{
      items: { customerId: string }[];
    }>();
    expect(holding.items.map((c) => c.customerId)).not.toContain(customerId);
  });
});
