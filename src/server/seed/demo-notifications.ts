import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { type Scope, scopeForUser, systemScope, type Tx } from '../db/database.ts';
import type { Category, Channel, Locale } from '../db/schema.ts';
import { createSubscription } from '../modules/notifications/subscriptions.service.ts';
import { declareNetworkActivity } from '../modules/outages/network-activities.service.ts';
import { declareOutage, postOutageUpdate, resolveOutage } from '../modules/outages/outages.service.ts';

interface DemoSubscription {
  partner: string | null;
  name: string;
  categories: Category[];
  channel: Channel;
  target: string;
  locale: Locale;
  timeZone: string;
  paused?: boolean;
}

/**
 * Subscriptions, one resolved and one open outage, and a partner's planned network activity, so
 * the notification screens and the built-in mailbox have something real in them on first start.
 * Meridian deliberately lacks an incidents subscriber: the contact-hygiene warning shows.
 */
const SUBSCRIPTIONS: DemoSubscription[] = [
  {
    partner: null,
    name: 'Provider NOC',
    categories: ['maintenance_outages', 'incidents'],
    channel: 'email',
    target: 'noc@provider.example',
    locale: 'en',
    timeZone: 'UTC',
  },
  {
    partner: 'Northwind Communications',
    name: 'Northwind service desk',
    categories: ['maintenance_outages', 'incidents', 'certificates'],
    channel: 'email',
    target: 'servicedesk@northwind.example',
    locale: 'en',
    timeZone: 'America/Chicago',
  },
  {
    partner: 'Northwind Communications',
    name: 'Northwind #uc-alerts',
    categories: ['maintenance_outages', 'incidents'],
    channel: 'slack',
    target: 'https://hooks.slack.com/services/T000DEMO/B000DEMO/demo',
    locale: 'en',
    timeZone: 'America/Chicago',
    paused: true,
  },
  {
    partner: 'Andes Telecom Partners',
    name: 'Mesa de ayuda Andes',
    categories: ['maintenance_outages', 'incidents', 'upgrades', 'releases'],
    channel: 'email',
    target: 'soporte@andes.example',
    locale: 'es',
    timeZone: 'America/Bogota',
  },
  {
    partner: 'Meridian Cloud Voice',
    name: 'Meridian certificates',
    categories: ['certificates'],
    channel: 'email',
    target: 'pki@meridian.example',
    locale: 'en',
    timeZone: 'Europe/London',
  },
];

/** The scope of a demo user, so demo data goes through the same services as real requests. */
export async function userScope(tx: Tx, email: string): Promise<Scope> {
  const user = await tx
    .selectFrom('users')
    .select(['id', 'email', 'role', 'partner_id', 'customer_id'])
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirstOrThrow();
  return scopeForUser(user);
}

export async function seedNotificationDemo(tx: Tx, config: Config, now: Date): Promise<void> {
  const system = systemScope('seed:demo');
  const marker = await tx
    .selectFrom('subscriptions')
    .select('id')
    .where('name', '=', 'Provider NOC')
    .executeTakeFirst();
  if (marker) return;
  const partners = await tx.selectFrom('partners').select(['id', 'name']).execute();
  const partnerId = (name: string) => partners.find((p) => p.name === name)?.id ?? null;
  for (const spec of SUBSCRIPTIONS) {
    const created = await createSubscription(tx, system, config, {
      name: spec.name,
      partnerId: spec.partner ? partnerId(spec.partner) : null,
      categories: spec.categories,
      channel: spec.channel,
      target: spec.target,
      locale: spec.locale,
      timeZone: spec.timeZone,
    });
    if (spec.paused)
      await tx.updateTable('subscriptions').set({ paused: true }).where('id', '=', created.id).execute();
  }

  const tac = await userScope(tx, 'tac@provider.example');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000).toISOString();
  const past = await declareOutage(
    tx,
    tac,
    {
      title: 'Voicemail delays in EMEA',
      summary: 'Unity Connection message notifications are delayed by up to 20 minutes.',
      impact: 'degraded',
      regions: ['EMEA'],
      services: ['unity_connection'],
      startedAt: minutes(-7 * 24 * 60),
    },
    now,
  );
  await postOutageUpdate(tx, tac, past.id, {
    message: 'A stuck notification queue on one subscriber node was identified; it is being drained.',
    status: 'identified',
  });
  await resolveOutage(
    tx,
    tac,
    past.id,
    {
      message: 'The queue is drained and notifications are immediate again.',
      resolvedAt: minutes(-7 * 24 * 60 + 95),
    },
    now,
  );
  const open = await declareOutage(
    tx,
    tac,
    {
      title: 'Calls failing for some APJC customers',
      summary: 'Outbound PSTN calls fail intermittently on one CUCM cluster. Internal calls work.',
      impact: 'down',
      regions: ['APJC'],
      services: ['cucm'],
      startedAt: minutes(-40),
    },
    now,
  );
  await postOutageUpdate(tx, tac, open.id, {
    message: 'The SIP trunk to the carrier flaps; the carrier has opened a ticket on their side.',
    status: 'identified',
  });

  const andes = await userScope(tx, 'engineer@andes.example');
  const tomorrow = new Date(now);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(3, 0, 0, 0);
  await declareNetworkActivity(
    tx,
    andes,
    {
      title: 'Cambio de firewall en la sede de Bogotá',
      description: 'Sustitución del firewall perimetral; los troncales SIP pueden caer durante 10 minutos.',
      expectedAlarms: 'SIP trunk down, MGCP gateway unregistered',
      startsAt: tomorrow.toISOString(),
      endsAt: new Date(tomorrow.getTime() + 2 * 3_600_000).toISOString(),
    },
    now,
  );
}
