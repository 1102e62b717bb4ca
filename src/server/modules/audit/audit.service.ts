import { queueWrite, type Scope, type Tx } from '../../db/database.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  partnerId: string | null;
  customerId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Written in the caller's transaction, so an audit row exists exactly when the change does. Nobody
 * reads it back in the same request, so it is queued to travel with the next round trip.
 */
export async function recordAudit(tx: Tx, scope: Scope, entry: AuditEntry): Promise<void> {
  await queueWrite(
    tx,
    tx.insertInto('audit_log').values({
      actor_user_id: scope.userId,
      actor_label: scope.label,
      partner_id: entry.partnerId,
      customer_id: entry.customerId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: scope.requestId,
    }),
  );
}

/** The audit action for an update: activation changes get their own names so the trail reads well. */
export function updateAction(entity: string, active: boolean | undefined): string {
  if (active === false) return `${entity}.deactivated`;
  if (active === true) return `${entity}.reactivated`;
  return `${entity}.updated`;
}
