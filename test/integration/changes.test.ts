import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY_MS,
  getCalendar,
  type MaintenanceWindow,
  nextAllowedSlot,
  nextWindowStartingAt,
  type Policy,
  type Region,
} from '../../src/core/index.ts';
import { drainOutbox } from '../../src/server/jobs/outbox-relay.ts';
import { remindUpcomingChanges } from '../../src/server/modules/changes/change-reminders.job.ts';
import { SUGGESTION_LEAD_MS, suggestSlot } from '../../src/server/modules/changes/changes.service.ts';
import { createSender } from '../../src/server/notify/sender.ts';
import { createIsolatedDatabase } from '../support/isolated-database.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/receivers.ts';
import {
  createTestApp,
  createWorld,
  expectProblem,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';

interface ChangeBody {
  id: string;
  reference: string;
  type: string;
  status: string;
  start: string;
  end: string;
  regions: string[];
  regionTimes: {
    region: string;
    timeZone: string;
    localStart: string;
    localEnd: string;
    windowKind: string | null;
  }[];
  customerCount: number;
  noticeSentAt: string | null;
  sequence: number;
  reschedules: number;
  reschedule: { allowed: boolean; code: string | null };
}
interface DetailBody extends ChangeBody {
  customers: { id: string; partnerId: string }[];
  history: { kind: string; detail: Record<string, unknown> }[];
  rescheduleRequests: { id: string; status: string; partnerId: string }[];
  tasks: { id: string; kind: string; position: number; doneAt: string | null }[];
}

let t: TestApp;
let w: World;
let smtp: SmtpReceiver;
let policy: Policy;
let dropDatabase: () => Promise<void>;
const HOUR = 3_600_000;

beforeAll(async () => {
  const isolated = await createIsolatedDatabase('changes');
  dropDatabase = isolated.drop;
  smtp = await startSmtpReceiver();
  t = await createTestApp({
    DATABASE_URL: isolated.url,
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://diops.example.net',
  });
  w = await createWorld(t);
  policy = t.app.ctx.policy.policy;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await dropDatabase();
});

/** The first window of a kind starting after `after` in a region. */
function windowAfter(
  region: Region,
  after: number,
  kind: 'weekday' | 'weekend' = 'weekday',
): MaintenanceWindow {
  const cal = getCalendar(policy, region);
  let window = nextWindowStartingAt(cal, after);
  while (window.kind !== kind) window = nextWindowStartingAt(cal, window.start + 1);
  return window;
}

/** A routine slot: one hour inside the next weekday window at least `aheadMs` from now. */
function routineSlot(region: Region = 'EMEA', aheadMs = 2 * HOUR) {
  const window = windowAfter(region, Date.now() + aheadMs);
  return {
    start: new Date(window.start + 30 * 60_000).toISOString(),
    end: new Date(window.start + 90 * 60_000).toISOString(),
  };
}

/** The earliest slot that respects the notice period for an interrupting type. */
function noticedSlot(
  type: 'service_interrupting' | 'upgrade' | 'cop_install',
  regions: Region[],
  extra = {},
) {
  const result = nextAllowedSlot(policy, {
    type,
    durationMinutes: 60,
    regions,
    noticeAt: Date.now() + 5 * 60_000,
    ...extra,
  });
  if (!result.common) throw new Error('no slot');
  return {
    start: new Date(result.common.start).toISOString(),
    end: new Date(result.common.end).toISOString(),
  };
}

async function createChange(body: Record<string, unknown>) {
  const response = await w.provider.post('/changes', { title: unique('Change'), ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ChangeBody>();
}

const countChanges = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM changes`.execute(t.database.db)).rows[0]?.n);

const eventsOf = (changeId: string) =>
  t.database.db
    .selectFrom('notification_events')
    .select(['kind', 'audience_partner_ids', 'audience_provider', 'payload'])
    .where('subject_id', '=', changeId)
    .orderBy('created_at')
    .execute();

describe('planning a change', () => {
  it('creates a routine change for one customer, queues the notice in the same transaction and scopes it', async () => {
    const slot = routineSlot();
    const before = Date.now();
    const change = await createChange({ type: 'routine', customerIds: [w.a.customerId], ...slot });
    expect(change.status).toBe('notice_sent');
    expect(change.reference).toMatch(/^CHG-\d{6}$/);
    expect(Date.parse(change.noticeSentAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(change.regions).toEqual(['EMEA']);
    expect(change.customerCount).toBe(1);
    const local = change.regionTimes[0];
    expect(local?.timeZone).toBe('Europe/Paris');
    expect(local?.localStart.endsWith('T21:30')).toBe(true);
    expect(local?.windowKind).toBe('weekday');

    const events = await eventsOf(change.id);
    expect(events.map((e) => e.kind)).toEqual(['change.notice']);
    expect(events[0]?.audience_partner_ids).toEqual([w.a.partnerId]);

    expect((await w.a.engineer.get(`/changes/${change.id}`)).statusCode).toBe(200);
    expect((await w.a.viewer.get(`/changes/${change.id}`)).statusCode).toBe(200);
    expectProblem(await w.b.admin.get(`/changes/${change.id}`), 404);
    const bList = (await w.b.admin.get('/changes?limit=200')).json<{ items: ChangeBody[] }>();
    expect(bList.items.map((c) => c.id)).not.toContain(change.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['partner_id'])
      .where('entity_id', '=', change.id)
      .execute();
    expect(audit.map((a) => a.partner_id).sort()).toEqual([null, w.a.partnerId].sort());
  });

  it('answers 422 naming every broken rule, per region, and writes nothing', async () => {
    const before = await countChanges();
    const weekend = windowAfter('EMEA', Date.now() + HOUR, 'weekend');
    const response = await w.provider.post('/changes', {
      type: 'upgrade',
      title: 'Upgrade without reason on a weekend',
      customerIds: [w.a.customerId],
      start: new Date(weekend.start + HOUR).toISOString(),
      end: new Date(weekend.start + 2 * HOUR).toISOString(),
    });
    const body = expectProblem(response, 422);
    const codes = (body.errors ?? []).map((e) => e.code).sort();
    expect(codes).toEqual(['notice_period', 'upgrade_reason_required', 'weekend_requires_infrastructure']);
    expect(body.errors?.find((e) => e.code === 'upgrade_reason_required')?.path).toBe('reason');

    // Both regions of tenant A at local noon: outside the window in each region, named per region.
    const noon = windowAfter('EMEA', Date.now() + HOUR).start + 15 * HOUR;
    const both = expectProblem(
      await w.provider.post('/changes', {
        type: 'routine',
        title: 'At noon',
        partnerIds: [w.a.partnerId],
        start: new Date(noon).toISOString(),
        end: new Date(noon + HOUR).toISOString(),
      }),
      422,
    );
    const outside = (both.errors ?? []).filter((e) => e.code === 'outside_window');
    expect(outside.map((e) => e.message.slice(0, 4)).sort()).toEqual(['AMER', 'EMEA']);
    // Each names its region as a field too, so a client need not read it from the message.
    expect(outside.map((e) => (e as { region?: string }).region).sort()).toEqual(['AMER', 'EMEA']);

    const slot = routineSlot();
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          type: 'emergency',
          start: new Date(Date.now()).toISOString(),
          end: new Date(Date.now() + HOUR).toISOString(),
        },
        'emergency_reason_required',
      ],
      [{ type: 'certificate_renewal', ...slot }, 'certificate_window'],
      [{ type: 'routine', ...slot, end: slot.start }, 'invalid_interval'],
      [{ type: 'service_interrupting', noImpact: true, ...slot }, 'no_impact_type'],
      [
        { type: 'routine', emergency: true, emergencyReason: 'prevent_outage', ...slot },
        'emergency_flag_type',
      ],
      [
        {
          type: 'routine',
          start: new Date(Date.now() - DAY_MS).toISOString(),
          end: new Date(Date.now() - DAY_MS + HOUR).toISOString(),
        },
        'start_in_past',
      ],
    ];
    for (const [body, code] of cases) {
      const problem = expectProblem(
        await w.provider.post('/changes', { title: 'Bad', customerIds: [w.a.customerId], ...body }),
        422,
      );
      expect(
        (problem.errors ?? []).map((e) => e.code),
        code,
      ).toContain(code);
    }
    const unknown = expectProblem(
      await w.provider.post('/changes', {
        type: 'routine',
        title: 'Nobody',
        customerIds: [crypto.randomUUID()],
        ...slot,
      }),
      422,
    );
    expect(unknown.errors?.[0]).toMatchObject({ code: 'unknown_customer', path: 'customerIds.0' });
    const nobody = expectProblem(
      await w.provider.post('/changes', { type: 'routine', title: 'Nobody', ...slot }),
      422,
    );
    expect(nobody.errors?.[0]?.code).toBe('no_customers');
    expect(await countChanges()).toBe(before);
  });

  it('is the provider’s: partners get 403, unknown fields 400, the check endpoint answers without writing', async () => {
    const slot = routineSlot();
    expectProblem(
      await w.a.admin.post('/changes', {
        type: 'routine',
        title: 'x',
        customerIds: [w.a.customerId],
        ...slot,
      }),
      403,
    );
    expectProblem(
      await w.provider.post('/changes', {
        type: 'routine',
        title: 'x',
        customerIds: [w.a.customerId],
        ...slot,
        colour: 'red',
      }),
      400,
    );
    const before = await countChanges();
    const check = (
      await w.provider.post('/changes/check', {
        type: 'service_interrupting',
        title: 'x',
        partnerIds: [w.a.partnerId],
        ...slot,
      })
    ).json<{
      allowed: boolean;
      violations: { code: string; region?: string }[];
      customerCount: number;
      regions: string[];
      nextSlot: { start: string } | null;
    }>();
    expect(check.allowed).toBe(false);
    expect(check.customerCount).toBe(2);
    expect(check.regions).toEqual(['AMER', 'EMEA']);
    expect(
      check.violations
        .filter((v) => v.code === 'notice_period')
        .map((v) => v.region)
        .sort(),
    ).toEqual(['AMER', 'EMEA']);
    // The suggestion itself passes every rule.
    const suggested = check.nextSlot;
    expect(suggested).not.toBeNull();
    const recheck = (
      await w.provider.post('/changes/check', {
        type: 'service_interrupting',
        title: 'x',
        partnerIds: [w.a.partnerId],
        start: suggested?.start,
        end: new Date(Date.parse(suggested?.start ?? '') + HOUR).toISOString(),
      })
    ).json<{ allowed: boolean }>();
    expect(recheck.allowed).toBe(true);
    // The form checks before a title is typed.
    const untitled = await w.provider.post('/changes/check', {
      type: 'routine',
      customerIds: [w.a.customerId],
      ...slot,
    });
    expect(untitled.json<{ allowed: boolean }>().allowed).toBe(true);
    expect(await countChanges()).toBe(before);
    expectProblem(await w.a.admin.post('/changes/check', { type: 'routine', title: 'x', ...slot }), 403);
  });

  it('selects customers by partner, region and version, and each partner is told only of its own', async () => {
    const slot = noticedSlot('service_interrupting', ['EMEA']);
    const change = await createChange({ type: 'service_interrupting', regions: ['EMEA'], ...slot });
    const emea = await t.database.db
      .selectFrom('customers')
      .select(['id', 'partner_id'])
      .where('region', '=', 'EMEA')
      .where('active', '=', true)
      .execute();
    expect(change.customerCount).toBe(emea.length);
    const events = await eventsOf(change.id);
    const partners = [...new Set(emea.map((c) => c.partner_id))].sort();
    expect(events.flatMap((e) => e.audience_partner_ids).sort()).toEqual(partners);
    const mine = events.find((e) => e.audience_partner_ids[0] === w.a.partnerId);
    expect((mine?.payload as { customerCount?: number } | undefined)?.customerCount).toBe(1);
    // Partner A sees one customer of it, not the others'.
    const seen = (await w.a.admin.get(`/changes/${change.id}`)).json<DetailBody>();
    expect(seen.customerCount).toBe(1);
    expect(seen.customers.map((c) => c.id)).toEqual([w.a.customerId]);

    const version = unique('9.1 SU');
    await t.database.db
      .insertInto('applications')
      .values({
        partner_id: w.b.partnerId,
        customer_id: w.b.otherCustomerId,
        kind: 'cucm',
        name: unique('cucm'),
        version,
        region: 'AMER',
        nodes: JSON.stringify([{ hostname: 'pub.example', role: 'publisher', dataCentre: 'DAL1' }]),
        primary_dc: 'DAL1',
        tier: 'unsupported',
        updated_at: new Date(),
      })
      .execute();
    const byVersion = (
      await w.provider.post('/changes/check', {
        type: 'routine',
        title: 'v',
        versions: [version],
        ...routineSlot('AMER'),
      })
    ).json<{ customerCount: number; regions: string[] }>();
    expect(byVersion.customerCount).toBe(1);
    expect(byVersion.regions).toEqual(['AMER']);
  });

  it('a no-impact routine change sends nothing but is listed for calendars', async () => {
    const change = await createChange({
      type: 'routine',
      noImpact: true,
      customerIds: [w.b.customerId],
      ...routineSlot(),
    });
    expect(change.status).toBe('scheduled');
    expect(change.noticeSentAt).toBeNull();
    expect(await eventsOf(change.id)).toHaveLength(0);
    const from = new Date(Date.parse(change.start) - HOUR).toISOString();
    const to = new Date(Date.parse(change.end) + HOUR).toISOString();
    const listed = (await w.b.admin.get(`/changes?from=${from}&to=${to}`)).json<{ items: ChangeBody[] }>();
    expect(listed.items.map((c) => c.id)).toContain(change.id);
  });

  it('accepts a change on a daylight-saving night: the window is 8 hours, its local times are right', async () => {
    // Europe/Paris springs forward on Sunday 28 March 2027: the Saturday window 21:00 → 06:00 lasts 8 hours.
    const start = '2027-03-27T20:00:00.000Z'; // 21:00 CET
    const end = '2027-03-28T04:00:00.000Z'; // 06:00 CEST
    const change = await createChange({ type: 'infrastructure', customerIds: [w.a.customerId], start, end });
    expect(change.regionTimes[0]).toMatchObject({
      localStart: '2027-03-27T21:00',
      localEnd: '2027-03-28T06:00',
      windowKind: 'weekend',
    });
    const tooLong = expectProblem(
      await w.provider.post('/changes', {
        type: 'infrastructure',
        title: 'Nine hours on an eight-hour night',
        customerIds: [w.a.customerId],
        start,
        end: '2027-03-28T05:00:00.000Z',
      }),
      422,
    );
    expect(tooLong.errors?.[0]?.code).toBe('outside_window');
  });
});

describe('suggested slots', () => {
  it('start at least half an hour from now, on a quarter hour, even inside an open window', () => {
    const policy = t.app.ctx.policy.policy;
    const window = nextWindowStartingAt(getCalendar(policy, 'EMEA'), Date.now() + 2 * DAY_MS);
    for (const minutesIn of [0, 7, 29, 31, 44]) {
      const now = window.start + minutesIn * 60_000;
      const slot = suggestSlot(
        policy,
        {
          type: 'routine',
          regions: ['EMEA'],
          noticeAt: now,
          reason: null,
          emergencyReason: null,
          certificateExpiresAt: null,
          flags: { emergency: false },
          durationMs: HOUR,
        },
        now,
      );
      const start = Date.parse(slot?.start ?? '');
      expect(start - now).toBeGreaterThanOrEqual(SUGGESTION_LEAD_MS);
      expect(start - now).toBeLessThan(SUGGESTION_LEAD_MS + 15 * 60_000);
      expect(start % (15 * 60_000)).toBe(0);
      // Still inside the window that was open, which has room for the hour.
      expect(start + HOUR).toBeLessThanOrEqual(window.end);
    }
  });
});

describe('notices', () => {
  it('reach a real SMTP server in each subscriber’s language with the window in local time', async () => {
    const es = `${unique('mant')}@a.example`;
    const en = `${unique('maint')}@b.example`;
    for (const [caller, target, locale, timeZone] of [
      [w.a.admin, es, 'es', 'America/Bogota'],
      [w.b.admin, en, 'en', 'Asia/Tokyo'],
    ] as const) {
      const sub = await caller.post('/subscriptions', {
        name: unique('Maintenance'),
        categories: ['maintenance_outages'],
        channel: 'email',
        target,
        locale,
        timeZone,
      });
      expect(sub.statusCode, sub.body).toBe(201);
    }
    const deps = { db: t.database.db, outbox: t.config.outbox, sender: createSender(t.config) };
    await sql`UPDATE notification_events SET fanned_out_at = now() WHERE fanned_out_at IS NULL`.execute(
      t.database.db,
    );
    const slot = routineSlot();
    const change = await createChange({
      type: 'routine',
      title: 'Parche de seguridad',
      customerIds: [w.a.customerId],
      ...slot,
    });
    await drainOutbox(deps);
    await drainOutbox(deps);
    const mails = smtp.messages.filter((m) => m.to === es);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(
      `[DI Ops] Mantenimiento programado ${change.reference}: Parche de seguridad`,
    );
    expect(mails[0]?.text).toContain('Hora local EMEA (Europe/Paris)');
    expect(mails[0]?.text).toContain('21:30');
    expect(mails[0]?.text).toContain('(America/Bogota)');
    expect(mails[0]?.html).toContain(`https://diops.example.net/changes/${change.id}`);
    expect(smtp.messages.filter((m) => m.to === en)).toHaveLength(0);

    // Start and completion tell the same people.
    await w.provider.post(`/changes/${change.id}/start`);
    await w.provider.post(`/changes/${change.id}/complete`, { note: 'Aplicado sin incidencias' });
    await drainOutbox(deps);
    await drainOutbox(deps);
    deps.sender.close();
    const subjects = smtp.messages.filter((m) => m.to === es).map((m) => m.subject);
    expect(subjects).toContain(
      `[DI Ops] Ha empezado el mantenimiento ${change.reference}: Parche de seguridad`,
    );
    expect(subjects).toContain(`[DI Ops] Mantenimiento ${change.reference} completado: Parche de seguridad`);
  });

  it('emergencies go to the partners and the provider’s own list at once; reminders go out once the day before', async () => {
    const now = Date.now();
    const emergency = await createChange({
      type: 'emergency',
      emergencyReason: 'restore_service',
      customerIds: [w.a.customerId],
      start: new Date(now).toISOString(),
      end: new Date(now + 2 * HOUR).toISOString(),
    });
    const events = await eventsOf(emergency.id);
    expect(events.map((e) => e.kind)).toEqual(['change.emergency', 'change.emergency']);
    expect(events.some((e) => e.audience_provider)).toBe(true);

    const change = await createChange({ type: 'routine', customerIds: [w.b.customerId], ...routineSlot() });
    const start = Date.parse(change.start);
    const reminders = async () =>
      (await eventsOf(change.id)).filter((e) => e.kind === 'change.reminder').length;
    await remindUpcomingChanges(t.database.db, policy, start - 25 * HOUR);
    expect(await reminders()).toBe(0);
    const first = await remindUpcomingChanges(t.database.db, policy, start - 23 * HOUR);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    await remindUpcomingChanges(t.database.db, policy, start - 22 * HOUR);
    const kinds = (await eventsOf(change.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'change.reminder')).toHaveLength(1);
  });
});

