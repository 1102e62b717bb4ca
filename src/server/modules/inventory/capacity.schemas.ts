import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';

export const CapacityResource = Type.Enum(['knowledge_workers', 'workspace_devices'] as const);
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

const ResourceUse = Type.Object({
  entitled: Type.Integer(),
  provisioned: Type.Integer(),
  available: Type.Integer(),
  percent: Type.Number({ description: 'provisioned / entitled, one decimal' }),
  level: Type.Enum(['ok', 'warning80', 'warning90', 'over'] as const),
});
export const Capacity = Type.Object({
  customerId: Uuid,
  customerName: Type.String(),
  partnerId: Uuid,
  partnerName: Type.String(),
  activatedAt: Instant,
  knowledgeWorkers: ResourceUse,
  workspaceDevices: ResourceUse,
  openExpansions: Type.Integer({ description: 'expansions requested or planned' }),
});
export const CapacityQuery = Type.Object(
  {
    partnerId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    attention: Type.Optional(Type.Boolean({ description: 'only customers with a resource at 80 % or more' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const CustomerIdParams = Type.Object({ customerId: Uuid });
export const ActivationBody = Type.Object(
  { knowledgeWorkers: Count, workspaceDevices: Count },
  { additionalProperties: false },
);
export const ProvisionedBody = Type.Object(
  { knowledgeWorkers: Type.Optional(Count), workspaceDevices: Type.Optional(Count) },
  { additionalProperties: false, minProperties: 1 },
);

export const EXPANSION_STATUSES = ['requested', 'planned', 'completed', 'cancelled'] as const;
export const Expansion = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  caseId: Uuid,
  caseNumber: Type.String(),
  resource: CapacityResource,
  additional: Type.Integer(),
  reason: Type.String(),
  status: Type.Enum(EXPANSION_STATUSES),
  plannedFor: Nullable(Instant),
  planNote: Nullable(Type.String()),
  completedAt: Nullable(Instant),
  cancelledReason: Nullable(Type.String()),
  requestedBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const ExpansionQuery = Type.Object(
  {
    customerId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(['open', ...EXPANSION_STATUSES] as const)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const ExpansionBody = Type.Object(
  {
    customerId: Uuid,
    caseId: Uuid,
    resource: CapacityResource,
    additional: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export const PlanBody = Type.Object(
  { plannedFor: Instant, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const CancelBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
