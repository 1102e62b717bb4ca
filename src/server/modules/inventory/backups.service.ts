import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  type BackupRecord,
  backupRetention,
  DAY_MS,
  dateKey,
  getCalendar,
  HOUR_MS,
  type Policy,
  type Region,
} from '../../../core/index.ts';
import { type Db, inScope, type Scope, systemScope, type Tx } from '../../db/database.ts';
import { requireRole } from '../../http/authenticate.ts';
import { type FieldError, unprocessable } from '../../http/errors.ts';
import { decodeCursor, newestFirst, newestPage, pageOf } from '../../http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { INVENTORY_EDITORS } from './applications.service.ts';

/**
 * Backups (SPEC §6), provider only: partners have no access to backups (operations guide). One
 * record per application per night; the retention job keeps the 3 newest good backups and every
 * backup younger than 33 days, and records what it purged.
 */
export const BACKUP_ROLES = INVENTORY_EDITORS;

/** A run taken before noon local time belongs to the previous evening's night. */
const NIGHT_SHIFT_MS = 12 * HOUR_MS;

export function nightOf(policy: Policy, region: Region, takenAt: number): string {
  return dateKey(getCalendar(policy, region).dayOf(takenAt - NIGHT_SHIFT_MS));
}

export interface BackupInput {
  applicationId: string;
  takenAt: string;
  ok: boolean;
  sizeBytes?: number;
}

/**
 * Records a night's backups (one or many). A second record for the same application and night
 * replaces the first only when it was taken later (a re-run after a failure); re-sending the same
 * batch changes nothing.
 */
export async function recordBackups(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: { records: BackupInput[] },
  now = Date.now(),
) {
  requireRole(scope, BACKUP_ROLES);
  const ids = [...new Set(input.records.map((r) => r.applicationId))];
  const applications = new Map(
    (
      await tx
        .selectFrom('applications')
        .select(['id', 'partner_id', 'customer_id', 'region'])
        .where('id', 'in', ids)
        .execute()
    ).map((a) => [a.id, a]),
  );
  const errors: FieldError[] = [];
  // Latest record per application and night: a batch may carry a failed run and its re-run.
  const rows = new Map<
    string,
    {
      application_id: string;
      partner_id: string;
      customer_id: string;
      night: string;
      taken_at: Date;
      ok: boolean;
      size_bytes: number | null;
    }
  >();
  input.records.forEach((record, index) => {
    const application = applications.get(record.applicationId);
    const takenAt = Date.parse(record.takenAt);
    if (!application) {
      errors.push({
        code: 'unknown_application',
        path: `records[${index}].applicationId`,
        message: 'no such application',
      });
      return;
    }
    if (takenAt > now + 5 * 60_000) {
      errors.push({
        code: 'in_future',
        path: `records[${index}].takenAt`,
        message: 'a backup cannot be taken in the future',
      });
      return;
    }
    const night = nightOf(policy, application.region, takenAt);
    const key = `${application.id}|${night}`;
    const seen = rows.get(key);
    if (seen && seen.taken_at.getTime() >= takenAt) return;
    rows.set(key, {
      application_id: application.id,
      partner_id: application.partner_id,
      customer_id: application.customer_id,
      night,
      taken_at: new Date(takenAt),
      ok: record.ok,
      size_bytes: record.sizeBytes ?? null,
    });
  });
  if (errors.length > 0) throw unprocessable(errors);

  const written =
    rows.size === 0
      ? []
      : await tx
          .insertInto('backups')
          .values([...rows.values()])
          .onConflict((oc) =>
            oc
              .constraint('backups_one_per_night')
              .doUpdateSet((eb) => ({
                taken_at: eb.ref('excluded.taken_at'),
                ok: eb.ref('excluded.ok'),
                size_bytes: eb.ref('excluded.size_bytes'),
              }))
              .where('excluded.taken_at', '>', (eb) => eb.ref('backups.taken_at')),
          )
          .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
          .execute();
  const recorded = written.filter((r) => r.inserted).length;
  const result = {
    recorded,
    replaced: written.length - recorded,
    unchanged: input.records.length - written.length,
  };
  await recordAudit(tx, scope, {
    action: 'backups.recorded',
    entityType: 'backup_batch',
    entityId: randomUUID(),
    partnerId: null,
    after: result,
  });
  return result;
}

