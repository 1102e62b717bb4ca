import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/server/notify/templates.ts';
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
let cucm: string;
let expressway: string;
let otherCucm: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  // Another test file may have published a release: deploy on whatever n is now.
  const train = (await w.provider.get('/releases')).json<{
    active: { train: { n: { version: string; sus: string[] } } };
  }>().active.train;
  const add = async (customerId: string, kind: string) => {
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
  };
  cucm = await add(w.a.customerId, 'cucm');
  expressway = await add(w.a.customerId, 'expressway');
  otherCucm = await add(w.b.customerId, 'cucm');
});
afterAll(() => t.close());

interface CopRequest {
  id: string;
  number: number;
  status: string;
  fileName: string;
  upload: { sftpPath: string; checksum: string; checksumAlgorithm: string } | null;
  installedAt: string | null;
}

const FILE = 'cmterm-devicepack14.0.1.14111-1.cop.sha512';
const SHA256 = 'a3f1c2'.padEnd(64, '0');

const ask = (overrides: Record<string, unknown> = {}) =>
  w.a.engineer.post('/cop-requests', {
    applicationId: cucm,
    package: 'device_pack',
    fileName: FILE,
    reason: 'The customer is deploying Cisco 9861 phones next week and needs the device pack.',
    ...overrides,
  });

const eventsOf = (id: string) =>
  t.database.db
    .selectFrom('notification_events')
    .select(['kind', 'category', 'audience_provider', 'audience_partner_ids', 'payload'])
    .where('subject_id', '=', id)
    .orderBy('created_at')
    .execute();

