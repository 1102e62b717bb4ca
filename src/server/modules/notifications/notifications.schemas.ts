import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';
import { LocaleSchema, TimeZoneSchema } from '../directory/directory.schemas.ts';

export const CategorySchema = Type.Union(
  [
    Type.Literal('maintenance_outages'),
    Type.Literal('incidents'),
    Type.Literal('certificates'),
    Type.Literal('upgrades'),
    Type.Literal('releases'),
    Type.Literal('capacity'),
  ],
  { description: 'maintenance_outages, incidents (S1/S2), certificates, upgrades, releases, capacity' },
);
export const ChannelSchema = Type.Union(
  [
    Type.Literal('email'),
    Type.Literal('webhook'),
    Type.Literal('webex'),
    Type.Literal('slack'),
    Type.Literal('teams'),
  ],
  {
    description:
      'email; webhook (generic JSON signed with HMAC-SHA256); webex, slack, teams incoming webhooks',
  },
);
const DeliveryStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sending'),
  Type.Literal('delivered'),
  Type.Literal('dead'),
  Type.Literal('cancelled'),
]);
/** Filter by owner: a partner id, or "provider" for the provider's own. */
const OwnerFilter = Type.Optional(
  Type.Union([Uuid, Type.Literal('provider')], { description: 'a partner id, or "provider"' }),
);

export const Subscription = Type.Object({
  id: Uuid,
  partnerId: Nullable(Uuid),
  name: Type.String(),
  categories: Type.Array(CategorySchema),
  channel: ChannelSchema,
  target: Type.String(),
  locale: LocaleSchema,
  timeZone: Type.String(),
  paused: Type.Boolean(),
  signed: Type.Boolean({ description: 'generic webhooks carry an HMAC-SHA256 signature' }),
  consecutiveFailures: Type.Integer(),
  lastSuccessAt: Nullable(Instant),
  lastFailureAt: Nullable(Instant),
  lastError: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
});
export const CreatedSubscription = Type.Intersect([
  Subscription,
  Type.Object({
    secret: Type.Optional(
      Type.String({ description: 'generic webhooks only: the signing secret, shown this once' }),
    ),
  }),
]);
const Categories = Type.Array(CategorySchema, { minItems: 1, maxItems: 5 });
export const CreateSubscriptionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    partnerId: Type.Optional(Nullable(Uuid)),
    categories: Categories,
    channel: ChannelSchema,
    target: Type.String({ minLength: 3, maxLength: 2000, description: 'an e-mail address or an https URL' }),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(TimeZoneSchema),
  },
  { additionalProperties: false },
);
export const UpdateSubscriptionBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    categories: Type.Optional(Categories),
    target: Type.Optional(Type.String({ minLength: 3, maxLength: 2000 })),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(TimeZoneSchema),
    paused: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const SubscriptionQuery = Type.Object(
  {
    partnerId: OwnerFilter,
    category: Type.Optional(CategorySchema),
    channel: Type.Optional(ChannelSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const SubscriptionPage = pageSchema(Subscription);
export const Secret = Type.Object({ secret: Type.String() });
export const TestSent = Type.Object({ eventId: Uuid });

export const ContactHealth = Type.Object({
  partnerId: Nullable(Uuid),
  missingCategories: Type.Array(CategorySchema),
  failingSubscriptions: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      consecutiveFailures: Type.Integer(),
      lastError: Nullable(Type.String()),
      lastFailureAt: Nullable(Instant),
    }),
  ),
});
export const ContactHealthQuery = Type.Object({ partnerId: OwnerFilter }, { additionalProperties: false });

export const Delivery = Type.Object({
  id: Type.String({ format: 'uuid', description: 'the message id (Message-ID / Idempotency-Key)' }),
  eventId: Uuid,
  kind: Type.String(),
  category: Type.String(),
  partnerId: Nullable(Uuid),
  subscriptionId: Nullable(Uuid),
  subscriptionName: Nullable(Type.String()),
  channel: ChannelSchema,
  target: Type.String(),
  locale: LocaleSchema,
  timeZone: Type.String(),
  status: DeliveryStatusSchema,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  nextAttemptAt: Nullable(Instant),
  lastError: Nullable(Type.String()),
  lastStatusCode: Nullable(Type.Integer()),
  deliveredAt: Nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export const Attempt = Type.Object({
  number: Type.Integer(),
  startedAt: Instant,
  finishedAt: Nullable(Instant),
  result: Type.Union([
    Type.Literal('sending'),
    Type.Literal('delivered'),
    Type.Literal('failed'),
    Type.Literal('refused'),
    Type.Literal('interrupted'),
  ]),
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  responseExcerpt: Nullable(Type.String()),
});
export const DeliveryDetail = Type.Intersect([Delivery, Type.Object({ attemptLog: Type.Array(Attempt) })]);
export const DeliveryPage = pageSchema(Delivery);
export const DeliveryQuery = Type.Object(
  {
    status: Type.Optional(DeliveryStatusSchema),
    channel: Type.Optional(ChannelSchema),
    subscriptionId: Type.Optional(Uuid),
    eventId: Type.Optional(Uuid),
    partnerId: OwnerFilter,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const MailSummary = Type.Object({
  id: Uuid,
  deliveryId: Uuid,
  partnerId: Nullable(Uuid),
  messageId: Type.String(),
  recipient: Type.String(),
  subject: Type.String(),
  receivedAt: Instant,
});
export const Mail = Type.Intersect([MailSummary, Type.Object({ text: Type.String(), html: Type.String() })]);
export const MailPage = pageSchema(MailSummary);
export const MailQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
