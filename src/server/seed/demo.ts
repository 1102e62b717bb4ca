import { sql } from 'kysely';
import type { Policy } from '../../core/index.ts';
import type { Config } from '../config.ts';
import { type Db, inScope, type Scope, systemScope, type Tx } from '../db/database.ts';
import type { Region, Role } from '../db/schema.ts';
import { createContract } from '../modules/directory/contracts.service.ts';
import { createCustomer } from '../modules/directory/customers.service.ts';
import { createPartner } from '../modules/directory/partners.service.ts';
import { createUser } from '../modules/directory/users.service.ts';
import { loadPolicy } from '../modules/policy/load-policy.ts';
import { seedCaseDemo } from './demo-cases.ts';
import { seedChangesDemo } from './demo-changes.ts';
import { seedInventoryDemo } from './demo-inventory.ts';
import { seedNotificationDemo } from './demo-notifications.ts';
import { seedOperationsDemo } from './demo-operations.ts';

/** Every demo account shares this password; the README and the start-up banner list the accounts. */
export const DEMO_PASSWORD = 'diops-demo-2026';

export interface DemoAccount {
  email: string;
  role: Role;
  organisation: string;
}

const PARTNERS: { name: string; domain: string; customers: [string, Region][] }[] = [
  {
    name: 'Northwind Communications',
    domain: 'northwind.example',
    customers: [
      ['Contoso Health', 'AMER'],
      ['Fabrikam Logistics', 'AMER'],
      ['Tailspin Airlines', 'EMEA'],
      ['Wide World Importers', 'EMEA'],
      ['Sakura Robotics', 'APJC'],
      ['Fuji Precision', 'APJC'],
      ['Coral Bay Bank', 'AUS'],
      ['Canberra Civic Services', 'AUS'],
    ],
  },
  {
    name: 'Andes Telecom Partners',
    domain: 'andes.example',
    customers: [
      ['Banco del Pacífico', 'AMER'],
      ['Hospital San Rafael', 'AMER'],
      ['Iberia Energía', 'EMEA'],
      ['Lyon Transports', 'EMEA'],
      ['Osaka Retail Group', 'APJC'],
      ['Kyoto Textiles', 'APJC'],
      ['Perth Mining Co', 'AUS'],
      ['Hobart Ferries', 'AUS'],
    ],
  },
  {
    name: 'Meridian Cloud Voice',
    domain: 'meridian.example',
    customers: [
      ['Blue Yonder University', 'AMER'],
      ['Great Lakes Insurance', 'AMER'],
      ['Nordic Shipping', 'EMEA'],
      ['Berlin Media House', 'EMEA'],
      ['Tokyo Metro Clinics', 'APJC'],
      ['Nagoya Motors', 'APJC'],
      ['Sydney Harbour Hotels', 'AUS'],
      ['Adelaide Water', 'AUS'],
    ],
  },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@provider.example', role: 'provider_admin', organisation: 'Provider' },
  { email: 'tac@provider.example', role: 'provider_engineer', organisation: 'Provider (TAC)' },
  ...PARTNERS.flatMap((partner) => [
    { email: `admin@${partner.domain}`, role: 'partner_admin' as const, organisation: partner.name },
    { email: `engineer@${partner.domain}`, role: 'partner_engineer' as const, organisation: partner.name },
    {
      email: `viewer@${slug(partner.customers[0]?.[0] ?? '')}.example`,
      role: 'customer_viewer' as const,
      organisation: partner.customers[0]?.[0] ?? '',
    },
  ]),
];

