import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemResponses } from '../../http/openapi.ts';
import { pageSchema } from '../../http/pagination.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import {
  ActivationBody,
  CancelBody,
  Capacity,
  CapacityQuery,
  CustomerIdParams,
  Expansion,
  ExpansionBody,
  ExpansionQuery,
  PlanBody,
  ProvisionedBody,
} from './capacity.schemas.ts';
import { activateCapacity, getCapacity, listCapacity, setProvisioned } from './capacity.service.ts';
import {
  cancelExpansion,
  completeExpansion,
  listExpansions,
  planExpansion,
  requestExpansion,
} from './capacity-expansions.service.ts';

const tags = ['capacity'];
const policyOf = (request: FastifyRequest) => request.server.ctx.policy.policy;

export async function capacityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/capacity',
    {
      schema: {
        tags,
        summary: 'Capacity use per activated customer (knowledge workers, workspace devices)',
        querystring: CapacityQuery,
        response: { 200: pageSchema(Capacity), ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => listCapacity(tx, scope, policyOf(request), request.query)),
  );
  app.get(
    '/capacity/:customerId',
    {
      schema: {
        tags,
        summary: "A customer's entitlements and provisioned counts",
        params: CustomerIdParams,
        response: { 200: Capacity, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        getCapacity(tx, scope, policyOf(request), request.params.customerId),
      ),
  );
  app.put(
    '/capacity/:customerId/activation',
    {
      schema: {
        tags,
        summary: 'Record the entitlements given at activation (once; later growth is an expansion)',
        params: CustomerIdParams,
        body: ActivationBody,
        response: { 201: Capacity, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            activateCapacity(tx, scope, policyOf(request), request.params.customerId, request.body),
          ),
        ),
  );
  app.put(
    '/capacity/:customerId/provisioned',
    {
      schema: {
        tags,
        summary: 'Report provisioned counts; beyond the entitlement answers 409',
        params: CustomerIdParams,
        body: ProvisionedBody,
        response: { 200: Capacity, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        setProvisioned(tx, scope, policyOf(request), request.params.customerId, request.body),
      ),
  );

  app.get(
    '/capacity-expansions',
    {
      schema: {
        tags,
        summary: 'Capacity expansions, newest first',
        querystring: ExpansionQuery,
        response: { 200: pageSchema(Expansion), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listExpansions(tx, scope, request.query)),
  );
  app.post(
    '/capacity-expansions',
    {
      schema: {
        tags,
        summary: "Ask for more capacity, citing the customer's TAC case for the expansion plan",
        body: ExpansionBody,
        response: { 201: Expansion, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            requestExpansion(tx, scope, policyOf(request), request.body),
          ),
        ),
  );
  app.post(
    '/capacity-expansions/:id/plan',
    {
      schema: {
        tags,
        summary: 'Plan (or re-plan) an expansion (provider)',
        params: IdParams,
        body: PlanBody,
        response: { 200: Expansion, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => planExpansion(tx, scope, request.params.id, request.body)),
  );
  app.post(
    '/capacity-expansions/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete a planned expansion: the entitlement grows (provider)',
        params: IdParams,
        response: { 200: Expansion, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => completeExpansion(tx, scope, request.params.id)),
  );
  app.post(
    '/capacity-expansions/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Withdraw an expansion that is not completed',
        params: IdParams,
        body: CancelBody,
        response: { 200: Expansion, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => cancelExpansion(tx, scope, request.params.id, request.body)),
  );
}
