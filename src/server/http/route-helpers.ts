import type { FastifyRequest } from 'fastify';
import { inScope, type Scope, type Tx } from '../db/database.ts';
import { callerScope } from './authenticate.ts';

/** One transaction per request, in the caller's scope: the work commits entirely or not at all. */
export function inRequestScope<T>(
  request: FastifyRequest,
  work: (tx: Tx, scope: Scope) => Promise<T>,
): Promise<T> {
  const scope = callerScope(request);
  const readOnly = request.method === 'GET' || request.method === 'HEAD';
  return inScope(request.server.ctx.db, scope, (tx) => work(tx, scope), { readOnly });
}
