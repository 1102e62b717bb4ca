import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';

export const CalendarFeed = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  partnerName: Type.String(),
  customerId: Nullable(Uuid),
  customerName: Nullable(Type.String()),
  label: Type.String(),
  createdBy: Type.String(),
  createdAt: Instant,
  revokedAt: Nullable(Instant),
  lastUsedAt: Nullable(Instant),
});
export const CreatedCalendarFeed = Type.Intersect([
  CalendarFeed,
  Type.Object({
    url: Type.String({
      description: 'the secret feed URL, shown this once: whoever has it can read the feed',
    }),
  }),
]);
export const CalendarFeedQuery = Type.Object(
  {
    partnerId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(['active', 'revoked'] as const)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const CalendarFeedBody = Type.Object(
  {
    label: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'what the feed is for, e.g. "NOC Outlook"',
    }),
    customerId: Type.Optional(
      Type.Union([Uuid, Type.Null()], {
        description:
          "one customer's changes; omit (or null) for the whole partner. A customer viewer's feed is always its own customer's: omitting it means that, null answers 403",
      }),
    ),
    partnerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const FeedParams = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200, description: 'the secret token of the feed URL' }),
});
