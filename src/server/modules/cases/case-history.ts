import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import type { CaseEventKind } from '../../db/schema.ts';
import { sideOf } from './cases.presenter.ts';

export interface CaseEventInput {
  kind: CaseEventKind;
  body?: string | null;
  internal?: boolean;
  data?: Record<string, unknown>;
  /** When it happened (defaults to now; the demo data backdates its history). */
  at?: Date;
}

/**
 * Appends one event to a case's history (the timeline both sides read). The actor's display name
 * is looked up in the same statement, so recording history costs no extra round trip.
 */
/** The actor's display name, looked up inside the statement that needs it. */
export function actorName(scope: Scope) {
  return scope.userId
    ? sql<string>`coalesce((SELECT u.name FROM users u WHERE u.id = ${scope.userId}::uuid), ${scope.label})`
    : sql<string>`${'DI Ops'}::text`;
}

export async function recordCaseEvent(
  tx: Tx,
  scope: Scope,
  kase: { id: string; partner_id: string; customer_id: string },
  event: CaseEventInput,
) {
  return tx
    .insertInto('case_events')
    .values({
      case_id: kase.id,
      partner_id: kase.partner_id,
      customer_id: kase.customer_id,
      kind: event.kind,
      actor_id: scope.userId,
      actor_name: actorName(scope),
      side: scope.kind === 'system' ? 'system' : (sideOf(scope) ?? 'partner'),
      internal: event.internal ?? false,
      body: event.body ?? null,
      data: JSON.stringify(event.data ?? {}),
      ...(event.at ? { at: event.at } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
