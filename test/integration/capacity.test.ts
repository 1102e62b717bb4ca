import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTenantCase } from '../support/cases.ts';
import { createTestApp, createWorld, expectProblem, type TestApp, type World } from '../support/test-app.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

interface ResourceUse {
  entitled: number;
  provisioned: number;
  available: number;
  percent: number;
  level: string;
}
interface Capacity {
  customerId: string;
  partnerName: string;
  knowledgeWorkers: ResourceUse;
  workspaceDevices: ResourceUse;
  openExpansions: number;
}
interface Expansion {
  id: string;
  status: string;
  caseNumber: string;
  plannedFor: string | null;
}

const thresholdEvents = async (customerId: string, resource: string) =>
  (
    await t.database.db
      .selectFrom('notification_events')
      .select(['kind', 'category', 'payload', 'audience_partner_ids', 'audience_provider'])
      .where('subject_id', '=', customerId)
      .where('kind', '=', 'capacity.threshold_crossed')
      .orderBy('created_at')
      .execute()
  ).filter((e) => (e.payload as { resource: string }).resource === resource);

const capacityRow = (customerId: string) =>
  t.database.db
    .selectFrom('customer_capacity')
    .select(['resource', 'entitled', 'provisioned'])
    .where('customer_id', '=', customerId)
    .orderBy('resource')
    .execute();