describe('COP file service requests', () => {
  it('go request → SFTP upload → installed, each step audited and told to the other side', async () => {
    const created = await ask();
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json<CopRequest>();
    expect(request).toMatchObject({ status: 'requested', fileName: FILE, upload: null });

    // The partner cannot record the upload; the provider can.
    expectProblem(
      await w.a.admin.post(`/cop-requests/${request.id}/upload`, {
        sftpPath: `/upload/cop/${FILE}`,
        checksumAlgorithm: 'sha256',
        checksum: SHA256,
      }),
      403,
    );
    // Installing before the upload is out of order.
    expectProblem(
      await w.a.engineer.post(`/cop-requests/${request.id}/installed`, {}),
      409,
      'invalid_transition',
    );

    const uploaded = await w.provider.post(`/cop-requests/${request.id}/upload`, {
      sftpPath: `/upload/cop/${FILE}`,
      checksumAlgorithm: 'sha256',
      checksum: SHA256.toUpperCase(),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json<CopRequest>()).toMatchObject({
      status: 'uploaded',
      upload: { sftpPath: `/upload/cop/${FILE}`, checksum: SHA256, checksumAlgorithm: 'sha256' },
    });

    const installed = await w.a.engineer.post(`/cop-requests/${request.id}/installed`, {});
    expect(installed.statusCode, installed.body).toBe(200);
    expect(installed.json<CopRequest>().status).toBe('installed');
    expectProblem(await w.a.engineer.post(`/cop-requests/${request.id}/cancel`, { reason: 'late' }), 409);

    const events = await eventsOf(request.id);
    expect(events.map((e) => [e.kind, e.audience_provider, e.audience_partner_ids])).toEqual([
      ['cop.requested', true, []],
      ['cop.uploaded', false, [w.a.partnerId]],
      ['cop.installed', true, []],
    ]);
    expect(events.every((e) => e.category === 'upgrades')).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', request.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'cop_request.requested',
      'cop_request.uploaded',
      'cop_request.installed',
    ]);

    // The upload notice tells the partner where the file is and its checksum, in both languages.
    const uploadEvent = events[1];
    for (const locale of ['en', 'es'] as const) {
      const message = renderMessage('cop.uploaded', uploadEvent?.payload as Record<string, unknown>, {
        locale,
        timeZone: 'Europe/Madrid',
        publicUrl: 'https://diops.example',
        partnerId: w.a.partnerId,
      });
      expect(message.subject).toContain(FILE);
      expect(message.facts.map((f) => f.value)).toEqual(
        expect.arrayContaining([`/upload/cop/${FILE}`, `sha256:${SHA256}`]),
      );
      expect(message.intro).toMatch(locale === 'en' ? /SFTP server/ : /servidor SFTP/);
    }
  });

  it('names every broken rule and writes nothing', async () => {
    const bad = await ask({ applicationId: expressway, fileName: 'firmware.zip' });
    const problem = expectProblem(bad, 422);
    expect(problem.errors?.map((e) => [e.code, e.path])).toEqual([
      ['application_kind', 'applicationId'],
      ['cop_file_name', 'fileName'],
    ]);
    expect((await ask({ package: 'bogus' })).statusCode).toBe(422);
    expect((await ask({ extra: 1 })).statusCode).toBe(400);
    const request = (await ask()).json<CopRequest>();
    const wrongChecksum = await w.provider.post(`/cop-requests/${request.id}/upload`, {
      sftpPath: `/upload/cop/${FILE}`,
      checksumAlgorithm: 'sha512',
      checksum: SHA256,
    });
    expect(expectProblem(wrongChecksum, 422).errors?.[0]).toMatchObject({
      code: 'checksum_format',
      path: 'checksum',
    });
    const after = (await w.a.engineer.get(`/cop-requests/${request.id}`)).json<CopRequest>();
    expect(after).toMatchObject({ status: 'requested', upload: null });
    expect((await eventsOf(request.id)).map((e) => e.kind)).toEqual(['cop.requested']);
  });

  it('may be turned down by the provider or withdrawn by the partner, telling the other side', async () => {
    const first = (await ask()).json<CopRequest>();
    expectProblem(await w.a.admin.post(`/cop-requests/${first.id}/reject`, { reason: 'no' }), 403);
    const rejected = await w.provider.post(`/cop-requests/${first.id}/reject`, {
      reason: 'This device pack is already part of 15.0 SU2; upgrade instead.',
    });
    expect(rejected.json<CopRequest>().status).toBe('rejected');
    const second = (await ask()).json<CopRequest>();
    const withdrawn = await w.a.admin.post(`/cop-requests/${second.id}/cancel`, {
      reason: 'Not needed any more.',
    });
    expect(withdrawn.json<CopRequest>().status).toBe('cancelled');
    expect((await eventsOf(first.id)).map((e) => [e.kind, e.audience_provider])).toEqual([
      ['cop.requested', true],
      ['cop.rejected', false],
    ]);
    expect((await eventsOf(second.id)).map((e) => [e.kind, e.audience_provider])).toEqual([
      ['cop.requested', true],
      ['cop.cancelled', true],
    ]);
  });

  it('keeps each partner to its own customers', async () => {
    const mine = (await ask()).json<CopRequest>();
    expectProblem(await w.b.admin.get(`/cop-requests/${mine.id}`), 404);
    expectProblem(await w.b.admin.post(`/cop-requests/${mine.id}/cancel`, { reason: 'not mine' }), 404);
    expectProblem(await ask({ applicationId: otherCucm }), 404);
    const list = (await w.b.admin.get('/cop-requests')).json<{ items: CopRequest[] }>();
    expect(list.items.some((r) => r.id === mine.id)).toBe(false);
    // The customer viewer reads its own requests but cannot ask.
    expect((await w.a.viewer.get(`/cop-requests/${mine.id}`)).statusCode).toBe(200);
    expectProblem(
      await w.a.viewer.post('/cop-requests', {
        applicationId: cucm,
        package: 'locale',
        fileName: FILE,
        reason: 'x',
      }),
      403,
    );
    const open = (await w.provider.get(`/cop-requests?status=open&customerId=${w.a.customerId}`)).json<{
      items: CopRequest[];
    }>();
    expect(open.items.every((r) => ['requested', 'uploaded'].includes(r.status))).toBe(true);
    expect(open.items.map((r) => r.id)).toContain(mine.id);
  });
});