/** 'Banco del Pacífico' → 'banco-del-pacifico', for demo e-mail addresses. */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function userExists(tx: Tx, email: string): Promise<boolean> {
  const row = await tx
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

async function ensureUser(tx: Tx, scope: Scope, input: Parameters<typeof createUser>[2]): Promise<void> {
  if (!(await userExists(tx, input.email))) await createUser(tx, scope, input);
}

/** Idempotent: running it again adds only what is missing. */
export async function seedDemo(
  db: Db,
  config: Config,
  policy: Policy = loadPolicy(config.policyFile ?? undefined).policy,
  today = new Date(),
): Promise<{ created: boolean }> {
  return inScope(db, systemScope('seed:demo'), async (tx) => {
    // One seeding at a time, even when several processes start together.
    await sql`select pg_advisory_xact_lock(hashtext('diops:seed-demo'))`.execute(tx);
    const scope = systemScope('seed:demo');
    const already = await tx
      .selectFrom('partners')
      .select('id')
      .where('name', '=', PARTNERS[0]?.name ?? '')
      .executeTakeFirst();
    if (already) {
      // Data sets from before notifications existed get that part added.
      await seedNotificationDemo(tx, config, today);
      await seedCaseDemo(tx, policy, today);
      await seedInventoryDemo(tx, policy);
      await seedOperationsDemo(tx, policy, today.getTime());
      await seedChangesDemo(tx, policy, today.getTime());
      return { created: false };
    }

    await ensureUser(tx, scope, {
      email: 'admin@provider.example',
      name: 'Pat Provider',
      password: DEMO_PASSWORD,
      role: 'provider_admin',
    });
    await ensureUser(tx, scope, {
      email: 'tac@provider.example',
      name: 'Taylor TAC',
      password: DEMO_PASSWORD,
      role: 'provider_engineer',
      timeZone: 'America/New_York',
    });
    const year = today.getUTCFullYear();
    let contractSeq = 1;
    for (const [partnerIndex, spec] of PARTNERS.entries()) {
      const partner = await createPartner(tx, scope, { name: spec.name });
      await ensureUser(tx, scope, {
        email: `admin@${spec.domain}`,
        name: `${spec.name.split(' ')[0]} Admin`,
        password: DEMO_PASSWORD,
        role: 'partner_admin',
        partnerId: partner.id,
        locale: partnerIndex === 1 ? 'es' : 'en',
      });
      await ensureUser(tx, scope, {
        email: `engineer@${spec.domain}`,
        name: `${spec.name.split(' ')[0]} Engineer`,
        password: DEMO_PASSWORD,
        role: 'partner_engineer',
        partnerId: partner.id,
        locale: partnerIndex === 1 ? 'es' : 'en',
      });
      for (const [customerIndex, [name, region]] of spec.customers.entries()) {
        const customer = await createCustomer(tx, scope, partner.id, { name, region });
        // Every customer has a current contract; every fourth also an expired one.
        await createContract(tx, scope, {
          customerId: customer.id,
          number: `DI-${year}-${String(contractSeq++).padStart(5, '0')}`,
          startsOn: `${year - 1}-01-01`,
          endsOn: `${year + 2}-12-31`,
        });
        if (customerIndex % 4 === 0) {
          await createContract(tx, scope, {
            customerId: customer.id,
            number: `DI-${year - 3}-${String(contractSeq++).padStart(5, '0')}`,
            startsOn: `${year - 3}-01-01`,
            endsOn: isoDate(new Date(Date.UTC(year - 1, 0, 0))),
          });
        }
        if (customerIndex === 0) {
          await ensureUser(tx, scope, {
            email: `viewer@${slug(name)}.example`,
            name: `${name} Viewer`,
            password: DEMO_PASSWORD,
            role: 'customer_viewer',
            customerId: customer.id,
          });
        }
      }
    }
    await seedNotificationDemo(tx, config, today);
    await seedCaseDemo(tx, policy, today);
    await seedInventoryDemo(tx, policy);
    await seedOperationsDemo(tx, policy, today.getTime());
    await seedChangesDemo(tx, policy, today.getTime());
    return { created: true };
  });
}

/** ADMIN_EMAIL + ADMIN_PASSWORD: the first provider admin, created only while none exists. */
export async function ensureFirstAdmin(db: Db, email: string, password: string): Promise<boolean> {
  return inScope(db, systemScope('bootstrap'), async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('diops:first-admin'))`.execute(tx);
    const existing = await tx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'provider_admin')
      .executeTakeFirst();
    if (existing) return false;
    await createUser(tx, systemScope('bootstrap'), {
      email,
      name: 'Administrator',
      password,
      role: 'provider_admin',
    });
    return true;
  });
}

/** `diops create-admin`: always creates (or fails clearly if the e-mail is taken). */
export async function createAdmin(db: Db, email: string, password: string, name = 'Administrator') {
  return inScope(db, systemScope('cli:create-admin'), (tx) =>
    createUser(tx, systemScope('cli:create-admin'), { email, name, password, role: 'provider_admin' }),
  );
}
