import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemResponses } from '../../http/openapi.ts';
import { pageSchema } from '../../http/pagination.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import {
  Backup,
  BackupPromise,
  BackupPurge,
  BackupQuery,
  PromiseQuery,
  PurgeQuery,
  RecordBackupsBody,
  RecordBackupsResult,
} from './backups.schemas.ts';
import { backupPromise, listBackups, listPurges, recordBackups } from './backups.service.ts';

const tags = ['backups'];
const policyOf = (request: FastifyRequest) => request.server.ctx.policy.policy;

/** Backups are the provider's alone: partners and customers get 403 on every route. */
export async function backupRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/backups',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Record nightly backups (one per application per night; up to 10,000 per call)',
        body: RecordBackupsBody,
        response: { 200: RecordBackupsResult, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => recordBackups(tx, scope, policyOf(request), request.body)),
  );
  app.get(
    '/backups',
    {
      schema: {
        tags,
        summary: 'Backups, newest first',
        querystring: BackupQuery,
        response: { 200: pageSchema(Backup), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listBackups(tx, scope, request.query)),
  );
  app.get(
    '/backups/purges',
    {
      schema: {
        tags,
        summary: 'What the retention job purged, newest first',
        querystring: PurgeQuery,
        response: { 200: pageSchema(BackupPurge), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listPurges(tx, scope, request.query)),
  );
  app.get(
    '/reports/backup-promise',
    {
      schema: {
        tags,
        summary: 'Per customer: do 3 good backups exist for every application, the newest under a day old?',
        querystring: PromiseQuery,
        response: { 200: BackupPromise, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => backupPromise(tx, scope, policyOf(request), request.query)),
  );
}
