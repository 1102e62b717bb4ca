import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  createTestApp,
  createWorld,
  expectProblem,
  login,
  PASSWORD,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({
    LOGIN_MAX_FAILURES_PER_EMAIL: '3',
    LOGIN_WINDOW_MINUTES: '15',
    SESSION_IDLE_MINUTES: '30',
  });
  w = await createWorld(t);
});
afterAll(() => t.close());

async function newUser(role = 'partner_engineer') {
  const email = `${unique('auth')}@a.example`;
  const response = await w.a.admin.post('/users', { email, name: 'Auth User', password: PASSWORD, role });
  expect(response.statusCode, response.body).toBe(201);
  return { email, id: response.json<{ id: string }>().id };
}

const loginRaw = (email: string, password: string, ip = '10.9.9.9') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });

describe('sign-in', () => {
  it('answers a bearer token and sets an http-only SameSite cookie', async () => {
    const { email } = await newUser();
    const response = await loginRaw(email.toUpperCase(), PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: string; csrfToken: string; user: { email: string; role: string } }>();
    expect(body.token).toMatch(/^dios_/);
    expect(body.user).toMatchObject({ email, role: 'partner_engineer' });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/diops_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client(t.app, body.token).get('/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email } });
  });

  it('stores passwords as argon2id and sessions only as hashes', async () => {
    const { email, id } = await newUser();
    const token = await login(t.app, email);
    const user = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await t.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', id)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash.toString('utf8')).not.toContain(token.slice(5, 20));
    expect(sessions[0]?.token_hash).toHaveLength(32);
  });

  it('gives the same 401 body for an unknown e-mail and a wrong password, in similar time', async () => {
    const { email } = await newUser();
    const timeOf = async (e: string, p: string, ip: string) => {
      const started = performance.now();
      const response = await loginRaw(e, p, ip);
      return { response, ms: performance.now() - started };
    };
    const unknownRuns = [];
    const wrongRuns = [];
    for (let i = 0; i < 2; i++) {
      unknownRuns.push(
        await timeOf(`${unique('ghost')}@nowhere.example`, 'whatever-password', `10.1.0.${i}`),
      );
      wrongRuns.push(await timeOf(email, `wrong-password-${i}`, `10.2.0.${i}`));
    }
    const strip = (body: string) => {
      const { requestId: _ignored, ...rest } = JSON.parse(body) as Record<string, unknown>;
      return rest;
    };
    for (const run of [...unknownRuns, ...wrongRuns]) expectProblem(run.response, 401, 'invalid_credentials');
    expect(strip(unknownRuns[0]?.response.body ?? '')).toEqual(strip(wrongRuns[0]?.response.body ?? ''));
    const median = (runs: { ms: number }[]) => runs.map((r) => r.ms).sort((a, b) => a - b)[0] ?? 0;
    // Both paths run one argon2 verification; without the decoy the unknown e-mail would answer ~50x faster.
    expect(median(unknownRuns)).toBeGreaterThan(median(wrongRuns) * 0.4);
  });

  it('rate-limits failures per e-mail with 429 and Retry-After, then lets the right password through later', async () => {
    const { email } = await newUser();
    for (let i = 0; i < 3; i++) expectProblem(await loginRaw(email, 'nope-nope-nope'), 401);
    const limited = await loginRaw(email, PASSWORD);
    expectProblem(limited, 429, 'too_many_attempts');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Age the failures past the window: the account opens again.
    await sql`update login_attempts set at = at - interval '16 minutes' where email_key = ${email.toLowerCase()}`.execute(
      t.database.db,
    );
    expect((await loginRaw(email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses malformed sign-in bodies without touching anything', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x' } }),
      422,
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x', password: 'y', extra: 1 },
      }),
      400,
      'unknown_field',
    );
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const { email } = await newUser();
    const token = await login(t.app, email);
    const me = client(t.app, token);
    const out = await me.post('/auth/logout');
    expect(out.statusCode).toBe(204);
    expectProblem(await me.get('/auth/me'), 401);
  });

  it('expires after the idle time and after the absolute lifetime', async () => {
    const { email, id } = await newUser();
    const idle = client(t.app, await login(t.app, email));
    const absolute = client(t.app, await login(t.app, email));
    expect((await idle.get('/auth/me')).statusCode).toBe(200);
    const sessions = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', id)
      .orderBy('created_at')
      .execute();
    await sql`update sessions set last_seen_at = now() - interval '31 minutes' where id = ${sessions[0]?.id}`.execute(
      t.database.db,
    );
    await sql`update sessions set expires_at = now() - interval '1 second' where id = ${sessions[1]?.id}`.execute(
      t.database.db,
    );
    expectProblem(await idle.get('/auth/me'), 401);
    expectProblem(await absolute.get('/auth/me'), 401);
  });

  it('keeps an active session alive (sliding idle window)', async () => {
    const { email, id } = await newUser();
    const me = client(t.app, await login(t.app, email));
    await sql`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = ${id}`.execute(
      t.database.db,
    );
    expect((await me.get('/auth/me')).statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Date.now() - row.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('requires the CSRF token on cookie-authenticated unsafe requests, not on bearer ones', async () => {
    const { email } = await newUser();
    const response = await loginRaw(email, PASSWORD);
    const { token, csrfToken } = response.json<{ token: string; csrfToken: string }>();
    const cookie = `diops_session=${token}`;
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        headers: { cookie, ...headers },
        payload: { locale: 'es' },
      });
    expectProblem(await patch({}), 403, 'csrf_token_invalid');
    expectProblem(await patch({ 'x-csrf-token': 'forged-token-value-000000000' }), 403, 'csrf_token_invalid');
    const ok = await patch({ 'x-csrf-token': csrfToken });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ locale: 'es' });
    // Reads with the cookie need no token, and /auth/me hands it back after a reload.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ csrfToken });
    const bearer = await client(t.app, token).patch('/auth/me', { locale: 'en' });
    expect(bearer.statusCode).toBe(200);
  });

  it('changing the password ends the other sessions and checks the current one', async () => {
    const { email } = await newUser();
    const first = client(t.app, await login(t.app, email));
    const second = client(t.app, await login(t.app, email));
    expectProblem(
      await first.post('/auth/password', {
        currentPassword: 'not-my-password',
        newPassword: 'brand-new-password-1',
      }),
      422,
      'validation_failed',
    );
    expectProblem(
      await first.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }),
      422,
    );
    expect(
      (await first.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-password-1' }))
        .statusCode,
    ).toBe(204);
    expect((await first.get('/auth/me')).statusCode).toBe(200);
    expectProblem(await second.get('/auth/me'), 401);
    expect((await loginRaw(email, 'brand-new-password-1', '10.7.7.7')).statusCode).toBe(200);
  });

  it('validates profile updates (language, IANA time zone)', async () => {
    const { email } = await newUser();
    const me = client(t.app, await login(t.app, email));
    const problem = expectProblem(await me.patch('/auth/me', { timeZone: 'Mars/Olympus_Mons' }), 422);
    expect(problem.errors?.[0]?.path).toBe('timeZone');
    expectProblem(await me.patch('/auth/me', { locale: 'fr' }), 422);
    expectProblem(await me.patch('/auth/me', { role: 'provider_admin' }), 400, 'unknown_field');
    const ok = await me.patch('/auth/me', { timeZone: 'Australia/Sydney', locale: 'es' });
    expect(ok.json()).toMatchObject({ timeZone: 'Australia/Sydney', locale: 'es', role: 'partner_engineer' });
  });
});

