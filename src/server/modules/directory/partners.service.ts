import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { byName, likePattern, namePage } from '../../http/pagination.ts';
import { recordAudit, updateAction } from '../audit/audit.service.ts';
import { presentPartner } from './directory.presenter.ts';

export interface PartnerFilter {
  q?: string;
  active?: boolean;
  limit?: number;
  cursor?: string;
}

/** A partner the caller may see (provider: any; others: their own), or 404. */
export async function getPartnerRow(tx: Tx, scope: Scope, id: string) {
  const row = await tx
    .selectFrom('partners')
    .selectAll()
    .where('id', '=', id)
    .$if(scope.kind !== 'provider' && scope.kind !== 'system', (qb) =>
      qb.where('id', '=', scope.partnerId ?? ''),
    )
    .executeTakeFirst();
  if (!row) throw notFound('partner');
  return row;
}

export async function getPartner(tx: Tx, scope: Scope, id: string) {
  return presentPartner(await getPartnerRow(tx, scope, id));
}

export async function listPartners(tx: Tx, scope: Scope, filter: PartnerFilter) {
  const rows = await tx
    .selectFrom('partners')
    .selectAll()
    .$if(scope.kind !== 'provider' && scope.kind !== 'system', (qb) =>
      qb.where('id', '=', scope.partnerId ?? ''),
    )
    .$if(filter.q !== undefined, (qb) => qb.where('name', 'ilike', likePattern(filter.q ?? '')))
    .$if(filter.active !== undefined, (qb) => qb.where('active', '=', filter.active ?? true))
    .$call(byName(filter))
    .execute();
  const page = namePage(rows, filter);
  return { items: page.items.map(presentPartner), nextCursor: page.nextCursor };
}

export async function createPartner(tx: Tx, scope: Scope, input: { name: string }) {
  requireRole(scope, ['provider_admin']);
  try {
    const row = await tx
      .insertInto('partners')
      .values({ name: input.name.trim() })
      .returningAll()
      .executeTakeFirstOrThrow();
    const partner = presentPartner(row);
    await recordAudit(tx, scope, {
      action: 'partner.created',
      entityType: 'partner',
      entityId: row.id,
      partnerId: row.id,
      after: partner,
    });
    return partner;
  } catch (error) {
    if (isUniqueViolation(error, 'partners_name_key')) {
      throw conflict('partner_name_taken', `A partner named "${input.name}" already exists.`, 'name');
    }
    throw error;
  }
}

export async function updatePartner(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { name?: string; active?: boolean },
) {
  const before = await getPartnerRow(tx, scope, id);
  requireRole(scope, ['provider_admin']);
  try {
    const row = await tx
      .updateTable('partners')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const partner = presentPartner(row);
    const action = updateAction('partner', input.active);
    await recordAudit(tx, scope, {
      action,
      entityType: 'partner',
      entityId: id,
      partnerId: id,
      before: presentPartner(before),
      after: partner,
    });
    return partner;
  } catch (error) {
    if (isUniqueViolation(error, 'partners_name_key')) {
      throw conflict('partner_name_taken', `A partner named "${input.name}" already exists.`, 'name');
    }
    throw error;
  }
}
