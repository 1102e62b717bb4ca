import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';
import { RegionSchema, TimeZoneSchema } from '../directory/directory.schemas.ts';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const CASE_CATEGORIES = [
  'how_to',
  'common_problem',
  'configuration',
  'possible_defect',
  'availability',
] as const;
export const CASE_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'awaiting_partner',
  'monitoring',
  'resolved',
  'closed',
] as const;
/** What the caller may do next; the web shows exactly these buttons. */
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

export const CaseCategory = Type.Enum(CASE_CATEGORIES);
export const CaseStatus = Type.Enum(CASE_STATUSES);
export const Impact = Type.Enum(['widespread', 'large', 'localized', 'individualized'] as const);
export const Urgency = Type.Enum(['critical', 'high', 'medium', 'low'] as const);
export const Severity = Type.Enum(['S1', 'S2', 'S3', 'S4'] as const);

const Contact = Type.Object(
  {
    name: Text(200),
    phone: Type.String({
      minLength: 4,
      maxLength: 40,
      description: 'digits with optional +, spaces, dashes, dots and parentheses; 6 to 20 digits',
    }),
    email: Type.String({ format: 'email', maxLength: 254 }),
  },
  { additionalProperties: false },
);

export const Case = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'human-readable, e.g. DI-2026-000123' }),
  partnerId: Uuid,
  partnerName: Type.String(),
  customerId: Uuid,
  customerName: Type.String(),
  region: RegionSchema,
  contractNumber: Type.String(),
  title: Type.String(),
  description: Type.String(),
  category: CaseCategory,
  impact: Impact,
  urgency: Urgency,
  affectedShare: Nullable(Type.Number()),
  severity: Severity,
  status: CaseStatus,
  caller: Type.Object({ id: Nullable(Uuid), name: Type.String(), email: Type.String() }),
  contact: Contact,
  openedAt: Instant,
  responseDueAt: Instant,
  acknowledgedAt: Nullable(Instant),
  responseMet: Nullable(Type.Boolean()),
  monitorUntil: Nullable(Instant),
  resolvedAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  rootCauseSummary: Nullable(Type.String()),
  planOwedSince: Nullable(Instant),
  lastPlanAt: Nullable(Instant),
  escalatedAt: Nullable(Instant),
  escalationCount: Type.Integer(),
  reopenCount: Type.Integer(),
  awaitingPartnerMinutes: Type.Integer({
    description: 'time spent awaiting the partner (excluded from time to resolve)',
  }),
  timeToResolveMinutes: Nullable(Type.Integer()),
  /** The policy's TAC number for S1/S2 (they should be phoned in too). */
  tacPhone: Nullable(Type.String()),
  allowedActions: Type.Array(Type.Enum(CASE_ACTIONS)),
  updatedAt: Instant,
});

export const CaseEvent = Type.Object({
  id: Uuid,
  kind: Type.Enum(CASE_EVENT_KINDS),
  at: Instant,
  actor: Type.String({ description: 'display name, or "DI Ops" for the system' }),
  side: Type.Enum(['provider', 'partner', 'system'] as const),
  internal: Type.Boolean(),
  body: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const Attachment = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  uploadedAt: Instant,
});

export const CaseDetail = Type.Intersect([
  Case,
  Type.Object({
    timeline: Type.Array(CaseEvent),
    attachments: Type.Array(Attachment),
    dueExplanation: Type.Unknown({
      description:
        'the policy core explanation of responseDueAt (counted days, skipped nights/weekends/holidays, clock changes)',
    }),
  }),
]);

export const CasePage = Type.Object({ items: Type.Array(Case), nextCursor: Nullable(Type.String()) });

export const OpenCaseBody = Type.Object(
  {
    customerId: Uuid,
    contractNumber: Text(64),
    title: Text(200),
    description: Text(20_000),
    category: CaseCategory,
    impact: Type.Optional(Impact),
    affectedShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    urgency: Urgency,
    contact: Contact,
  },
  { additionalProperties: false },
);

export const CaseQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'one status, a comma-separated list, or "open" (everything not resolved or closed)',
      }),
    ),
    severity: Type.Optional(
      Type.String({ maxLength: 20, description: 'one severity or a comma-separated list' }),
    ),
    customerId: Type.Optional(Uuid),
    partnerId: Type.Optional(Uuid),
    overdue: Type.Optional(Type.Boolean({ description: 'not acknowledged and past its response due time' })),
    planOwed: Type.Optional(Type.Boolean({ description: 'owing a status and action plan' })),
    escalated: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'number, or words in title and description' }),
    ),
    sort: Type.Optional(Type.Enum(['due', 'newest'] as const)),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AcknowledgeBody = Type.Object(
  { note: Type.Optional(Text(5000)) },
  { additionalProperties: false },
);

export const SeverityBody = Type.Object(
  {
    impact: Type.Optional(Impact),
    urgency: Type.Optional(Urgency),
    severity: Type.Optional(Severity),
    reason: Text(2000),
  },
  { additionalProperties: false },
);

export const StatusBody = Type.Object(
  {
    status: Type.Enum(['in_progress', 'awaiting_partner', 'monitoring', 'resolved', 'closed'] as const),
    note: Type.Optional(Text(5000)),
    monitorUntil: Type.Optional(Instant),
    rootCauseSummary: Type.Optional(Text(5000)),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });

export const CommentBody = Type.Object(
  {
    body: Text(20_000),
    kind: Type.Optional(Type.Enum(['comment', 'internal_note', 'action_plan'] as const)),
  },
  { additionalProperties: false },
);

export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });
export const AttachmentQuery = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const CaseSummary = Type.Object({
  open: Type.Integer(),
  unacknowledged: Type.Integer(),
  overdue: Type.Integer(),
  planOwed: Type.Integer(),
  escalated: Type.Integer(),
  bySeverity: Type.Record(Type.String(), Type.Integer()),
});

export const AttainmentQuery = Type.Object(
  {
    from: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'first month, YYYY-MM' }),
    to: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'last month, YYYY-MM (inclusive)' }),
    partnerId: Type.Optional(Uuid),
    timeZone: Type.Optional(TimeZoneSchema),
  },
  { additionalProperties: false },
);

export const AttainmentReport = Type.Object({
  timeZone: Type.String(),
  target: Type.Number({ description: 'the commitment, e.g. 0.95' }),
  targetSeverities: Type.Array(Severity),
  items: Type.Array(
    Type.Object({
      month: Type.String(),
      severity: Severity,
      total: Type.Integer({
        description: 'cases whose response is decided (acknowledged, or unacknowledged past due)',
      }),
      met: Type.Integer(),
      missed: Type.Integer(),
      pending: Type.Integer({ description: 'not acknowledged, not yet due: not counted' }),
      share: Nullable(Type.Number()),
    }),
  ),
});
