import { type Selectable, sql } from 'kysely';
import type { ReleaseTrain } from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { ApplicationKind, ApplicationNode, ApplicationsTable, Region } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, notFound, unprocessable } from '../../http/errors.ts';
import { decodeCursor, likePattern, pageOf } from '../../http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getCustomerRow } from '../directory/customers.service.ts';
import { type ApplicationDraft, applicationErrors, effectiveRegion } from './application-rules.ts';
import { complianceOf, normalizeVersion, tierOf } from './release-train.ts';

/** Who keeps the inventory: the provider runs the instances. */
export const INVENTORY_EDITORS = ['provider_admin', 'provider_engineer'] as const;

export type ApplicationRow = Selectable<ApplicationsTable> & { customer_name: string };

export function applicationsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('applications as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .selectAll('a')
    .select('c.name as customer_name')
    .$if(scope.kind === 'partner', (qb) => qb.where('a.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('a.customer_id', '=', scope.customerId ?? ''));
}

export function presentApplication(row: ApplicationRow, train: ReleaseTrain) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    kind: row.kind,
    name: row.name,
    version: row.version,
    region: row.region,
    nodes: row.nodes,
    primaryDataCentre: row.primary_dc,
    failoverDataCentre: row.failover_dc,
    ssoEnabled: row.sso_enabled,
    compliance: complianceOf(train, row.tier),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface ApplicationFilter {
  customerId?: string;
  partnerId?: string;
  kind?: ApplicationKind;
  tier?: ApplicationRow['tier'];
  mustUpgrade?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}

// Customer name, then application name: the order people read an estate in.
const SORT_KEY = sql<string>`lower(c.name) || chr(1) || lower(a.name)`;

export async function listApplications(tx: Tx, scope: Scope, train: ReleaseTrain, filter: ApplicationFilter) {
  const after = decodeCursor(filter.cursor);
  const limit = filter.limit ?? 50;
  const rows = await applicationsInScope(tx, scope)
    .select(SORT_KEY.as('sort_key'))
    .$if(filter.customerId !== undefined, (qb) => qb.where('a.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.partnerId !== undefined, (qb) => qb.where('a.partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.kind !== undefined, (qb) => qb.where('a.kind', '=', filter.kind ?? 'cucm'))
    .$if(filter.tier !== undefined, (qb) => qb.where('a.tier', '=', filter.tier ?? 'n'))
    .$if(filter.mustUpgrade !== undefined, (qb) =>
      qb.where('a.must_upgrade', '=', filter.mustUpgrade ?? true),
    )
    .$if(filter.q !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('a.name', 'ilike', likePattern(filter.q ?? '')),
          eb('c.name', 'ilike', likePattern(filter.q ?? '')),
          eb('a.version', 'ilike', likePattern(filter.q ?? '')),
        ]),
      ),
    )
    .$if(after !== null, (qb) =>
      qb.where(sql<boolean>`(${SORT_KEY}, a.id) > (${after?.k}, ${after?.id}::uuid)`),
    )
    .orderBy(SORT_KEY)
    .orderBy('a.id')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: row.sort_key, id: row.id }));
  return { items: page.items.map((row) => presentApplication(row, train)), nextCursor: page.nextCursor };
}

export async function getApplicationRow(tx: Tx, scope: Scope, id: string): Promise<ApplicationRow> {
  const row = await applicationsInScope(tx, scope).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('application');
  return row;
}

export async function getApplication(tx: Tx, scope: Scope, train: ReleaseTrain, id: string) {
  return presentApplication(await getApplicationRow(tx, scope, id), train);
}

export interface ApplicationInput {
  kind: ApplicationKind;
  name: string;
  version: string;
  nodes: ApplicationNode[];
  primaryDataCentre: string;
  failoverDataCentre?: string | null;
  ssoEnabled?: boolean;
  region?: Region;
}

