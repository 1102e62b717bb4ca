import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NoBody, ProblemResponses } from '../../http/openapi.ts';
import { pageSchema } from '../../http/pagination.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import {
  CalendarFeed,
  CalendarFeedBody,
  CalendarFeedQuery,
  CreatedCalendarFeed,
  FeedParams,
} from './calendar-feeds.schemas.ts';
import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from './calendar-feeds.service.ts';
import { readCalendarFeed } from './feed-ics.service.ts';

const tags = ['calendar-feeds'];
const FEED_CACHE_CONTROL = 'private, max-age=300';

const sameEtag = (header: string | undefined, etag: string) =>
  header?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag) ?? false;

/** Private iCalendar feeds of changes and maintenance windows (SPEC §5). */
export async function calendarFeedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/calendar-feeds',
    {
      schema: {
        tags,
        summary:
          "Calendar feeds, newest first: a partner's own, a customer viewer's customer's, all for the provider",
        querystring: CalendarFeedQuery,
        response: { 200: pageSchema(CalendarFeed), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listCalendarFeeds(tx, scope, request.query)),
  );
  app.post(
    '/calendar-feeds',
    {
      schema: {
        tags,
        summary: "Create a private iCalendar feed of a partner's (or one customer's) changes and windows",
        description:
          'Answers the secret URL once; only its hash is kept. Partners get feeds of their own partner, customer viewers of their own customer only (a partner-wide feed answers 403); the provider names partnerId or customerId.',
        body: CalendarFeedBody,
        response: { 201: CreatedCalendarFeed, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            createCalendarFeed(tx, scope, request.body, fastify.ctx.config.publicUrl),
          ),
        ),
  );
  app.post(
    '/calendar-feeds/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a feed: its URL answers 404 from now on',
        params: IdParams,
        body: NoBody,
        response: { 200: CalendarFeed, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => revokeCalendarFeed(tx, scope, request.params.id)),
  );

  app.get(
    '/feeds/:token.ics',
    {
      config: { public: true },
      // The URL is the credential: keep it out of the info-level request log lines.
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'A calendar feed (text/calendar), read with its secret URL and no sign-in',
        description:
          "RFC 5545: one event per change of the last 90 days and the future (SEQUENCE raised by every reschedule, STATUS:CANCELLED once cancelled), and each region's weekday and weekend maintenance windows as weekly events in local time. Unknown and revoked tokens answer 404 alike. Cacheable for 5 minutes; send If-None-Match with the ETag.",
        security: [],
        params: FeedParams,
        response: {
          200: {
            description: 'the VCALENDAR',
            content: { 'text/calendar': { schema: Type.String() } },
          },
          304: { description: 'unchanged since the ETag sent in If-None-Match', type: 'null' },
          404: ProblemResponses[404],
        },
      },
      onSend: async (_request, reply, payload) => {
        // After the app-wide no-store for /api/v1: a feed may be kept for five minutes.
        if (reply.statusCode === 200 || reply.statusCode === 304)
          reply.header('cache-control', FEED_CACHE_CONTROL);
        return payload;
      },
    },
    async (request, reply) => {
      const { db, policy, config } = fastify.ctx;
      const feed = await readCalendarFeed(db, policy.policy, config.publicUrl, request.params.token, {
        now: Date.now(),
        requestId: request.id,
      });
      reply.header('etag', feed.etag);
      if (sameEtag(request.headers['if-none-match'], feed.etag)) return reply.code(304).send(null);
      return reply.type('text/calendar; charset=utf-8').send(feed.body);
    },
  );
}
