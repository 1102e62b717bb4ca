import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { type Scope, scopeForUser } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { API_TOKEN_PREFIX, hashSecret } from '../modules/auth/tokens.ts';
import { AppError, forbidden, notFound, unauthorized } from './errors.ts';

export const SESSION_COOKIE = 'diops_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface AuthRow {
  user_id: string;
  email: string;
  role: Role;
  partner_id: string | null;
  customer_id: string | null;
  user_name: string;
  partner_name: string | null;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('The Authorization header must be "Bearer <token>".');
  return match[1];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function toScope(row: AuthRow, request: FastifyRequest, readOnly: boolean): Scope {
  return scopeForUser(
    {
      id: row.user_id,
      email: row.email,
      role: row.role,
      partner_id: row.partner_id,
      customer_id: row.customer_id,
      name: row.user_name,
      partner_name: row.partner_name,
    },
    { readOnly, requestId: request.id },
  );
}

/**
 * Authentication results are kept for a moment per node, so a burst of requests costs one lookup.
 * Any successful change under /auth or /users on this node empties the cache at once; other nodes
 * notice a revoked session or a deactivated user within AUTH_CACHE_MS (default 2 s; 0 turns it off).
 */
const AUTH_CACHE_MAX = 10_000;
interface CachedAuth {
  until: number;
  row:
    | (AuthRow & { token_id?: string; read_only?: boolean; session_id?: string; csrf_token?: string })
    | null;
}
const authCache = new Map<string, CachedAuth>();

export function clearAuthCache(): void {
  authCache.clear();
}

async function cachedLookup<T extends CachedAuth['row']>(
  key: string,
  ttlMs: number,
  lookup: () => Promise<T | undefined>,
): Promise<T | null> {
  if (ttlMs <= 0) return (await lookup()) ?? null;
  const now = Date.now();
  const hit = authCache.get(key);
  if (hit && hit.until > now) return hit.row as T | null;
  const row = (await lookup()) ?? null;
  if (authCache.size >= AUTH_CACHE_MAX) authCache.clear();
  authCache.set(key, { until: now + ttlMs, row });
  return row;
}

/**
 * Resolves the caller on every /api request: a bearer token (session or personal API token) or the
 * session cookie. Cookie-authenticated unsafe methods must echo the session's CSRF token.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onResponse', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return;
    // Partners too: a signed-in caller's scope carries its partner's name.
    if (
      request.url.startsWith('/api/v1/auth/') ||
      request.url.startsWith('/api/v1/users') ||
      request.url.startsWith('/api/v1/partners')
    )
      clearAuthCache();
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.is404) return;
    const bearer = bearerToken(request);
    const cookie = bearer ? null : (request.cookies[SESSION_COOKIE] ?? null);
    const secret = bearer ?? cookie;
    if (!secret) {
      if (request.routeOptions.config?.public) return;
      throw unauthorized();
    }
    const { db, config } = app.ctx;
    const tokenHash = hashSecret(secret);
    const key = tokenHash.toString('base64');
    if (secret.startsWith(API_TOKEN_PREFIX)) {
      const row = await cachedLookup(key, config.authCacheMs, async () => {
        const result = await sql<AuthRow & { token_id: string; read_only: boolean }>`
          select * from authenticate_api_token(${tokenHash})`.execute(db);
        return result.rows[0];
      });
      if (!row) {
        if (request.routeOptions.config?.public) return;
        throw unauthorized('The API token is invalid, expired or revoked.');
      }
      if (row.read_only && !SAFE_METHODS.has(request.method)) {
        throw forbidden('This API token is read-only.');
      }
      request.auth = {
        scope: toScope(row, request, row.read_only),
        method: 'api_token',
        sessionId: null,
        csrfToken: null,
        viaCookie: false,
      };
      return;
    }
    const row = await cachedLookup(key, config.authCacheMs, async () => {
      const result = await sql<AuthRow & { session_id: string; csrf_token: string }>`
        select * from authenticate_session(${tokenHash}, ${config.sessionIdleMinutes * 60})`.execute(db);
      return result.rows[0];
    });
    if (!row) {
      if (request.routeOptions.config?.public) return;
      throw unauthorized('Your session has expired. Sign in again.');
    }
    if (cookie && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, row.csrf_token)) {
        throw new AppError(
          403,
          'csrf_token_invalid',
          `Send the ${CSRF_HEADER} header from /auth/me with this request.`,
        );
      }
    }
    request.auth = {
      scope: toScope(row, request, false),
      method: 'session',
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      viaCookie: cookie !== null,
    };
  });
}

/** The caller's scope; every non-public route calls this first. */
export function callerScope(request: FastifyRequest): Scope {
  if (!request.auth) throw unauthorized();
  return request.auth.scope;
}

export function requireRole(scope: Scope, roles: readonly Role[]): void {
  if (scope.kind === 'system') return;
  if (!scope.role || !roles.includes(scope.role)) throw forbidden();
}

/**
 * For what belongs to a partner's or the provider's operations (contacts, delivery logs, network
 * work): a customer viewer is answered as if it did not exist.
 */
export function hideFromCustomers(scope: Scope, what: string): void {
  if (scope.kind === 'customer') throw notFound(what);
}
