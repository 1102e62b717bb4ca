import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Region } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, notFound, unprocessable } from '../../http/errors.ts';
import { byName, likePattern, namePage } from '../../http/pagination.ts';
import { recordAudit, updateAction } from '../audit/audit.service.ts';
import { presentCustomer } from './directory.presenter.ts';
import { getPartnerRow } from './partners.service.ts';

export interface CustomerFilter {
  q?: string;
  partnerId?: string;
  region?: Region;
  active?: boolean;
  limit?: number;
  cursor?: string;
}

const MANAGERS = ['provider_admin', 'partner_admin'] as const;

function customersInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('customers')
    .selectAll()
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('id', '=', scope.customerId ?? ''));
}

export async function getCustomerRow(tx: Tx, scope: Scope, id: string) {
  const row = await customersInScope(tx, scope).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('customer');
  return row;
}

export async function getCustomer(tx: Tx, scope: Scope, id: string) {
  return presentCustomer(await getCustomerRow(tx, scope, id));
}

export async function listCustomers(tx: Tx, scope: Scope, filter: CustomerFilter) {
  const rows = await customersInScope(tx, scope)
    .$if(filter.partnerId !== undefined, (qb) => qb.where('partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.region !== undefined, (qb) => qb.where('region', '=', filter.region ?? 'AMER'))
    .$if(filter.q !== undefined, (qb) => qb.where('name', 'ilike', likePattern(filter.q ?? '')))
    .$if(filter.active !== undefined, (qb) => qb.where('active', '=', filter.active ?? true))
    .$call(byName(filter))
    .execute();
  const page = namePage(rows, filter);
  return { items: page.items.map(presentCustomer), nextCursor: page.nextCursor };
}

function nameTaken(error: unknown, name: string | undefined): never {
  if (isUniqueViolation(error, 'customers_partner_name_key')) {
    throw conflict('customer_name_taken', `This partner already has a customer named "${name}".`, 'name');
  }
  throw error;
}

export async function createCustomer(
  tx: Tx,
  scope: Scope,
  partnerId: string,
  input: { name: string; region: Region },
) {
  const partner = await getPartnerRow(tx, scope, partnerId);
  requireRole(scope, MANAGERS);
  if (!partner.active) {
    throw conflict('partner_inactive', 'The partner is deactivated; reactivate it before adding customers.');
  }
  try {
    const row = await tx
      .insertInto('customers')
      .values({ partner_id: partner.id, name: input.name.trim(), region: input.region })
      .returningAll()
      .executeTakeFirstOrThrow();
    const customer = presentCustomer(row);
    await recordAudit(tx, scope, {
      action: 'customer.created',
      entityType: 'customer',
      entityId: row.id,
      partnerId: row.partner_id,
      customerId: row.id,
      after: customer,
    });
    return customer;
  } catch (error) {
    return nameTaken(error, input.name);
  }
}

export async function updateCustomer(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { name?: string; region?: Region; active?: boolean },
) {
  const before = await getCustomerRow(tx, scope, id);
  requireRole(scope, MANAGERS);
  try {
    const row = await tx
      .updateTable('customers')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.region !== undefined ? { region: input.region } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const customer = presentCustomer(row);
    const action = updateAction('customer', input.active);
    await recordAudit(tx, scope, {
      action,
      entityType: 'customer',
      entityId: id,
      partnerId: row.partner_id,
      customerId: id,
      before: presentCustomer(before),
      after: customer,
    });
    return customer;
  } catch (error) {
    return nameTaken(error, input.name);
  }
}

/**
 * Checks that every id names a customer the caller can see (and of `partnerId` when given);
 * otherwise a 422 naming each unknown entry as `<field>.<index>`.
 */
export async function requireKnownCustomers(
  tx: Tx,
  scope: Scope,
  ids: string[],
  options: { field: string; partnerId?: string },
): Promise<void> {
  if (ids.length === 0) return;
  const found = await customersInScope(tx, scope)
    .where('id', 'in', ids)
    .$if(options.partnerId !== undefined, (qb) => qb.where('partner_id', '=', options.partnerId ?? ''))
    .execute();
  const known = new Set(found.map((row) => row.id));
  const missing = ids.flatMap((id, index) => (known.has(id) ? [] : [index]));
  if (missing.length > 0)
    throw unprocessable(
      missing.map((index) => ({
        code: 'unknown_customer',
        path: `${options.field}.${index}`,
        message: 'no such customer',
      })),
    );
}
