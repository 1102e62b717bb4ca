import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, notFound, unprocessable } from '../../http/errors.ts';
import { decodeCursor, likePattern, pageOf } from '../../http/pagination.ts';
import { recordAudit, updateAction } from '../audit/audit.service.ts';
import { getCustomerRow } from './customers.service.ts';
import { presentContract } from './directory.presenter.ts';

export interface ContractFilter {
  q?: string;
  customerId?: string;
  partnerId?: string;
  activeOn?: string;
  active?: boolean;
  limit?: number;
  cursor?: string;
}

function contractsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('contracts')
    .selectAll()
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('customer_id', '=', scope.customerId ?? ''));
}

export async function getContractRow(tx: Tx, scope: Scope, id: string) {
  const row = await contractsInScope(tx, scope).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('contract');
  return row;
}

export async function getContract(tx: Tx, scope: Scope, id: string) {
  return presentContract(await getContractRow(tx, scope, id));
}

export async function listContracts(tx: Tx, scope: Scope, filter: ContractFilter) {
  const limit = filter.limit ?? 50;
  const after = decodeCursor(filter.cursor);
  const rows = await contractsInScope(tx, scope)
    .$if(filter.customerId !== undefined, (qb) => qb.where('customer_id', '=', filter.customerId ?? ''))
    .$if(filter.partnerId !== undefined, (qb) => qb.where('partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.active !== undefined, (qb) => qb.where('active', '=', filter.active ?? true))
    .$if(filter.activeOn !== undefined, (qb) =>
      qb.where('starts_on', '<=', filter.activeOn ?? '').where('ends_on', '>=', filter.activeOn ?? ''),
    )
    .$if(filter.q !== undefined, (qb) => qb.where('number', 'ilike', likePattern(filter.q ?? '')))
    .$if(after !== null, (qb) =>
      qb.where(sql<boolean>`(upper(number), id) > (${after?.k}, ${after?.id}::uuid)`),
    )
    .orderBy(sql`upper(number)`)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: row.number.toUpperCase(), id: row.id }));
  return { items: page.items.map(presentContract), nextCursor: page.nextCursor };
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
    return contract;
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
  return contract;
}