describe('lifecycle', () => {
  it('moves scheduled → in progress → completed; wrong moves are 409; cancelling raises the sequence', async () => {
    const change = await createChange({ type: 'routine', customerIds: [w.a.customerId], ...routineSlot() });
    expectProblem(await w.provider.post(`/changes/${change.id}/complete`, {}), 409, 'invalid_transition');
    expectProblem(await w.a.admin.post(`/changes/${change.id}/start`), 403);
    const started = (await w.provider.post(`/changes/${change.id}/start`)).json<ChangeBody>();
    expect(started.status).toBe('in_progress');
    expectProblem(await w.provider.post(`/changes/${change.id}/cancel`, { reason: 'late' }), 409);
    const done = (await w.providerEngineer.post(`/changes/${change.id}/complete`, {})).json<ChangeBody>();
    expect(done.status).toBe('completed');

    const other = await createChange({ type: 'routine', customerIds: [w.a.customerId], ...routineSlot() });
    const cancelled = (
      await w.provider.post(`/changes/${other.id}/cancel`, { reason: 'Vendor fix withdrawn' })
    ).json<ChangeBody>();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.sequence).toBe(other.sequence + 1);
    const detail = (await w.a.admin.get(`/changes/${other.id}`)).json<DetailBody>();
    expect(detail.history.map((h) => h.kind)).toEqual(['created', 'notice_sent', 'cancelled']);
    expect((await eventsOf(other.id)).map((e) => e.kind)).toEqual(['change.notice', 'change.cancelled']);
  });

  it('completing a certificate renewal gives SSO customers four ordered tasks the partner works through', async () => {
    await t.database.db
      .insertInto('applications')
      .values({
        partner_id: w.a.partnerId,
        customer_id: w.a.customerId,
        kind: 'cucm',
        name: unique('cucm-sso'),
        version: '15.0 SU1',
        region: 'EMEA',
        nodes: JSON.stringify([{ hostname: 'pub.example', role: 'publisher', dataCentre: 'AMS1' }]),
        primary_dc: 'AMS1',
        tier: 'n',
        sso_enabled: true,
        updated_at: new Date(),
      })
      .execute();
    const window = windowAfter('EMEA', Date.now() + 2 * HOUR);
    const start = window.start + HOUR;
    const change = await createChange({
      type: 'certificate_renewal',
      customerIds: [w.a.customerId, w.b.customerId],
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR).toISOString(),
      certificateExpiresAt: new Date(start + 5 * DAY_MS).toISOString(),
    });
    expect(change.reschedule).toMatchObject({ allowed: false, code: 'not_reschedulable' });
    await w.provider.post(`/changes/${change.id}/start`);
    await w.provider.post(`/changes/${change.id}/complete`, {});
    const tasks = (await w.a.engineer.get(`/change-tasks?changeId=${change.id}`)).json<{
      items: DetailBody['tasks'];
    }>().items;
    expect(tasks.map((task) => task.kind)).toEqual([
      'disable_sso',
      'reimport_idp_metadata',
      'enable_sso',
      'validate_sign_in',
    ]);
    // Tenant B's customer has no SSO: no tasks; B sees none of A's.
    expect(
      (await w.b.admin.get(`/change-tasks?changeId=${change.id}`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(0);
    const [first, second] = tasks;
    expectProblem(await w.a.engineer.post(`/change-tasks/${second?.id}/done`), 409, 'task_order');
    expectProblem(await w.provider.post(`/change-tasks/${first?.id}/done`), 403);
    expectProblem(await w.b.admin.post(`/change-tasks/${first?.id}/done`), 404);
    expect(
      (await w.a.engineer.post(`/change-tasks/${first?.id}/done`)).json<{ doneAt: string | null }>().doneAt,
    ).not.toBeNull();
    expect((await w.a.engineer.post(`/change-tasks/${second?.id}/done`)).statusCode).toBe(200);
    expectProblem(await w.a.engineer.post(`/change-tasks/${first?.id}/reopen`), 409, 'task_order');
    expect(
      (await w.provider.get(`/change-tasks?changeId=${change.id}&status=done`)).json<{ items: unknown[] }>()
        .items,
    ).toHaveLength(2);
    const kinds = (await eventsOf(change.id)).map((e) => e.kind);
    expect(kinds).toContain('change.sso_tasks');
  });
});

describe('rescheduling', () => {
  it('takes partner requests with a detailed reason, marks late ones, refuses what cannot move', async () => {
    const slot = noticedSlot('service_interrupting', ['EMEA']);
    const change = await createChange({
      type: 'service_interrupting',
      customerIds: [w.a.customerId],
      ...slot,
    });
    const short = expectProblem(
      await w.a.engineer.post(`/changes/${change.id}/reschedule-requests`, { reason: 'busy' }),
      422,
    );
    expect(short.errors?.[0]).toMatchObject({ code: 'reason_too_short', path: 'reason' });
    expectProblem(
      await w.provider.post(`/changes/${change.id}/reschedule-requests`, { reason: 'x'.repeat(30) }),
      403,
    );
    expectProblem(
      await w.b.admin.post(`/changes/${change.id}/reschedule-requests`, { reason: 'x'.repeat(30) }),
      404,
    );
    const reason = 'Quarter-end trading: the contact centre cannot lose calls that week.';
    const created = await w.a.engineer.post(`/changes/${change.id}/reschedule-requests`, { reason });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ late: boolean }>().late).toBe(false);
    expectProblem(
      await w.a.admin.post(`/changes/${change.id}/reschedule-requests`, { reason }),
      409,
      'request_open',
    );

    // Asked more than 3 business days after the notice: accepted, marked late.
    const late = await createChange({
      type: 'service_interrupting',
      customerIds: [w.a.customerId],
      ...noticedSlot('service_interrupting', ['EMEA']),
    });
    await t.database.db
      .updateTable('changes')
      .set({ notice_sent_at: new Date(Date.now() - 7 * DAY_MS) })
      .where('id', '=', late.id)
      .execute();
    const lateRequest = (
      await w.a.engineer.post(`/changes/${late.id}/reschedule-requests`, { reason })
    ).json<{ late: boolean }>();
    expect(lateRequest.late).toBe(true);

    const emergency = await createChange({
      type: 'emergency',
      emergencyReason: 'prevent_outage',
      customerIds: [w.a.customerId],
      start: new Date(Date.now() + HOUR).toISOString(),
      end: new Date(Date.now() + 2 * HOUR).toISOString(),
    });
    expectProblem(
      await w.a.engineer.post(`/changes/${emergency.id}/reschedule-requests`, { reason }),
      409,
      'not_reschedulable',
    );
    const security = await createChange({
      type: 'upgrade',
      reason: 'security_vulnerability',
      customerIds: [w.a.customerId],
      ...noticedSlot('upgrade', ['EMEA'], { reason: 'security_vulnerability' }),
    });
    expectProblem(
      await w.a.engineer.post(`/changes/${security.id}/reschedule-requests`, { reason }),
      409,
      'not_reschedulable',
    );
    const emergencyCop = await createChange({
      type: 'cop_install',
      emergency: true,
      emergencyReason: 'remediate_vulnerability',
      customerIds: [w.a.customerId],
      ...routineSlot(),
    });
    expect(emergencyCop.status).toBe('notice_sent');
    expectProblem(
      await w.a.engineer.post(`/changes/${emergencyCop.id}/reschedule-requests`, { reason }),
      409,
      'not_reschedulable',
    );

    // The provider's queue holds the open requests, oldest first; partner B sees none of A's.
    const queue = (await w.provider.get('/reschedule-requests?status=open&limit=200')).json<{
      items: { changeId: string; late: boolean }[];
    }>();
    expect(queue.items.map((r) => r.changeId)).toEqual([change.id, late.id]);
    expect((await w.b.admin.get('/reschedule-requests')).json<{ items: unknown[] }>().items).toHaveLength(0);
    expectProblem(await w.a.viewer.get('/reschedule-requests'), 403);
  });

  it('the provider moves a change to a slot under the same rules: same change, higher sequence, requests granted, new notice', async () => {
    const change = await createChange({
      type: 'service_interrupting',
      customerIds: [w.b.customerId],
      ...noticedSlot('service_interrupting', ['EMEA']),
    });
    const reason = 'Our customer migrates its contact centre that night and needs every line.';
    const request = (await w.b.engineer.post(`/changes/${change.id}/reschedule-requests`, { reason })).json<{
      id: string;
    }>();
    const outside = Date.parse(change.start) + 12 * HOUR;
    const bad = expectProblem(
      await w.provider.post(`/changes/${change.id}/reschedule`, {
        start: new Date(outside).toISOString(),
        end: new Date(outside + HOUR).toISOString(),
      }),
      422,
    );
    expect(bad.errors?.map((e) => e.code)).toContain('outside_window');
    const { slot } = (await w.provider.get(`/changes/${change.id}/next-slot`)).json<{
      slot: { start: string; end: string } | null;
    }>();
    expect(slot).not.toBeNull();
    // Take the window after the suggested one, so the date really moves.
    const later = windowAfter('EMEA', Date.parse(slot?.start ?? '') + 12 * HOUR);
    const moved = (
      await w.provider.post(`/changes/${change.id}/reschedule`, {
        start: new Date(later.start + HOUR).toISOString(),
        end: new Date(later.start + 2 * HOUR).toISOString(),
        note: 'Moved to the following night as asked.',
      })
    ).json<ChangeBody>();
    expect(moved.id).toBe(change.id);
    expect(moved.sequence).toBe(change.sequence + 1);
    expect(moved.reschedules).toBe(1);
    expect(Date.parse(moved.start)).toBe(later.start + HOUR);
    const detail = (await w.b.admin.get(`/changes/${change.id}`)).json<DetailBody>();
    expect(detail.rescheduleRequests.find((r) => r.id === request.id)?.status).toBe('granted');
    expect(detail.history.map((h) => h.kind)).toContain('rescheduled');
    const kinds = (await eventsOf(change.id)).map((e) => e.kind);
    expect(kinds).toEqual(['change.notice', 'change.reschedule_requested', 'change.rescheduled']);
  });

  it('an upgrade moves once, and only when asked 7 days ahead; the provider declines with a note', async () => {
    const upgrade = await createChange({
      type: 'upgrade',
      reason: 'below_n_minus_1',
      customerIds: [w.a.customerId],
      ...noticedSlot('upgrade', ['EMEA'], { reason: 'below_n_minus_1' }),
    });
    const reason = 'The customer runs its annual sales event that week and cannot risk it.';
    const request = (await w.a.admin.post(`/changes/${upgrade.id}/reschedule-requests`, { reason })).json<{
      id: string;
    }>();
    const declined = await w.provider.post(`/reschedule-requests/${request.id}/decline`, {
      note: 'The vulnerability window closes that week.',
    });
    expect(declined.json<{ status: string }>().status).toBe('declined');
    expectProblem(
      await w.provider.post(`/reschedule-requests/${request.id}/decline`, { note: 'again' }),
      409,
    );
    const later = windowAfter('EMEA', Date.parse(upgrade.start) + 12 * HOUR);
    const moved = await w.provider.post(`/changes/${upgrade.id}/reschedule`, {
      start: new Date(later.start + HOUR).toISOString(),
      end: new Date(later.start + 2 * HOUR).toISOString(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expectProblem(
      await w.a.admin.post(`/changes/${upgrade.id}/reschedule-requests`, { reason }),
      409,
      'upgrade_already_rescheduled',
    );
    expectProblem(
      await w.provider.post(`/changes/${upgrade.id}/reschedule`, {
        start: moved.json<ChangeBody>().start,
        end: moved.json<ChangeBody>().end,
      }),
      409,
      'upgrade_already_rescheduled',
    );

    const close = await createChange({
      type: 'upgrade',
      reason: 'end_of_life',
      customerIds: [w.a.customerId],
      ...noticedSlot('upgrade', ['EMEA'], { reason: 'end_of_life' }),
    });
    await t.database.db
      .updateTable('changes')
      .set({ start_at: new Date(Date.now() + 3 * DAY_MS), end_at: new Date(Date.now() + 3 * DAY_MS + HOUR) })
      .where('id', '=', close.id)
      .execute();
    expectProblem(
      await w.a.admin.post(`/changes/${close.id}/reschedule-requests`, { reason }),
      422,
      'upgrade_too_close',
    );
  });
});

describe('joint review of partner change requests', () => {
  interface RequestBody {
    id: string;
    reference: string;
    status: string;
    changeId: string | null;
    notes: { kind: string; status: string | null; body: string; authorSide: string }[];
  }

  it('goes submitted → in review → approved → scheduled (a real change under the rules) → completed', async () => {
    const submitted = await w.a.engineer.post('/change-requests', {
      customerId: w.a.customerId,
      kind: 'boundary_devices',
      title: 'Add two SBCs for the Lisbon office',
      description: 'Trunks from the new CUBE pair to the CUCM cluster; the partner configures the SBCs.',
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const request = submitted.json<RequestBody>();
    expect(request).toMatchObject({ status: 'submitted', changeId: null });
    expect(request.reference).toMatch(/^CR-\d{6}$/);
    expectProblem(await w.b.admin.get(`/change-requests/${request.id}`), 404);
    expectProblem(
      await w.a.engineer.post('/change-requests', {
        customerId: w.b.customerId,
        kind: 'other',
        title: 'x',
        description: 'y',
      }),
      422,
    );
    expectProblem(
      await w.provider.post('/change-requests', {
        customerId: w.a.customerId,
        kind: 'other',
        title: 'x',
        description: 'y',
      }),
      403,
    );
    expectProblem(await w.a.admin.post(`/change-requests/${request.id}/approve`, {}), 403);
    expectProblem(
      await w.provider.post(`/change-requests/${request.id}/approve`, {}),
      409,
      'invalid_transition',
    );

    await w.provider.post(`/change-requests/${request.id}/review`, {});
    await w.a.engineer.post(`/change-requests/${request.id}/notes`, {
      body: 'The SBCs are racked and reachable.',
    });
    const approved = (
      await w.provider.post(`/change-requests/${request.id}/approve`, {
        note: 'Approved for a weekday window.',
      })
    ).json<RequestBody>();
    expect(approved.status).toBe('approved');

    const noon = windowAfter('EMEA', Date.now() + HOUR).start + 15 * HOUR;
    const bad = expectProblem(
      await w.provider.post(`/change-requests/${request.id}/schedule`, {
        type: 'routine',
        start: new Date(noon).toISOString(),
        end: new Date(noon + HOUR).toISOString(),
      }),
      422,
    );
    expect(bad.errors?.[0]?.code).toBe('outside_window');
    expect((await w.a.admin.get(`/change-requests/${request.id}`)).json<RequestBody>().status).toBe(
      'approved',
    );
    const scheduled = (
      await w.provider.post(`/change-requests/${request.id}/schedule`, { type: 'routine', ...routineSlot() })
    ).json<RequestBody>();
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.changeId).not.toBeNull();
    const change = (await w.a.admin.get(`/changes/${scheduled.changeId}`)).json<
      DetailBody & { changeRequestId: string; source: { type: string } }
    >();
    expect(change.changeRequestId).toBe(request.id);
    expect(change.source.type).toBe('change_request');
    await w.provider.post(`/changes/${scheduled.changeId}/start`);
    await w.provider.post(`/changes/${scheduled.changeId}/complete`, {});
    const done = (await w.a.viewer.get(`/change-requests/${request.id}`)).json<RequestBody>();
    expect(done.status).toBe('completed');
    expect(done.notes.map((n) => [n.kind, n.status, n.authorSide])).toEqual([
      ['decision', 'in_review', 'provider'],
      ['comment', null, 'partner'],
      ['decision', 'approved', 'provider'],
      ['decision', 'scheduled', 'provider'],
      ['decision', 'completed', 'provider'],
    ]);
  });

  it('a rejected request stays rejected; cancelling a scheduled one puts it back to approved', async () => {
    const make = async () =>
      (
        await w.b.admin.post('/change-requests', {
          customerId: w.b.customerId,
          kind: 'service_deactivation',
          title: 'Retire the old IVR',
          description: 'Decommission the IVR integration once the new contact centre is live.',
        })
      ).json<RequestBody>();
    const rejected = await make();
    await w.provider.post(`/change-requests/${rejected.id}/review`, {});
    await w.provider.post(`/change-requests/${rejected.id}/reject`, {
      note: 'Needs the customer’s written approval first.',
    });
    expectProblem(
      await w.provider.post(`/change-requests/${rejected.id}/schedule`, {
        type: 'routine',
        ...routineSlot(),
      }),
      409,
    );

    const again = await make();
    await w.provider.post(`/change-requests/${again.id}/review`, {});
    await w.provider.post(`/change-requests/${again.id}/approve`, {});
    const scheduled = (
      await w.provider.post(`/change-requests/${again.id}/schedule`, { type: 'routine', ...routineSlot() })
    ).json<RequestBody>();
    await w.provider.post(`/changes/${scheduled.changeId}/cancel`, {
      reason: 'Customer postponed its go-live',
    });
    const back = (await w.b.admin.get(`/change-requests/${again.id}`)).json<RequestBody>();
    expect(back).toMatchObject({ status: 'approved', changeId: null });
    const list = (await w.provider.get('/change-requests?status=approved&limit=200')).json<{
      items: { id: string }[];
    }>();
    expect(list.items.map((r) => r.id)).toContain(again.id);
  });
});

describe('changes the product plans', () => {
  it('a provider COP install takes the next window when it is an emergency, the first noticed slot otherwise', async () => {
    const now = Date.now();
    const emergency = await w.provider.post('/cop-installs', {
      fileName: 'ciscocm.v1.0-security-fix.k4.cop.sha512',
      customerIds: [w.a.customerId],
      emergency: true,
      emergencyReason: 'remediate_vulnerability',
    });
    expect(emergency.statusCode, emergency.body).toBe(201);
    const fast = emergency.json<ChangeBody & { emergency: boolean; title: string }>();
    expect(fast).toMatchObject({ type: 'cop_install', emergency: true, status: 'notice_sent' });
    expect(fast.title).toContain('ciscocm.v1.0-security-fix.k4.cop.sha512');
    const next = windowAfter('EMEA', now - 10 * HOUR);
    // Inside the window in progress or the next one: never days away.
    expect(Date.parse(fast.start)).toBeLessThan(Math.max(next.end, now) + 4 * DAY_MS);
    expect(fast.regionTimes[0]?.windowKind).not.toBeNull();
    expect(fast.reschedule.code).toBe('not_reschedulable');

    const normal = (
      await w.provider.post('/cop-installs', {
        fileName: 'cmterm-devicepack14.0.1.cop.sgn',
        customerIds: [w.a.customerId],
      })
    ).json<ChangeBody & { emergency: boolean }>();
    expect(normal.emergency).toBe(false);
    const earliest = noticedSlot('cop_install', ['EMEA']);
    expect(Math.abs(Date.parse(normal.start) - Date.parse(earliest.start))).toBeLessThan(DAY_MS);
    expect(Date.parse(normal.start)).toBeGreaterThan(now + 12 * DAY_MS);
    expectProblem(
      await w.provider.post('/cop-installs', { fileName: 'patch.exe', customerIds: [w.a.customerId] }),
      422,
    );
    expectProblem(
      await w.a.admin.post('/cop-installs', { fileName: 'x.cop', customerIds: [w.a.customerId] }),
      403,
    );
  });

  it('an upgrade campaign becomes one upgrade change per region, after the notice period, once', async () => {
    await t.database.db
      .insertInto('applications')
      .values({
        partner_id: w.a.partnerId,
        customer_id: w.a.otherCustomerId,
        kind: 'cucxn',
        name: unique('cucxn'),
        version: '14.0 SU3',
        region: 'AMER',
        nodes: JSON.stringify([{ hostname: 'pub.example', role: 'publisher', dataCentre: 'DAL1' }]),
        primary_dc: 'DAL1',
        tier: 'n-1',
        updated_at: new Date(),
      })
      .execute();
    let campaignId: string | null = null;
    for (const version of ['16.0', '17.0']) {
      const published = await w.provider.post('/releases', { version, sus: ['SU1'] });
      expect(published.statusCode, published.body).toBe(201);
      campaignId = published.json<{ campaignId: string | null }>().campaignId ?? campaignId;
    }
    expect(campaignId).not.toBeNull();
    const campaign = (await w.provider.get(`/upgrade-campaigns/${campaignId}`)).json<{
      customers: { customerId: string }[];
    }>();
    expect(campaign.customers.length).toBeGreaterThan(0);
    const campaignRegions = (
      await t.database.db
        .selectFrom('customers')
        .select('region')
        .distinct()
        .where(
          'id',
          'in',
          campaign.customers.map((c) => c.customerId),
        )
        .execute()
    )
      .map((r) => r.region)
      .sort();
    expectProblem(await w.a.admin.post(`/upgrade-campaigns/${campaignId}/changes`, {}), 403);
    const planned = await w.provider.post(`/upgrade-campaigns/${campaignId}/changes`, {});
    expect(planned.statusCode, planned.body).toBe(201);
    const items = planned.json<{
      items: (ChangeBody & { source: { type: string; id: string }; reason: string })[];
    }>().items;
    // One change per region, together covering every customer of the campaign.
    expect(items.flatMap((c) => c.regions).sort()).toEqual(campaignRegions);
    expect(items.reduce((sum, c) => sum + c.customerCount, 0)).toBe(campaign.customers.length);
    const amer = items[0];
    expect(amer).toMatchObject({
      type: 'upgrade',
      reason: 'below_n_minus_1',
      source: { type: 'upgrade_campaign', id: campaignId },
    });
    expect(Date.parse(amer?.start ?? '')).toBeGreaterThan(Date.now() + 12 * DAY_MS);
    // The campaign now names each customer's region and the upgrade change covering it.
    const covered = (await w.provider.get(`/upgrade-campaigns/${campaignId}`)).json<{
      customers: {
        region: string;
        upgradeChange: { id: string; reference: string; status: string } | null;
      }[];
    }>();
    for (const customer of covered.customers) {
      const change = items.find((c) => c.id === customer.upgradeChange?.id);
      expect(change?.regions).toEqual([customer.region]);
      expect(customer.upgradeChange).toMatchObject({ reference: change?.reference, status: 'notice_sent' });
    }
    expectProblem(
      await w.provider.post(`/upgrade-campaigns/${campaignId}/changes`, {}),
      422,
      'validation_failed',
    );
  });
});

describe('certificate renewal changes', () => {
  it('turn a certificate into its renewal change 7–3 days before expiry, once', async () => {
    const applications = await t.database.db
      .selectFrom('applications')
      .select('id')
      .where('customer_id', '=', w.a.customerId)
      .execute();
    const window = windowAfter('EMEA', Date.now() + 8 * DAY_MS);
    const expires = window.start + 5 * DAY_MS;
    const added = await w.provider.post('/certificates', {
      applicationId: applications[0]?.id,
      kind: 'tomcat',
      subject: 'CN=tomcat.renewal.example',
      expiresAt: new Date(expires).toISOString(),
    });
    expect(added.statusCode, added.body).toBe(201);
    const certificate = added.json<{ id: string }>();
    expectProblem(await w.a.admin.post(`/certificates/${certificate.id}/renewal-change`), 403);
    const planned = await w.provider.post(`/certificates/${certificate.id}/renewal-change`);
    expect(planned.statusCode, planned.body).toBe(201);
    const change = planned.json<
      ChangeBody & { certificateExpiresAt: string; source: { type: string; id: string } }
    >();
    expect(change).toMatchObject({
      type: 'certificate_renewal',
      source: { type: 'certificate', id: certificate.id },
    });
    const lead = expires - Date.parse(change.start);
    expect(lead).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(lead).toBeLessThanOrEqual(7 * DAY_MS);
    expect(change.regionTimes[0]?.windowKind).toBe('weekday');
    expectProblem(
      await w.provider.post(`/certificates/${certificate.id}/renewal-change`),
      409,
      'renewal_planned',
    );
  });
});