/** The columns an application draft writes, with its tier in the given train. */
export function applicationColumns(draft: ApplicationDraft, customerRegion: Region, train: ReleaseTrain) {
  const version = normalizeVersion(draft.version);
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    version,
    tier: tierOf(train, version),
    region: effectiveRegion(draft, customerRegion),
    nodes: JSON.stringify(draft.nodes),
    primary_dc: draft.primaryDataCentre,
    failover_dc: draft.failoverDataCentre,
  };
}

function nameTaken(error: unknown, name: string): never {
  if (isUniqueViolation(error, 'applications_customer_name_key'))
    throw conflict(
      'application_name_taken',
      `This customer already has an application named "${name}".`,
      'name',
    );
  throw error;
}

export async function createApplication(
  tx: Tx,
  scope: Scope,
  train: ReleaseTrain,
  input: ApplicationInput & { customerId: string },
) {
  requireRole(scope, INVENTORY_EDITORS);
  const customer = await getCustomerRow(tx, scope, input.customerId);
  if (!customer.active) throw conflict('customer_inactive', 'The customer is deactivated.', 'customerId');
  const draft: ApplicationDraft = {
    ...input,
    failoverDataCentre: input.failoverDataCentre ?? null,
    region: input.region ?? null,
  };
  const errors = applicationErrors(draft, customer.region, train, { newDeployment: true });
  if (errors.length > 0) throw unprocessable(errors);
  try {
    const row = await tx
      .insertInto('applications')
      .values({
        ...applicationColumns(draft, customer.region, train),
        partner_id: customer.partner_id,
        customer_id: customer.id,
        sso_enabled: input.ssoEnabled ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const application = presentApplication({ ...row, customer_name: customer.name }, train);
    await recordAudit(tx, scope, {
      action: 'application.created',
      entityType: 'application',
      entityId: row.id,
      partnerId: row.partner_id,
      customerId: row.customer_id,
      after: application,
    });
    return application;
  } catch (error) {
    nameTaken(error, draft.name);
  }
}

export async function updateApplication(
  tx: Tx,
  scope: Scope,
  train: ReleaseTrain,
  id: string,
  patch: Partial<ApplicationInput>,
) {
  requireRole(scope, INVENTORY_EDITORS);
  const before = await getApplicationRow(tx, scope, id);
  const customer = await getCustomerRow(tx, scope, before.customer_id);
  const draft: ApplicationDraft = {
    kind: before.kind,
    name: patch.name ?? before.name,
    version: patch.version ?? before.version,
    nodes: patch.nodes ?? before.nodes,
    primaryDataCentre: patch.primaryDataCentre ?? before.primary_dc,
    failoverDataCentre:
      patch.failoverDataCentre === undefined ? before.failover_dc : patch.failoverDataCentre,
    region: patch.region ?? (before.kind === 'sme' ? before.region : null),
  };
  const errors = applicationErrors(draft, customer.region, train, { newDeployment: false });
  if (errors.length > 0) throw unprocessable(errors);
  try {
    const row = await tx
      .updateTable('applications')
      .set({
        ...applicationColumns(draft, customer.region, train),
        sso_enabled: patch.ssoEnabled ?? before.sso_enabled,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const application = presentApplication({ ...row, customer_name: customer.name }, train);
    await recordAudit(tx, scope, {
      action: 'application.updated',
      entityType: 'application',
      entityId: id,
      partnerId: row.partner_id,
      customerId: row.customer_id,
      before: presentApplication(before, train),
      after: application,
    });
    return application;
  } catch (error) {
    nameTaken(error, draft.name);
  }
}

export async function deleteApplication(tx: Tx, scope: Scope, train: ReleaseTrain, id: string) {
  requireRole(scope, ['provider_admin']);
  const before = await getApplicationRow(tx, scope, id);
  await tx.deleteFrom('applications').where('id', '=', id).execute();
  await recordAudit(tx, scope, {
    action: 'application.deleted',
    entityType: 'application',
    entityId: id,
    partnerId: before.partner_id,
    customerId: before.customer_id,
    before: presentApplication(before, train),
  });
}
