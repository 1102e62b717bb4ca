import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          code: Type.String(),
          path: Type.Optional(Type.String()),
          message: Type.String(),
          region: Type.Optional(Type.String({ description: 'the region a scheduling rule was broken in' })),
        }),
      ),
    ),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

const problemRef = Type.Unsafe<unknown>({ $ref: 'Problem#', description: 'application/problem+json' });

/** The error answers every authenticated route can give, documented once. */
export const ProblemResponses = {
  400: problemRef,
  401: problemRef,
  403: problemRef,
  404: problemRef,
  409: problemRef,
  422: problemRef,
  429: problemRef,
} as const;

/** Action routes take no body; an empty JSON object is accepted, any field is refused. */
export const NoBody = Type.Union([Type.Null(), Type.Object({}, { additionalProperties: false })]);

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'DI Ops API',
        version: '1',
        description:
          'Operations platform for a dedicated-instance UC cloud. Errors are application/problem+json (RFC 9457). Authenticate with `Authorization: Bearer <token>` from POST /api/v1/auth/login or a personal API token.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'diops_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
}
