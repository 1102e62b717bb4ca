import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ProblemResponses } from '../../http/openapi.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import {
  DeclareDrEventBody,
  DrEventDetail,
  DrEventPage,
  DrEventQuery,
  DrEventUpdateBody,
} from './disaster-recovery.schemas.ts';
import { declareDrEvent, getDrEvent, listDrEvents, postDrEventUpdate } from './disaster-recovery.service.ts';

const tags = ['disaster recovery'];

export async function disasterRecoveryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/dr-events',
    {
      schema: {
        tags,
        summary:
          'Declare a disaster-recovery event on an application (provider); an application failure targets a new publisher within 1 business day in the region calendar; notifies the partner',
        body: DeclareDrEventBody,
        response: { 201: DrEventDetail, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            declareDrEvent(tx, scope, request.server.ctx.policy.policy, request.body),
          ),
        ),
  );
  app.get(
    '/dr-events',
    {
      schema: {
        tags,
        summary:
          'Disaster-recovery events the caller may see: open ones first, then newest declaration first',
        querystring: DrEventQuery,
        response: { 200: DrEventPage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listDrEvents(tx, scope, request.query)),
  );
  app.get(
    '/dr-events/:id',
    {
      schema: {
        tags,
        summary: 'A disaster-recovery event with its timeline and the explanation of its target',
        params: IdParams,
        response: { 200: DrEventDetail, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getDrEvent(tx, scope, request.params.id)),
  );
  app.post(
    '/dr-events/:id/updates',
    {
      schema: {
        tags,
        summary:
          'Post an update to the partner (provider), optionally moving the status; restored records the time to recover',
        params: IdParams,
        body: DrEventUpdateBody,
        response: { 201: DrEventDetail, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            postDrEventUpdate(tx, scope, request.params.id, request.body),
          ),
        ),
  );
}
