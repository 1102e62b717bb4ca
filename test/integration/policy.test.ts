import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, expectProblem, type TestApp, type World } from '../support/test-app.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

describe('GET /policy', () => {
  it('serves the active policy document to any signed-in user', async () => {
    const response = await w.a.viewer.get('/policy');
    expect(response.statusCode).toBe(200);
    const document = response.json<{ version: string; regions: Record<string, { timeZone: string }> }>();
    const onDisk = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../policy/default.json'), 'utf8'),
    );
    expect(document).toEqual(onDisk);
    expect(document.regions.EMEA?.timeZone).toBe('Europe/Paris');
    expectProblem(await w.anonymous.get('/policy'), 401);
  });
});

describe('POST /policy/severity', () => {
  it.each([
    [{ impact: 'widespread', urgency: 'critical' }, 'S1'],
    [{ impact: 'localized', urgency: 'critical' }, 'S2'],
    [{ impact: 'large', urgency: 'medium' }, 'S3'],
    [{ impact: 'widespread', urgency: 'low' }, 'S4'],
    [{ affectedShare: 0.75, urgency: 'high' }, 'S2'],
    [{ affectedShare: 0.7501, urgency: 'high' }, 'S1'],
    [{ affectedShare: 0.25, urgency: 'critical' }, 'S2'],
    [{ affectedShare: 0.2499, urgency: 'critical' }, 'S3'],
  ])('%o → %s', async (body, severity) => {
    const response = await w.a.engineer.post('/policy/severity', body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().severity).toBe(severity);
  });

  it('wants exactly one of impact and affectedShare, in range', async () => {
    expectProblem(await w.a.engineer.post('/policy/severity', { urgency: 'high' }), 422);
    expectProblem(
      await w.a.engineer.post('/policy/severity', { impact: 'large', affectedShare: 0.5, urgency: 'high' }),
      422,
    );
    expect(
      expectProblem(await w.a.engineer.post('/policy/severity', { affectedShare: 1.5, urgency: 'high' }), 422)
        .errors?.[0]?.path,
    ).toBe('affectedShare');
    expectProblem(await w.anonymous.post('/policy/severity', { impact: 'large', urgency: 'high' }), 401);
  });
});

