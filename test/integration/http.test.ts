import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, expectProblem, type TestApp, type World } from '../support/test-app.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

describe('HTTP conventions', () => {
  it('GET /health answers ok once the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('puts a request id on every response, keeping a sane incoming one', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: '/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-abc-12345' },
    });
    expect(kept.headers['x-request-id']).toBe('trace-abc-12345');
    const unsafe = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(unsafe.headers['x-request-id']).not.toContain('bad');
    const problem = await w.anonymous.get('/customers');
    expect(problem.json().requestId).toBe(problem.headers['x-request-id']);
  });

  it('answers 400 for malformed JSON and 415 for other media types', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { authorization: (await bearerOf()) ?? '', 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(malformed, 400, 'malformed_json');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { authorization: (await bearerOf()) ?? '', 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expectProblem(text, 415, 'unsupported_media_type');
  });

  it('answers 413 for a body over 1 MB', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { authorization: (await bearerOf()) ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expectProblem(response, 413, 'body_too_large');
  });

  it('names every unknown field (400) and every broken rule (422) with its path', async () => {
    const unknown = expectProblem(
      await w.provider.post('/partners', { name: 'X', a: 1, b: 2 }),
      400,
      'unknown_field',
    );
    expect(unknown.errors?.map((e) => e.path).sort()).toEqual(['a', 'b']);
    const rules = expectProblem(
      await w.provider.post('/users', { email: 'bad', name: '', password: 'x', role: 'king' }),
      422,
      'validation_failed',
    );
    expect(new Set(rules.errors?.map((e) => e.path))).toEqual(new Set(['email', 'name', 'password', 'role']));
    for (const error of rules.errors ?? []) expect(error.message.length).toBeGreaterThan(3);
  });

  it('answers 404 problem+json for unknown routes and malformed ids', async () => {
    expectProblem(await w.provider.get('/no-such-thing'), 404, 'route_not_found');
    expectProblem(await w.anonymous.get('/no-such-thing'), 404, 'route_not_found');
    expectProblem(await w.provider.get('/customers/not-a-uuid'), 400, 'invalid_parameters');
    expectProblem(await w.provider.get('/customers/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('never sends a stack trace', async () => {
    const responses = [
      await w.provider.post('/partners', { name: 12 }),
      await w.provider.get('/customers?cursor=%%%'),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: '[',
        headers: { 'content-type': 'application/json' },
      }),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toMatch(/at .+\.ts:\d+/);
      expect(response.body).not.toMatch(/node_modules/);
    }
  });
});

let cachedBearer: string | null = null;
async function bearerOf(): Promise<string | null> {
  if (cachedBearer) return cachedBearer;
  const response = await w.provider.get('/auth/me');
  expect(response.statusCode).toBe(200);
  const request = response.raw.req as unknown as { headers: Record<string, string> };
  cachedBearer = request.headers.authorization ?? null;
  return cachedBearer;
}

describe('OpenAPI and metrics', () => {
  it('serves an OpenAPI 3.1 document that a real validator accepts, with the SPEC routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const [path, method] of [
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/partners', 'post'],
      ['/api/v1/partners/{id}/customers', 'post'],
      ['/api/v1/users', 'post'],
      ['/api/v1/contracts', 'post'],
      ['/api/v1/audit', 'get'],
    ] as const) {
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('exposes Prometheus metrics with route latency, pool use and process figures', async () => {
    await w.provider.get('/customers');
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(
      /diops_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/customers"[^}]*status="200"/,
    );
    expect(response.body).toMatch(/diops_db_pool_total \d+/);
    expect(response.body).toMatch(/process_cpu_user_seconds_total/);
  });
});
