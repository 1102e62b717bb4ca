import type { Selectable } from 'kysely';
import type { Policy } from '../../../core/index.ts';
import type { Scope } from '../../db/database.ts';
import type { CaseAttachmentsTable, CaseEventsTable, CasesTable } from '../../db/schema.ts';
import { allowedActions, type Side } from './case-lifecycle.ts';

/**
 * Every column of a case but its search vector: the English + Spanish `tsvector` is for the index
 * alone, and reading it back costs PostgreSQL its output and the client its parsing, per row.
 */
export const CASE_COLUMNS = [
  'id',
  'number',
  'partner_id',
  'customer_id',
  'contract_id',
  'region',
  'title',
  'description',
  'category',
  'impact',
  'urgency',
  'affected_share',
  'severity',
  'status',
  'caller_id',
  'caller_name',
  'caller_email',
  'contact_name',
  'contact_phone',
  'contact_email',
  'opened_at',
  'response_due_at',
  'due_explanation',
  'acknowledged_at',
  'acknowledged_by',
  'response_met',
  'awaiting_since',
  'awaiting_ms',
  'monitor_until',
  'resolved_at',
  'closed_at',
  'root_cause_summary',
  'plan_owed_since',
  'last_plan_at',
  'escalated_at',
  'escalation_count',
  'reopen_count',
  'updated_at',
] as const satisfies readonly (keyof CasesTable)[];

export type CaseColumns = Omit<Selectable<CasesTable>, 'search'>;

export type CaseRow = CaseColumns & {
  partner_name: string;
  customer_name: string;
  contract_number: string;
};

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const minutes = (ms: number) => Math.floor(ms / 60_000);

const WRITERS = new Set(['provider_admin', 'provider_engineer', 'partner_admin', 'partner_engineer']);

/** Which side of the case the caller is on, or null for read-only callers. */
export function sideOf(scope: Scope): Side | null {
  if (scope.kind === 'provider' || scope.kind === 'system') return 'provider';
  if (scope.kind === 'partner') return 'partner';
  return null;
}

function canWrite(scope: Scope): boolean {
  if (scope.readOnly) return false;
  return scope.kind === 'system' || (scope.role !== null && WRITERS.has(scope.role));
}

/** A case as the API shows it; lists read it without its due-time explanation (not shown here). */
export function presentCase(
  row: Omit<CaseRow, 'due_explanation'>,
  scope: Scope,
  policy: Policy,
  now = Date.now(),
) {
  const side = sideOf(scope);
  const awaitingMs = Number(row.awaiting_ms) + (row.awaiting_since ? now - row.awaiting_since.getTime() : 0);
  return {
    id: row.id,
    number: row.number,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    region: row.region,
    contractNumber: row.contract_number,
    title: row.title,
    description: row.description,
    category: row.category,
    impact: row.impact,
    urgency: row.urgency,
    affectedShare: row.affected_share,
    severity: row.severity,
    status: row.status,
    caller: { id: row.caller_id, name: row.caller_name, email: row.caller_email },
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
    openedAt: row.opened_at.toISOString(),
    responseDueAt: row.response_due_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    responseMet: row.response_met,
    monitorUntil: iso(row.monitor_until),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    rootCauseSummary: row.root_cause_summary,
    planOwedSince: iso(row.plan_owed_since),
    lastPlanAt: iso(row.last_plan_at),
    escalatedAt: iso(row.escalated_at),
    escalationCount: row.escalation_count,
    reopenCount: row.reopen_count,
    awaitingPartnerMinutes: minutes(awaitingMs),
    timeToResolveMinutes: row.resolved_at
      ? minutes(row.resolved_at.getTime() - row.opened_at.getTime() - Number(row.awaiting_ms))
      : null,
    tacPhone: row.severity === 'S1' || row.severity === 'S2' ? policy.tacPhone : null,
    allowedActions: side ? allowedActions(row.status, side, { canWrite: canWrite(scope) }) : [],
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentCaseEvent(row: Selectable<CaseEventsTable>) {
  return {
    id: row.id,
    kind: row.kind,
    at: row.at.toISOString(),
    actor: row.actor_name,
    side: row.side,
    internal: row.internal,
    body: row.body,
    data: row.data,
  };
}

export function presentAttachment(row: Selectable<CaseAttachmentsTable>) {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by_name,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}
