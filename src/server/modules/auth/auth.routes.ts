import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { AppError } from '../../http/errors.ts';
import { ProblemResponses } from '../../http/openapi.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams, User } from '../directory/directory.schemas.ts';
import {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  LoginResponse,
  MeResponse,
  UpdateMeBody,
} from './auth.schemas.ts';
import {
  changePassword,
  createApiToken,
  getMe,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
  updateMe,
} from './auth.service.ts';

const INVALID_CREDENTIALS = 'The e-mail or password is not correct.';

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = fastify.ctx;

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        description: 'Answers a bearer token and sets an http-only SameSite session cookie for browsers.',
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await login(fastify.ctx.db, config, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      if (outcome.kind === 'limited') {
        throw new AppError(429, 'too_many_attempts', 'Too many failed sign-ins. Try again later.', {
          headers: { 'retry-after': String(outcome.retryAfterSeconds) },
        });
      }
      if (outcome.kind === 'invalid') throw new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
      reply.setCookie(SESSION_COOKIE, outcome.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        expires: outcome.expiresAt,
      });
      return {
        token: outcome.token,
        csrfToken: outcome.csrfToken,
        expiresAt: outcome.expiresAt.toISOString(),
        user: outcome.user,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends this session)',
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await inRequestScope(request, (tx, scope) => logout(tx, scope, request.auth?.sessionId ?? null));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: MeResponse, ...ProblemResponses },
      },
    },
    async (request) => ({
      user: await inRequestScope(request, (tx, scope) => getMe(tx, scope)),
      csrfToken: request.auth?.csrfToken ?? null,
    }),
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Update your profile (name, language, time zone)',
        body: UpdateMeBody,
        response: { 200: User, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => updateMe(tx, scope, request.body)),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your password (ends your other sessions)',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await inRequestScope(request, (tx, scope) =>
        changePassword(tx, scope, request.auth?.sessionId ?? null, request.body),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Your personal API tokens',
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listApiTokens(tx, scope)),
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token (shown once)',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      if (request.auth?.method === 'api_token') {
        throw new AppError(403, 'forbidden', 'An API token cannot create other API tokens.');
      }
      return reply
        .code(201)
        .send(await inRequestScope(request, (tx, scope) => createApiToken(tx, scope, request.body)));
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke a personal API token',
        params: IdParams,
        response: { 200: ApiToken, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => revokeApiToken(tx, scope, request.params.id)),
  );
}
