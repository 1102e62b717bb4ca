import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Scope, Tx } from '../../db/database.ts';
import { requireRole } from '../../http/authenticate.ts';
import { ProblemResponses } from '../../http/openapi.ts';
import { decodeCursor, PageQuery, pageOf, pageSchema } from '../../http/pagination.ts';
import { inRequestScope } from '../../http/route-helpers.ts';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  partnerId: Type.Union([Type.String(), Type.Null()]),
  customerId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    actorUserId: Type.Optional(Type.String({ format: 'uuid' })),
    partnerId: Type.Optional(Type.String({ format: 'uuid' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

type AuditFilter = {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  partnerId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
};

/** Newest first. Provider users read everything; a partner admin reads its own partner's trail. */
export async function listAudit(tx: Tx, scope: Scope, filter: AuditFilter) {
  requireRole(scope, ['provider_admin', 'provider_engineer', 'partner_admin']);
  const limit = filter.limit ?? 50;
  const after = decodeCursor(filter.cursor);
  const afterId = after === null ? null : Number(after.k);
  if (afterId !== null && !Number.isSafeInteger(afterId)) decodeCursor('not-a-cursor');
  const rows = await tx
    .selectFrom('audit_log')
    .selectAll()
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .$if(filter.entityType !== undefined, (qb) => qb.where('entity_type', '=', filter.entityType ?? ''))
    .$if(filter.entityId !== undefined, (qb) => qb.where('entity_id', '=', filter.entityId ?? ''))
    .$if(filter.action !== undefined, (qb) => qb.where('action', '=', filter.action ?? ''))
    .$if(filter.actorUserId !== undefined, (qb) => qb.where('actor_user_id', '=', filter.actorUserId ?? ''))
    .$if(filter.partnerId !== undefined, (qb) => qb.where('partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.from !== undefined, (qb) => qb.where('at', '>=', new Date(filter.from ?? 0)))
    .$if(filter.to !== undefined, (qb) => qb.where('at', '<', new Date(filter.to ?? 0)))
    .$if(afterId !== null, (qb) => qb.where('id', '<', afterId ?? 0))
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: String(row.id), id: String(row.id) }));
  return {
    items: page.items.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      actorUserId: row.actor_user_id,
      actorLabel: row.actor_label,
      partnerId: row.partner_id,
      customerId: row.customer_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
      requestId: row.request_id,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: AuditQuery,
        response: { 200: pageSchema(AuditEntry), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listAudit(tx, scope, request.query)),
  );
}
