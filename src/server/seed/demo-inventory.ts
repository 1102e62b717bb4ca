import type { Policy } from '../../core/index.ts';
import type { Tx } from '../db/database.ts';
import type { ApplicationKind, ApplicationNode, Region } from '../db/schema.ts';
import type { ApplicationDraft } from '../modules/inventory/application-rules.ts';
import { applicationColumns } from '../modules/inventory/applications.service.ts';

/** Data-centre pairs per region (primary, failover), as a provider would run them. */
const DATA_CENTRES: Record<Region, [string, string]> = {
  AMER: ['NYC1', 'DAL1'],
  APJC: ['TYO1', 'OSA1'],
  AUS: ['SYD1', 'MEL1'],
  EMEA: ['AMS1', 'FRA1'],
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function nodes(
  kind: ApplicationKind,
  customer: string,
  subscribers: number,
  [primary, failover]: [string, string],
) {
  const base = `${kind}.${slug(customer)}.di.example`;
  const list: ApplicationNode[] = [{ hostname: `pub-${base}`, role: 'publisher', dataCentre: primary }];
  for (let i = 1; i <= subscribers; i++)
    list.push({
      hostname: `sub${i}-${base}`,
      role: 'subscriber',
      dataCentre: i % 2 === 0 ? primary : failover,
    });
  return list;
}

/**
 * Every demo customer gets an instance: CUCM, Unity Connection, IM&P and Expressway, CER for most,
 * an SME cluster for one. Versions spread over the train so the compliance view has something to
 * show: mostly n, some n-1, one n-2 and one customer still on an unsupported release.
 */
export async function seedInventoryDemo(tx: Tx, policy: Policy): Promise<void> {
  const any = await tx.selectFrom('applications').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const customers = await tx
    .selectFrom('customers')
    .select(['id', 'partner_id', 'name', 'region'])
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  const train = policy.versions;
  const onN = `${train.n.version} ${train.n.sus.at(-1)}`;
  const onN1 = `${train.n1.version} ${train.n1.sus.at(-1)}`;
  const onN2 = `${train.n2.version} ${train.n2.sus[0]}`;
  const rows = customers.flatMap((customer, index) => {
    const centres = DATA_CENTRES[customer.region];
    const version = index % 7 === 3 ? onN2 : index % 9 === 5 ? '11.5 SU9' : index % 3 === 1 ? onN1 : onN;
    const kinds: [ApplicationKind, number][] = [
      ['cucm', 2 + (index % 3)],
      ['cucxn', 1],
      ['imp', 1],
      ['expressway', 1],
    ];
    if (index % 4 !== 2) kinds.push(['cer', 1]);
    if (index === 0) kinds.push(['sme', 1]);
    return kinds.map(([kind, subscribers]) => {
      const draft: ApplicationDraft = {
        kind,
        name: `${kind.toUpperCase()}-${slug(customer.name).slice(0, 20)}`,
        // Expressways are upgraded on their own track; the demo keeps them on n.
        version: kind === 'expressway' || kind === 'sme' ? onN : version,
        nodes: nodes(kind, customer.name, subscribers, centres),
        primaryDataCentre: centres[0],
        failoverDataCentre: centres[1],
        region: kind === 'sme' ? 'AMER' : null,
      };
      return {
        ...applicationColumns(draft, customer.region, train),
        partner_id: customer.partner_id,
        customer_id: customer.id,
        sso_enabled: index % 2 === 0,
      };
    });
  });
  if (rows.length > 0) await tx.insertInto('applications').values(rows).execute();
}