describe('personal API tokens', () => {
  it('are shown once, stored hashed, act as their owner and stop working when revoked', async () => {
    const created = await w.a.engineer.post('/auth/tokens', { name: 'CI integration' });
    expect(created.statusCode, created.body).toBe(201);
    const { token, apiToken } = created.json<{ token: string; apiToken: { id: string; prefix: string } }>();
    expect(token).toMatch(/^diop_/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const listed = (await w.a.engineer.get('/auth/tokens')).json<{ items: Record<string, unknown>[] }>();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.items.map((i) => i.id)).toContain(apiToken.id);
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toHaveLength(32);

    const integration = client(t.app, token);
    const customers = (await integration.get('/customers?limit=200')).json<{
      items: { partnerId: string }[];
    }>();
    expect(new Set(customers.items.map((c) => c.partnerId))).toEqual(new Set([w.a.partnerId]));
    expectProblem(await integration.get(`/customers/${w.b.customerId}`), 404);
    expectProblem(
      await integration.post(`/partners/${w.a.partnerId}/customers`, { name: 'Nope', region: 'EMEA' }),
      403,
    );
    expectProblem(await integration.post('/auth/tokens', { name: 'child' }), 403);

    expect((await w.a.engineer.delete(`/auth/tokens/${apiToken.id}`)).json()).toMatchObject({
      revokedAt: expect.any(String),
    });
    expectProblem(await integration.get('/customers'), 401);
  });

  it('read-only tokens cannot write', async () => {
    const created = (await w.a.admin.post('/auth/tokens', { name: 'reports', readOnly: true })).json<{
      token: string;
    }>();
    const readOnly = client(t.app, created.token);
    expect((await readOnly.get('/customers')).statusCode).toBe(200);
    expectProblem(
      await readOnly.post(`/partners/${w.a.partnerId}/customers`, { name: unique('RO'), region: 'EMEA' }),
      403,
    );
  });

  it("cannot revoke another user's token", async () => {
    const created = (await w.a.admin.post('/auth/tokens', { name: 'mine' })).json<{
      apiToken: { id: string };
    }>();
    expectProblem(await w.a.engineer.delete(`/auth/tokens/${created.apiToken.id}`), 404);
    expectProblem(await w.b.admin.delete(`/auth/tokens/${created.apiToken.id}`), 404);
  });

  it("die with their owner's account", async () => {
    const { id, email } = await newUser();
    const owner = client(t.app, await login(t.app, email));
    const { token } = (await owner.post('/auth/tokens', { name: 'short-lived' })).json<{ token: string }>();
    expect((await client(t.app, token).get('/auth/me')).statusCode).toBe(200);
    await w.a.admin.post(`/users/${id}/deactivate`);
    expectProblem(await client(t.app, token).get('/auth/me'), 401);
  });

  it('answer 401 for every token route without credentials', async () => {
    expectProblem(await w.anonymous.get('/auth/tokens'), 401);
    expectProblem(await w.anonymous.post('/auth/tokens', { name: 'x' }), 401);
    expectProblem(await w.anonymous.delete('/auth/tokens/00000000-0000-4000-8000-000000000000'), 401);
    expectProblem(await w.anonymous.get('/auth/me'), 401);
    expectProblem(await w.anonymous.post('/auth/logout'), 401);
    expectProblem(await w.anonymous.post('/auth/password', { currentPassword: 'a', newPassword: 'b' }), 401);
  });
});

