import { sql } from 'kysely';
import { type Release, type ReleaseTrain, shiftReleaseTrain } from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { requireRole } from '../../http/authenticate.ts';
import { brokenRule, notFound } from '../../http/errors.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCampaignUpgradeChanges } from '../changes/planned-changes.service.ts';
import { type ActiveTrain, activeTrain, normalizeVersion, tierSql, trainFromRow } from './release-train.ts';

function presentTrain(active: ActiveTrain) {
  return {
    train: active.train,
    publishedAt: active.publishedAt?.toISOString() ?? null,
    publishedBy: active.publishedBy,
    release: active.release,
  };
}

export async function releaseHistory(tx: Tx, policyTrain: ReleaseTrain) {
  const active = await activeTrain(tx, policyTrain);
  const rows = await tx.selectFrom('release_trains').selectAll().orderBy('id', 'desc').limit(50).execute();
  return {
    active: presentTrain(active),
    history: rows.map((row) => presentTrain(trainFromRow(row))),
  };
}

/** '15.0' against '14.10': part by part, as numbers. */
export function compareReleases(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** At most this many customer names travel in one partner's notice; the count is always exact. */
const NOTICE_CUSTOMERS = 50;

/**
 * Publishing a release (SPEC §6): the train shifts n → n-1 → n-2, every application is classified
 * again in one UPDATE, `releases` subscribers hear of the release, each partner hears which of its
 * customers fell out of compliance, and those customers are listed in an upgrade campaign.
 */
export async function publishRelease(
  tx: Tx,
  scope: Scope,
  policyTrain: ReleaseTrain,
  input: { version: string; sus: string[]; target?: string },
) {
  requireRole(scope, ['provider_admin']);
  // One publication at a time: two at once would both shift the same train.
  await sql`SELECT pg_advisory_xact_lock(hashtext('diops.release_train'))`.execute(tx);
  const before = await activeTrain(tx, policyTrain);
  const release: Release = { version: input.version, sus: [...new Set(input.sus)] };
  const known = [before.train.n, before.train.n1, before.train.n2].map((r) => r.version);
  if (known.includes(release.version))
    throw brokenRule('release_known', 'version', `${release.version} is already on the release train`);
  if (compareReleases(release.version, before.train.n.version) <= 0)
    throw brokenRule(
      'release_not_newer',
      'version',
      `a published release must be newer than n (${before.train.n.version})`,
    );
  const target = input.target ? normalizeVersion(input.target) : undefined;
  if (target && !release.sus.some((su) => `${release.version} ${su}`.toLowerCase() === target.toLowerCase()))
    throw brokenRule('target_on_n', 'target', 'the target must be one of the new release’s service updates');
  const { train } = shiftReleaseTrain(before.train, release, target);

  const trainRow = await tx
    .insertInto('release_trains')
    .values({
      train: JSON.stringify(train),
      published_release: JSON.stringify(release),
      published_by_id: scope.userId,
      published_by_label: scope.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Re-classify in place; the rows that left n are the ones that fell out of compliance.
  const changed = await tx
    .with('classified', (db) =>
      db
        .selectFrom('applications')
        .select(['id', 'tier as old_tier', tierSql(train, sql.ref('version')).as('new_tier')]),
    )
    .updateTable('applications as a')
    .from('classified as k')
    .set((eb) => ({ tier: eb.ref('k.new_tier'), updated_at: new Date() }))
    .whereRef('a.id', '=', 'k.id')
    .whereRef('k.new_tier', '<>', 'k.old_tier')
    .returning(['a.id', 'a.customer_id', 'a.partner_id', 'k.old_tier', 'a.tier'])
    .execute();
  const fellOut = changed.filter((row) => row.old_tier === 'n' && row.tier !== 'n');

  const byCustomer = new Map<string, { partnerId: string; applicationIds: string[] }>();
  for (const row of fellOut) {
    const entry = byCustomer.get(row.customer_id) ?? { partnerId: row.partner_id, applicationIds: [] };
    entry.applicationIds.push(row.id);
    byCustomer.set(row.customer_id, entry);
  }
  let campaignId: string | null = null;
  if (byCustomer.size > 0) {
    const campaign = await tx
      .insertInto('upgrade_campaigns')
      .values({ release_train_id: trainRow.id, target: train.target })
      .returning('id')
      .executeTakeFirstOrThrow();
    campaignId = campaign.id;
    await tx
      .insertInto('upgrade_campaign_customers')
      .values(
        [...byCustomer].map(([customerId, entry]) => ({
          campaign_id: campaign.id,
          customer_id: customerId,
          partner_id: entry.partnerId,
          application_ids: entry.applicationIds,
        })),
      )
      .execute();
  }

  const partners = await tx.selectFrom('partners').select('id').where('active', '=', true).execute();
  await raiseEvent(tx, scope, {
    category: 'releases',
    kind: 'release.published',
    subjectType: 'release',
    subjectId: String(trainRow.id),
    payload: { release, train, previousTrain: before.train, target: train.target },
    toProvider: true,
    toPartners: partners.map((p) => p.id),
  });
  await notifyPartnersOutOfCompliance(tx, scope, byCustomer, {
    release,
    train,
    campaignId,
    trainId: trainRow.id,
  });
  await recordAudit(tx, scope, {
    action: 'release.published',
    entityType: 'release_train',
    entityId: String(trainRow.id),
    partnerId: null,
    before: before.train,
    after: { train, reclassified: changed.length, fellOut: fellOut.length, campaignId },
  });
  return {
    train,
    previousTrain: before.train,
    reclassified: changed.length,
    fellOutOfCompliance: { customers: byCustomer.size, applications: fellOut.length },
    campaignId,
  };
}

async function notifyPartnersOutOfCompliance(
  tx: Tx,
  scope: Scope,
  byCustomer: Map<string, { partnerId: string; applicationIds: string[] }>,
  context: { release: Release; train: ReleaseTrain; campaignId: string | null; trainId: number },
) {
  if (byCustomer.size === 0) return;
  const names = await tx
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('id', 'in', [...byCustomer.keys()])
    .execute();
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  const perPartner = new Map<string, { name: string; applications: number }[]>();
  for (const [customerId, entry] of byCustomer) {
    const list = perPartner.get(entry.partnerId) ?? [];
    list.push({ name: nameOf.get(customerId) ?? customerId, applications: entry.applicationIds.length });
    perPartner.set(entry.partnerId, list);
  }
  for (const [partnerId, customers] of perPartner) {
    customers.sort((a, b) => a.name.localeCompare(b.name));
    await raiseEvent(tx, scope, {
      category: 'releases',
      kind: 'release.compliance_lost',
      subjectType: 'release',
      subjectId: `${context.trainId}:${partnerId}`,
      payload: {
        release: context.release,
        target: context.train.target,
        campaignId: context.campaignId,
        customerCount: customers.length,
        customers: customers.slice(0, NOTICE_CUSTOMERS),
      },
      toPartners: [partnerId],
    });
  }
}

export async function getCampaign(tx: Tx, scope: Scope, id: string) {
  const campaign = await tx
    .selectFrom('upgrade_campaigns')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!campaign) throw notFound('upgrade campaign');
  const customers = await tx
    .selectFrom('upgrade_campaign_customers as u')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .leftJoin('partners as p', 'p.id', 'u.partner_id')
    .select(['u.customer_id', 'c.name', 'c.region', 'u.partner_id', 'u.application_ids'])
    .select(sql<string>`coalesce(p.name, '')`.as('partner_name'))
    .where('u.campaign_id', '=', id)
    .$if(scope.kind === 'partner', (qb) => qb.where('u.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('u.customer_id', '=', scope.customerId ?? ''))
    .orderBy('c.name')
    .execute();
  const planned = await findCampaignUpgradeChanges(tx, id);
  return {
    id: campaign.id,
    target: campaign.target,
    createdAt: campaign.created_at.toISOString(),
    customers: customers.map((c) => ({
      customerId: c.customer_id,
      customerName: c.name,
      region: c.region,
      partnerId: c.partner_id,
      partnerName: c.partner_name,
      applicationIds: c.application_ids,
      upgradeChange: planned.get(c.customer_id) ?? null,
    })),
  };
}