describe('POST /policy/response-due', () => {
  it('follows the SPEC examples in the region calendar (Paris)', async () => {
    // Tue 16:00 CET → Wed 16:00; Tue 20:00 → Wed 17:00; Fri 16:00 → Mon 16:00.
    const due = async (openedAt: string, severity = 'S3') =>
      (await w.a.engineer.post('/policy/response-due', { severity, region: 'EMEA', openedAt })).json<{
        dueAt: string;
      }>().dueAt;
    expect(await due('2026-11-24T15:00:00Z')).toBe('2026-11-25T15:00:00.000Z');
    expect(await due('2026-11-24T19:00:00Z')).toBe('2026-11-25T16:00:00.000Z');
    expect(await due('2026-11-27T15:00:00Z')).toBe('2026-11-30T15:00:00.000Z');
    expect(await due('2026-11-24T15:00:00Z', 'S1')).toBe('2026-11-24T15:15:00.000Z');
    expect(await due('2026-11-24T15:00:00Z', 'S2')).toBe('2026-11-24T15:30:00.000Z');
  });

  it('skips Thanksgiving in New York and explains what it skipped', async () => {
    // Wed 25 Nov 2026 16:00 EST + 1 business day: Thu 26 is Thanksgiving → Fri 27 16:00 EST.
    const response = await w.a.engineer.post('/policy/response-due?explain=true', {
      severity: 'S3',
      region: 'AMER',
      openedAt: '2026-11-25T21:00:00Z',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ dueAt: string; explain: unknown }>();
    expect(body.dueAt).toBe('2026-11-27T21:00:00.000Z');
    expect(JSON.stringify(body.explain)).toMatch(/Thanksgiving/);
  });

  it('refuses local times without an offset and unknown regions', async () => {
    const noOffset = expectProblem(
      await w.a.engineer.post('/policy/response-due', {
        severity: 'S3',
        region: 'EMEA',
        openedAt: '2026-11-24T15:00:00',
      }),
      422,
    );
    expect(noOffset.errors?.[0]?.path).toBe('openedAt');
    expectProblem(
      await w.a.engineer.post('/policy/response-due', {
        severity: 'S3',
        region: 'MARS',
        openedAt: '2026-11-24T15:00:00Z',
      }),
      422,
    );
  });
});

describe('POST /policy/maintenance-check', () => {
  const check = (body: object, query = '') => w.provider.post(`/policy/maintenance-check${query}`, body);

  it('allows a routine change inside a weekday window', async () => {
    const response = await check({
      region: 'EMEA',
      type: 'routine',
      start: '2026-12-01T20:00:00Z',
      end: '2026-12-01T23:00:00Z',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ allowed: true, violations: [] });
  });

  it('names every rule broken', async () => {
    const outside = (
      await check({
        region: 'EMEA',
        type: 'routine',
        start: '2026-12-01T12:00:00Z',
        end: '2026-12-01T13:00:00Z',
      })
    ).json();
    expect(outside.allowed).toBe(false);
    expect(outside.violations.map((v: { code: string }) => v.code)).toContain('outside_window');
    // Saturday 5 Dec 2026 21:00 CET: a weekend window admits only infrastructure.
    const weekend = (
      await check({
        region: 'EMEA',
        type: 'routine',
        start: '2026-12-05T20:00:00Z',
        end: '2026-12-05T22:00:00Z',
      })
    ).json();
    expect(weekend.violations.map((v: { code: string }) => v.code)).toEqual([
      'weekend_requires_infrastructure',
    ]);
    const upgrade = (
      await check({
        region: 'EMEA',
        type: 'upgrade',
        start: '2026-12-01T20:00:00Z',
        end: '2026-12-01T22:00:00Z',
        noticeAt: '2026-11-24T10:00:00Z',
      })
    ).json();
    expect(upgrade.violations.map((v: { code: string }) => v.code).sort()).toEqual([
      'notice_period',
      'upgrade_reason_required',
    ]);
    const emergency = (
      await check({
        region: 'EMEA',
        type: 'emergency',
        start: '2026-12-01T12:00:00Z',
        end: '2026-12-01T13:00:00Z',
      })
    ).json();
    expect(emergency.violations.map((v: { code: string }) => v.code)).toEqual(['emergency_reason_required']);
  });

  it('explains a verdict on request', async () => {
    const response = await check(
      { region: 'EMEA', type: 'routine', start: '2026-12-01T12:00:00Z', end: '2026-12-01T13:00:00Z' },
      '?explain=true',
    );
    const violation = response.json().violations[0];
    expect(violation.explain).toBeDefined();
  });

  it('refuses an end before the start', async () => {
    expectProblem(
      await check({
        region: 'EMEA',
        type: 'routine',
        start: '2026-12-01T23:00:00Z',
        end: '2026-12-01T20:00:00Z',
      }),
      422,
    );
    expectProblem(
      await check({ type: 'routine', start: '2026-12-01T20:00:00Z', end: '2026-12-01T23:00:00Z' }),
      422,
    );
  });
});

describe('POST /policy/next-slot', () => {
  it('proposes a slot that the checker then allows', async () => {
    const body = {
      region: 'AUS',
      type: 'service_interrupting',
      durationMinutes: 120,
      noticeAt: '2026-11-24T00:00:00Z',
    };
    const response = await w.provider.post('/policy/next-slot', body);
    expect(response.statusCode, response.body).toBe(200);
    const slot = response.json<{ common: { start: string; end: string } | null }>().common;
    expect(slot).not.toBeNull();
    const verdict = await w.provider.post('/policy/maintenance-check', {
      region: 'AUS',
      type: 'service_interrupting',
      start: slot?.start,
      end: slot?.end,
      noticeAt: '2026-11-24T00:00:00Z',
    });
    expect(verdict.json()).toEqual({ allowed: true, violations: [] });
  });
});

describe('POST /policy/backup-retention', () => {
  it('keeps the 3 newest good backups and everything under 33 days; provider only', async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 10, 24) - n * 86_400_000).toISOString();
    const backups = [
      { id: 'fresh-bad', takenAt: day(1), ok: false },
      { id: 'd40', takenAt: day(40), ok: true },
      { id: 'd41', takenAt: day(41), ok: true },
      { id: 'd42', takenAt: day(42), ok: true },
      { id: 'd43', takenAt: day(43), ok: true },
      { id: 'd50-bad', takenAt: day(50), ok: false },
    ];
    const body = { now: '2026-11-24T00:00:00Z', backups };
    const response = await w.provider.post('/policy/backup-retention', body);
    expect(response.statusCode, response.body).toBe(200);
    expect(new Set(response.json().retain)).toEqual(new Set(['fresh-bad', 'd40', 'd41', 'd42']));
    expect(new Set(response.json().purge)).toEqual(new Set(['d43', 'd50-bad']));
    expectProblem(await w.a.admin.post('/policy/backup-retention', body), 403);
    expectProblem(await w.anonymous.post('/policy/backup-retention', body), 401);
  });
});