describe('authentication cache', () => {
  it('never outlives a logout, a revocation or a deactivation on the same node', async () => {
    const cached = await createTestApp({ AUTH_CACHE_MS: '60000' });
    try {
      const email = `${unique('cache')}@a.example`;
      const created = await w.a.admin.post('/users', {
        email,
        name: 'Cached',
        password: PASSWORD,
        role: 'partner_engineer',
      });
      const token = await login(cached.app, email);
      const me = client(cached.app, token);
      expect((await me.get('/auth/me')).statusCode).toBe(200);
      const { token: apiToken, apiToken: meta } = (await me.post('/auth/tokens', { name: 'cached' })).json<{
        token: string;
        apiToken: { id: string };
      }>();
      const integration = client(cached.app, apiToken);
      expect((await integration.get('/auth/me')).statusCode).toBe(200);
      expect((await me.delete(`/auth/tokens/${meta.id}`)).statusCode).toBe(200);
      expectProblem(await integration.get('/auth/me'), 401);
      const admin = client(
        cached.app,
        await login(cached.app, (await w.a.admin.get('/auth/me')).json().user.email),
      );
      expect((await admin.post(`/users/${created.json().id}/deactivate`)).statusCode).toBe(200);
      expectProblem(await me.get('/auth/me'), 401);
      expect((await admin.post('/auth/logout')).statusCode).toBe(204);
      expectProblem(await admin.get('/auth/me'), 401);
    } finally {
      await cached.close();
    }
  });
  it("a cached sign-in names the caller's current user and partner names after a rename on the node", async () => {
    const cached = await createTestApp({ AUTH_CACHE_MS: '60000' });
    try {
      const emailOf = async (c: typeof w.a.engineer) => (await c.get('/auth/me')).json().user.email as string;
      const engineer = client(cached.app, await login(cached.app, await emailOf(w.a.engineer)));
      const provider = client(cached.app, await login(cached.app, await emailOf(w.provider)));
      const contract = (await w.a.admin.get(`/contracts/${w.a.contractId}`)).json<{ number: string }>();
      const open = async () => {
        const opened = await engineer.post('/cases', {
          customerId: w.a.customerId,
          contractNumber: contract.number,
          title: 'Phones cannot register',
          description: 'Since 09:00 the phones on the second floor cannot register.',
          category: 'common_problem',
          impact: 'individualized',
          urgency: 'low',
          contact: { name: 'Ana Ruiz', phone: '+34 600 123 456', email: 'ana@partner.example' },
        });
        expect(opened.statusCode, opened.body).toBe(201);
        return opened.json<{ caller: { name: string }; partnerName: string }>();
      };
      await open(); // the sign-in is cached from here on
      const userName = unique('Engineer renamed');
      expect((await provider.patch(`/users/${w.a.engineerId}`, { name: userName })).statusCode).toBe(200);
      expect((await open()).caller.name).toBe(userName);
      const partnerName = unique('Partner renamed');
      expect((await provider.patch(`/partners/${w.a.partnerId}`, { name: partnerName })).statusCode).toBe(
        200,
      );
      expect((await open()).partnerName).toBe(partnerName);
    } finally {
      await cached.close();
    }
  });
});
