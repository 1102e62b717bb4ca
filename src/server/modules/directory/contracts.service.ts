import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, notFound, unprocessable } from '../../http/errors.ts';
import { decodeCursor, likePattern, pageOf } from '../../http/pagination.ts';
import { recordAudit, updateAction } from '../audit/audit.service.ts';
import { getCustomerRow } from './customers.service.ts';
import { presentContract, presentNamedContract } from './directory.presenter.ts';

export interface ContractFilter {
  q?: string;
  customerId?: string;
  partnerId?: string;
  activeOn?: string;
  active?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Contracts the scope may read, each with its customer's name. A left join, so row-level security on
 * customers can never drop a contract: a customer the viewer cannot read gives an empty name.
 */
function contractsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('contracts as k')
    .leftJoin('customers as cu', 'cu.id', 'k.customer_id')
    .selectAll('k')
    .select(sql<string>`coalesce(cu.name, '')`.as('customer_name'))
    .$if(scope.kind === 'partner', (qb) => qb.where('k.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('k.customer_id', '=', scope.customerId ?? ''));
}

export async function getContractRow(tx: Tx, scope: Scope, id: string) {
  const row = await contractsInScope(tx, scope).where('k.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('contract');
  return row;
}

export async function getContract(tx: Tx, scope: Scope, id: string) {
  return presentNamedContract(await getContractRow(tx, scope, id));
}

export async function listContracts(tx: Tx, scope: Scope, filter: ContractFilter) {
  const limit = filter.limit ?? 50;
  const after = decodeCursor(filter.cursor);
  const rows = await contractsInScope(tx, scope)
    .$if(filter.customerId !== undefined, (qb) => qb.where('k.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.partnerId !== undefined, (qb) => qb.where('k.partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.active !== undefined, (qb) => qb.where('k.active', '=', filter.active ?? true))
    .$if(filter.activeOn !== undefined, (qb) =>
      qb.where('k.starts_on', '<=', filter.activeOn ?? '').where('k.ends_on', '>=', filter.activeOn ?? ''),
    )
    .$if(filter.q !== undefined, (qb) => qb.where('k.number', 'ilike', likePattern(filter.q ?? '')))
    .$if(after !== null, (qb) =>
      qb.where(sql<boolean>`(upper(k.number), k.id) > (${after?.k}, ${after?.id}::uuid)`),
    )
    .orderBy(sql`upper(k.number)`)
    .orderBy('k.id')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: row.number.toUpperCase(), id: row.id }));
  return { items: page.items.map(presentNamedContract), nextCursor: page.nextCursor };
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) {
    throw unprocessable([
      { code: 'ends_before_start', path: 'endsOn', message: 'endsOn must be on or after startsOn' },
    ]);
  }
}

function numberTaken(error: unknown, number: string): never {
  if (isUniqueViolation(error, 'contracts_number_key')) {
    throw conflict('contract_number_taken', `Contract number ${number} is already in use.`, 'number');
  }
  throw error;
}

export async function createContract(
  tx: Tx,
  scope: Scope,
  input: { customerId: string; number: string; startsOn: string; endsOn: string },
) {
  requireRole(scope, ['provider_admin']);
  const customer = await getCustomerRow(tx, scope, input.customerId);
  checkDates(input.startsOn, input.endsOn);
  try {
    const row = await tx
      .insertInto('contracts')
      .values({
        partner_id: customer.partner_id,
        customer_id: customer.id,
        number: input.number,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const contract = presentContract(row);
    await recordAudit(tx, scope, {
      action: 'contract.created',
      entityType: 'contract',
      entityId: row.id,
      partnerId: row.partner_id,
      customerId: row.customer_id,
      after: contract,
    });
    return { ...contract, customerName: customer.name };
  } catch (error) {
    return numberTaken(error, input.number);
  }
}

export async function updateContract(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { startsOn?: string; endsOn?: string; active?: boolean },
) {
  const before = await getContractRow(tx, scope, id);
  requireRole(scope, ['provider_admin']);
  checkDates(input.startsOn ?? before.starts_on, input.endsOn ?? before.ends_on);
  const row = await tx
    .updateTable('contracts')
    .set({
      ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
      ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const contract = presentContract(row);
  const action = updateAction('contract', input.active);
  await recordAudit(tx, scope, {
    action,
    entityType: 'contract',
    entityId: id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before: presentContract(before),
    after: contract,
  });
  // The customer of a contract never changes, so the name read with `before` still holds.
  return { ...contract, customerName: before.customer_name };
}
