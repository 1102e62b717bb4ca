import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect, inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { type DbHandle, openDatabase } from '../../src/server/db/database.ts';
import { createAdmin } from '../../src/server/seed/demo.ts';

export const PASSWORD = 'correct-horse-battery';

export interface TestApp {
  app: FastifyInstance;
  database: DbHandle;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: inject('databaseUrl'),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    // Tests age sessions in the database directly; the cache has its own test.
    AUTH_CACHE_MS: '0',
    ATTACHMENTS_DIR: path.join(os.tmpdir(), 'diops-test-attachments'),
    ...env,
  });
  const database = openDatabase(config.databaseUrl ?? '', { max: 5 });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A client bound to one bearer token (or none). */
export function client(app: FastifyInstance, token: string | null) {
  const call = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url:
        url.startsWith('/api') || url.startsWith('/health') || url.startsWith('/metrics')
          ? url
          : `/api/v1${url}`,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body, headers),
    patch: (url: string, body?: unknown, headers?: Record<string, string>) =>
      call('PATCH', url, body, headers),
    put: (url: string, body?: unknown, headers?: Record<string, string>) => call('PUT', url, body, headers),
    delete: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}
export type Client = ReturnType<typeof client>;

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ token: string }>().token;
}

export function expectProblem(response: LightMyRequestResponse, status: number, code?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<{
    status: number;
    code: string;
    title: string;
    detail: string;
    errors?: { code: string; path?: string; message: string }[];
  }>();
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(body.detail).not.toMatch(/\n\s+at /);
  if (code) expect(body.code).toBe(code);
  return body;
}

export interface Tenant {
  partnerId: string;
  partnerName: string;
  customerId: string;
  otherCustomerId: string;
  contractId: string;
  admin: Client;
  engineer: Client;
  viewer: Client;
  adminId: string;
  engineerId: string;
  viewerId: string;
}

export interface World {
  provider: Client;
  providerEngineer: Client;
  providerAdminId: string;
  a: Tenant;
  b: Tenant;
  anonymous: Client;
}

async function createTenant(app: FastifyInstance, provider: Client, label: string): Promise<Tenant> {
  const partnerName = unique(`Partner ${label}`);
  const partner = await provider.post('/partners', { name: partnerName });
  expect(partner.statusCode, partner.body).toBe(201);
  const partnerId = partner.json<{ id: string }>().id;
  const customer = await provider.post(`/partners/${partnerId}/customers`, {
    name: unique('Customer'),
    region: 'EMEA',
  });
  expect(customer.statusCode, customer.body).toBe(201);
  const customerId = customer.json<{ id: string }>().id;
  const other = await provider.post(`/partners/${partnerId}/customers`, {
    name: unique('Customer'),
    region: 'AMER',
  });
  const otherCustomerId = other.json<{ id: string }>().id;
  const contract = await provider.post('/contracts', {
    customerId,
    number: unique('C').toUpperCase(),
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
  });
  expect(contract.statusCode, contract.body).toBe(201);
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const [key, role, extra] of [
    ['admin', 'partner_admin', { partnerId }],
    ['engineer', 'partner_engineer', { partnerId }],
    ['viewer', 'customer_viewer', { customerId }],
  ] as const) {
    const email = `${unique(key)}@${label.toLowerCase()}.example`;
    const user = await provider.post('/users', {
      email,
      name: `${label} ${key}`,
      password: PASSWORD,
      role,
      ...extra,
    });
    expect(user.statusCode, user.body).toBe(201);
    ids[key] = user.json<{ id: string }>().id;
    tokens[key] = await login(app, email);
  }
  return {
    partnerId,
    partnerName,
    customerId,
    otherCustomerId,
    contractId: contract.json<{ id: string }>().id,
    admin: client(app, tokens.admin ?? null),
    engineer: client(app, tokens.engineer ?? null),
    viewer: client(app, tokens.viewer ?? null),
    adminId: ids.admin ?? '',
    engineerId: ids.engineer ?? '',
    viewerId: ids.viewer ?? '',
  };
}

/** A provider admin and engineer plus two partners (tenants A and B), each with users of every role. */
export async function createWorld(test: TestApp): Promise<World> {
  const email = `${unique('root')}@provider.example`;
  const admin = await createAdmin(test.database.db, email, PASSWORD);
  const provider = client(test.app, await login(test.app, email));
  const engineerEmail = `${unique('tac')}@provider.example`;
  const created = await provider.post('/users', {
    email: engineerEmail,
    name: 'TAC',
    password: PASSWORD,
    role: 'provider_engineer',
  });
  expect(created.statusCode, created.body).toBe(201);
  const providerEngineer = client(test.app, await login(test.app, engineerEmail));
  const [a, b] = await Promise.all([
    createTenant(test.app, provider, 'A'),
    createTenant(test.app, provider, 'B'),
  ]);
  return { provider, providerEngineer, providerAdminId: admin.id, a, b, anonymous: client(test.app, null) };
}
