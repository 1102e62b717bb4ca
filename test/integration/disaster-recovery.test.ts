import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/server/notify/templates.ts';
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
/** Tenant A's EMEA customer (Europe/Paris, no holidays configured). */
let cucmA: string;
/** Tenant A's AMER customer (America/New_York, US public holidays). */
let cucmAmer: string;
/** An SME cluster of tenant A's EMEA customer whose publisher is in AUS (Sydney, ACT holidays). */
let smeAus: string;
/** Tenant B's EMEA customer. */
let cucmB: string;

interface DrUpdate {
  id: string;
  previousStatus: string | null;
  status: string;
  statusChanged: boolean;
  message: string;
  author: string;
  at: string;
}
interface DrEvent {
  id: string;
  number: number;
  partnerId: string;
  customerId: string;
  applicationId: string | null;
  applicationName: string;
  kind: 'application_failure' | 'hardware_failure';
  region: string;
  status: string;
  declaredAt: string;
  targetAt: string | null;
  recoveredAt: string | null;
  closedAt: string | null;
  timeToRecoverMinutes: number | null;
  targetMet: boolean | null;
  overdue: boolean;
  targetExplanation: {
    region: string;
    timeZone: string;
    businessDays: number;
    dueAt: string;
    businessSpan: {
      businessMinutes: number;
      skipped: { kind: string; date?: string; names?: string[] }[];
      offsetShifts: { at: string; offsetBeforeMinutes: number; offsetAfterMinutes: number }[];
    };
  } | null;
  updates: DrUpdate[];
  nextStatuses: string[];
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  // Another test file may have published a release: deploy on whatever n is now.
  const train = (await w.provider.get('/releases')).json<{
    active: { train: { n: { version: string; sus: string[] } } };
  }>().active.train;
  const onN = `${train.n.version} ${train.n.sus[0]}`;
  const add = async (customerId: string, kind = 'cucm', region?: string) => {
    const response = await w.provider.post('/applications', {
      customerId,
      kind,
      name: unique(kind.toUpperCase()),
      version: onN,
      nodes: [{ hostname: 'pub.example', role: 'publisher', dataCentre: 'AMS1' }],
      primaryDataCentre: 'AMS1',
      ...(region ? { region } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  cucmA = await add(w.a.customerId);
  cucmAmer = await add(w.a.otherCustomerId);
  smeAus = await add(w.a.customerId, 'sme', 'AUS');
  cucmB = await add(w.b.customerId);
});
afterAll(() => t.close());

async function declare(
  by: Client,
  body: { applicationId: string; kind?: string; description?: string; declaredAt?: string; title?: string },
) {
  return by.post('/dr-events', {
    kind: 'application_failure',
    description: 'Publisher database corrupted; restoring from DRS.',
    ...body,
  });
}

async function declared(body: Parameters<typeof declare>[1]): Promise<DrEvent> {
  const response = await declare(w.providerEngineer, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<DrEvent>();
}

async function update(id: string, body: Record<string, unknown>, by: Client = w.providerEngineer) {
  return by.post(`/dr-events/${id}/updates`, body);
}

async function updated(id: string, body: Record<string, unknown>): Promise<DrEvent> {
  const response = await update(id, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<DrEvent>();
}

describe('the 1-business-day target for a new publisher, in the region calendar', () => {
  it('Friday evening in Paris → Monday 17:00 Paris; the explanation lists the night and the weekend', async () => {
    // Friday 2026-03-13 19:30 CET.
    const event = await declared({ applicationId: cucmA, declaredAt: '2026-03-13T18:30:00Z' });
    expect(event).toMatchObject({
      kind: 'application_failure',
      region: 'EMEA',
      status: 'declared',
      declaredAt: '2026-03-13T18:30:00.000Z',
      // Monday 2026-03-16 17:00 CET: 8 business hours from Monday 09:00.
      targetAt: '2026-03-16T16:00:00.000Z',
      recoveredAt: null,
      timeToRecoverMinutes: null,
      targetMet: null,
      overdue: true,
      partnerId: w.a.partnerId,
      customerId: w.a.customerId,
      applicationId: cucmA,
    });
    expect(event.targetExplanation).toMatchObject({
      region: 'EMEA',
      timeZone: 'Europe/Paris',
      businessDays: 1,
      dueAt: '2026-03-16T16:00:00.000Z',
    });
    expect(event.targetExplanation?.businessSpan.businessMinutes).toBe(480);
    expect(event.targetExplanation?.businessSpan.skipped.map((s) => s.kind)).toEqual([
      'night',
      'weekend',
      'weekend',
    ]);
    expect(event.updates).toEqual([
      expect.objectContaining({
        previousStatus: null,
        status: 'declared',
        statusChanged: false,
        at: '2026-03-13T18:30:00.000Z',
        message: 'Publisher database corrupted; restoring from DRS.',
      }),
    ]);
    expect(event.nextStatuses).toEqual(['declared', 'restoring', 'restored', 'withdrawn']);
  });

  it('Friday evening in New York before Memorial Day → Tuesday 17:00', async () => {
    // Friday 2026-05-22 18:00 EDT; Monday 2026-05-25 is Memorial Day (US public holiday).
    const event = await declared({ applicationId: cucmAmer, declaredAt: '2026-05-22T22:00:00Z' });
    expect(event.region).toBe('AMER');
    expect(event.targetAt).toBe('2026-05-26T21:00:00.000Z'); // Tuesday 17:00 EDT
    expect(event.targetExplanation?.businessSpan.skipped).toContainEqual({
      kind: 'holiday',
      date: '2026-05-25',
      names: ['Memorial Day'],
    });
  });

  it('across the spring-forward night in Paris: 2 h on Friday + 6 h on Monday, 71 h of wall clock', async () => {
    // Friday 2026-03-27 15:00 CET; clocks go forward on Sunday 2026-03-29.
    const event = await declared({ applicationId: cucmA, declaredAt: '2026-03-27T14:00:00Z' });
    expect(event.targetAt).toBe('2026-03-30T13:00:00.000Z'); // Monday 15:00 CEST
    expect(Date.parse(event.targetAt ?? '') - Date.parse(event.declaredAt)).toBe(71 * 3_600_000);
    expect(event.targetExplanation?.businessSpan.offsetShifts).toEqual([
      { at: '2026-03-29T01:00:00.000Z', offsetBeforeMinutes: 60, offsetAfterMinutes: 120 },
    ]);
  });

  it("an SME cluster uses its publisher's region: Sydney, across Canberra Day → Tuesday", async () => {
    // Friday 2026-03-06 14:30 AEDT; Monday 2026-03-09 is Canberra Day (ACT).
    const event = await declared({ applicationId: smeAus, declaredAt: '2026-03-06T03:30:00Z' });
    expect(event.customerId).toBe(w.a.customerId);
    expect(event.region).toBe('AUS');
    expect(event.targetAt).toBe('2026-03-10T03:30:00.000Z'); // Tuesday 14:30 AEDT
    expect(event.targetExplanation?.businessSpan.skipped).toContainEqual({
      kind: 'holiday',
      date: '2026-03-09',
      names: ['Canberra Day'],
    });
  });

  it('a hardware failure has no target and is never overdue', async () => {
    const event = await declared({
      applicationId: cucmA,
      kind: 'hardware_failure',
      title: 'Blade failure in AMS1',
      declaredAt: '2026-02-02T10:00:00Z',
    });
    expect(event).toMatchObject({
      kind: 'hardware_failure',
      title: 'Blade failure in AMS1',
      targetAt: null,
      targetExplanation: null,
      overdue: false,
    });
    const restored = await updated(event.id, {
      status: 'restored',
      message: 'Publisher rebuilt on new hardware.',
      recoveredAt: '2026-02-03T12:30:00Z',
    });
    expect(restored).toMatchObject({ timeToRecoverMinutes: 26 * 60 + 30, targetMet: null, overdue: false });
  });
});

describe('declaring', () => {
  it('is the provider’s: partners and customer viewers get 403 and nothing is written', async () => {
    const before = (await w.provider.get(`/dr-events?applicationId=${cucmA}&limit=200`)).json<{
      items: DrEvent[];
    }>().items.length;
    for (const caller of [w.a.admin, w.a.engineer, w.a.viewer])
      expectProblem(await declare(caller, { applicationId: cucmA }), 403);
    const after = (await w.provider.get(`/dr-events?applicationId=${cucmA}&limit=200`)).json<{
      items: DrEvent[];
    }>().items.length;
    expect(after).toBe(before);
  });

  it('answers 422 naming the field for a future declaration, an unknown application or kind; 400 for unknown fields', async () => {
    const future = expectProblem(
      await declare(w.provider, {
        applicationId: cucmA,
        declaredAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      }),
      422,
    );
    expect(future.errors?.[0]).toMatchObject({ code: 'in_future', path: 'declaredAt' });
    const unknown = expectProblem(
      await declare(w.provider, { applicationId: '00000000-0000-4000-8000-000000000000' }),
      422,
    );
    expect(unknown.errors?.[0]).toMatchObject({ code: 'unknown_application', path: 'applicationId' });
    const kind = expectProblem(await declare(w.provider, { applicationId: cucmA, kind: 'flood' }), 422);
    expect(kind.errors?.some((e) => e.path === 'kind')).toBe(true);
    const empty = expectProblem(await declare(w.provider, { applicationId: cucmA, description: '' }), 422);
    expect(empty.errors?.some((e) => e.path === 'description')).toBe(true);
    expectProblem(
      await w.provider.post('/dr-events', {
        applicationId: cucmA,
        kind: 'application_failure',
        description: 'x',
        severity: 'S1',
      }),
      400,
    );
  });

  it('defaults the declaration to now: restored at once, the target is met', async () => {
    const started = Date.now();
    const event = await declared({ applicationId: cucmB });
    expect(Date.parse(event.declaredAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(event.declaredAt)).toBeLessThanOrEqual(Date.now());
    expect(event.overdue).toBe(false);
    const restored = await updated(event.id, { status: 'restored', message: 'New publisher is up.' });
    expect(restored.targetMet).toBe(true);
    expect(restored.timeToRecoverMinutes).toBe(0);
    expect(Date.parse(restored.recoveredAt ?? '')).toBeGreaterThanOrEqual(Date.parse(event.declaredAt));
  });
});

describe('updates and the lifecycle', () => {
  it('moves declared → restoring → restored → closed with messages in between, in order', async () => {
    const event = await declared({ applicationId: cucmA, declaredAt: '2026-03-13T18:30:00Z' });
    const restoring = await updated(event.id, { status: 'restoring', message: 'Restoring from DRS backup.' });
    expect(restoring.status).toBe('restoring');
    expect(restoring.nextStatuses).toEqual(['restoring', 'restored', 'withdrawn']);
    const note = await updated(event.id, { message: 'Expected recovery: Monday 14:00 CET.' });
    expect(note.status).toBe('restoring');
    // Exactly at the target: met (recoveredAt ≤ targetAt).
    const restored = await updated(event.id, {
      status: 'restored',
      message: 'New publisher is up; you can do your own recovery.',
      recoveredAt: '2026-03-16T16:00:00Z',
    });
    expect(restored).toMatchObject({
      status: 'restored',
      recoveredAt: '2026-03-16T16:00:00.000Z',
      timeToRecoverMinutes:
        (Date.parse('2026-03-16T16:00:00Z') - Date.parse('2026-03-13T18:30:00Z')) / 60_000,
      targetMet: true,
      overdue: false,
      closedAt: null,
    });
    const closed = await updated(event.id, { status: 'closed', message: 'Partner recovery confirmed.' });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.nextStatuses).toEqual([]);
    expect(closed.updates.map((u) => [u.previousStatus, u.status, u.statusChanged])).toEqual([
      [null, 'declared', false],
      ['declared', 'restoring', true],
      ['restoring', 'restoring', false],
      ['restoring', 'restored', true],
      ['restored', 'closed', true],
    ]);
    const times = closed.updates.map((u) => Date.parse(u.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Closed takes nothing more.
    expectProblem(await update(event.id, { message: 'one more' }), 409, 'dr_event_closed');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'partner_id', 'customer_id'])
      .where('entity_id', '=', event.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'dr_event.declared',
      'dr_event.updated',
      'dr_event.updated',
      'dr_event.restored',
      'dr_event.closed',
    ]);
    expect(audit.every((a) => a.partner_id === w.a.partnerId && a.customer_id === w.a.customerId)).toBe(true);
  });

  it('withdraws an event declared by mistake: final, no time to recover, never overdue, notified and audited', async () => {
    // Declared long enough ago that its target has passed: withdrawn, it is not overdue.
    const event = await declared({ applicationId: cucmA, declaredAt: '2026-02-02T09:00:00Z' });
    expect(event.overdue).toBe(true);
    const withdrawn = await updated(event.id, {
      status: 'withdrawn',
      message: 'Declared by mistake: the publisher came back by itself after the power cycle.',
    });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      recoveredAt: null,
      timeToRecoverMinutes: null,
      targetMet: null,
      overdue: false,
      nextStatuses: [],
    });
    expect(withdrawn.closedAt).not.toBeNull();
    expectProblem(await update(event.id, { message: 'one more' }), 409, 'dr_event_closed');
    expectProblem(await update(event.id, { status: 'restored', message: 'x' }), 409, 'dr_event_closed');
    // Listed with the closed ones, after every open event.
    const closedList = (await w.provider.get(`/dr-events?status=closed&customerId=${w.a.customerId}`)).json<{
      items: { id: string }[];
    }>();
    expect(closedList.items.map((e) => e.id)).toContain(event.id);
    const openList = (await w.provider.get(`/dr-events?status=open&customerId=${w.a.customerId}`)).json<{
      items: { id: string }[];
    }>();
    expect(openList.items.map((e) => e.id)).not.toContain(event.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', event.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['dr_event.declared', 'dr_event.withdrawn']);
    // Once restored, an event cannot be withdrawn any more.
    const other = await declared({ applicationId: cucmA, declaredAt: '2026-02-03T09:00:00Z' });
    await updated(other.id, { status: 'restored', message: 'Back.', recoveredAt: '2026-02-03T12:00:00Z' });
    expectProblem(await update(other.id, { status: 'withdrawn', message: 'x' }), 409, 'invalid_transition');
  });

  it('refuses moves the lifecycle does not allow with 409 invalid_transition, and recoveredAt out of place with 422', async () => {
    const event = await declared({ applicationId: cucmA, declaredAt: '2026-04-07T08:00:00Z' });
    const early = expectProblem(
      await update(event.id, { status: 'closed', message: 'x' }),
      409,
      'invalid_transition',
    );
    expect(early.errors?.[0]).toMatchObject({ code: 'invalid_transition', path: 'status' });
    await updated(event.id, { status: 'restoring', message: 'Restoring.' });
    expectProblem(await update(event.id, { status: 'declared', message: 'x' }), 409, 'invalid_transition');
    const without = expectProblem(
      await update(event.id, { message: 'x', recoveredAt: '2026-04-07T12:00:00Z' }),
      422,
    );
    expect(without.errors?.[0]).toMatchObject({ code: 'recovered_at_without_restore', path: 'recoveredAt' });
    const before = expectProblem(
      await update(event.id, { status: 'restored', message: 'x', recoveredAt: '2026-04-07T07:59:00Z' }),
      422,
    );
    expect(before.errors?.[0]).toMatchObject({ code: 'before_declared', path: 'recoveredAt' });
    const bad = expectProblem(await update(event.id, { status: 'gone', message: 'x' }), 422);
    expect(bad.errors?.some((e) => e.path === 'status')).toBe(true);
    expectProblem(await update(event.id, { message: '' }), 422);
    // Nothing of the refused updates was kept.
    const detail = (await w.provider.get(`/dr-events/${event.id}`)).json<DrEvent>();
    expect(detail.status).toBe('restoring');
    expect(detail.updates).toHaveLength(2);
    // Tuesday 10:00 CEST + 8 business hours (7 on Tuesday, 1 on Wednesday) = Wednesday 10:00 CEST.
    expect(detail.targetAt).toBe('2026-04-08T08:00:00.000Z');
    const late = await updated(event.id, {
      status: 'restored',
      message: 'Back.',
      recoveredAt: '2026-04-08T09:15:00Z',
    });
    expect(late).toMatchObject({ targetMet: false, timeToRecoverMinutes: 25 * 60 + 15, overdue: false });
    expectProblem(await update(event.id, { status: 'restoring', message: 'x' }), 409, 'invalid_transition');
  });

  it('two restorations at once: one moves the status (and notifies dr.restored), the other is a message', async () => {
    const event = await declared({ applicationId: cucmB, declaredAt: '2026-04-09T09:00:00Z' });
    const [first, second] = await Promise.all([
      update(event.id, { status: 'restored', message: 'Publisher restored (engineer 1).' }),
      update(event.id, { status: 'restored', message: 'Publisher restored (engineer 2).' }),
    ]);
    expect([first.statusCode, second.statusCode], `${first.body} ${second.body}`).toEqual([201, 201]);
    const detail = (await w.provider.get(`/dr-events/${event.id}`)).json<DrEvent>();
    expect(detail.updates.filter((u) => u.statusChanged).map((u) => u.status)).toEqual(['restored']);
    expect(detail.updates).toHaveLength(3);
    const kinds = await t.database.db
      .selectFrom('notification_events')
      .select('kind')
      .where('subject_id', '=', event.id)
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['dr.declared', 'dr.restored', 'dr.updated']);
  });

  it('partners and customer viewers get 403 on updates and the event is unchanged', async () => {
    const event = await declared({ applicationId: cucmA, declaredAt: '2026-04-01T09:00:00Z' });
    for (const caller of [w.a.admin, w.a.engineer, w.a.viewer, w.b.admin])
      expectProblem(await update(event.id, { status: 'restoring', message: 'x' }, caller), 403);
    const detail = (await w.provider.get(`/dr-events/${event.id}`)).json<DrEvent>();
    expect(detail.status).toBe('declared');
    expect(detail.updates).toHaveLength(1);
  });

  it('answers 404 for an event that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expectProblem(await w.provider.get(`/dr-events/${missing}`), 404, 'not_found');
    expectProblem(await update(missing, { message: 'x' }), 404, 'not_found');
    expectProblem(await w.provider.get('/dr-events/not-a-uuid'), 400);
  });
});

describe('who sees what', () => {
  it('a partner reads its own customers’ events; another partner gets 404 and an empty list', async () => {
    const event = await declared({ applicationId: cucmA, declaredAt: '2026-04-02T09:00:00Z' });
    const mine = await w.a.engineer.get(`/dr-events/${event.id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<DrEvent>().nextStatuses).toEqual([]);
    expect(mine.json<DrEvent>().targetExplanation?.dueAt).toBe(event.targetAt);
    expectProblem(await w.b.admin.get(`/dr-events/${event.id}`), 404);
    const theirs = (await w.b.admin.get('/dr-events?limit=200')).json<{ items: DrEvent[] }>();
    expect(theirs.items.every((e) => e.partnerId === w.b.partnerId)).toBe(true);
    expect(theirs.items.map((e) => e.id)).not.toContain(event.id);
  });

  it('a customer viewer reads its own customer’s events only', async () => {
    const own = await declared({ applicationId: cucmA, declaredAt: '2026-04-03T09:00:00Z' });
    const sibling = await declared({ applicationId: cucmAmer, declaredAt: '2026-04-03T15:00:00Z' });
    expect((await w.a.viewer.get(`/dr-events/${own.id}`)).statusCode).toBe(200);
    expectProblem(await w.a.viewer.get(`/dr-events/${sibling.id}`), 404);
    const listed = (await w.a.viewer.get('/dr-events?limit=200')).json<{ items: DrEvent[] }>();
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((e) => e.customerId === w.a.customerId)).toBe(true);
    expect(listed.items.map((e) => e.id)).toContain(own.id);
  });

  it('keeps the event when its application is deleted (history), without the link', async () => {
    const doomed = (
      await w.provider.post('/applications', {
        customerId: w.a.customerId,
        kind: 'cer',
        name: unique('CER'),
        version: (await w.provider.get(`/applications/${cucmA}`)).json<{ version: string }>().version,
        nodes: [{ hostname: 'cer.example', role: 'publisher', dataCentre: 'AMS1' }],
        primaryDataCentre: 'AMS1',
      })
    ).json<{ id: string; name: string }>();
    const event = await declared({ applicationId: doomed.id, declaredAt: '2026-04-06T09:00:00Z' });
    expect((await w.provider.delete(`/applications/${doomed.id}`)).statusCode).toBe(204);
    const kept = (await w.a.admin.get(`/dr-events/${event.id}`)).json<DrEvent>();
    expect(kept).toMatchObject({ applicationId: null, applicationName: doomed.name, status: 'declared' });
  });
});

describe('the list', () => {
  it('shows open events first, filters by status, customer and application, and pages with a cursor', async () => {
    // A customer of its own, so the list holds exactly these.
    const customer = (
      await w.provider.post(`/partners/${w.a.partnerId}/customers`, {
        name: unique('DR list'),
        region: 'EMEA',
      })
    ).json<{ id: string }>().id;
    const train = (await w.provider.get(`/applications/${cucmA}`)).json<{ version: string }>().version;
    const app = (
      await w.provider.post('/applications', {
        customerId: customer,
        kind: 'cucm',
        name: 'CUCM',
        version: train,
        nodes: [{ hostname: 'pub.example', role: 'publisher', dataCentre: 'AMS1' }],
        primaryDataCentre: 'AMS1',
      })
    ).json<{ id: string }>().id;
    const oldClosed = await declared({ applicationId: app, declaredAt: '2026-01-10T10:00:00Z' });
    await updated(oldClosed.id, { status: 'restored', message: 'ok', recoveredAt: '2026-01-10T12:00:00Z' });
    await updated(oldClosed.id, { status: 'closed', message: 'done' });
    const newestClosed = await declared({ applicationId: app, declaredAt: '2026-01-20T10:00:00Z' });
    await updated(newestClosed.id, {
      status: 'restored',
      message: 'ok',
      recoveredAt: '2026-01-20T11:00:00Z',
    });
    await updated(newestClosed.id, { status: 'closed', message: 'done' });
    const oldOpen = await declared({ applicationId: app, declaredAt: '2026-01-05T10:00:00Z' });
    const restoredOpen = await declared({ applicationId: app, declaredAt: '2026-01-15T10:00:00Z' });
    await updated(restoredOpen.id, {
      status: 'restored',
      message: 'ok',
      recoveredAt: '2026-01-15T12:00:00Z',
    });
    const newOpen = await declared({
      applicationId: app,
      declaredAt: '2026-01-25T10:00:00Z',
      kind: 'hardware_failure',
    });

    const all = (await w.a.admin.get(`/dr-events?customerId=${customer}`)).json<{ items: DrEvent[] }>();
    expect(all.items.map((e) => e.id)).toEqual([
      newOpen.id,
      restoredOpen.id,
      oldOpen.id,
      newestClosed.id,
      oldClosed.id,
    ]);
    const open = (await w.a.admin.get(`/dr-events?customerId=${customer}&status=open`)).json<{
      items: DrEvent[];
    }>();
    expect(open.items.map((e) => e.id)).toEqual([newOpen.id, restoredOpen.id, oldOpen.id]);
    const closed = (await w.a.admin.get(`/dr-events?applicationId=${app}&status=closed`)).json<{
      items: DrEvent[];
    }>();
    expect(closed.items.map((e) => e.id)).toEqual([newestClosed.id, oldClosed.id]);
    const hardware = (await w.a.admin.get(`/dr-events?customerId=${customer}&kind=hardware_failure`)).json<{
      items: DrEvent[];
    }>();
    expect(hardware.items.map((e) => e.id)).toEqual([newOpen.id]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/dr-events?customerId=${customer}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await w.a.admin.get(query)).json<{ items: DrEvent[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((e) => e.id));

    expectProblem(await w.a.admin.get('/dr-events?status=pending'), 400);
    expectProblem(await w.a.admin.get('/dr-events?cursor=bm9wZQ'), 400, 'invalid_cursor');
  });
});

describe('OpenAPI', () => {
  it('documents the four calls with summaries', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { summary?: string }>>;
    }>();
    for (const [path, method] of [
      ['/api/v1/dr-events', 'post'],
      ['/api/v1/dr-events', 'get'],
      ['/api/v1/dr-events/{id}', 'get'],
      ['/api/v1/dr-events/{id}/updates', 'post'],
    ] as const)
      expect(document.paths[path]?.[method]?.summary, `${method} ${path}`).toBeTruthy();
  });
});

describe('notifications', () => {
  it('declaring and every update raise an outbox event to the provider and the customer’s partner', async () => {
    const event = await declared({ applicationId: cucmAmer, declaredAt: '2026-05-22T22:00:00Z' });
    await updated(event.id, { status: 'restoring', message: 'Restoring from DRS.' });
    await updated(event.id, {
      status: 'restored',
      message: 'New publisher is up.',
      recoveredAt: '2026-05-26T20:00:00Z',
    });
    const events = await t.database.db
      .selectFrom('notification_events')
      .select(['kind', 'category', 'audience_provider', 'audience_partner_ids', 'payload', 'subject_type'])
      .where('subject_id', '=', event.id)
      .orderBy('created_at')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['dr.declared', 'dr.updated', 'dr.restored']);
    for (const e of events) {
      expect(e.category).toBe('maintenance_outages');
      expect(e.subject_type).toBe('dr_event');
      expect(e.audience_provider).toBe(true);
      expect(e.audience_partner_ids).toEqual([w.a.partnerId]);
    }
    const [declaredPayload, , restoredPayload] = events.map((e) => e.payload as Record<string, unknown>);
    expect(declaredPayload).toMatchObject({
      drEventId: event.id,
      kind: 'application_failure',
      region: 'AMER',
      targetAt: '2026-05-26T21:00:00.000Z',
    });
    expect(restoredPayload).toMatchObject({
      status: 'restored',
      targetMet: true,
      previousStatus: 'restoring',
    });

    const context = (locale: 'en' | 'es', timeZone: string) => ({
      locale,
      timeZone,
      publicUrl: 'https://diops.example',
      partnerId: w.a.partnerId,
    });
    const en = renderMessage('dr.declared', declaredPayload ?? {}, context('en', 'America/New_York'));
    expect(en.subject).toMatch(/^\[DI Ops\] Disaster recovery #\d+ declared: /);
    expect(en.intro).toMatch(/one business day/);
    const target = en.facts.find((f) => f.label === 'Target for a new publisher');
    expect(target?.value).toBe('Tue, 26 May 2026, 17:00 GMT-4 (America/New_York)');
    expect(en.link.url).toBe(`https://diops.example/disaster-recovery/${event.id}`);

    const es = renderMessage('dr.declared', declaredPayload ?? {}, context('es', 'Europe/Madrid'));
    expect(es.subject).toMatch(/Recuperación ante desastres n\.º \d+ declarada/);
    expect(es.intro).toMatch(/un día hábil/);
    const objetivo = es.facts.find((f) => f.label === 'Objetivo para el nuevo Publisher');
    // 21:00 UTC is 23:00 in Madrid (CEST) that Tuesday.
    expect(objetivo?.value).toMatch(/^mar, 26 may 2026, 23:00 .*\(Europe\/Madrid\)$/);
    expect(es.facts.find((f) => f.label === 'Falla')?.value).toBe('Falla de la aplicación');

    const restoredEn = renderMessage('dr.restored', restoredPayload ?? {}, context('en', 'America/New_York'));
    expect(restoredEn.subject).toMatch(/restored/);
    expect(restoredEn.body).toBe('New publisher is up.');
    expect(restoredEn.facts).toContainEqual({ label: 'Time to recover', value: '94 h 00 min' });
    expect(restoredEn.facts).toContainEqual({ label: 'Target met', value: 'Yes' });
    const restoredEs = renderMessage('dr.restored', restoredPayload ?? {}, context('es', 'America/Bogota'));
    expect(restoredEs.facts).toContainEqual({ label: 'Objetivo cumplido', value: 'Sí' });
    expect(restoredEs.intro).toMatch(/propios pasos de recuperación/);
    const updatedEs = renderMessage(
      'dr.updated',
      events[1]?.payload as Record<string, unknown>,
      context('es', 'UTC'),
    );
    expect(updatedEs.facts).toContainEqual({ label: 'Estado', value: 'En restauración' });
  });

  it('a hardware failure’s message shows no target and says why, in both languages', async () => {
    const event = await declared({
      applicationId: cucmB,
      kind: 'hardware_failure',
      declaredAt: '2026-02-10T10:00:00Z',
    });
    const row = await t.database.db
      .selectFrom('notification_events')
      .select(['payload', 'audience_partner_ids'])
      .where('subject_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.audience_partner_ids).toEqual([w.b.partnerId]);
    const payload = row.payload as Record<string, unknown>;
    const ctx = { publicUrl: 'https://diops.example', partnerId: w.b.partnerId, timeZone: 'Europe/Paris' };
    const en = renderMessage('dr.declared', payload, { ...ctx, locale: 'en' });
    expect(en.facts.map((f) => f.label)).not.toContain('Target for a new publisher');
    expect(en.intro).toMatch(/hardware failure.*no fixed target/);
    const es = renderMessage('dr.declared', payload, { ...ctx, locale: 'es' });
    expect(es.facts.map((f) => f.label)).not.toContain('Objetivo para el nuevo Publisher');
    expect(es.intro).toMatch(/falla de hardware.*no hay un plazo fijo/);
  });
});