describe('capacity', () => {
  it('records entitlements at activation once; only the provider may', async () => {
    const partnerTry = await w.a.admin.put(`/capacity/${w.a.customerId}/activation`, {
      knowledgeWorkers: 100,
      workspaceDevices: 10,
    });
    expectProblem(partnerTry, 403, 'forbidden');
    expectProblem(await w.a.admin.get(`/capacity/${w.a.customerId}`), 404, 'not_activated');

    const activated = await w.provider.put(`/capacity/${w.a.customerId}/activation`, {
      knowledgeWorkers: 100,
      workspaceDevices: 10,
    });
    expect(activated.statusCode, activated.body).toBe(201);
    expect(activated.json<Capacity>().knowledgeWorkers).toEqual({
      entitled: 100,
      provisioned: 0,
      available: 100,
      percent: 0,
      level: 'ok',
    });
    const again = await w.provider.put(`/capacity/${w.a.customerId}/activation`, {
      knowledgeWorkers: 500,
      workspaceDevices: 50,
    });
    expectProblem(again, 409, 'already_activated');
    expect((await capacityRow(w.a.customerId)).map((r) => r.entitled)).toEqual([100, 10]);

    const bad = await w.provider.put(`/capacity/${w.b.customerId}/activation`, {
      knowledgeWorkers: -1,
      workspaceDevices: 10,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('knowledgeWorkers');
  });

  it('answers 409 beyond the entitlement and changes nothing; exactly at it is allowed', async () => {
    const over = await w.a.engineer.put(`/capacity/${w.a.customerId}/provisioned`, {
      knowledgeWorkers: 50,
      workspaceDevices: 11,
    });
    const problem = expectProblem(over, 409, 'capacity_exceeded');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'workspaceDevices' })]);
    expect((await capacityRow(w.a.customerId)).map((r) => r.provisioned)).toEqual([0, 0]);

    const full = await w.a.engineer.put(`/capacity/${w.a.customerId}/provisioned`, { workspaceDevices: 10 });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json<Capacity>().workspaceDevices).toMatchObject({
      provisioned: 10,
      available: 0,
      level: 'warning90',
    });
  });

  it('notifies the partner once per crossing of 80 % and 90 %', async () => {
    const report = async (knowledgeWorkers: number) => {
      const response = await w.a.engineer.put(`/capacity/${w.a.customerId}/provisioned`, {
        knowledgeWorkers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Capacity>().knowledgeWorkers;
    };
    await report(79);
    expect(await thresholdEvents(w.a.customerId, 'knowledge_workers')).toHaveLength(0);
    expect((await report(80)).level).toBe('warning80'); // crossing 80 %
    await report(85); // still between: no new notice
    await report(89);
    expect((await report(90)).level).toBe('warning90'); // crossing 90 %
    await report(95);
    await report(70); // back below both
    await report(92); // crosses both again in one report: one notice naming 90 %
    const events = await thresholdEvents(w.a.customerId, 'knowledge_workers');
    expect(events.map((e) => (e.payload as { level: string }).level)).toEqual([
      'warning80',
      'warning90',
      'warning90',
    ]);
    expect((events[2]?.payload as { crossed: string[] } | undefined)?.crossed).toEqual([
      'warning80',
      'warning90',
    ]);
    expect(events.every((e) => e.category === 'capacity' && !e.audience_provider)).toBe(true);
    expect(
      events.every((e) => JSON.stringify(e.audience_partner_ids) === JSON.stringify([w.a.partnerId])),
    ).toBe(true);
  });

  it('keeps each partner to its own customers', async () => {
    expectProblem(await w.b.admin.get(`/capacity/${w.a.customerId}`), 404);
    expectProblem(
      await w.b.admin.put(`/capacity/${w.a.customerId}/provisioned`, { knowledgeWorkers: 1 }),
      404,
    );
    expectProblem(
      await w.a.viewer.put(`/capacity/${w.a.customerId}/provisioned`, { knowledgeWorkers: 1 }),
      403,
    );
    expect((await w.a.viewer.get(`/capacity/${w.a.customerId}`)).statusCode).toBe(200);
    const list = (await w.b.admin.get('/capacity')).json<{ items: Capacity[] }>();
    expect(list.items.some((c) => c.customerId === w.a.customerId)).toBe(false);
    const attentionResponse = await w.provider.get(`/capacity?attention=true&partnerId=${w.a.partnerId}`);
    expect(attentionResponse.statusCode, attentionResponse.body).toBe(200);
    const attention = attentionResponse.json<{
      items: Capacity[];
    }>();
    expect(attention.items.map((c) => c.customerId)).toContain(w.a.customerId);
    // Each row names its partner, so the provider's screens need no look-up per partner.
    expect(attention.items.find((c) => c.customerId === w.a.customerId)?.partnerName).toBe(w.a.partnerName);
    expect((await w.a.viewer.get(`/capacity/${w.a.customerId}`)).json<Capacity>().partnerName).toBe(
      w.a.partnerName,
    );
  });

  it('raises the entitlement only when an expansion opened through a case is planned and completed', async () => {
    const supportCase = await openTenantCase(t, w.a);
    const otherCase = await openTenantCase(t, w.b);
    const body = {
      customerId: w.a.customerId,
      caseId: supportCase.id,
      resource: 'knowledge_workers',
      additional: 50,
      reason: 'Growth of 50 knowledge workers agreed in the expansion plan.',
    };
    const wrongCase = await w.a.engineer.post('/capacity-expansions', { ...body, caseId: otherCase.id });
    expect(expectProblem(wrongCase, 422).errors).toEqual([expect.objectContaining({ path: 'caseId' })]);

    const requested = await w.a.engineer.post('/capacity-expansions', body);
    expect(requested.statusCode, requested.body).toBe(201);
    const expansion = requested.json<Expansion>();
    expect(expansion).toMatchObject({ status: 'requested', caseNumber: supportCase.number });

    // Not planned yet: completing is refused, and the partner cannot plan.
    expectProblem(
      await w.provider.post(`/capacity-expansions/${expansion.id}/complete`),
      409,
      'invalid_transition',
    );
    expectProblem(
      await w.a.admin.post(`/capacity-expansions/${expansion.id}/plan`, {
        plannedFor: '2026-12-10T22:00:00Z',
      }),
      403,
    );
    // Still 409 beyond the old entitlement.
    expectProblem(
      await w.a.engineer.put(`/capacity/${w.a.customerId}/provisioned`, { knowledgeWorkers: 120 }),
      409,
      'capacity_exceeded',
    );

    const planned = await w.provider.post(`/capacity-expansions/${expansion.id}/plan`, {
      plannedFor: '2026-12-10T22:00:00Z',
      note: 'Two more subscribers in AMS1 and FRA1.',
    });
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json<Expansion>()).toMatchObject({
      status: 'planned',
      plannedFor: '2026-12-10T22:00:00.000Z',
    });
    const completed = await w.provider.post(`/capacity-expansions/${expansion.id}/complete`);
    expect(completed.statusCode, completed.body).toBe(200);
    expectProblem(await w.a.admin.post(`/capacity-expansions/${expansion.id}/cancel`, { reason: 'x' }), 409);

    const capacity = (await w.a.admin.get(`/capacity/${w.a.customerId}`)).json<Capacity>();
    expect(capacity.knowledgeWorkers.entitled).toBe(150);
    const grown = await w.a.engineer.put(`/capacity/${w.a.customerId}/provisioned`, {
      knowledgeWorkers: 120,
    });
    expect(grown.statusCode, grown.body).toBe(200);
    expect(grown.json<Capacity>().knowledgeWorkers.level).toBe('warning80');

    const kinds = await t.database.db
      .selectFrom('notification_events')
      .select('kind')
      .where('subject_id', '=', expansion.id)
      .orderBy('created_at')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['capacity.expansion_planned', 'capacity.expansion_completed']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', expansion.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'capacity_expansion.requested',
      'capacity_expansion.planned',
      'capacity_expansion.completed',
    ]);
    expectProblem(
      await w.b.admin.post(`/capacity-expansions/${expansion.id}/cancel`, { reason: 'mine?' }),
      404,
    );
  });
});
