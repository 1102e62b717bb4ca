import { type Selectable, sql } from 'kysely';
import type { Static } from 'typebox';
import { explainDisasterRecoveryDue, type Policy, toJson } from '../../../core/index.ts';
import { authorName, type Scope, type Tx } from '../../db/database.ts';
import type { DrEventKind, DrEventsTable, DrEventUpdatesTable, DrStatus } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { AppError, brokenRule, conflict, forbidden, notFound } from '../../http/errors.ts';
import { decodeCursor, pageOf } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { applicationsInScope, INVENTORY_EDITORS } from '../inventory/applications.service.ts';
import type { DrTargetExplanation } from './disaster-recovery.schemas.ts';
import { checkDrMove, isRecovered, nextDrStatuses } from './dr-lifecycle.ts';

/** A clock a few minutes ahead of ours is not "the future" (outages allow the same). */
const CLOCK_SKEW_MS = 5 * 60_000;

type DrEventRow = Selectable<DrEventsTable> & { customer_name: string };

export interface DeclareDrEventInput {
  applicationId: string;
  kind: DrEventKind;
  title?: string;
  description: string;
  declaredAt?: string;
}

export interface DrEventUpdateInput {
  message: string;
  status?: DrStatus;
  recoveredAt?: string;
}

export interface DrEventFilter {
  status?: 'open' | 'closed';
  kind?: DrEventKind;
  customerId?: string;
  applicationId?: string;
  limit?: number;
  cursor?: string;
}

/** Only the provider runs DRS: it declares, updates and restores; partners and customers read. */
function requireDrOperator(scope: Scope): void {
  if (scope.kind !== 'provider' && scope.kind !== 'system')
    throw forbidden('Only the provider declares and updates disaster-recovery events.');
  requireRole(scope, INVENTORY_EDITORS);
}

function eventsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('dr_events as e')
    .innerJoin('customers as c', 'c.id', 'e.customer_id')
    .selectAll('e')
    .select('c.name as customer_name')
    .$if(scope.kind === 'partner', (qb) => qb.where('e.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('e.customer_id', '=', scope.customerId ?? ''));
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentDrEvent(row: DrEventRow, now: number) {
  const recovered = row.recovered_at?.getTime() ?? null;
  const target = row.target_at?.getTime() ?? null;
  return {
    id: row.id,
    number: row.number,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    applicationId: row.application_id,
    applicationName: row.application_name,
    applicationKind: row.application_kind,
    kind: row.kind,
    title: row.title,
    description: row.description,
    region: row.region,
    status: row.status,
    declaredAt: row.declared_at.toISOString(),
    declaredBy: row.declared_by_label,
    targetAt: iso(row.target_at),
    recoveredAt: iso(row.recovered_at),
    closedAt: iso(row.closed_at),
    timeToRecoverMinutes:
      recovered === null ? null : Math.round((recovered - row.declared_at.getTime()) / 60_000),
    targetMet: recovered === null || target === null ? null : recovered <= target,
    overdue: recovered === null && target !== null && now > target && row.status !== 'withdrawn',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function presentDrEventUpdate(row: Selectable<DrEventUpdatesTable>) {
  return {
    id: row.id,
    previousStatus: row.previous_status,
    status: row.status,
    statusChanged: row.previous_status !== null && row.previous_status !== row.status,
    message: row.message,
    author: row.author_label,
    at: row.at.toISOString(),
  };
}

/** `forUpdate`: updates lock the row, so two at once move the status one after the other. */
async function getDrEventRow(tx: Tx, scope: Scope, id: string, forUpdate = false): Promise<DrEventRow> {
  const row = await eventsInScope(tx, scope)
    .where('e.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('e'))
    .executeTakeFirst();
  if (!row) throw notFound('disaster-recovery event');
  return row;
}

export async function getDrEvent(tx: Tx, scope: Scope, id: string, now = Date.now()) {
  const row = await getDrEventRow(tx, scope, id);
  const updates = await tx
    .selectFrom('dr_event_updates')
    .selectAll()
    .where('event_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const operator = scope.kind === 'provider' || scope.kind === 'system';
  return {
    ...presentDrEvent(row, now),
    targetExplanation: (row.target_explanation ?? null) as Static<typeof DrTargetExplanation> | null,
    updates: updates.map(presentDrEventUpdate),
    nextStatuses: operator ? nextDrStatuses(row.status) : [],
  };
}

// Open events first, then newest declaration first. The cursor key is "<0 open|1 closed>|<declared
// at as PostgreSQL UTC text, exact to the microsecond>".
const CLOSED_RANK = sql<number>`(CASE WHEN e.status IN ('closed', 'withdrawn') THEN 1 ELSE 0 END)`;
const CURSOR_KEY = /^([01])\|(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)$/;

function decodeDrCursor(cursor: string | undefined) {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const match = CURSOR_KEY.exec(key.k);
  if (!match)
    throw new AppError(400, 'invalid_cursor', 'The cursor is not one this API returned.', {
      errors: [{ code: 'invalid_cursor', path: 'cursor', message: 'cursor is not valid' }],
    });
  return { rank: Number(match[1]), at: match[2] as string, id: key.id };
}

export async function listDrEvents(tx: Tx, scope: Scope, filter: DrEventFilter, now = Date.now()) {
  const after = decodeDrCursor(filter.cursor);
  const limit = filter.limit ?? 50;
  const rows = await eventsInScope(tx, scope)
    .select([
      CLOSED_RANK.as('closed_rank'),
      sql<string>`(e.declared_at AT TIME ZONE 'UTC')::text`.as('at_key'),
    ])
    .$if(filter.status === 'open', (qb) => qb.where('e.status', 'not in', ['closed', 'withdrawn']))
    .$if(filter.status === 'closed', (qb) => qb.where('e.status', 'in', ['closed', 'withdrawn']))
    .$if(filter.kind !== undefined, (qb) => qb.where('e.kind', '=', filter.kind ?? 'application_failure'))
    .$if(filter.customerId !== undefined, (qb) => qb.where('e.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.applicationId !== undefined, (qb) =>
      qb.where('e.application_id', '=', filter.applicationId ?? ''),
    )
    .$if(after !== null, (qb) =>
      qb.where(
        sql<boolean>`(${CLOSED_RANK} > ${after?.rank} OR (${CLOSED_RANK} = ${after?.rank}
          AND (e.declared_at, e.id) < (${after?.at}::timestamp AT TIME ZONE 'UTC', ${after?.id}::uuid)))`,
      ),
    )
    .orderBy(CLOSED_RANK)
    .orderBy('e.declared_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: `${row.closed_rank}|${row.at_key}`, id: row.id }));
  return { items: page.items.map((row) => presentDrEvent(row, now)), nextCursor: page.nextCursor };
}

function eventPayload(row: DrEventRow, extra: Record<string, unknown>, now: number) {
  const event = presentDrEvent(row, now);
  return {
    drEventId: event.id,
    number: event.number,
    kind: event.kind,
    title: event.title,
    applicationName: event.applicationName,
    applicationKind: event.applicationKind,
    customerName: event.customerName,
    region: event.region,
    status: event.status,
    declaredAt: event.declaredAt,
    targetAt: event.targetAt,
    recoveredAt: event.recoveredAt,
    timeToRecoverMinutes: event.timeToRecoverMinutes,
    targetMet: event.targetMet,
    ...extra,
  };
}

/** The provider and the customer's partner hear of every declaration and update. */
async function notifyDr(
  tx: Tx,
  scope: Scope,
  kind: 'dr.declared' | 'dr.updated' | 'dr.restored',
  row: DrEventRow,
  extra: Record<string, unknown>,
  now: number,
) {
  await raiseEvent(tx, scope, {
    category: 'maintenance_outages',
    kind,
    subjectType: 'dr_event',
    subjectId: row.id,
    payload: eventPayload(row, extra, now),
    toProvider: true,
    toPartners: [row.partner_id],
  });
}

function instantOf(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : Date.parse(text);
}

/**
 * Declares a DR event on one application. An application failure gets its target — a new
 * publisher within 1 business day (policy `disasterRecovery.newPublisherBusinessDays`) of the
 * declaration in the application's region calendar — and the explanation of it, both kept as
 * computed; a hardware failure has none.
 */
export async function declareDrEvent(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: DeclareDrEventInput,
  now = Date.now(),
) {
  requireDrOperator(scope);
  const declaredAt = instantOf(input.declaredAt, now);
  if (declaredAt > now + CLOCK_SKEW_MS)
    throw brokenRule('in_future', 'declaredAt', 'a disaster-recovery event cannot be declared in the future');
  const application = await applicationsInScope(tx, scope)
    .where('a.id', '=', input.applicationId)
    .executeTakeFirst();
  if (!application) throw brokenRule('unknown_application', 'applicationId', 'no such application');
  const explained =
    input.kind === 'application_failure'
      ? explainDisasterRecoveryDue(policy, application.region, declaredAt)
      : null;
  const explanation = explained
    ? toJson({
        region: application.region,
        timeZone: explained.businessSpan.timeZone,
        businessDays: policy.disasterRecovery.newPublisherBusinessDays,
        businessDayHours: policy.businessDayHours,
        countedFrom: declaredAt,
        dueAt: explained.dueAt,
        businessSpan: explained.businessSpan,
      })
    : null;
  const description = input.description.trim();
  const inserted = await tx
    .insertInto('dr_events')
    .values({
      partner_id: application.partner_id,
      customer_id: application.customer_id,
      application_id: application.id,
      application_name: application.name,
      application_kind: application.kind,
      kind: input.kind,
      title: input.title?.trim() || null,
      description,
      region: application.region,
      declared_at: new Date(declaredAt),
      target_at: explained ? new Date(explained.dueAt) : null,
      target_explanation: explanation === null ? null : JSON.stringify(explanation),
      declared_by: scope.userId,
      declared_by_label: scope.label,
      updated_at: new Date(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const row: DrEventRow = { ...inserted, customer_name: application.customer_name };
  await tx
    .insertInto('dr_event_updates')
    .values({
      event_id: row.id,
      partner_id: row.partner_id,
      customer_id: row.customer_id,
      previous_status: null,
      status: row.status,
      message: description,
      author_id: scope.userId,
      author_label: authorName(scope),
      at: row.declared_at,
    })
    .execute();
  await notifyDr(tx, scope, 'dr.declared', row, { message: description }, now);
  const event = await getDrEvent(tx, scope, row.id, now);
  await recordAudit(tx, scope, {
    action: 'dr_event.declared',
    entityType: 'dr_event',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    after: { ...event, updates: undefined, targetExplanation: undefined },
  });
  return event;
}

/**
 * Posts an update to the partner: a message, optionally moving the status along the lifecycle
 * (dr-lifecycle.ts). Reaching `restored` records when the service came back (`recoveredAt`, default
 * now), hence the time to recover and whether the target was met.
 */
export async function postDrEventUpdate(
  tx: Tx,
  scope: Scope,
  id: string,
  input: DrEventUpdateInput,
  now = Date.now(),
) {
  requireDrOperator(scope);
  const before = await getDrEventRow(tx, scope, id, true);
  const to = input.status ?? before.status;
  const move = checkDrMove(before.status, input.status);
  if (!move.ok) {
    if (move.code === 'dr_event_closed')
      throw conflict(
        'dr_event_closed',
        `The disaster-recovery event is ${before.status}; declare a new one.`,
      );
    const allowed = nextDrStatuses(before.status).filter((s) => s !== before.status);
    throw conflict(
      'invalid_transition',
      `A disaster-recovery event cannot go from ${before.status} to ${to}${allowed.length ? `; it may go to ${allowed.join(' or ')}` : ''}.`,
      'status',
    );
  }
  const restoring = move.changed && to === 'restored';
  if (input.recoveredAt !== undefined && !restoring)
    throw brokenRule(
      'recovered_at_without_restore',
      'recoveredAt',
      'recoveredAt goes only with the update that moves the event to restored',
    );
  const recoveredAt = restoring ? instantOf(input.recoveredAt, now) : null;
  if (recoveredAt !== null && recoveredAt < before.declared_at.getTime())
    throw brokenRule(
      'before_declared',
      'recoveredAt',
      'the service cannot be back before the event was declared',
    );
  if (recoveredAt !== null && recoveredAt > now + CLOCK_SKEW_MS)
    throw brokenRule('in_future', 'recoveredAt', 'recoveredAt cannot be in the future');
  const updated = await tx
    .updateTable('dr_events')
    .set({
      status: to,
      ...(recoveredAt !== null ? { recovered_at: new Date(recoveredAt) } : {}),
      ...(move.changed && (to === 'closed' || to === 'withdrawn') ? { closed_at: new Date(now) } : {}),
      updated_at: new Date(now),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const row: DrEventRow = { ...updated, customer_name: before.customer_name };
  const message = input.message.trim();
  await tx
    .insertInto('dr_event_updates')
    .values({
      event_id: id,
      partner_id: row.partner_id,
      customer_id: row.customer_id,
      previous_status: before.status,
      status: to,
      message,
      author_id: scope.userId,
      author_label: authorName(scope),
    })
    .execute();
  await notifyDr(
    tx,
    scope,
    restoring ? 'dr.restored' : 'dr.updated',
    row,
    { message, previousStatus: before.status },
    now,
  );
  const event = await getDrEvent(tx, scope, id, now);
  await recordAudit(tx, scope, {
    action: restoring
      ? 'dr_event.restored'
      : move.changed && (to === 'closed' || to === 'withdrawn')
        ? `dr_event.${to}`
        : 'dr_event.updated',
    entityType: 'dr_event',
    entityId: id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before: { status: before.status },
    after: {
      status: to,
      message,
      ...(isRecovered(to)
        ? {
            recoveredAt: event.recoveredAt,
            timeToRecoverMinutes: event.timeToRecoverMinutes,
            targetMet: event.targetMet,
          }
        : {}),
    },
  });
  return event;
}
