import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { NoBody, ProblemResponses } from '../../http/openapi.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import {
  cancelNetworkActivity,
  declareNetworkActivity,
  getNetworkActivity,
  listNetworkActivities,
} from './network-activities.service.ts';
import {
  DeclareNetworkActivityBody,
  DeclareOutageBody,
  NetworkActivity,
  NetworkActivityPage,
  NetworkActivityQuery,
  OutageDetail,
  OutagePage,
  OutageQuery,
  OutageUpdate,
  OutageUpdateBody,
  ResolveOutageBody,
} from './outages.schemas.ts';
import { declareOutage, getOutage, listOutages, postOutageUpdate, resolveOutage } from './outages.service.ts';

const tags = ['outages'];

export async function outageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/outages',
    {
      schema: {
        tags,
        summary: 'Declare an outage (provider); notifies the affected partners',
        body: DeclareOutageBody,
        response: { 201: OutageDetail, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inRequestScope(request, (tx, scope) => declareOutage(tx, scope, request.body))),
  );
  app.get(
    '/outages',
    {
      schema: {
        tags,
        summary: 'Outages affecting the caller, newest first',
        querystring: OutageQuery,
        response: { 200: OutagePage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listOutages(tx, scope, request.query)),
  );
  app.get(
    '/outages/:id',
    {
      schema: {
        tags,
        summary: 'An outage with its timeline',
        params: IdParams,
        response: { 200: OutageDetail, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getOutage(tx, scope, request.params.id)),
  );
  app.post(
    '/outages/:id/updates',
    {
      schema: {
        tags,
        summary: 'Post an update (provider); notifies the affected partners',
        params: IdParams,
        body: OutageUpdateBody,
        response: { 201: OutageUpdate, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            postOutageUpdate(tx, scope, request.params.id, request.body),
          ),
        ),
  );
  app.post(
    '/outages/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an outage (provider); notifies the affected partners',
        params: IdParams,
        body: ResolveOutageBody,
        response: { 200: OutageDetail, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => resolveOutage(tx, scope, request.params.id, request.body)),
  );

  app.post(
    '/network-activities',
    {
      schema: {
        tags,
        summary: 'Announce planned activity in the partner’s own network (notifies the provider)',
        body: DeclareNetworkActivityBody,
        response: { 201: NetworkActivity, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inRequestScope(request, (tx, scope) => declareNetworkActivity(tx, scope, request.body))),
  );
  app.get(
    '/network-activities',
    {
      schema: {
        tags,
        summary: 'Planned partner network activity overlapping [from, to)',
        querystring: NetworkActivityQuery,
        response: { 200: NetworkActivityPage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listNetworkActivities(tx, scope, request.query)),
  );
  app.get(
    '/network-activities/:id',
    {
      schema: {
        tags,
        summary: 'One network activity',
        params: IdParams,
        response: { 200: NetworkActivity, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getNetworkActivity(tx, scope, request.params.id)),
  );
  app.post(
    '/network-activities/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a planned network activity (notifies the provider)',
        params: IdParams,
        body: NoBody,
        response: { 200: NetworkActivity, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => cancelNetworkActivity(tx, scope, request.params.id)),
  );
}
