import { DAY_MS, getCalendar, HOUR_MS, type Policy } from '../../core/index.ts';
import type { Tx } from '../db/database.ts';
import type { CertificateKind } from '../db/schema.ts';
import { nightOf } from '../modules/inventory/backups.service.ts';

/**
 * Demo certificates, capacity and backups for the seeded instances, spread so every screen has
 * something to show: certificates in each expiry status, customers below, at and near their
 * capacity thresholds with one expansion asked for, and five weeks of nightly backups with one
 * customer whose promise is broken. Each part is seeded once, when its table is still empty.
 */
export async function seedOperationsDemo(tx: Tx, policy: Policy, now = Date.now()): Promise<void> {
  const applications = await tx
    .selectFrom('applications as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select([
      'a.id',
      'a.partner_id',
      'a.customer_id',
      'a.kind',
      'a.name',
      'a.region',
      'c.name as customer_name',
    ])
    .orderBy('c.name')
    .orderBy('a.name')
    .execute();
  if (applications.length === 0) return;
  await seedCertificates(tx, applications, now);
  await seedCapacity(tx, applications, now);
  await seedBackups(tx, policy, applications, now);
}

type DemoApplication = {
  id: string;
  partner_id: string;
  customer_id: string;
  kind: string;
  name: string;
  region: 'AMER' | 'APJC' | 'AUS' | 'EMEA';
  customer_name: string;
};

/** Days to expiry cycling through expired, overdue (<3), due (3–7), soon (<30) and later. */
const EXPIRY_DAYS = [-2, 2, 5, 12, 26, 75, 160, 300, 420];

async function seedCertificates(tx: Tx, applications: DemoApplication[], now: number) {
  if (await tx.selectFrom('certificates').select('id').limit(1).executeTakeFirst()) return;
  const withCertificates = applications.filter((a) => a.kind === 'cucm' || a.kind === 'expressway');
  const rows = withCertificates.flatMap((application, index) => {
    const host = application.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const kinds: CertificateKind[] = application.kind === 'cucm' ? ['tomcat', 'callmanager'] : ['tomcat'];
    return kinds.map((kind, k) => ({
      partner_id: application.partner_id,
      customer_id: application.customer_id,
      application_id: application.id,
      kind,
      subject: `CN=${kind}.${host}.di.example`,
      expires_at: new Date(
        now + (EXPIRY_DAYS[(index + k * 4) % EXPIRY_DAYS.length] ?? 90) * DAY_MS + (index % 5) * HOUR_MS,
      ),
      updated_at: new Date(now),
    }));
  });
  if (rows.length > 0) await tx.insertInto('certificates').values(rows).execute();
}

/** Share of the entitlement in use, per customer in turn: some below 80 %, some between, some full. */
const USE = [0.46, 0.63, 0.71, 0.84, 0.52, 0.93, 0.77, 1, 0.38, 0.81, 0.58, 0.9];

async function seedCapacity(tx: Tx, applications: DemoApplication[], now: number) {
  if (await tx.selectFrom('customer_capacity').select('customer_id').limit(1).executeTakeFirst()) return;
  const customers = [...new Map(applications.map((a) => [a.customer_id, a])).values()];
  const rows = customers.flatMap((customer, index) => {
    const workers = 250 + ((index * 373) % 4750);
    const entitled = {
      knowledge_workers: workers - (workers % 50),
      workspace_devices: 20 + ((index * 41) % 180),
    };
    const use = USE[index % USE.length] ?? 0.5;
    return (['knowledge_workers', 'workspace_devices'] as const).map((resource, r) => ({
      customer_id: customer.customer_id,
      partner_id: customer.partner_id,
      resource,
      entitled: entitled[resource],
      provisioned: Math.floor(entitled[resource] * (r === 0 ? use : Math.max(0.2, use - 0.15))),
      activated_at: new Date(now - (400 + index * 11) * DAY_MS),
      updated_at: new Date(now),
    }));
  });
  await tx.insertInto('customer_capacity').values(rows).execute();

  // The customer at 100 % has asked for more through a case.
  const full = customers[USE.indexOf(1)];
  if (!full) return;
  const supportCase = await tx
    .selectFrom('cases')
    .select('id')
    .where('customer_id', '=', full.customer_id)
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
  if (!supportCase) return;
  await tx
    .insertInto('capacity_expansions')
    .values({
      partner_id: full.partner_id,
      customer_id: full.customer_id,
      case_id: supportCase.id,
      resource: 'knowledge_workers',
      additional: 250,
      reason:
        'New regional office opens next quarter: 250 more knowledge workers (expansion plan agreed in the case).',
      requested_by_label: 'seed:demo',
      updated_at: new Date(now),
    })
    .execute();
}

const BACKUP_NIGHTS = 35;

async function seedBackups(tx: Tx, policy: Policy, applications: DemoApplication[], now: number) {
  if (await tx.selectFrom('backups').select('id').limit(1).executeTakeFirst()) return;
  // The third customer's backups have failed for the last two nights: its promise is broken.
  const brokenCustomer = [...new Set(applications.map((a) => a.customer_id))][2];
  const rows = applications.flatMap((application, index) => {
    // Between 23:00 and 02:00 region-local time, whatever the clock changes in the last five weeks.
    const { clock } = getCalendar(policy, application.region);
    const today = Math.floor(clock.toLocal(now) / DAY_MS);
    return Array.from({ length: BACKUP_NIGHTS }, (_, night) => {
      const local = (today - night - 1) * DAY_MS + 23 * HOUR_MS + ((index * 17) % 180) * 60_000;
      const takenAt = Math.min(clock.toEpoch(local), now - HOUR_MS);
      const failed =
        (application.customer_id === brokenCustomer && night < 2) || (night * 7 + index) % 29 === 0;
      return {
        partner_id: application.partner_id,
        customer_id: application.customer_id,
        application_id: application.id,
        night: nightOf(policy, application.region, takenAt),
        taken_at: new Date(takenAt),
        ok: !failed,
        size_bytes: failed ? null : 2_000_000_000 + ((index * 7919 + night * 104729) % 900_000_000),
      };
    });
  });
  for (let i = 0; i < rows.length; i += 2000)
    await tx
      .insertInto('backups')
      .values(rows.slice(i, i + 2000))
      .onConflict((oc) => oc.constraint('backups_one_per_night').doNothing())
      .execute();
}
