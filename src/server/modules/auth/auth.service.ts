import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { type Db, inScope, type Scope, scopeForUser, systemScope, type Tx } from '../../db/database.ts';
import { AppError, notFound, unprocessable } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { presentUser } from '../directory/directory.presenter.ts';
import { getUserRow, updateUser } from '../directory/users.service.ts';
import { hashPassword, verifyDecoy, verifyPassword } from './password.ts';
import { API_TOKEN_PREFIX, hashSecret, newCsrfToken, newSecret, SESSION_PREFIX } from './tokens.ts';

export type LoginOutcome =
  | { kind: 'ok'; token: string; csrfToken: string; expiresAt: Date; user: ReturnType<typeof presentUser> }
  | { kind: 'invalid' }
  | { kind: 'limited'; retryAfterSeconds: number };

interface AttemptWindow {
  failures: number;
  oldest: Date | null;
}

async function failuresSince(
  tx: Tx,
  column: 'email_key' | 'ip',
  value: string,
  windowMinutes: number,
): Promise<AttemptWindow> {
  const row = await tx
    .selectFrom('login_attempts')
    .select([sql<number>`count(*)::int`.as('failures'), sql<Date | null>`min(at)`.as('oldest')])
    .where(column, '=', value)
    .where('succeeded', '=', false)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
    .executeTakeFirstOrThrow();
  return row;
}

function retryAfter(window: AttemptWindow, windowMinutes: number, now: Date): number {
  const until = (window.oldest?.getTime() ?? now.getTime()) + windowMinutes * 60_000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Signs a user in. Failures are counted per e-mail and per client address in PostgreSQL (so every
 * API node shares the count); past the limit the answer is 429 until the window has passed.
 */
export async function login(
  db: Db,
  config: Config,
  input: { email: string; password: string },
  client: { ip: string; userAgent: string | null; requestId: string },
): Promise<LoginOutcome> {
  const emailKey = input.email.trim().toLowerCase();
  return inScope(db, systemScope('auth', client.requestId), async (tx) => {
    const now = new Date();
    const byEmail = await failuresSince(tx, 'email_key', emailKey, config.loginWindowMinutes);
    const byIp = await failuresSince(tx, 'ip', client.ip, config.loginWindowMinutes);
    if (byEmail.failures >= config.loginMaxFailuresPerEmail) {
      return { kind: 'limited', retryAfterSeconds: retryAfter(byEmail, config.loginWindowMinutes, now) };
    }
    if (byIp.failures >= config.loginMaxFailuresPerIp) {
      return { kind: 'limited', retryAfterSeconds: retryAfter(byIp, config.loginWindowMinutes, now) };
    }
    const user = await tx
      .selectFrom('users')
      .selectAll()
      .where(sql<string>`lower(email)`, '=', emailKey)
      .where('active', '=', true)
      .executeTakeFirst();
    const valid = user
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyDecoy(input.password);
    if (!user || !valid) {
      await tx
        .insertInto('login_attempts')
        .values({ email_key: emailKey, ip: client.ip, succeeded: false })
        .execute();
      return { kind: 'invalid' };
    }
    await tx.deleteFrom('login_attempts').where('email_key', '=', emailKey).execute();
    const token = newSecret(SESSION_PREFIX);
    const csrfToken = newCsrfToken();
    const expiresAt = new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000);
    const session = await tx
      .insertInto('sessions')
      .values({
        token_hash: hashSecret(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
        ip: client.ip,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const updated = await tx
      .updateTable('users')
      .set({ last_login_at: now })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const scope = scopeForUser(user, { requestId: client.requestId });
    await recordAudit(tx, scope, {
      action: 'user.signed_in',
      entityType: 'session',
      entityId: session.id,
      partnerId: user.partner_id,
      customerId: user.customer_id,
      after: { ip: client.ip },
    });
    return { kind: 'ok', token, csrfToken, expiresAt, user: presentUser(updated) };
  });
}

export async function logout(tx: Tx, scope: Scope, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  await tx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('id', '=', sessionId)
    .where('user_id', '=', scope.userId ?? '')
    .execute();
}

export async function getMe(tx: Tx, scope: Scope) {
  return presentUser(await getUserRow(tx, scope, scope.userId ?? ''));
}

export async function updateMe(
  tx: Tx,
  scope: Scope,
  input: { name?: string; locale?: 'en' | 'es'; timeZone?: string | null },
) {
  return updateUser(tx, scope, scope.userId ?? '', input);
}

/** Changing the password ends every other session of the user. */
export async function changePassword(
  tx: Tx,
  scope: Scope,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await tx
    .selectFrom('users')
    .select(['id', 'password_hash', 'partner_id', 'customer_id'])
    .where('id', '=', scope.userId ?? '')
    .executeTakeFirst();
  if (!row) throw notFound('user');
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw unprocessable([
      { code: 'password_incorrect', path: 'currentPassword', message: 'the current password is not correct' },
    ]);
  }
  if (input.currentPassword === input.newPassword) {
    throw unprocessable([
      { code: 'password_unchanged', path: 'newPassword', message: 'choose a password you do not use now' },
    ]);
  }
  await tx
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), updated_at: new Date() })
    .where('id', '=', row.id)
    .execute();
  await tx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', row.id)
    .where('revoked_at', 'is', null)
    .$if(sessionId !== null, (qb) => qb.where('id', '<>', sessionId ?? ''))
    .execute();
  await recordAudit(tx, scope, {
    action: 'user.password_changed',
    entityType: 'user',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
  });
}

function presentToken(row: {
  id: string;
  name: string;
  token_prefix: string;
  read_only: boolean;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    readOnly: row.read_only,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function listApiTokens(tx: Tx, scope: Scope) {
  const rows = await tx
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', scope.userId ?? '')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return { items: rows.map(presentToken) };
}

/** The token is returned once; only its hash is kept. It acts as its owner, never with more rights. */
export async function createApiToken(
  tx: Tx,
  scope: Scope,
  input: { name: string; readOnly?: boolean; expiresInDays?: number },
) {
  if (scope.kind === 'system' || !scope.userId)
    throw new AppError(403, 'forbidden', 'Only users own API tokens.');
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await tx
    .insertInto('api_tokens')
    .values({
      user_id: scope.userId,
      partner_id: scope.partnerId,
      name: input.name.trim(),
      token_hash: hashSecret(token),
      token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      read_only: input.readOnly ?? false,
      expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const apiToken = presentToken(row);
  await recordAudit(tx, scope, {
    action: 'api_token.created',
    entityType: 'api_token',
    entityId: row.id,
    partnerId: scope.partnerId,
    customerId: scope.customerId,
    after: apiToken,
  });
  return { token, apiToken };
}

export async function revokeApiToken(tx: Tx, scope: Scope, id: string) {
  const row = await tx
    .updateTable('api_tokens')
    .set({ revoked_at: sql`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', scope.userId ?? '')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('API token');
  const apiToken = presentToken(row);
  await recordAudit(tx, scope, {
    action: 'api_token.revoked',
    entityType: 'api_token',
    entityId: id,
    partnerId: scope.partnerId,
    customerId: scope.customerId,
    after: apiToken,
  });
  return apiToken;
}
