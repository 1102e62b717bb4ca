import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';
import { RegionSchema } from '../directory/directory.schemas.ts';

export const ImpactSchema = Type.Union([
  Type.Literal('down'),
  Type.Literal('degraded'),
  Type.Literal('at_risk'),
]);
const OpenStatus = Type.Union([
  Type.Literal('investigating'),
  Type.Literal('identified'),
  Type.Literal('monitoring'),
]);
const StatusSchema = Type.Union([...OpenStatus.anyOf, Type.Literal('resolved')]);
export const ServiceSchema = Type.Union([
  Type.Literal('cucm'),
  Type.Literal('unity_connection'),
  Type.Literal('imp'),
  Type.Literal('cer'),
  Type.Literal('expressway'),
  Type.Literal('sme'),
  Type.Literal('network'),
]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const Outage = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  impact: ImpactSchema,
  status: StatusSchema,
  regions: Type.Array(RegionSchema),
  services: Type.Array(ServiceSchema),
  startedAt: Instant,
  resolvedAt: Nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export const OutageUpdate = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('declared'), Type.Literal('update'), Type.Literal('resolved')]),
  status: StatusSchema,
  message: Type.String(),
  author: Type.String(),
  at: Instant,
});
export const OutageDetail = Type.Intersect([
  Outage,
  Type.Object({
    affectedCustomers: Type.Array(
      Type.Object({ id: Uuid, name: Type.String(), region: RegionSchema, partnerId: Uuid }),
      { description: 'only the caller’s own customers for partner users' },
    ),
    affectedPartnerCount: Nullable(Type.Integer()),
    updates: Type.Array(OutageUpdate),
  }),
]);
export const OutageListItem = Type.Intersect([
  Outage,
  Type.Object({ affectedCustomerCount: Type.Integer() }),
]);
export const OutagePage = Type.Object({
  items: Type.Array(OutageListItem),
  nextCursor: Nullable(Type.String()),
});
export const DeclareOutageBody = Type.Object(
  {
    title: Text(200),
    summary: Text(5000),
    impact: ImpactSchema,
    regions: Type.Optional(
      Type.Array(RegionSchema, { maxItems: 4, description: 'every active customer there' }),
    ),
    customerIds: Type.Optional(Type.Array(Uuid, { maxItems: 5000 })),
    services: Type.Optional(Type.Array(ServiceSchema, { maxItems: 7 })),
    startedAt: Type.Optional(Instant),
    status: Type.Optional(OpenStatus),
  },
  { additionalProperties: false },
);
export const OutageUpdateBody = Type.Object(
  { message: Text(5000), status: Type.Optional(OpenStatus) },
  { additionalProperties: false },
);
export const ResolveOutageBody = Type.Object(
  { message: Text(5000), resolvedAt: Type.Optional(Instant) },
  { additionalProperties: false },
);
export const OutageQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
    customerId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const NetworkActivity = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  partnerName: Type.String(),
  customerIds: Type.Array(Uuid),
  /** The customers of `customerIds`, same order, with names (empty when the viewer cannot read one). */
  customers: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  title: Type.String(),
  description: Type.String(),
  expectedAlarms: Nullable(Type.String()),
  startsAt: Instant,
  endsAt: Instant,
  cancelledAt: Nullable(Instant),
  state: Type.Union([
    Type.Literal('planned'),
    Type.Literal('in_progress'),
    Type.Literal('finished'),
    Type.Literal('cancelled'),
  ]),
  createdAt: Instant,
});
export const NetworkActivityPage = pageSchema(NetworkActivity);
export const DeclareNetworkActivityBody = Type.Object(
  {
    title: Text(200),
    description: Text(5000),
    expectedAlarms: Type.Optional(Type.String({ maxLength: 2000 })),
    customerIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    startsAt: Instant,
    endsAt: Instant,
  },
  { additionalProperties: false },
);
export const NetworkActivityQuery = Type.Object(
  {
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    partnerId: Type.Optional(Uuid),
    includeCancelled: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
