import { sql } from 'kysely';
import type { ReleaseTrain } from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { hideFromCustomers } from '../../http/authenticate.ts';

type TierCounts = { n: number; 'n-1': number; 'n-2': number; unsupported: number };
const tiers = (row: { n: number; n1: number; n2: number; unsupported: number }): TierCounts => ({
  n: row.n,
  'n-1': row.n1,
  'n-2': row.n2,
  unsupported: row.unsupported,
});

/**
 * Version compliance per partner (SPEC §6): applications per tier, how many customers must
 * upgrade, and the share already on n; with a partner chosen (or for a partner's own users), the
 * same per customer, least compliant first.
 */
export async function complianceReport(
  tx: Tx,
  scope: Scope,
  train: ReleaseTrain,
  filter: { partnerId?: string },
) {
  hideFromCustomers(scope, 'compliance report');
  const partnerId = scope.kind === 'partner' ? scope.partnerId : (filter.partnerId ?? null);
  const counts = {
    n: sql<number>`count(*) FILTER (WHERE a.tier = 'n')::int`,
    n1: sql<number>`count(*) FILTER (WHERE a.tier = 'n-1')::int`,
    n2: sql<number>`count(*) FILTER (WHERE a.tier = 'n-2')::int`,
    unsupported: sql<number>`count(*) FILTER (WHERE a.tier = 'unsupported')::int`,
  };
  const partners = await tx
    .selectFrom('applications as a')
    .innerJoin('partners as p', 'p.id', 'a.partner_id')
    .select([
      'a.partner_id',
      'p.name',
      sql<number>`count(*)::int`.as('applications'),
      counts.n.as('n'),
      counts.n1.as('n1'),
      counts.n2.as('n2'),
      counts.unsupported.as('unsupported'),
      sql<number>`count(DISTINCT a.customer_id) FILTER (WHERE a.must_upgrade)::int`.as('must_upgrade'),
    ])
    .$if(partnerId !== null, (qb) => qb.where('a.partner_id', '=', partnerId ?? ''))
    .groupBy(['a.partner_id', 'p.name'])
    .orderBy('p.name')
    .execute();
  const customers =
    partnerId === null
      ? []
      : await tx
          .selectFrom('applications as a')
          .innerJoin('customers as c', 'c.id', 'a.customer_id')
          .select([
            'a.customer_id',
            'c.name',
            'a.partner_id',
            sql<number>`count(*)::int`.as('applications'),
            counts.n.as('n'),
            counts.n1.as('n1'),
            counts.n2.as('n2'),
            counts.unsupported.as('unsupported'),
          ])
          .where('a.partner_id', '=', partnerId)
          .groupBy(['a.customer_id', 'c.name', 'a.partner_id'])
          .orderBy(sql`count(*) FILTER (WHERE a.tier = 'n')::float / count(*)`)
          .orderBy('c.name')
          .execute();
  return {
    train,
    partners: partners.map((row) => ({
      partnerId: row.partner_id,
      partnerName: row.name,
      applications: row.applications,
      tiers: tiers(row),
      customersMustUpgrade: row.must_upgrade,
      compliantShare: row.applications === 0 ? 1 : Number((row.n / row.applications).toFixed(4)),
    })),
    customers: customers.map((row) => ({
      customerId: row.customer_id,
      customerName: row.name,
      partnerId: row.partner_id,
      applications: row.applications,
      tiers: tiers(row),
    })),
  };
}
