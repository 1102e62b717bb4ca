import { type ExpressionBuilder, sql } from 'kysely';
import { nextAllowedSlot } from '../../../core/next-slot.ts';
import type { ChangeType, Policy } from '../../../core/policy-document.ts';
import { checkChange, type Violation } from '../../../core/scheduling-rules.ts';
import { queueWrite, type Scope, type Tx } from '../../db/database.ts';
import type { ChangeEventKind, ChangeSourceType, ChangeStatus, Database, Region } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { type FieldError, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { decodeCursor, newestPage, pageOf, soonestFirst } from '../../http/pagination.ts';
import { queueChangeNotice } from './change-notices.ts';
import { type ChangeSelection, selectedCustomers, summarizeSelection } from './change-selection.ts';
import { type ChangeRow, presentChange, regionTimes, type VisibleChangeRow } from './changes.presenter.ts';

export const CHANGE_MANAGERS = ['provider_admin', 'provider_engineer'] as const;
export const CHANGE_REQUESTERS = ['partner_admin', 'partner_engineer'] as const;

export interface ChangeInput extends ChangeSelection {
  type: ChangeType;
  title: string;
  description?: string;
  start: string;
  end: string;
  reason?: string;
  emergencyReason?: string;
  certificateExpiresAt?: string;
  emergency?: boolean;
  noImpact?: boolean;
}

/** Where a broken scheduling rule points in the request body. */
const RULE_PATH: Record<string, string> = {
  invalid_interval: 'end',
  outside_window: 'start',
  weekend_requires_infrastructure: 'start',
  notice_period: 'start',
  upgrade_reason_required: 'reason',
  emergency_reason_required: 'emergencyReason',
  certificate_window: 'start',
};

/** A start this far in the past is a typo, not a plan (emergencies may be recorded once under way). */
const PAST_TOLERANCE_MS = 5 * 60_000;

export function requireChangeManager(scope: Scope): void {
  if (scope.kind !== 'provider' && scope.kind !== 'system')
    throw forbidden('Only the provider plans changes.');
  requireRole(scope, CHANGE_MANAGERS);
}

/** The rules beyond the scheduling core: flags that belong to one type, a start in the past. */
function inputErrors(input: Omit<ChangeInput, 'title'>, now: number): FieldError[] {
  const errors: FieldError[] = [];
  if (input.noImpact && input.type !== 'routine')
    errors.push({
      code: 'no_impact_type',
      path: 'noImpact',
      message: 'only a routine change may be flagged no-impact',
    });
  if (input.emergency && input.type !== 'cop_install')
    errors.push({
      code: 'emergency_flag_type',
      path: 'emergency',
      message: 'the emergency flag is for COP installs; use the emergency type for other emergencies',
    });
  if (input.type !== 'emergency' && Date.parse(input.start) < now - PAST_TOLERANCE_MS)
    errors.push({ code: 'start_in_past', path: 'start', message: 'the change cannot start in the past' });
  return errors;
}

export function ruleErrors(violations: readonly Violation[]): FieldError[] {
  return violations.map((v) => ({
    code: v.code,
    path: RULE_PATH[v.code] ?? 'start',
    message: v.message,
    ...(v.region ? { region: v.region } : {}),
  }));
}

function proposal(
  input: Omit<ChangeInput, keyof ChangeSelection | 'title'>,
  regions: Region[],
  noticeAt: number,
) {
  return {
    type: input.type,
    start: Date.parse(input.start),
    end: Date.parse(input.end),
    regions,
    noticeAt,
    reason: input.reason ?? null,
    emergencyReason: input.emergencyReason ?? null,
    certificateExpiresAt: input.certificateExpiresAt ? Date.parse(input.certificateExpiresAt) : null,
    flags: { emergency: input.emergency ?? false },
  };
}

/**
 * A suggested slot starts at least this long from now, on a quarter hour: inside an open window
 * the earliest allowed start is "now", which has passed by the time someone reads and confirms it.
 */
export const SUGGESTION_LEAD_MS = 30 * 60_000;
const QUARTER_HOUR_MS = 15 * 60_000;

/** The earliest slot of the same duration that breaks no rule, with notice from now. */
export function suggestSlot(
  policy: Policy,
  change: Omit<ReturnType<typeof proposal>, 'start' | 'end'> & { durationMs: number },
  now: number,
) {
  if (change.regions.length === 0 || !(change.durationMs > 0)) return null;
  const result = nextAllowedSlot(policy, {
    type: change.type,
    durationMinutes: Math.ceil(change.durationMs / 60_000),
    regions: change.regions,
    noticeAt: change.noticeAt,
    after: Math.ceil((now + SUGGESTION_LEAD_MS) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS,
    reason: change.reason,
    emergencyReason: change.emergencyReason,
    certificateExpiresAt: change.certificateExpiresAt,
    flags: change.flags,
  });
  return result.common
    ? { start: new Date(result.common.start).toISOString(), end: new Date(result.common.end).toISOString() }
    : null;
}

/** Every rule for a proposed change, without writing anything (the form's live check). */
export async function checkProposedChange(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: Omit<ChangeInput, 'title'> & { title?: string },
  now = Date.now(),
) {
  requireChangeManager(scope);
  const selection = await summarizeSelection(tx, input);
  const p = proposal(input, selection.regions, now);
  const check = checkChange(policy, p);
  const violations = [
    ...selection.errors.map((e) => ({ code: e.code, message: e.message })),
    ...inputErrors(input, now).map((e) => ({ code: e.code, message: e.message })),
    ...check.violations.map((v) => ({
      code: v.code,
      message: v.message,
      ...(v.region ? { region: v.region } : {}),
    })),
  ];
  return {
    allowed: violations.length === 0,
    violations,
    customerCount: selection.customerCount,
    partnerCount: selection.partnerCount,
    regions: selection.regions,
    regionTimes: p.end > p.start ? regionTimes(policy, selection.regions, p.start, p.end) : [],
    nextSlot: suggestSlot(policy, { ...p, durationMs: p.end - p.start }, now),
  };
}

/**
 * Plans a change: every rule checked in every affected region (422 naming each), then in one
 * transaction the change, its customers (set-based), its history, the audit rows and one notice per
 * affected partner. The notice is the moment the change is announced: `noticeSentAt` is now.
 */
export async function createChange(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: ChangeInput,
  options: { now?: number; source?: { type: ChangeSourceType; id: string } } = {},
) {
  requireChangeManager(scope);
  const now = options.now ?? Date.now();
  const selection = await summarizeSelection(tx, input);
  const errors = [...selection.errors, ...inputErrors(input, now)];
  const check = checkChange(policy, proposal(input, selection.regions, now));
  errors.push(...ruleErrors(check.violations));
  if (errors.length > 0) throw unprocessable(errors, 'The change breaks a scheduling rule.');

  const notify = !input.noImpact;
  const status: ChangeStatus = notify ? 'notice_sent' : 'scheduled';
  const row = await tx
    .insertInto('changes')
    .values({
      type: input.type,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      status,
      start_at: new Date(input.start),
      end_at: new Date(input.end),
      reason: input.type === 'upgrade' ? (input.reason ?? null) : null,
      emergency_reason:
        input.type === 'emergency' || input.emergency ? (input.emergencyReason ?? null) : null,
      certificate_expires_at: input.certificateExpiresAt ? new Date(input.certificateExpiresAt) : null,
      emergency: input.emergency ?? false,
      no_impact: input.noImpact ?? false,
      regions: selection.regions,
      customer_count: selection.customerCount,
      notice_sent_at: notify ? new Date(now) : null,
      source_type: options.source?.type ?? null,
      source_id: options.source?.id ?? null,
      created_by: scope.userId,
      created_by_label: scope.label,
      updated_at: new Date(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await queueWrite(
    tx,
    sql`INSERT INTO change_customers (change_id, customer_id, partner_id, region)
        SELECT ${row.id}::uuid, c.id, c.partner_id, c.region FROM customers c WHERE ${selectedCustomers(input)}`,
  );
  await recordChangeEvent(tx, scope, row, 'created', {
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    customerCount: row.customer_count,
  });
  if (notify) {
    await recordChangeEvent(tx, scope, row, 'notice_sent', {});
    const emergency = row.type === 'emergency' || row.emergency;
    await queueChangeNotice(tx, policy, row, emergency ? 'change.emergency' : 'change.notice');
  }
  await auditChange(tx, scope, row, 'change.created', null);
  return presentChange(
    policy,
    scope,
    { ...row, visible_count: row.customer_count, visible_regions: row.regions },
    now,
  );
}

export async function recordChangeEvent(
  tx: Tx,
  scope: Scope,
  change: Pick<ChangeRow, 'id' | 'status'>,
  kind: ChangeEventKind,
  detail: Record<string, unknown>,
  partnerId: string | null = null,
): Promise<void> {
  await queueWrite(
    tx,
    tx.insertInto('change_events').values({
      change_id: change.id,
      kind,
      status: change.status,
      detail: JSON.stringify(detail),
      partner_id: partnerId,
      actor_label: scope.label,
    }),
  );
}

/**
 * One audit row for the provider's trail and one per affected partner (so each partner admin finds
 * the change in its own audit log), written by one INSERT … SELECT.
 */
export async function auditChange(
  tx: Tx,
  scope: Scope,
  change: ChangeRow,
  action: string,
  before: ChangeRow | null,
): Promise<void> {
  const after = JSON.stringify(auditView(change));
  const prior = before === null ? null : JSON.stringify(auditView(before));
  await queueWrite(
    tx,
    sql`INSERT INTO audit_log (actor_user_id, actor_label, partner_id, customer_id, action, entity_type, entity_id,
          before, after, request_id)
        SELECT ${scope.userId}::uuid, ${scope.label}, p.partner_id, NULL, ${action}, 'change', ${change.id}::uuid,
          ${prior}::jsonb, ${after}::jsonb, ${scope.requestId}
        FROM (SELECT NULL::uuid AS partner_id
              UNION ALL SELECT DISTINCT cc.partner_id FROM change_customers cc WHERE cc.change_id = ${change.id}::uuid) p`,
  );
}

function auditView(row: ChangeRow) {
  return {
    type: row.type,
    title: row.title,
    status: row.status,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    regions: row.regions,
    customerCount: row.customer_count,
    reason: row.reason,
    emergencyReason: row.emergency_reason,
    noticeSentAt: row.notice_sent_at?.toISOString() ?? null,
    sequence: row.sequence,
    reschedules: row.reschedules,
    cancelReason: row.cancel_reason,
  };
}

/** The affected-customer rows the caller may see. */
function visibleCustomers(eb: ExpressionBuilder<Database & { ch: Database['changes'] }, 'ch'>, scope: Scope) {
  return eb
    .selectFrom('change_customers as cc')
    .whereRef('cc.change_id', '=', 'ch.id')
    .$if(scope.kind === 'partner', (qb) => qb.where('cc.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('cc.customer_id', '=', scope.customerId ?? ''));
}

/** Changes in the caller's scope, with the customers and regions it may see. */
export function changesInScope(tx: Tx, scope: Scope) {
  const tenant = scope.kind === 'partner' || scope.kind === 'customer';
  return tx
    .selectFrom('changes as ch')
    .selectAll('ch')
    .select((eb) =>
      tenant
        ? [
            visibleCustomers(eb, scope).select(sql<number>`count(*)::int`.as('n')).as('visible_count'),
            visibleCustomers(eb, scope)
              .select(sql<Region[]>`coalesce(array_agg(DISTINCT cc.region), '{}')`.as('r'))
              .as('visible_regions'),
          ]
        : [
            sql<number>`ch.customer_count`.as('visible_count'),
            sql<Region[]>`ch.regions`.as('visible_regions'),
          ],
    )
    .$if(tenant, (qb) => qb.where((eb) => eb.exists(visibleCustomers(eb, scope).select('cc.change_id'))));
}

export async function getChangeRow(tx: Tx, scope: Scope, id: string, options: { forUpdate?: boolean } = {}) {
  const row = (await changesInScope(tx, scope)
    .where('ch.id', '=', id)
    .$if(options.forUpdate === true, (qb) => qb.forUpdate('ch'))
    .executeTakeFirst()) as VisibleChangeRow | undefined;
  if (!row) throw notFound('change');
  return row;
}

export interface ChangeFilter {
  status?: ChangeStatus | 'open';
  type?: ChangeType;
  customerId?: string;
  partnerId?: string;
  region?: Region;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

const OPEN_STATUSES: ChangeStatus[] = ['scheduled', 'notice_sent', 'in_progress'];

/** Changes by start time, filtered; `from`/`to` pick the changes overlapping [from, to). */
export async function listChanges(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  filter: ChangeFilter,
  now = Date.now(),
) {
  const statuses = filter.status === 'open' ? OPEN_STATUSES : filter.status ? [filter.status] : null;
  const rows = (await changesInScope(tx, scope)
    .$if(statuses !== null, (qb) => qb.where('ch.status', 'in', statuses ?? []))
    .$if(filter.type !== undefined, (qb) => qb.where('ch.type', '=', filter.type ?? 'routine'))
    .$if(filter.from !== undefined, (qb) => qb.where('ch.end_at', '>', new Date(filter.from ?? 0)))
    .$if(filter.to !== undefined, (qb) => qb.where('ch.start_at', '<', new Date(filter.to ?? 0)))
    .$if(
      filter.customerId !== undefined || filter.partnerId !== undefined || filter.region !== undefined,
      (qb) =>
        qb.where((eb) =>
          eb.exists(
            eb
              .selectFrom('change_customers as f')
              .select('f.change_id')
              .whereRef('f.change_id', '=', 'ch.id')
              .$if(filter.customerId !== undefined, (q) =>
                q.where('f.customer_id', '=', filter.customerId ?? ''),
              )
              .$if(filter.partnerId !== undefined, (q) =>
                q.where('f.partner_id', '=', filter.partnerId ?? ''),
              )
              .$if(filter.region !== undefined, (q) => q.where('f.region', '=', filter.region ?? 'AMER'))
              .$if(scope.kind === 'partner', (q) => q.where('f.partner_id', '=', scope.partnerId ?? ''))
              .$if(scope.kind === 'customer', (q) => q.where('f.customer_id', '=', scope.customerId ?? '')),
          ),
        ),
    )
    .$call(soonestFirst('ch.start_at', 'ch.id', filter))
    .execute()) as (VisibleChangeRow & { sort_key: string })[];
  const page = newestPage(rows, filter);
  return {
    items: page.items.map((row) => presentChange(policy, scope, row, now)),
    nextCursor: page.nextCursor,
  };
}

/** The affected customers the caller may see, by name. */
export async function listChangeCustomers(
  tx: Tx,
  scope: Scope,
  changeId: string,
  filter: { limit?: number; cursor?: string },
) {
  await getChangeRow(tx, scope, changeId);
  return customersOfChange(tx, scope, changeId, filter);
}

/** The affected customers of a change already read in the caller's scope. */
export async function customersOfChange(
  tx: Tx,
  scope: Scope,
  changeId: string,
  filter: { limit?: number; cursor?: string },
) {
  const limit = filter.limit ?? 50;
  const after = decodeCursor(filter.cursor);
  const rows = await tx
    .selectFrom('change_customers as cc')
    .innerJoin('customers as c', 'c.id', 'cc.customer_id')
    .innerJoin('partners as p', 'p.id', 'cc.partner_id')
    .select(['c.id', 'c.name', 'cc.region', 'cc.partner_id', 'p.name as partner_name'])
    .where('cc.change_id', '=', changeId)
    .$if(scope.kind === 'partner', (qb) => qb.where('cc.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('cc.customer_id', '=', scope.customerId ?? ''))
    .$if(after !== null, (qb) =>
      qb.where(sql<boolean>`(lower(c.name), c.id) > (${after?.k}, ${after?.id}::uuid)`),
    )
    .orderBy(sql`lower(c.name)`)
    .orderBy('c.id')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: row.name.toLowerCase(), id: row.id }));
  return {
    items: page.items.map((row) => ({
      id: row.id,
      name: row.name,
      region: row.region,
      partnerId: row.partner_id,
      partnerName: row.partner_name,
    })),
    nextCursor: page.nextCursor,
  };
}
