import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ProblemResponses } from '../../http/openapi.ts';
import { pageSchema } from '../../http/pagination.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import {
  CopRequest,
  CopRequestBody,
  CopRequestQuery,
  InstalledBody,
  ReasonBody,
  UploadBody,
} from './cop-requests.schemas.ts';
import {
  cancelCop,
  getCopRequest,
  listCopRequests,
  markInstalled,
  recordUpload,
  rejectCop,
  requestCop,
} from './cop-requests.service.ts';

const tags = ['cop-files'];

/** COP file service requests: request (partner) → upload to SFTP (provider) → installed (partner). */
export async function copRequestRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const one = { 200: CopRequest, ...ProblemResponses };

  app.get(
    '/cop-requests',
    {
      schema: {
        tags,
        summary: 'COP file service requests, newest first; status=open for requested and uploaded',
        querystring: CopRequestQuery,
        response: {
          200: pageSchema(CopRequest),
          ...ProblemResponses,
        },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listCopRequests(tx, scope, request.query)),
  );
  app.get(
    '/cop-requests/:id',
    { schema: { tags, summary: 'One COP file service request', params: IdParams, response: one } },
    (request) => inRequestScope(request, (tx, scope) => getCopRequest(tx, scope, request.params.id)),
  );
  app.post(
    '/cop-requests',
    {
      schema: {
        tags,
        summary: "Ask the provider to upload a COP file to a customer's instance (partner)",
        body: CopRequestBody,
        response: { 201: CopRequest, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inRequestScope(request, (tx, scope) => requestCop(tx, scope, request.body))),
  );
  app.post(
    '/cop-requests/:id/upload',
    {
      schema: {
        tags,
        summary: "Record the upload to the instance's SFTP server: file, path, checksum (provider)",
        params: IdParams,
        body: UploadBody,
        response: one,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => recordUpload(tx, scope, request.params.id, request.body)),
  );
  app.post(
    '/cop-requests/:id/installed',
    {
      schema: {
        tags,
        summary: 'Mark the uploaded COP file installed (partner)',
        params: IdParams,
        body: InstalledBody,
        response: one,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => markInstalled(tx, scope, request.params.id, request.body)),
  );
  app.post(
    '/cop-requests/:id/reject',
    {
      schema: {
        tags,
        summary: 'Turn a request down, with the reason (provider)',
        params: IdParams,
        body: ReasonBody,
        response: one,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => rejectCop(tx, scope, request.params.id, request.body)),
  );
  app.post(
    '/cop-requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Withdraw a request not yet installed',
        params: IdParams,
        body: ReasonBody,
        response: one,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => cancelCop(tx, scope, request.params.id, request.body)),
  );
}
