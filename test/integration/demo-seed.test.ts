import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { type DbHandle, inScope, openDatabase, systemScope } from '../../src/server/db/database.ts';
import { contactHealthFor } from '../../src/server/modules/notifications/subscriptions.service.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { createIsolatedDatabase } from '../support/isolated-database.ts';

let handle: DbHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  const isolated = await createIsolatedDatabase('seed');
  drop = isolated.drop;
  handle = openDatabase(isolated.url, { max: 2 });
});
afterAll(async () => {
  await handle.close();
  await drop();
});

const counts = () =>
  inScope(handle.db, systemScope('test'), async (tx) => {
    const { rows } = await sql<Record<string, number>>`
      SELECT (SELECT count(*)::int FROM partners) AS partners, (SELECT count(*)::int FROM subscriptions) AS subscriptions,
             (SELECT count(*)::int FROM outages) AS outages, (SELECT count(*)::int FROM outages WHERE resolved_at IS NULL) AS open,
             (SELECT count(*)::int FROM network_activities) AS activities, (SELECT count(*)::int FROM notification_events WHERE category <> 'incidents' AND subject_type NOT IN ('change', 'change_request')) AS events,
             (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM cases WHERE status NOT IN ('resolved', 'closed')) AS open_cases,
             (SELECT count(DISTINCT status)::int FROM cases) AS case_statuses, (SELECT count(*)::int FROM cases WHERE escalated_at IS NOT NULL) AS escalated,
             (SELECT count(DISTINCT customer_id)::int FROM applications) AS instances, (SELECT count(*)::int FROM customers WHERE active) AS active_customers,
             (SELECT count(DISTINCT tier)::int FROM applications) AS tiers, (SELECT count(*)::int FROM applications WHERE kind = 'sme') AS sme,
             (SELECT count(*)::int FROM certificates) AS certificates, (SELECT count(*)::int FROM certificates WHERE expires_at < now()) AS expired_certificates,
             (SELECT count(*)::int FROM customer_capacity) AS capacity_rows, (SELECT count(*)::int FROM customer_capacity WHERE provisioned >= 0.8 * entitled) AS capacity_warnings,
             (SELECT count(*)::int FROM capacity_expansions) AS expansions,
             (SELECT count(*)::int FROM (SELECT application_id FROM backups GROUP BY application_id HAVING count(*) = 35) full_history) AS backed_up,
             (SELECT count(*)::int FROM applications) AS applications,
             (SELECT count(*)::int FROM changes) AS changes, (SELECT count(DISTINCT status)::int FROM changes) AS change_statuses,
             (SELECT count(DISTINCT type)::int FROM changes) AS change_types, (SELECT count(*)::int FROM change_tasks) AS tasks,
             (SELECT count(*)::int FROM reschedule_requests WHERE status = 'open') AS open_reschedules,
             (SELECT count(*)::int FROM change_requests) AS change_requests,
             (SELECT count(*)::int FROM notification_events WHERE subject_type = 'change') AS change_notices
    `.execute(tx);
    return rows[0];
  });

it('seeds notifications, outages and network activity once, raising their events through the outbox', async () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://unused/x', SEED_DEMO: 'true' });
  expect(await seedDemo(handle.db, config)).toEqual({ created: true });
  const first = await counts();
  expect(first).toMatchObject({ partners: 3, subscriptions: 5, outages: 2, open: 1, activities: 1 });
  // Declared, updated, resolved + declared, updated + the network activity.
  expect(first?.events).toBe(6);
  // Cases in every open state plus six months of closed history for the attainment chart.
  expect(first).toMatchObject({ cases: 95, open_cases: 5, escalated: 1 });
  expect(first?.case_statuses).toBe(6);
  // Every active customer has an instance; the versions span all four tiers; one SME cluster.
  expect(first?.instances).toBe(first?.active_customers);
  expect(first).toMatchObject({ tiers: 4, sme: 1 });
  // Certificates in every status, capacity for every instance with some near the thresholds and
  // one expansion asked for, five weeks of nightly backups for every application.
  expect(first?.certificates).toBeGreaterThan(20);
  expect(first?.expired_certificates).toBeGreaterThan(0);
  expect(first?.capacity_rows).toBe(2 * (first?.instances ?? 0));
  expect(first?.capacity_warnings).toBeGreaterThan(0);
  expect(first?.expansions).toBe(1);
  expect(first?.backed_up).toBe(first?.applications);
  // Changes in every status and most types, with SSO follow-up tasks, a reschedule request and
  // change requests, each announced through the outbox like real ones.
  expect(first).toMatchObject({
    changes: 8,
    change_statuses: 4,
    change_types: 6,
    open_reschedules: 1,
    change_requests: 2,
  });
  expect((first?.tasks ?? 0) % 4).toBe(0);
  expect(first?.tasks).toBeGreaterThan(0);
  expect(first?.change_notices).toBeGreaterThan(8);
  expect(await seedDemo(handle.db, config)).toEqual({ created: false });
  expect(await counts()).toEqual(first);
  const meridian = await inScope(handle.db, systemScope('test'), async (tx) => {
    const partner = await tx
      .selectFrom('partners')
      .select('id')
      .where('name', '=', 'Meridian Cloud Voice')
      .executeTakeFirstOrThrow();
    return contactHealthFor(tx, partner.id);
  });
  expect(meridian.missingCategories).toEqual(['maintenance_outages', 'incidents']);
});
