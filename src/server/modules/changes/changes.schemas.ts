import { Type } from 'typebox';
import { CHANGE_TYPES } from '../../../core/policy-document.ts';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';

export const CHANGE_STATUSES = ['scheduled', 'notice_sent', 'in_progress', 'completed', 'cancelled'] as const;
export const UPGRADE_REASONS = [
  'security_vulnerability',
  'below_n_minus_1',
  'end_of_life',
  'partner_request',
] as const;
export const EMERGENCY_REASONS = [
  'restore_service',
  'reduce_outage_impact',
  'prevent_outage',
  'remediate_vulnerability',
] as const;
const RegionSchema = Type.Enum(['AMER', 'APJC', 'AUS', 'EMEA'] as const);
const ChangeTypeSchema = Type.Enum(CHANGE_TYPES);
const StatusSchema = Type.Enum(CHANGE_STATUSES);

const RegionTime = Type.Object({
  region: RegionSchema,
  timeZone: Type.String(),
  localStart: Type.String({ description: "the region's wall-clock start, YYYY-MM-DDTHH:mm" }),
  localEnd: Type.String(),
  windowKind: Nullable(Type.Enum(['weekday', 'weekend'] as const)),
});

export const Change = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  reference: Type.String({ description: 'CHG-000123' }),
  type: ChangeTypeSchema,
  title: Type.String(),
  description: Type.String(),
  status: StatusSchema,
  start: Instant,
  end: Instant,
  reason: Nullable(Type.Enum(UPGRADE_REASONS)),
  emergencyReason: Nullable(Type.Enum(EMERGENCY_REASONS)),
  certificateExpiresAt: Nullable(Instant),
  emergency: Type.Boolean(),
  noImpact: Type.Boolean(),
  regions: Type.Array(RegionSchema),
  regionTimes: Type.Array(RegionTime),
  customerCount: Type.Integer(),
  noticeSentAt: Nullable(Instant),
  reminderSentAt: Nullable(Instant),
  sequence: Type.Integer(),
  reschedules: Type.Integer(),
  startedAt: Nullable(Instant),
  completedAt: Nullable(Instant),
  cancelledAt: Nullable(Instant),
  cancelReason: Nullable(Type.String()),
  source: Nullable(
    Type.Object({
      type: Type.Enum(['certificate', 'upgrade_campaign', 'change_request', 'cop'] as const),
      id: Uuid,
    }),
  ),
  createdBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
  reschedule: Type.Object({
    allowed: Type.Boolean(),
    code: Nullable(Type.String()),
    message: Nullable(Type.String()),
  }),
});

export const ChangeCustomer = Type.Object({
  id: Uuid,
  name: Type.String(),
  region: RegionSchema,
  partnerId: Uuid,
  partnerName: Type.String(),
});

export const RescheduleRequest = Type.Object({
  id: Uuid,
  changeId: Uuid,
  changeReference: Type.String(),
  changeTitle: Type.String(),
  changeType: ChangeTypeSchema,
  changeStart: Instant,
  changeEnd: Instant,
  partnerId: Uuid,
  partnerName: Type.String(),
  reason: Type.String(),
  late: Type.Boolean(),
  status: Type.Enum(['open', 'granted', 'declined', 'withdrawn'] as const),
  requestedBy: Type.String(),
  requestedAt: Instant,
  decidedAt: Nullable(Instant),
  decidedBy: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});

export const ChangeTask = Type.Object({
  id: Uuid,
  changeId: Uuid,
  changeReference: Type.String(),
  changeTitle: Type.String(),
  customerId: Uuid,
  customerName: Type.String(),
  partnerId: Uuid,
  kind: Type.Enum(['disable_sso', 'reimport_idp_metadata', 'enable_sso', 'validate_sign_in'] as const),
  position: Type.Integer(),
  doneAt: Nullable(Instant),
  doneBy: Nullable(Type.String()),
  createdAt: Instant,
});

export const ChangeDetail = Type.Intersect([
  Change,
  Type.Object({
    customers: Type.Array(ChangeCustomer),
    history: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        status: StatusSchema,
        detail: Type.Record(Type.String(), Type.Unknown()),
        actor: Type.String(),
        at: Instant,
      }),
    ),
    rescheduleRequests: Type.Array(RescheduleRequest),
    tasks: Type.Array(ChangeTask),
    changeRequestId: Nullable(Uuid),
  }),
]);

const Selection = {
  customerIds: Type.Optional(Type.Array(Uuid, { maxItems: 10_000 })),
  partnerIds: Type.Optional(Type.Array(Uuid, { maxItems: 1000 })),
  regions: Type.Optional(Type.Array(RegionSchema, { maxItems: 4 })),
  versions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 50 })),
};

