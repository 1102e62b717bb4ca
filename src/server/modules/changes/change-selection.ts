import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { Region } from '../../db/schema.ts';
import type { FieldError } from '../../http/errors.ts';

/** Who a change affects: the union of every selector, active customers only. */
export interface ChangeSelection {
  customerIds?: string[];
  partnerIds?: string[];
  regions?: Region[];
  /** Customers with an application on one of these versions ('12.5 SU7a'). */
  versions?: string[];
}

export interface SelectionSummary {
  customerCount: number;
  partnerCount: number;
  regions: Region[];
  errors: FieldError[];
}

const arrays = (selection: ChangeSelection) => ({
  ids: [...new Set(selection.customerIds ?? [])],
  partners: [...new Set(selection.partnerIds ?? [])],
  regions: [...new Set(selection.regions ?? [])],
  versions: [...new Set((selection.versions ?? []).map((v) => v.trim()).filter(Boolean))],
});

/**
 * The WHERE clause over `customers c` that picks the selected customers. One predicate serves the
 * summary and the set-based insert, so a change for 5,000 customers never travels through Node.
 */
export function selectedCustomers(selection: ChangeSelection) {
  const { ids, partners, regions, versions } = arrays(selection);
  return sql<boolean>`c.active AND (
    c.id = ANY(${ids}::uuid[])
    OR c.partner_id = ANY(${partners}::uuid[])
    OR c.region = ANY(${regions}::text[])
    OR (cardinality(${versions}::text[]) > 0 AND EXISTS (
      SELECT 1 FROM applications a WHERE a.customer_id = c.id AND a.version = ANY(${versions}::text[])))
  )`;
}

/** Counts, regions and the selectors that name nothing (unknown or inactive), in one round trip. */
export async function summarizeSelection(tx: Tx, selection: ChangeSelection): Promise<SelectionSummary> {
  const { ids, partners } = arrays(selection);
  const result = await sql<{
    customer_count: number;
    partner_count: number;
    regions: Region[] | null;
    missing_customers: string[];
    missing_partners: string[];
  }>`
    SELECT count(*)::int AS customer_count, count(DISTINCT c.partner_id)::int AS partner_count,
      array_agg(DISTINCT c.region) AS regions,
      ARRAY(SELECT x::text FROM unnest(${ids}::uuid[]) x
        WHERE NOT EXISTS (SELECT 1 FROM customers k WHERE k.id = x AND k.active)) AS missing_customers,
      ARRAY(SELECT x::text FROM unnest(${partners}::uuid[]) x
        WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = x AND p.active)) AS missing_partners
    FROM customers c WHERE ${selectedCustomers(selection)}
  `.execute(tx);
  const row = result.rows[0];
  const errors: FieldError[] = [];
  const missingCustomers = new Set(row?.missing_customers ?? []);
  const missingPartners = new Set(row?.missing_partners ?? []);
  ids.forEach((id, index) => {
    if (missingCustomers.has(id))
      errors.push({
        code: 'unknown_customer',
        path: `customerIds.${index}`,
        message: 'no such active customer',
      });
  });
  partners.forEach((id, index) => {
    if (missingPartners.has(id))
      errors.push({
        code: 'unknown_partner',
        path: `partnerIds.${index}`,
        message: 'no such active partner',
      });
  });
  const customerCount = row?.customer_count ?? 0;
  if (customerCount === 0 && errors.length === 0)
    errors.push({
      code: 'no_customers',
      path: 'customerIds',
      message:
        'the change must affect at least one active customer (pick customers, partners, regions or versions)',
    });
  return {
    customerCount,
    partnerCount: row?.partner_count ?? 0,
    regions: [...(row?.regions ?? [])].sort(),
    errors,
  };
}
