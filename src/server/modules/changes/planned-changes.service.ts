import { sql } from 'kysely';
import { nextAllowedSlot } from '../../../core/next-slot.ts';
import type { ChangeType, Policy } from '../../../core/policy-document.ts';
import type { Scope, Tx } from '../../db/database.ts';
import type { ChangeSourceType, ChangeStatus, Region } from '../../db/schema.ts';
import { conflict, type FieldError, notFound, unprocessable } from '../../http/errors.ts';
import { type ChangeSelection, summarizeSelection } from './change-selection.ts';
import { changeReference } from './changes.presenter.ts';
import { createChange, requireChangeManager } from './changes.service.ts';

/**
 * Changes the product plans for the provider from something it already knows: a COP file to
 * install (issue 7: an emergency install goes into the next provider window, any other is a normal
 * change with notice) and an upgrade campaign left by a release publication (one upgrade change per
 * region, because windows of different regions never overlap). Each takes the earliest slot the
 * scheduling rules allow, found by the policy core's next-slot finder.
 */
function earliestSlot(
  policy: Policy,
  input: {
    type: ChangeType;
    regions: Region[];
    durationMinutes: number;
    after: number;
    now: number;
    reason?: string | null;
    emergencyReason?: string | null;
    emergency?: boolean;
    certificateExpiresAt?: number | null;
  },
): { start: string; end: string } | FieldError {
  const result = nextAllowedSlot(policy, {
    type: input.type,
    durationMinutes: input.durationMinutes,
    regions: input.regions,
    noticeAt: input.now,
    after: Math.max(input.after, input.now),
    reason: input.reason ?? null,
    emergencyReason: input.emergencyReason ?? null,
    certificateExpiresAt: input.certificateExpiresAt ?? null,
    flags: { emergency: input.emergency ?? false },
  });
  if (!result.common)
    return {
      code: 'no_slot',
      path: 'after',
      message:
        result.commonExplain?.message ?? result.blocking[0]?.message ?? 'no slot within the search horizon',
    };
  return {
    start: new Date(result.common.start).toISOString(),
    end: new Date(result.common.end).toISOString(),
  };
}

export interface CopInstallInput extends ChangeSelection {
  fileName: string;
  title?: string;
  description?: string;
  emergency?: boolean;
  emergencyReason?: string;
  durationMinutes?: number;
  after?: string;
}

/** A provider-initiated COP file install as a cop_install change in the earliest allowed slot. */
export async function planCopInstall(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: CopInstallInput,
  now = Date.now(),
) {
  requireChangeManager(scope);
  const selection = await summarizeSelection(tx, input);
  if (selection.errors.length > 0) throw unprocessable(selection.errors);
  const slot = earliestSlot(policy, {
    type: 'cop_install',
    regions: selection.regions,
    durationMinutes: input.durationMinutes ?? 60,
    after: input.after ? Date.parse(input.after) : now,
    now,
    emergency: input.emergency ?? false,
    emergencyReason: input.emergencyReason ?? null,
  });
  if ('code' in slot) throw unprocessable([slot], slot.message);
  const fileName = input.fileName.trim();
  return createChange(
    tx,
    scope,
    policy,
    {
      type: 'cop_install',
      title: input.title?.trim() || `Install COP file ${fileName}`,
      description: [`COP file: ${fileName}`, input.description?.trim()].filter(Boolean).join('\n\n'),
      ...slot,
      customerIds: input.customerIds ?? [],
      partnerIds: input.partnerIds ?? [],
      regions: input.regions ?? [],
      versions: input.versions ?? [],
      ...(input.emergency ? { emergency: true } : {}),
      ...(input.emergencyReason ? { emergencyReason: input.emergencyReason } : {}),
    },
    { now },
  );
}

/**
 * The upgrade changes of a campaign: its customers grouped by region, one upgrade change per region
 * in the earliest slot after the notice period (or after `after`), each naming the campaign.
 */
