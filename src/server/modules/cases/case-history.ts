import { randomUUID } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import { queueWrite, type Scope, type Tx } from '../../db/database.ts';
import type { CaseEventKind, CaseEventsTable } from '../../db/schema.ts';
import { sideOf } from './cases.presenter.ts';

export interface CaseEventInput {
  kind: CaseEventKind;
  body?: string | null;
  internal?: boolean;
  data?: Record<string, unknown>;
  /** When it happened (defaults to now; the demo data backdates its history). */
  at?: Date;
}

/** The actor's display name, looked up inside the statement that needs it. */
export function actorName(scope: Scope) {
  return scope.userId
    ? sql<string>`coalesce((SELECT u.name FROM users u WHERE u.id = ${scope.userId}::uuid), ${scope.label})`
    : sql<string>`${'DI Ops'}::text`;
}

/** The row for one history event, with the actor's name looked up by the statement itself. */
export function caseEventValues(
  scope: Scope,
  kase: { id: string; partner_id: string; customer_id: string },
  event: CaseEventInput,
) {
  return {
    case_id: kase.id,
    partner_id: kase.partner_id,
    customer_id: kase.customer_id,
    kind: event.kind,
    actor_id: scope.userId,
    actor_name: actorName(scope),
    side: scope.kind === 'system' ? ('system' as const) : (sideOf(scope) ?? 'partner'),
    internal: event.internal ?? false,
    body: event.body ?? null,
    data: JSON.stringify(event.data ?? {}),
    ...(event.at ? { at: event.at } : {}),
  };
}

/** Appends one event to a case's history and answers with it (for a timeline in the response). */
export async function recordCaseEvent(
  tx: Tx,
  scope: Scope,
  kase: { id: string; partner_id: string; customer_id: string },
  event: CaseEventInput,
) {
  return tx
    .insertInto('case_events')
    .values(caseEventValues(scope, kase, event))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Appends one event whose actor name the caller already knows, queued to travel with the next
 * round trip; answers with the row as it will be written (for a timeline in the response).
 */
export async function queueCaseEvent(
  tx: Tx,
  scope: Scope,
  kase: { id: string; partner_id: string; customer_id: string },
  event: CaseEventInput & { at: Date; actorName: string },
): Promise<Selectable<CaseEventsTable>> {
  const values = { ...caseEventValues(scope, kase, event), id: randomUUID(), actor_name: event.actorName };
  await queueWrite(tx, tx.insertInto('case_events').values(values));
  return { ...values, at: event.at, seq: 0, data: event.data ?? {} };
}