describe('GET /maintenance-windows', () => {
  it('lists windows starting in [from, to) with wall-clock lengths across the Paris clock change', async () => {
    const response = await w.a.viewer.get(
      '/maintenance-windows?region=EMEA&from=2026-10-24T00:00:00Z&to=2026-10-27T00:00:00Z',
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toEqual([
      { start: '2026-10-24T19:00:00.000Z', end: '2026-10-25T05:00:00.000Z', kind: 'weekend' },
      { start: '2026-10-25T20:00:00.000Z', end: '2026-10-26T05:00:00.000Z', kind: 'weekend' },
      { start: '2026-10-26T20:00:00.000Z', end: '2026-10-27T05:00:00.000Z', kind: 'weekday' },
    ]);
  });

  it('answers 400 for a bad query', async () => {
    expectProblem(await w.a.viewer.get('/maintenance-windows?region=EMEA&from=2026-10-24T00:00:00Z'), 400);
    expectProblem(
      await w.a.viewer.get(
        '/maintenance-windows?region=EMEA&from=2026-10-24T00:00:00Z&to=2026-10-01T00:00:00Z',
      ),
      400,
    );
    expectProblem(
      await w.a.viewer.get(
        '/maintenance-windows?region=EMEA&from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z',
      ),
      400,
    );
    expectProblem(
      await w.anonymous.get(
        '/maintenance-windows?region=EMEA&from=2026-10-24T00:00:00Z&to=2026-10-27T00:00:00Z',
      ),
      401,
    );
  });
});

describe('policy documents from operators', () => {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const diops = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'diops.mjs'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });

  it('`diops policy check` accepts the default and names the bad field of a broken one', () => {
    const ok = diops('policy', 'check', path.join(root, 'policy', 'default.json'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/is valid \(version /);
    const broken = JSON.parse(fs.readFileSync(path.join(root, 'policy', 'default.json'), 'utf8'));
    broken.regions.AMER.timeZone = 'Mars/Olympus';
    broken.changes.noticeBusinessDays = -1;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'diops-policy-')), 'broken.json');
    fs.writeFileSync(file, JSON.stringify(broken));
    const bad = diops('policy', 'check', file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/\/changes\/noticeBusinessDays/);
  });

  it('accepts YAML', () => {
    const document = JSON.parse(fs.readFileSync(path.join(root, 'policy', 'default.json'), 'utf8'));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'diops-policy-')), 'policy.json.yaml');
    // JSON is valid YAML; the loader picks its parser by extension.
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    const ok = diops('policy', 'check', file);
    expect(ok.status, ok.stderr).toBe(0);
  });
});