export async function planCampaignUpgrades(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  campaignId: string,
  input: { reason?: string; durationMinutes?: number; after?: string },
  now = Date.now(),
) {
  requireChangeManager(scope);
  const campaign = await tx
    .selectFrom('upgrade_campaigns')
    .select(['id', 'target'])
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) throw notFound('upgrade campaign');
  const groups = await sql<{ region: Region; customer_ids: string[] }>`
    SELECT c.region, array_agg(c.id ORDER BY c.name) AS customer_ids
    FROM upgrade_campaign_customers u JOIN customers c ON c.id = u.customer_id
    WHERE u.campaign_id = ${campaignId}::uuid AND c.active
      AND NOT EXISTS (SELECT 1 FROM changes ch JOIN change_customers cc ON cc.change_id = ch.id
        WHERE ch.source_type = 'upgrade_campaign' AND ch.source_id = ${campaignId}::uuid
          AND ch.status <> 'cancelled' AND cc.customer_id = c.id)
    GROUP BY c.region ORDER BY c.region
  `.execute(tx);
  if (groups.rows.length === 0)
    throw unprocessable([
      {
        code: 'nothing_to_plan',
        path: 'campaignId',
        message: 'every customer of the campaign already has an upgrade change',
      },
    ]);
  const reason = input.reason ?? 'below_n_minus_1';
  const source: { type: ChangeSourceType; id: string } = { type: 'upgrade_campaign', id: campaignId };
  const changes = [];
  for (const group of groups.rows) {
    const slot = earliestSlot(policy, {
      type: 'upgrade',
      regions: [group.region],
      durationMinutes: input.durationMinutes ?? 240,
      after: input.after ? Date.parse(input.after) : now,
      now,
      reason,
    });
    if ('code' in slot)
      throw unprocessable([{ ...slot, message: `${group.region}: ${slot.message}`, region: group.region }]);
    changes.push(
      await createChange(
        tx,
        scope,
        policy,
        {
          type: 'upgrade',
          title: `Upgrade to ${campaign.target} (${group.region})`,
          description: `Upgrade campaign for the customers below the release train after the publication of ${campaign.target}.`,
          reason,
          customerIds: group.customer_ids,
          ...slot,
        },
        { now, source },
      ),
    );
  }
  return { items: changes };
}

/**
 * Which customers of a campaign already have its upgrade change (any not cancelled, so planning
 * again skips them), and which one: the latest per customer, as far as the caller may see it.
 */
export async function findCampaignUpgradeChanges(
  tx: Tx,
  campaignId: string,
): Promise<Map<string, { id: string; reference: string; status: ChangeStatus }>> {
  const rows = await sql<{ customer_id: string; id: string; number: number; status: ChangeStatus }>`
    SELECT DISTINCT ON (cc.customer_id) cc.customer_id, ch.id, ch.number, ch.status
    FROM changes ch JOIN change_customers cc ON cc.change_id = ch.id
    WHERE ch.source_type = 'upgrade_campaign' AND ch.source_id = ${campaignId}::uuid
      AND ch.status <> 'cancelled'
    ORDER BY cc.customer_id, ch.created_at DESC
  `.execute(tx);
  return new Map(
    rows.rows.map((r) => [
      r.customer_id,
      { id: r.id, reference: changeReference(r.number), status: r.status },
    ]),
  );
}

/**
 * The certificate job proposes a renewal slot; this turns it into the certificate_renewal change for
 * the certificate's customer (the proposal when it still lies ahead, else the earliest slot 7–3 days
 * before expiry). One open renewal change per certificate: another answers 409.
 */
export async function planCertificateRenewal(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  certificateId: string,
  now = Date.now(),
) {
  requireChangeManager(scope);
  const certificate = await tx
    .selectFrom('certificates as k')
    .innerJoin('applications as a', 'a.id', 'k.application_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .select([
      'k.id',
      'k.customer_id',
      'k.kind',
      'k.subject',
      'k.expires_at',
      'k.proposal_start',
      'k.proposal_end',
      'a.name',
      'c.region',
    ])
    .where('k.id', '=', certificateId)
    .executeTakeFirst();
  if (!certificate) throw notFound('certificate');
  const open = await tx
    .selectFrom('changes')
    .select('id')
    .where('source_type', '=', 'certificate')
    .where('source_id', '=', certificateId)
    .where('status', 'in', ['scheduled', 'notice_sent', 'in_progress'])
    .executeTakeFirst();
  if (open) throw conflict('renewal_planned', 'This certificate already has an open renewal change.');
  const expires = certificate.expires_at.getTime();
  const proposed =
    certificate.proposal_start && certificate.proposal_end && certificate.proposal_start.getTime() > now
      ? { start: certificate.proposal_start.toISOString(), end: certificate.proposal_end.toISOString() }
      : earliestSlot(policy, {
          type: 'certificate_renewal',
          regions: [certificate.region],
          durationMinutes: 60,
          after: now,
          now,
          certificateExpiresAt: expires,
        });
  if ('code' in proposed)
    throw unprocessable(
      [{ code: 'certificate_window', path: 'certificateId', message: proposed.message }],
      proposed.message,
    );
  return createChange(
    tx,
    scope,
    policy,
    {
      type: 'certificate_renewal',
      title: `Renew the ${certificate.kind} certificate of ${certificate.name}`,
      description: `Certificate ${certificate.subject}, expiring ${certificate.expires_at.toISOString()}.`,
      customerIds: [certificate.customer_id],
      certificateExpiresAt: certificate.expires_at.toISOString(),
      ...proposed,
    },
    { now, source: { type: 'certificate', id: certificateId } },
  );
}