const ChangeFields = {
  type: ChangeTypeSchema,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  start: Instant,
  end: Instant,
  reason: Type.Optional(Type.Enum(UPGRADE_REASONS)),
  emergencyReason: Type.Optional(Type.Enum(EMERGENCY_REASONS)),
  certificateExpiresAt: Type.Optional(Instant),
  emergency: Type.Optional(
    Type.Boolean({ description: 'an emergency COP install: no notice period, still in a window' }),
  ),
  noImpact: Type.Optional(
    Type.Boolean({ description: 'a routine change with no impact: no e-mail, still in calendars' }),
  ),
};

export const ChangeBody = Type.Object({ ...ChangeFields, ...Selection }, { additionalProperties: false });
/** The live check needs no title yet. */
export const ChangeCheckBody = Type.Object(
  { ...ChangeFields, title: Type.Optional(Type.String({ maxLength: 200 })), ...Selection },
  { additionalProperties: false },
);

const Violation = Type.Object({
  code: Type.String(),
  message: Type.String(),
  region: Type.Optional(RegionSchema),
});
const Slot = Type.Object({ start: Instant, end: Instant });

export const ChangeCheck = Type.Object({
  allowed: Type.Boolean(),
  violations: Type.Array(Violation),
  customerCount: Type.Integer(),
  partnerCount: Type.Integer(),
  regions: Type.Array(RegionSchema),
  regionTimes: Type.Array(RegionTime),
  nextSlot: Nullable(Slot),
});

export const NextSlotAnswer = Type.Object({ slot: Nullable(Slot) });

export const ChangeQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['open', ...CHANGE_STATUSES] as const)),
    type: Type.Optional(ChangeTypeSchema),
    customerId: Type.Optional(Uuid),
    partnerId: Type.Optional(Uuid),
    region: Type.Optional(RegionSchema),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CustomersQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
export const CancelBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const RescheduleBody = Type.Object(
  { start: Instant, end: Instant, note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
export const RescheduleRequestBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const DeclineBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const RescheduleRequestQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['open', 'granted', 'declined', 'withdrawn'] as const)),
    changeId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const TaskQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['open', 'done'] as const)),
    customerId: Type.Optional(Uuid),
    changeId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CHANGE_REQUEST_KINDS = [
  'boundary_devices',
  'application_integration',
  'service_deactivation',
  'other',
] as const;
export const CHANGE_REQUEST_STATUSES = [
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'scheduled',
  'completed',
] as const;

const ChangeRequestFields = {
  id: Uuid,
  number: Type.Integer(),
  reference: Type.String({ description: 'CR-000042' }),
  partnerId: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  kind: Type.Enum(CHANGE_REQUEST_KINDS),
  title: Type.String(),
  description: Type.String(),
  preferredStart: Nullable(Instant),
  status: Type.Enum(CHANGE_REQUEST_STATUSES),
  changeId: Nullable(Uuid),
  changeReference: Nullable(Type.String()),
  requestedBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
};
export const ChangeRequest = Type.Object(ChangeRequestFields);
export const ChangeRequestDetail = Type.Object({
  ...ChangeRequestFields,
  notes: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.Enum(['comment', 'decision'] as const),
      status: Nullable(Type.Enum(CHANGE_REQUEST_STATUSES)),
      body: Type.String(),
      authorSide: Type.Enum(['provider', 'partner'] as const),
      author: Type.String(),
      at: Instant,
    }),
  ),
});
export const ChangeRequestBody = Type.Object(
  {
    customerId: Uuid,
    kind: Type.Enum(CHANGE_REQUEST_KINDS),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    preferredStart: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export const ChangeRequestQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(CHANGE_REQUEST_STATUSES)),
    customerId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export const ScheduleRequestBody = Type.Object(
  {
    type: ChangeTypeSchema,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    start: Instant,
    end: Instant,
    reason: Type.Optional(Type.Enum(UPGRADE_REASONS)),
    emergencyReason: Type.Optional(Type.Enum(EMERGENCY_REASONS)),
    certificateExpiresAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
);

export const CopInstallBody = Type.Object(
  {
    fileName: Type.String({
      minLength: 5,
      maxLength: 255,
      pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*\\.cop(\\.sgn|\\.sha512)?$',
      description: 'the COP file, e.g. ciscocm.v1.0-security-fix.k4.cop.sha512',
    }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    emergency: Type.Optional(
      Type.Boolean({ description: 'install in the next provider window, without notice' }),
    ),
    emergencyReason: Type.Optional(Type.Enum(EMERGENCY_REASONS)),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 15, maximum: 600 })),
    after: Type.Optional(Instant),
    ...Selection,
  },
  { additionalProperties: false },
);
export const CampaignChangesBody = Type.Object(
  {
    reason: Type.Optional(Type.Enum(UPGRADE_REASONS)),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 30, maximum: 600 })),
    after: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export const ChangeList = Type.Object({ items: Type.Array(Change) });
