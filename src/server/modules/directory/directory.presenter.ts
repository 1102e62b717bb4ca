import type { Selectable } from 'kysely';
import type { ContractsTable, CustomersTable, PartnersTable, UsersTable } from '../../db/schema.ts';

const iso = (value: Date) => value.toISOString();

export function presentPartner(row: Selectable<PartnersTable>) {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function presentCustomer(row: Selectable<CustomersTable>) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    name: row.name,
    region: row.region,
    active: row.active,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export type UserRow = Omit<Selectable<UsersTable>, 'password_hash'>;

export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    locale: row.locale,
    timeZone: row.time_zone,
    active: row.active,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lastLoginAt: row.last_login_at ? iso(row.last_login_at) : null,
  };
}

/** A contract as audit rows record it (without names read from other tables). */
export function presentContract(row: Selectable<ContractsTable>) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    number: row.number,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    active: row.active,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** A contract as the API answers it: with its customer's name ('' when the viewer cannot read it). */
export function presentNamedContract(row: Selectable<ContractsTable> & { customer_name: string }) {
  return { ...presentContract(row), customerName: row.customer_name };
}
