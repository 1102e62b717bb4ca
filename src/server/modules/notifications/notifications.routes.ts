import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NoBody, ProblemResponses } from '../../http/openapi.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import { getDelivery, getMail, listDeliveries, listMailbox, retryDelivery } from './deliveries.service.ts';
import {
  ContactHealth,
  ContactHealthQuery,
  CreatedSubscription,
  CreateSubscriptionBody,
  DeliveryDetail,
  DeliveryPage,
  DeliveryQuery,
  Mail,
  MailPage,
  MailQuery,
  Secret,
  Subscription,
  SubscriptionPage,
  SubscriptionQuery,
  TestSent,
  UpdateSubscriptionBody,
} from './notifications.schemas.ts';
import {
  contactHealth,
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  rotateSecret,
  sendTestMessage,
  updateSubscription,
} from './subscriptions.service.ts';

const tags = ['notifications'];

export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = fastify.ctx.config;

  app.get(
    '/subscriptions',
    {
      schema: {
        tags,
        summary: 'List notification subscriptions',
        querystring: SubscriptionQuery,
        response: { 200: SubscriptionPage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listSubscriptions(tx, scope, request.query)),
  );
  app.post(
    '/subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscribe an address to categories (a webhook secret is answered once)',
        body: CreateSubscriptionBody,
        response: { 201: CreatedSubscription, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) => createSubscription(tx, scope, config, request.body)),
        ),
  );
  app.get(
    '/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Get a subscription',
        params: IdParams,
        response: { 200: Subscription, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getSubscription(tx, scope, request.params.id)),
  );
  app.patch(
    '/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Update a subscription',
        params: IdParams,
        body: UpdateSubscriptionBody,
        response: { 200: Subscription, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        updateSubscription(tx, scope, config, request.params.id, request.body),
      ),
  );
  for (const [verb, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/subscriptions/:id/${verb}`,
      {
        schema: {
          tags,
          summary: `${verb} a subscription`,
          params: IdParams,
          body: NoBody,
          response: { 200: Subscription, ...ProblemResponses },
        },
      },
      (request) =>
        inRequestScope(request, (tx, scope) =>
          updateSubscription(tx, scope, config, request.params.id, { paused }),
        ),
    );
  }
  app.post(
    '/subscriptions/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace a generic webhook secret (the new one is answered once)',
        params: IdParams,
        body: NoBody,
        response: { 200: Secret, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => rotateSecret(tx, scope, config, request.params.id)),
  );
  app.post(
    '/subscriptions/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a test message to this subscription (even when paused)',
        params: IdParams,
        body: NoBody,
        response: { 202: TestSent, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await inRequestScope(request, (tx, scope) => sendTestMessage(tx, scope, request.params.id))),
  );
  app.delete(
    '/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a subscription (its queued messages are cancelled)',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await inRequestScope(request, (tx, scope) => deleteSubscription(tx, scope, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/notifications/contact-health',
    {
      schema: {
        tags,
        summary: 'Categories nobody receives and channels that keep failing',
        querystring: ContactHealthQuery,
        response: { 200: ContactHealth, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => contactHealth(tx, scope, request.query.partnerId)),
  );

  app.get(
    '/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log, newest first',
        querystring: DeliveryQuery,
        response: { 200: DeliveryPage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listDeliveries(tx, scope, request.query)),
  );
  app.get(
    '/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'A delivery with every attempt',
        params: IdParams,
        response: { 200: DeliveryDetail, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getDelivery(tx, scope, request.params.id)),
  );
  app.post(
    '/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Give a dead delivery another round of attempts',
        params: IdParams,
        body: NoBody,
        response: { 200: DeliveryDetail, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        retryDelivery(tx, scope, request.params.id, config.outbox.maxAttempts),
      ),
  );

  app.get(
    '/mailbox',
    {
      schema: {
        tags,
        summary: 'E-mail kept by the built-in mailbox (installs without SMTP_URL)',
        querystring: MailQuery,
        response: { 200: MailPage, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listMailbox(tx, scope, request.query)),
  );
  app.get(
    '/mailbox/:id',
    {
      schema: {
        tags,
        summary: 'One kept e-mail, text and HTML',
        params: IdParams,
        response: { 200: Mail, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => getMail(tx, scope, request.params.id)),
  );
}
