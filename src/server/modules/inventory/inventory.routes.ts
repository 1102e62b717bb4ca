import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ReleaseTrain } from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { sendCsv } from '../../http/downloads.ts';
import { ProblemResponses } from '../../http/openapi.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import {
  createApplication,
  deleteApplication,
  getApplication,
  listApplications,
  updateApplication,
} from './applications.service.ts';
import { exportApplications, importApplications } from './applications-import.service.ts';
import { addCertificate, listCertificates, recordRenewal } from './certificates.service.ts';
import { complianceReport } from './compliance.service.ts';
import {
  AddCertificateBody,
  Application,
  ApplicationQuery,
  Campaign,
  Certificate,
  CertificateQuery,
  ComplianceQuery,
  ComplianceReport,
  CreateApplicationBody,
  ExportQuery,
  ImportResult,
  PublishReleaseBody,
  PublishResult,
  ReleaseHistory,
  RenewalBody,
  UpdateApplicationBody,
} from './inventory.schemas.ts';
import { activeTrain } from './release-train.ts';
import { getCampaign, publishRelease, releaseHistory } from './releases.service.ts';

const tags = ['inventory'];
const policyTrain = (request: FastifyRequest) => request.server.ctx.policy.policy.versions;

/** The request's transaction with the release train in force, which every tier is measured by. */
function withTrain<T>(
  request: FastifyRequest,
  work: (tx: Tx, scope: Scope, train: ReleaseTrain) => Promise<T>,
): Promise<T> {
  return inRequestScope(request, async (tx, scope) =>
    work(tx, scope, (await activeTrain(tx, policyTrain(request))).train),
  );
}

export async function inventoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/applications',
    {
      schema: {
        tags,
        summary: 'List applications (instances) with their version compliance',
        querystring: ApplicationQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Application),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...ProblemResponses,
        },
      },
    },
    (request) => withTrain(request, (tx, scope, train) => listApplications(tx, scope, train, request.query)),
  );
  app.get(
    '/applications/export.csv',
    {
      schema: {
        tags,
        summary: 'Export applications as the instance CSV (the import format)',
        querystring: ExportQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const csv = await inRequestScope(request, (tx, scope) => exportApplications(tx, scope, request.query));
      return sendCsv(reply, 'applications.csv', csv);
    },
  );
  app.get(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: 'Get an application',
        params: IdParams,
        response: { 200: Application, ...ProblemResponses },
      },
    },
    (request) =>
      withTrain(request, (tx, scope, train) => getApplication(tx, scope, train, request.params.id)),
  );
  app.post(
    '/applications',
    {
      schema: {
        tags,
        summary: 'Add an application to a customer’s instance (new deployments only on n)',
        body: CreateApplicationBody,
        response: { 201: Application, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await withTrain(request, (tx, scope, train) => createApplication(tx, scope, train, request.body)),
        ),
  );
  app.patch(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: 'Update an application (version after an upgrade, nodes, data centres, SSO)',
        params: IdParams,
        body: UpdateApplicationBody,
        response: { 200: Application, ...ProblemResponses },
      },
    },
    (request) =>
      withTrain(request, (tx, scope, train) =>
        updateApplication(tx, scope, train, request.params.id, request.body),
      ),
  );
  app.delete(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: 'Remove a decommissioned application',
        params: IdParams,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await withTrain(request, (tx, scope, train) => deleteApplication(tx, scope, train, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/releases',
    {
      schema: {
        tags,
        summary: 'The release train in force and the trains before it',
        response: { 200: ReleaseHistory, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx) => releaseHistory(tx, policyTrain(request))),
  );
  app.post(
    '/releases',
    {
      schema: {
        tags,
        summary: 'Publish a release: shift the train, re-classify, notify, list the upgrade campaign',
        body: PublishReleaseBody,
        response: { 201: PublishResult, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            publishRelease(tx, scope, policyTrain(request), request.body),
          ),
        ),
  );
  app.get(
    '/upgrade-campaigns/:id',
    {
      schema: {
        tags,
        summary: 'The customers a publication left out of compliance (in the caller’s scope)',
        params: IdParams,
        response: { 200: Campaign, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getCampaign(tx, scope, request.params.id)),
  );
  app.get(
    '/reports/version-compliance',
    {
      schema: {
        tags,
        summary: 'Version compliance per partner, and per customer for one partner',
        querystring: ComplianceQuery,
        response: { 200: ComplianceReport, ...ProblemResponses },
      },
    },
    (request) => withTrain(request, (tx, scope, train) => complianceReport(tx, scope, train, request.query)),
  );

  const policyOf = (request: FastifyRequest) => request.server.ctx.policy.policy;
  app.get(
    '/certificates',
    {
      schema: {
        tags,
        summary: 'Certificates by soonest expiry; status=attention lists expired, overdue, due and soon',
        querystring: CertificateQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Certificate),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...ProblemResponses,
        },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => listCertificates(tx, scope, policyOf(request), request.query)),
  );
  app.post(
    '/certificates',
    {
      schema: {
        tags,
        summary: 'Record a certificate of an application',
        body: AddCertificateBody,
        response: { 201: Certificate, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            addCertificate(tx, scope, policyOf(request), request.body),
          ),
        ),
  );
  app.post(
    '/certificates/:id/renewal',
    {
      schema: {
        tags,
        summary: 'Record a renewal: the new expiry (clears the proposal)',
        params: IdParams,
        body: RenewalBody,
        response: { 200: Certificate, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        recordRenewal(tx, scope, policyOf(request), request.params.id, request.body),
      ),
  );

  await fastify.register(instanceImport);
}

/** The import takes the CSV file itself as the body (text/csv), up to 10 MB. */
async function instanceImport(fastify: FastifyInstance): Promise<void> {
  const limit = 10 * 1024 * 1024;
  fastify.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: limit },
    (_r, body, done) => done(null, body),
  );
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/applications/import',
    {
      bodyLimit: limit,
      schema: {
        tags,
        summary: 'Import the instance CSV (Content-Type: text/csv); a bad row rejects the whole file',
        response: { 200: ImportResult, ...ProblemResponses },
      },
    },
    (request) =>
      withTrain(request, (tx, scope, train) =>
        importApplications(tx, scope, train, typeof request.body === 'string' ? request.body : ''),
      ),
  );
}
