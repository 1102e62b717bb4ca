import cookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { DbHandle } from './db/database.ts';
import { registerAuthentication } from './http/authenticate.ts';
import './http/context.ts';
import { AppError, type FieldError, problem } from './http/errors.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerOpenApi } from './http/openapi.ts';
import { ReadCache, registerReadCache } from './http/read-cache.ts';
import { requestIdFor } from './http/request-id.ts';
import { isSpaPath, registerWebApp } from './http/static-web.ts';
import { toFieldErrors, validatorCompiler } from './http/validation.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarFeedRoutes } from './modules/calendar/calendar-feeds.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { changeRequestRoutes } from './modules/changes/change-requests.routes.ts';
import { changeRoutes } from './modules/changes/changes.routes.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { disasterRecoveryRoutes } from './modules/disaster-recovery/disaster-recovery.routes.ts';
import { backupRoutes } from './modules/inventory/backups.routes.ts';
import { capacityRoutes } from './modules/inventory/capacity.routes.ts';
import { copRequestRoutes } from './modules/inventory/cop-requests.routes.ts';
import { inventoryRoutes } from './modules/inventory/inventory.routes.ts';
import { responsibilityRoutes } from './modules/inventory/responsibilities.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { outageRoutes } from './modules/outages/outages.routes.ts';
import { type LoadedPolicy, loadPolicy } from './modules/policy/load-policy.ts';
import { policyRoutes } from './modules/policy/policy.routes.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface BuildOptions {
  config: Config;
  database: DbHandle;
  /** The validated policy; loaded from config.policyFile (or the default) when not given. */
  policy?: LoadedPolicy;
  /** pino logger options, or false to silence (tests). */
  logger?: boolean | object;
}

interface Mapped {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

const FASTIFY_ERRORS: Record<string, Omit<Mapped, 'errors' | 'headers'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    detail: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'empty_body',
    detail: 'The body is empty but Content-Type says JSON: send a JSON object or no Content-Type.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body_too_large',
    detail:
      'The body is larger than this endpoint accepts (1 MB for JSON; attachments have their own limit).',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_content_length',
    detail: 'Content-Length does not match the body.',
  },
};

function mapError(error: FastifyError | AppError | Error): Mapped | null {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...(error.headers ? { headers: error.headers } : {}),
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'body';
    const { errors, unknown } = toFieldErrors(fastifyError.validation as never, part);
    const isBodyRule = part === 'body' && !unknown;
    return {
      status: isBodyRule ? 422 : 400,
      code: unknown ? 'unknown_field' : isBodyRule ? 'validation_failed' : 'invalid_parameters',
      detail: errors.map((e) => e.message).join('; ') || 'The request is not valid.',
      errors,
    };
  }
  const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return { ...known };
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return { status: 400, code: 'malformed_json', detail: 'The body is not valid JSON.' };
  }
  const pgCode = (error as { code?: string }).code;
  if (pgCode === '40001' || pgCode === '40P01') {
    return {
      status: 503,
      code: 'retry',
      detail: 'The request collided with another; retry it.',
      headers: { 'retry-after': '1' },
    };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, code: 'bad_request', detail: fastifyError.message };
  }
  return null;
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-csrf-token"]',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    genReqId: requestIdFor,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only: anything else is 415 rather than a string that fails validation.
  app.removeContentTypeParser('text/plain');
  const policy = options.policy ?? loadPolicy(config.policyFile ?? undefined);
  app.decorate('ctx', {
    db: database.db,
    config,
    policy,
    readCache: new ReadCache(config.readCacheMs),
    openingContexts: new ReadCache(config.caseContextCacheMs),
    caseNames: new ReadCache(config.caseContextCacheMs),
  });
  await app.register(cookie);
  registerAuthentication(app);
  registerReadCache(app, database.pool);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const mapped = mapError(error);
    if (!mapped) {
      request.log.error({ err: error }, 'request failed');
    } else if (mapped.status >= 500) {
      request.log.warn({ err: error }, 'request failed (retryable)');
    }
    const { status, code, detail, errors, headers } = mapped ?? {
      status: 500,
      code: 'internal_error',
      detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
    };
    if (headers) reply.headers(headers);
    return reply
      .code(status)
      .type('application/problem+json')
      .send({ ...problem(status, code, detail, errors), requestId: request.id });
  });

  let webServed = false;
  app.setNotFoundHandler((request, reply) => {
    if (webServed && (request.method === 'GET' || request.method === 'HEAD') && isSpaPath(request.url)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        ...problem(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
        requestId: request.id,
      });
  });

  await registerOpenApi(app);
  registerMetrics(app, database.pool);

  app.get('/health', { schema: { hide: true }, config: { public: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok' };
    } catch {
      return reply
        .code(503)
        .type('application/problem+json')
        .send(problem(503, 'database_unavailable', 'The database does not answer.'));
    }
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(directoryRoutes);
      await api.register(auditRoutes);
      await api.register(policyRoutes);
      await api.register(notificationRoutes);
      await api.register(outageRoutes);
      await api.register(caseRoutes);
      await api.register(inventoryRoutes);
      await api.register(capacityRoutes);
      await api.register(backupRoutes);
      await api.register(copRequestRoutes);
      await api.register(responsibilityRoutes);
      await api.register(disasterRecoveryRoutes);
      await api.register(changeRoutes);
      await api.register(changeRequestRoutes);
      await api.register(calendarFeedRoutes);
    },
    { prefix: '/api/v1' },
  );

  webServed = await registerWebApp(app, config.webDir);
  return app;
}
