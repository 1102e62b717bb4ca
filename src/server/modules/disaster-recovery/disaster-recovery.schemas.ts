import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';
import { RegionSchema } from '../directory/directory.schemas.ts';
import { APPLICATION_KINDS } from '../inventory/inventory.schemas.ts';
import { DR_STATUSES } from './dr-lifecycle.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const DR_EVENT_KINDS = ['application_failure', 'hardware_failure'] as const;
export const DrEventKind = Type.Enum(DR_EVENT_KINDS, {
  description:
    'application_failure: a new publisher from the DRS backup within 1 business day (region calendar); hardware_failure: the way back depends on the failure, no fixed target',
});
export const DrStatus = Type.Enum(DR_STATUSES, {
  description:
    'declared → restoring → restored → closed (restoring may be skipped; nothing goes back); declared or restoring → withdrawn for an event declared by mistake',
});

export const DrEvent = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  partnerId: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  applicationId: Nullable(Uuid),
  applicationName: Type.String(),
  applicationKind: Type.Enum(APPLICATION_KINDS),
  kind: DrEventKind,
  title: Nullable(Type.String()),
  description: Type.String(),
  region: RegionSchema,
  status: DrStatus,
  declaredAt: Instant,
  declaredBy: Type.String(),
  targetAt: Nullable(Instant),
  recoveredAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  timeToRecoverMinutes: Nullable(Type.Integer({ description: 'recoveredAt − declaredAt, whole minutes' })),
  targetMet: Nullable(
    Type.Boolean({ description: 'recoveredAt ≤ targetAt; null until restored or without a target' }),
  ),
  overdue: Type.Boolean({ description: 'not restored yet and the target has passed' }),
  createdAt: Instant,
  updatedAt: Instant,
});

export const DrEventUpdate = Type.Object({
  id: Uuid,
  previousStatus: Nullable(DrStatus),
  status: DrStatus,
  statusChanged: Type.Boolean(),
  message: Type.String(),
  author: Type.String(),
  at: Instant,
});

export const DrTargetExplanation = Type.Object(
  {
    region: RegionSchema,
    timeZone: Type.String(),
    businessDays: Type.Number(),
    businessDayHours: Type.Number(),
    countedFrom: Instant,
    dueAt: Instant,
    businessSpan: Type.Unknown({
      description:
        'the policy core explanation (same shape as a case due explanation): {timeZone, from, to, businessMinutes, counted:[{date, from, to}], skipped:[{kind: night, from, to} | {kind: weekend, date, weekday} | {kind: holiday, date, names}], offsetShifts:[{at, offsetBeforeMinutes, offsetAfterMinutes}]}',
    }),
  },
  { description: 'why targetAt is what it is: the business time counted and what was skipped' },
);

export const DrEventDetail = Type.Intersect([
  DrEvent,
  Type.Object({
    targetExplanation: Nullable(DrTargetExplanation),
    updates: Type.Array(DrEventUpdate, { description: 'the timeline, oldest first' }),
    nextStatuses: Type.Array(DrStatus, {
      description:
        'the statuses the caller may name in an update (its own status = a message only); empty for partners and customers',
    }),
  }),
]);

export const DrEventPage = Type.Object({
  items: Type.Array(DrEvent),
  nextCursor: Nullable(Type.String()),
});

export const DeclareDrEventBody = Type.Object(
  {
    applicationId: Uuid,
    kind: DrEventKind,
    title: Type.Optional(Text(200)),
    description: Text(5000),
    declaredAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'defaults to now; not in the future' }),
    ),
  },
  { additionalProperties: false },
);

export const DrEventUpdateBody = Type.Object(
  {
    message: Text(5000),
    status: Type.Optional(DrStatus),
    recoveredAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'only with status restored: when the service came back (defaults to now; not before the declaration, not in the future)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DrEventQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Enum(['open', 'closed'] as const, {
        description: 'open: not closed or withdrawn yet (restored included); closed: closed or withdrawn',
      }),
    ),
    kind: Type.Optional(DrEventKind),
    customerId: Type.Optional(Uuid),
    applicationId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
