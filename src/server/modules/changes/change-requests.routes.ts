import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ProblemResponses } from '../../http/openapi.ts';
import { pageSchema } from '../../http/pagination.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import {
  commentOnChangeRequest,
  decideChangeRequest,
  getChangeRequest,
  listChangeRequests,
  scheduleChangeRequest,
  submitChangeRequest,
} from './change-requests.service.ts';
import {
  ChangeRequest,
  ChangeRequestBody,
  ChangeRequestDetail,
  ChangeRequestQuery,
  CommentBody,
  NoteBody,
  ScheduleRequestBody,
} from './changes.schemas.ts';

const tags = ['change-requests'];

/** Partner-requested changes and their joint review. */
export async function changeRequestRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const detail = { 200: ChangeRequestDetail, ...ProblemResponses };

  app.get(
    '/change-requests',
    {
      schema: {
        tags,
        summary: 'Partner change requests, newest first',
        querystring: ChangeRequestQuery,
        response: { 200: pageSchema(ChangeRequest), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listChangeRequests(tx, scope, request.query)),
  );
  app.get(
    '/change-requests/:id',
    { schema: { tags, summary: 'One change request with its notes', params: IdParams, response: detail } },
    (request) => inRequestScope(request, (tx, scope) => getChangeRequest(tx, scope, request.params.id)),
  );
  app.post(
    '/change-requests',
    {
      schema: {
        tags,
        summary: 'Ask for a change that needs a joint review (partner)',
        body: ChangeRequestBody,
        response: { 201: ChangeRequestDetail, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inRequestScope(request, (tx, scope) => submitChangeRequest(tx, scope, request.body))),
  );
  app.post(
    '/change-requests/:id/notes',
    {
      schema: {
        tags,
        summary: 'Comment in the joint review (either side)',
        params: IdParams,
        body: CommentBody,
        response: detail,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        commentOnChangeRequest(tx, scope, request.params.id, request.body),
      ),
  );
  for (const [step, summary] of [
    ['review', 'Take a submitted request into review (provider)'],
    ['approve', 'Approve a request in review, with a note (provider)'],
    ['reject', 'Reject a request in review, with a note (provider)'],
  ] as const)
    app.post(
      `/change-requests/:id/${step}`,
      { schema: { tags, summary, params: IdParams, body: NoteBody, response: detail } },
      (request) =>
        inRequestScope(request, (tx, scope) =>
          decideChangeRequest(tx, scope, request.params.id, step, request.body ?? {}),
        ),
    );
  app.post(
    '/change-requests/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Schedule an approved request as a change under every scheduling rule (provider)',
        params: IdParams,
        body: ScheduleRequestBody,
        response: detail,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        scheduleChangeRequest(tx, scope, fastify.ctx.policy.policy, request.params.id, request.body),
      ),
  );
}
