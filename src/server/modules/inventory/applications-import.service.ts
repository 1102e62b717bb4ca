import { sql } from 'kysely';
import type { ReleaseTrain } from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import type { Region } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { type FieldError, unprocessable } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  applicationsCsv,
  type CsvApplication,
  cellPath,
  csvColumnOf,
  parseApplicationsCsv,
} from './application-csv.ts';
import { applicationErrors } from './application-rules.ts';
import { applicationColumns } from './applications.service.ts';

/** A file with more bad cells than this answers with the first ones and the total. */
const MAX_REPORTED_ERRORS = 1000;
const BATCH = 1000;

function rejectFile(errors: FieldError[]): never {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const more = errors.length > shown.length ? ` (the first ${shown.length} are listed)` : '';
  throw unprocessable(shown, `The file breaks ${errors.length} rule(s)${more}; nothing was imported.`);
}

/**
 * Imports an instance CSV: every row is checked first (cell shapes, customer in scope and active,
 * the inventory rules); one bad row rejects the whole file and changes nothing. Rows are matched
 * to existing applications by customer and application name: new ones are created, changed ones
 * updated, identical ones left alone. Versions are recorded as they run (the "only on n" rule is for
 * new deployments through POST /applications).
 */
export async function importApplications(tx: Tx, scope: Scope, train: ReleaseTrain, text: string) {
  requireRole(scope, ['provider_admin']);
  const parsed = parseApplicationsCsv(text);
  if (!parsed.ok) rejectFile(parsed.errors);
  const rows = parsed.rows;

  const ids = [...new Set(rows.map((r) => r.customerId))];
  const customers = new Map(
    (
      await tx
        .selectFrom('customers')
        .select(['id', 'partner_id', 'region', 'active'])
        .where('id', 'in', ids)
        .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
        .execute()
    ).map((c) => [c.id, c]),
  );
  const errors: FieldError[] = [];
  for (const row of rows) {
    const customer = customers.get(row.customerId);
    const path = (field: string) => cellPath(row.line, field);
    if (!customer) {
      errors.push({
        code: 'unknown_customer',
        path: path('customerId'),
        message: `line ${row.line}: no such customer`,
      });
      continue;
    }
    if (!customer.active)
      errors.push({
        code: 'customer_inactive',
        path: path('customerId'),
        message: `line ${row.line}: the customer is deactivated`,
      });
    for (const error of applicationErrors(row, customer.region, train, { newDeployment: false }))
      errors.push({
        ...error,
        path: path(csvColumnOf(error.path ?? '')),
        message: `line ${row.line}: ${error.message}`,
      });
  }
  if (errors.length > 0) rejectFile(errors);

  let created = 0;
  let updated = 0;
  const perPartner = new Map<string, { created: number; updated: number }>();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const written = await upsertBatch(tx, train, batch, customers);
    for (const row of written) {
      if (row.inserted) created++;
      else updated++;
      const counts = perPartner.get(row.partner_id) ?? { created: 0, updated: 0 };
      counts[row.inserted ? 'created' : 'updated']++;
      perPartner.set(row.partner_id, counts);
    }
  }
  for (const [partnerId, counts] of perPartner)
    await recordAudit(tx, scope, {
      action: 'applications.imported',
      entityType: 'partner',
      entityId: partnerId,
      partnerId,
      after: counts,
    });
  return { rows: rows.length, created, updated, unchanged: rows.length - created - updated };
}

type CustomerFacts = { id: string; partner_id: string; region: Region };

async function upsertBatch(
  tx: Tx,
  train: ReleaseTrain,
  batch: CsvApplication[],
  customers: Map<string, CustomerFacts>,
) {
  const now = new Date();
  return tx
    .insertInto('applications')
    .values(
      batch.map((row) => {
        const customer = customers.get(row.customerId) as CustomerFacts;
        return {
          ...applicationColumns(row, customer.region, train),
          partner_id: customer.partner_id,
          customer_id: customer.id,
          sso_enabled: row.ssoEnabled,
          updated_at: now,
        };
      }),
    )
    .onConflict((conflict) =>
      conflict
        .constraint('applications_customer_name_key')
        .doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          version: eb.ref('excluded.version'),
          tier: eb.ref('excluded.tier'),
          region: eb.ref('excluded.region'),
          nodes: eb.ref('excluded.nodes'),
          primary_dc: eb.ref('excluded.primary_dc'),
          failover_dc: eb.ref('excluded.failover_dc'),
          sso_enabled: eb.ref('excluded.sso_enabled'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        // An identical row is not rewritten (and not counted as updated).
        .where(
          sql<boolean>`(applications.kind, applications.version, applications.region, applications.nodes, applications.primary_dc, applications.failover_dc, applications.sso_enabled)
            IS DISTINCT FROM (excluded.kind, excluded.version, excluded.region, excluded.nodes, excluded.primary_dc, excluded.failover_dc, excluded.sso_enabled)`,
        ),
    )
    .returning(['id', 'partner_id', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
}

/** The export: the applications in scope, in the import's own format. */
export async function exportApplications(
  tx: Tx,
  scope: Scope,
  filter: { customerId?: string; partnerId?: string },
) {
  const rows = await tx
    .selectFrom('applications as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select([
      'a.customer_id',
      'c.name as customer_name',
      'a.name',
      'a.kind',
      'a.version',
      'a.region',
      'a.nodes',
      'a.primary_dc',
      'a.failover_dc',
      'a.sso_enabled',
    ])
    .$if(scope.kind === 'partner', (qb) => qb.where('a.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('a.customer_id', '=', scope.customerId ?? ''))
    .$if(filter.customerId !== undefined, (qb) => qb.where('a.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.partnerId !== undefined, (qb) => qb.where('a.partner_id', '=', filter.partnerId ?? ''))
    .orderBy('c.name')
    .orderBy('a.name')
    .execute();
  return applicationsCsv(rows);
}
