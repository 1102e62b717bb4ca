import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { NoBody, ProblemResponses } from '../../http/openapi.ts';
import { cachedRead } from '../../http/read-cache.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { createContract, getContract, listContracts, updateContract } from './contracts.service.ts';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from './customers.service.ts';
import {
  Contract,
  ContractPage,
  ContractQuery,
  CreateContractBody,
  CreateCustomerBody,
  CreatePartnerBody,
  CreateUserBody,
  Customer,
  CustomerPage,
  CustomerQuery,
  IdParams,
  Partner,
  PartnerPage,
  PartnerQuery,
  UpdateContractBody,
  UpdateCustomerBody,
  UpdatePartnerBody,
  UpdateUserBody,
  User,
  UserPage,
  UserQuery,
} from './directory.schemas.ts';
import { createPartner, getPartner, listPartners, updatePartner } from './partners.service.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

export async function directoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  // Partners
  app.post(
    '/partners',
    {
      schema: {
        tags: ['directory'],
        summary: 'Create a partner',
        body: CreatePartnerBody,
        response: { 201: Partner, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inRequestScope(request, (tx, scope) => createPartner(tx, scope, request.body))),
  );
  app.get(
    '/partners',
    {
      schema: {
        tags: ['directory'],
        summary: 'List partners',
        querystring: PartnerQuery,
        response: { 200: PartnerPage, ...ProblemResponses },
      },
    },
    (request) =>
      cachedRead(request, () =>
        inRequestScope(request, (tx, scope) => listPartners(tx, scope, request.query)),
      ),
  );
  app.get(
    '/partners/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Get a partner',
        params: IdParams,
        response: { 200: Partner, ...ProblemResponses },
      },
    },
    (request) =>
      cachedRead(request, () =>
        inRequestScope(request, (tx, scope) => getPartner(tx, scope, request.params.id)),
      ),
  );
  app.patch(
    '/partners/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Rename a partner',
        params: IdParams,
        body: UpdatePartnerBody,
        response: { 200: Partner, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => updatePartner(tx, scope, request.params.id, request.body)),
  );
  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/partners/:id/${verb}`,
      {
        schema: {
          tags: ['directory'],
          summary: `${verb} a partner`,
          params: IdParams,
          body: NoBody,
          response: { 200: Partner, ...ProblemResponses },
        },
      },
      (request) =>
        inRequestScope(request, (tx, scope) => updatePartner(tx, scope, request.params.id, { active })),
    );
  }

  // Customers
  app.post(
    '/partners/:id/customers',
    {
      schema: {
        tags: ['directory'],
        summary: 'Create a customer of a partner',
        params: IdParams,
        body: CreateCustomerBody,
        response: { 201: Customer, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            createCustomer(tx, scope, request.params.id, request.body),
          ),
        ),
  );
  app.get(
    '/customers',
    {
      schema: {
        tags: ['directory'],
        summary: 'List customers',
        querystring: CustomerQuery,
        response: { 200: CustomerPage, ...ProblemResponses },
      },
    },
    (request) =>
      cachedRead(request, () =>
        inRequestScope(request, (tx, scope) => listCustomers(tx, scope, request.query)),
      ),
  );
  app.get(
    '/customers/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Get a customer',
        params: IdParams,
        response: { 200: Customer, ...ProblemResponses },
      },
    },
    (request) =>
      cachedRead(request, () =>
        inRequestScope(request, (tx, scope) => getCustomer(tx, scope, request.params.id)),
      ),
  );
  app.patch(
    '/customers/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Update a customer',
        params: IdParams,
        body: UpdateCustomerBody,
        response: { 200: Customer, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => updateCustomer(tx, scope, request.params.id, request.body)),
  );
  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/customers/:id/${verb}`,
      {
        schema: {
          tags: ['directory'],
          summary: `${verb} a customer`,
          params: IdParams,
          body: NoBody,
          response: { 200: Customer, ...ProblemResponses },
        },
      },
      (request) =>
        inRequestScope(request, (tx, scope) => updateCustomer(tx, scope, request.params.id, { active })),
    );
  }

  // Users
  app.post(
    '/users',
    {
      schema: {
        tags: ['directory'],
        summary: 'Create a user',
        body: CreateUserBody,
        response: { 201: User, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inRequestScope(request, (tx, scope) => createUser(tx, scope, request.body))),
  );
  app.get(
    '/users',
    {
      schema: {
        tags: ['directory'],
        summary: 'List users',
        querystring: UserQuery,
        response: { 200: UserPage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listUsers(tx, scope, request.query)),
  );
  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Get a user',
        params: IdParams,
        response: { 200: User, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getUser(tx, scope, request.params.id)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Update a user',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => updateUser(tx, scope, request.params.id, request.body)),
  );
  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/users/:id/${verb}`,
      {
        schema: {
          tags: ['directory'],
          summary: `${verb} a user`,
          params: IdParams,
          body: NoBody,
          response: { 200: User, ...ProblemResponses },
        },
      },
      (request) =>
        inRequestScope(request, (tx, scope) => updateUser(tx, scope, request.params.id, { active })),
    );
  }

  // Contracts
  app.post(
    '/contracts',
    {
      schema: {
        tags: ['directory'],
        summary: 'Create a contract',
        body: CreateContractBody,
        response: { 201: Contract, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inRequestScope(request, (tx, scope) => createContract(tx, scope, request.body))),
  );
  app.get(
    '/contracts',
    {
      schema: {
        tags: ['directory'],
        summary: 'List contracts',
        querystring: ContractQuery,
        response: { 200: ContractPage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listContracts(tx, scope, request.query)),
  );
  app.get(
    '/contracts/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Get a contract',
        params: IdParams,
        response: { 200: Contract, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getContract(tx, scope, request.params.id)),
  );
  app.patch(
    '/contracts/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Change contract dates',
        params: IdParams,
        body: UpdateContractBody,
        response: { 200: Contract, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => updateContract(tx, scope, request.params.id, request.body)),
  );
  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/contracts/:id/${verb}`,
      {
        schema: {
          tags: ['directory'],
          summary: `${verb} a contract`,
          params: IdParams,
          body: NoBody,
          response: { 200: Contract, ...ProblemResponses },
        },
      },
      (request) =>
        inRequestScope(request, (tx, scope) => updateContract(tx, scope, request.params.id, { active })),
    );
  }
}