export interface BackupFilter {
  customerId?: string;
  applicationId?: string;
  limit?: number;
  cursor?: string;
}

export async function listBackups(tx: Tx, scope: Scope, filter: BackupFilter) {
  requireRole(scope, BACKUP_ROLES);
  const rows = await tx
    .selectFrom('backups as b')
    .innerJoin('applications as a', 'a.id', 'b.application_id')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .selectAll('b')
    .select(['a.name as application_name', 'a.kind as application_kind', 'c.name as customer_name'])
    .$if(filter.customerId !== undefined, (qb) => qb.where('b.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.applicationId !== undefined, (qb) =>
      qb.where('b.application_id', '=', filter.applicationId ?? ''),
    )
    .$call(newestFirst('b.taken_at', 'b.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      customerId: row.customer_id,
      customerName: row.customer_name,
      applicationId: row.application_id,
      applicationName: row.application_name,
      applicationKind: row.application_kind,
      night: row.night,
      takenAt: row.taken_at.toISOString(),
      ok: row.ok,
      sizeBytes: row.size_bytes,
    })),
    nextCursor: page.nextCursor,
  };
}

/** What the retention job purged, newest first (the identity column keeps a run's order). */
export async function listPurges(
  tx: Tx,
  scope: Scope,
  filter: { customerId?: string; limit?: number; cursor?: string },
) {
  requireRole(scope, BACKUP_ROLES);
  const after = decodeCursor(filter.cursor);
  const limit = filter.limit ?? 50;
  const rows = await tx
    .selectFrom('backup_purges as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('applications as a', 'a.id', 'p.application_id')
    .select([
      'p.id',
      'p.run_id',
      'p.backup_id',
      'p.customer_id',
      'c.name as customer_name',
      'p.application_id',
      'a.name as application_name',
      'p.night',
      'p.taken_at',
      'p.ok',
      'p.purged_at',
    ])
    .$if(filter.customerId !== undefined, (qb) => qb.where('p.customer_id', '=', filter.customerId ?? ''))
    .$if(after !== null, (qb) => qb.where('p.id', '<', Number(after?.k)))
    .orderBy('p.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: String(row.id), id: row.backup_id }));
  return {
    items: page.items.map((row) => ({
      runId: row.run_id,
      backupId: row.backup_id,
      customerId: row.customer_id,
      customerName: row.customer_name,
      applicationId: row.application_id,
      applicationName: row.application_name,
      night: row.night,
      takenAt: row.taken_at.toISOString(),
      ok: row.ok,
      purgedAt: row.purged_at.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export type PromiseProblem = 'too_few_good' | 'stale';

export interface PromiseFilter {
  partnerId?: string;
  customerId?: string;
  /** false: only customers where the promise does not hold. */
  holds?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * The backup promise per customer: every application has at least 3 good backups and its newest
 * good one is under a day old. Customers by name, each with its applications.
 */
export async function backupPromise(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  filter: PromiseFilter,
  now = Date.now(),
) {
  requireRole(scope, BACKUP_ROLES);
  const after = decodeCursor(filter.cursor);
  const limit = filter.limit ?? 50;
  const keepGood = policy.backups.keepGood;
  const freshSince = new Date(now - DAY_MS);
  const rows = await sql<{
    customer_id: string;
    customer_name: string;
    partner_id: string;
    applications: {
      id: string;
      name: string;
      kind: string;
      good: number;
      newest_good: string | null;
      newest: string | null;
      newest_ok: boolean | null;
    }[];
    holds: boolean;
  }>`
    WITH per_app AS (
      SELECT a.id, a.customer_id, a.name, a.kind,
        (SELECT count(*)::int FROM backups b WHERE b.application_id = a.id AND b.ok) AS good,
        (SELECT max(b.taken_at) FROM backups b WHERE b.application_id = a.id AND b.ok) AS newest_good,
        n.taken_at AS newest, n.ok AS newest_ok
      FROM applications a
      LEFT JOIN LATERAL (
        SELECT b.taken_at, b.ok FROM backups b WHERE b.application_id = a.id ORDER BY b.taken_at DESC LIMIT 1
      ) n ON true
    ), per_customer AS (
      SELECT c.id AS customer_id, c.name AS customer_name, c.partner_id,
        jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'good', p.good,
          'newest_good', p.newest_good, 'newest', p.newest, 'newest_ok', p.newest_ok) ORDER BY p.name) AS applications,
        bool_and(p.good >= ${keepGood}::int AND p.newest_good > ${freshSince}) AS holds
      FROM customers c JOIN per_app p ON p.customer_id = c.id
      WHERE c.active
        ${filter.partnerId === undefined ? sql`` : sql`AND c.partner_id = ${filter.partnerId}::uuid`}
        ${filter.customerId === undefined ? sql`` : sql`AND c.id = ${filter.customerId}::uuid`}
        ${after === null ? sql`` : sql`AND (lower(c.name), c.id) > (${after.k}, ${after.id}::uuid)`}
      GROUP BY c.id
    )
    SELECT * FROM per_customer
    ${filter.holds === undefined ? sql`` : sql`WHERE holds = ${filter.holds}`}
    ORDER BY lower(customer_name), customer_id
    LIMIT ${limit + 1}
  `.execute(tx);
  const page = pageOf(rows.rows, limit, (row) => ({
    k: row.customer_name.toLowerCase(),
    id: row.customer_id,
  }));
  return {
    keepGood,
    items: page.items.map((row) => ({
      customerId: row.customer_id,
      customerName: row.customer_name,
      partnerId: row.partner_id,
      holds: row.holds,
      applications: row.applications.map((a) => {
        const newestGood = a.newest_good === null ? null : new Date(a.newest_good);
        const problems: PromiseProblem[] = [];
        if (a.good < keepGood) problems.push('too_few_good');
        if (newestGood === null || newestGood.getTime() <= freshSince.getTime()) problems.push('stale');
        return {
          applicationId: a.id,
          name: a.name,
          kind: a.kind,
          goodBackups: a.good,
          newestGoodAt: newestGood?.toISOString() ?? null,
          newestAt: a.newest === null ? null : new Date(a.newest).toISOString(),
          newestOk: a.newest_ok,
          holds: problems.length === 0,
          problems,
        };
      }),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * The retention job (SPEC §6): for every application holding a backup old enough to go, the policy
 * core decides what to keep (3 newest good + everything younger than 33 days); the rest is deleted
 * and recorded in backup_purges by one statement. An advisory lock keeps two workers from running
 * it at once.
 */
export async function applyRetention(db: Db, policy: Policy, now = Date.now()) {
  const scope = systemScope('job:backup-retention');
  return inScope(db, scope, async (tx) => {
    const locked = await sql<{ got: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext('diops:backup-retention')) AS got
    `.execute(tx);
    if (!locked.rows[0]?.got) return { runId: null, purged: 0, applications: 0 };
    const oldEnough = new Date(now - policy.backups.keepDays * DAY_MS);
    const candidates = await tx
      .selectFrom('backups')
      .select('application_id')
      .distinct()
      .where('taken_at', '<=', oldEnough)
      .execute();
    const runId = randomUUID();
    let purged = 0;
    for (let i = 0; i < candidates.length; i += 500) {
      const batch = candidates.slice(i, i + 500).map((c) => c.application_id);
      const backups = await tx
        .selectFrom('backups')
        .select(['id', 'application_id', 'taken_at', 'ok'])
        .where('application_id', 'in', batch)
        .execute();
      const byApplication = new Map<string, BackupRecord[]>();
      for (const b of backups) {
        const records = byApplication.get(b.application_id) ?? [];
        records.push({ id: b.id, takenAt: b.taken_at.getTime(), ok: b.ok });
        byApplication.set(b.application_id, records);
      }
      const purge = [...byApplication.values()].flatMap(
        (records) => backupRetention(policy, now, records).purge,
      );
      if (purge.length === 0) continue;
      await sql`
        WITH gone AS (DELETE FROM backups WHERE id = ANY(${purge}::uuid[]) RETURNING *)
        INSERT INTO backup_purges (run_id, backup_id, partner_id, customer_id, application_id, night, taken_at, ok, purged_at)
        SELECT ${runId}::uuid, id, partner_id, customer_id, application_id, night, taken_at, ok, ${new Date(now)}
        FROM gone
      `.execute(tx);
      purged += purge.length;
    }
    if (purged > 0)
      await recordAudit(tx, scope, {
        action: 'backups.purged',
        entityType: 'backup_retention_run',
        entityId: runId,
        partnerId: null,
        after: { purged, applications: candidates.length },
      });
    return { runId, purged, applications: candidates.length };
  });
}
