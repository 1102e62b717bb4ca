/**
 * Support-case shapes as answered by the API, written by hand from
 * src/server/modules/cases/cases.schemas.ts (and src/core/response-due.ts for the due explanation).
 */
import type { Region } from '../../api/types.ts';

export const CASE_CATEGORIES = [
  'how_to',
  'common_problem',
  'configuration',
  'possible_defect',
  'availability',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'awaiting_partner',
  'monitoring',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_IMPACTS = ['widespread', 'large', 'localized', 'individualized'] as const;
export type CaseImpact = (typeof CASE_IMPACTS)[number];

export const URGENCIES = ['critical', 'high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SEVERITIES = ['S1', 'S2', 'S3', 'S4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What the caller may do next; the detail page shows exactly these. */
export const CASE_ACTIONS = [
  'acknowledge',
  'start',
  'await_partner',
  'resume',
  'monitor',
  'resolve',
  'close',
  'reopen',
  'raise_severity',
  'lower_severity',
  'comment',
  'internal_note',
  'action_plan',
  'escalate',
  'attach',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_EVENT_KINDS = [
  'opened',
  'acknowledged',
  'status_changed',
  'reopened',
  'severity_changed',
  'comment',
  'internal_note',
  'action_plan',
  'escalated',
  'attachment_added',
  'plan_owed',
  'auto_closed',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** The statuses a status change may set (POST /cases/:id/status). */
export type TargetStatus = 'in_progress' | 'awaiting_partner' | 'monitoring' | 'resolved' | 'closed';

export type CommentKind = 'comment' | 'internal_note' | 'action_plan';

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

export interface Case {
  id: string;
  /** Human-readable, e.g. DI-2026-000123. */
  number: string;
  partnerId: string;
  partnerName: string;
  customerId: string;
  customerName: string;
  region: Region;
  contractNumber: string;
  title: string;
  description: string;
  category: CaseCategory;
  impact: CaseImpact;
  urgency: Urgency;
  affectedShare: number | null;
  severity: Severity;
  status: CaseStatus;
  caller: { id: string | null; name: string; email: string };
  contact: Contact;
  openedAt: string;
  responseDueAt: string;
  acknowledgedAt: string | null;
  responseMet: boolean | null;
  monitorUntil: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rootCauseSummary: string | null;
  planOwedSince: string | null;
  lastPlanAt: string | null;
  escalatedAt: string | null;
  escalationCount: number;
  reopenCount: number;
  awaitingPartnerMinutes: number;
  timeToResolveMinutes: number | null;
  /** The policy's TAC number for S1/S2 (they should be phoned in too). */
  tacPhone: string | null;
  allowedActions: CaseAction[];
  updatedAt: string;
}

export interface CaseEvent {
  id: string;
  kind: CaseEventKind;
  at: string;
  /** Display name, or "DI Ops" for the system. */
  actor: string;
  side: 'provider' | 'partner' | 'system';
  internal: boolean;
  body: string | null;
  data: Record<string, unknown>;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** An instant in the due explanation: ISO text as answered (epoch ms tolerated). */
export type ExplainedInstant = string | number;

export type ResponseTarget = { minutes: number; clock?: '24x7' } | { businessDays: number };

export type SkippedPeriod =
  | { kind: 'night'; from: ExplainedInstant; to: ExplainedInstant }
  | { kind: 'weekend'; date: string; weekday: number }
  | { kind: 'holiday'; date: string; names: string[] };

export interface OffsetShift {
  at: ExplainedInstant;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

export interface BusinessSpan {
  timeZone: string;
  from: ExplainedInstant;
  to: ExplainedInstant;
  /** Business time counted, as answered (the core's `businessMs`, turned into minutes for JSON). */
  businessMinutes?: number;
  businessMs?: number;
  counted: { date: string; from: ExplainedInstant; to: ExplainedInstant }[];
  skipped: SkippedPeriod[];
  offsetShifts: OffsetShift[];
}

export interface SeverityChangeExplanation {
  from: Severity;
  to: Severity;
  direction: 'raise' | 'lower' | 'same';
  changedAt: ExplainedInstant;
  previousDueAt: ExplainedInstant;
  candidateDueAt: ExplainedInstant;
  rule: string;
}

/** Why `responseDueAt` is what it is. */
export interface DueExplanation {
  severity: Severity;
  region: Region;
  target: ResponseTarget;
  countedFrom: ExplainedInstant;
  dueAt: ExplainedInstant;
  clock: '24x7' | 'business';
  businessSpan?: BusinessSpan;
  severityChange?: SeverityChangeExplanation;
}

export interface CaseDetail extends Case {
  timeline: CaseEvent[];
  attachments: Attachment[];
  dueExplanation: DueExplanation | null;
}

export interface CaseSummary {
  open: number;
  unacknowledged: number;
  overdue: number;
  planOwed: number;
  escalated: number;
  bySeverity: Partial<Record<Severity, number>>;
}

export interface AttainmentItem {
  /** YYYY-MM */
  month: string;
  severity: Severity;
  /** Cases whose response is decided (acknowledged, or unacknowledged past due). */
  total: number;
  met: number;
  missed: number;
  /** Not acknowledged and not yet due: not counted. */
  pending: number;
  share: number | null;
}

export interface AttainmentReport {
  timeZone: string;
  /** The commitment, e.g. 0.95. */
  target: number;
  targetSeverities: Severity[];
  items: AttainmentItem[];
}

/** Impact is given either as a level or as the share of the partner's environment affected (0..1). */
export type ImpactInput = { impact: CaseImpact } | { affectedShare: number };

export type OpenCaseBody = ImpactInput & {
  customerId: string;
  contractNumber: string;
  title: string;
  description: string;
  category: CaseCategory;
  urgency: Urgency;
  contact: Contact;
};

/** POST /policy/severity */
export interface SeverityResult {
  impact: CaseImpact;
  urgency: Urgency;
  severity: Severity;
}

/** The parts of GET /policy the case screens use. */
export interface CasePolicy {
  tacPhone: string;
  responseTargets: Record<Severity, ResponseTarget>;
  businessDayHours: number;
  attainmentTarget: number;
}
