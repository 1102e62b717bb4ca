import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  createWorld,
  expectProblem,
  PASSWORD,
  type TestApp,
  unique,
  type World,
} from '../support/test-app.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: () => string;
  body?: () => unknown;
  /** A caller inside the tenant whose role may not do this (→ 403). */
  wrongRole?: () => Client;
  /** A caller of another tenant (→ 404, as if the thing did not exist). */
  otherTenant?: () => Client;
}

const send = (caller: Client, route: RouteCase) => {
  const url = route.url();
  const body = route.body?.();
  if (route.method === 'GET') return caller.get(url);
  if (route.method === 'POST') return caller.post(url, body);
  return caller.patch(url, body);
};

const routes: RouteCase[] = [
  {
    name: 'POST /partners',
    method: 'POST',
    url: () => '/partners',
    body: () => ({ name: unique('P') }),
    wrongRole: () => w.a.admin,
  },
  { name: 'GET /partners', method: 'GET', url: () => '/partners' },
  {
    name: 'GET /partners/:id',
    method: 'GET',
    url: () => `/partners/${w.a.partnerId}`,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'PATCH /partners/:id',
    method: 'PATCH',
    url: () => `/partners/${w.a.partnerId}`,
    body: () => ({ name: unique('P') }),
    wrongRole: () => w.a.admin,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'POST /partners/:id/deactivate',
    method: 'POST',
    url: () => `/partners/${w.a.partnerId}/deactivate`,
    wrongRole: () => w.a.admin,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'POST /partners/:id/customers',
    method: 'POST',
    url: () => `/partners/${w.a.partnerId}/customers`,
    body: () => ({ name: unique('C'), region: 'AUS' }),
    wrongRole: () => w.a.engineer,
    otherTenant: () => w.b.admin,
  },
  { name: 'GET /customers', method: 'GET', url: () => '/customers' },
  {
    name: 'GET /customers/:id',
    method: 'GET',
    url: () => `/customers/${w.a.customerId}`,
    otherTenant: () => w.b.engineer,
  },
  {
    name: 'PATCH /customers/:id',
    method: 'PATCH',
    url: () => `/customers/${w.a.customerId}`,
    body: () => ({ region: 'EMEA' }),
    wrongRole: () => w.a.engineer,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'POST /customers/:id/reactivate',
    method: 'POST',
    url: () => `/customers/${w.a.customerId}/reactivate`,
    wrongRole: () => w.a.viewer,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'POST /users',
    method: 'POST',
    url: () => '/users',
    body: () => ({
      email: `${unique('u')}@a.example`,
      name: 'New',
      password: PASSWORD,
      role: 'partner_engineer',
      partnerId: w.a.partnerId,
    }),
    wrongRole: () => w.a.engineer,
    otherTenant: () => w.b.admin,
  },
  { name: 'GET /users', method: 'GET', url: () => '/users' },
  {
    name: 'GET /users/:id',
    method: 'GET',
    url: () => `/users/${w.a.engineerId}`,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'PATCH /users/:id',
    method: 'PATCH',
    url: () => `/users/${w.a.adminId}`,
    body: () => ({ name: 'Renamed Admin' }),
    wrongRole: () => w.a.engineer,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'POST /users/:id/reactivate',
    method: 'POST',
    url: () => `/users/${w.a.engineerId}/reactivate`,
    wrongRole: () => w.a.engineer,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'POST /contracts',
    method: 'POST',
    url: () => '/contracts',
    body: () => ({
      customerId: w.a.customerId,
      number: unique('N').toUpperCase(),
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    }),
    wrongRole: () => w.a.admin,
  },
  { name: 'GET /contracts', method: 'GET', url: () => '/contracts' },
  {
    name: 'GET /contracts/:id',
    method: 'GET',
    url: () => `/contracts/${w.a.contractId}`,
    otherTenant: () => w.b.admin,
  },
  {
    name: 'PATCH /contracts/:id',
    method: 'PATCH',
    url: () => `/contracts/${w.a.contractId}`,
    body: () => ({ endsOn: '2027-12-31' }),
    wrongRole: () => w.a.admin,
    otherTenant: () => w.b.admin,
  },
  { name: 'GET /audit', method: 'GET', url: () => '/audit', wrongRole: () => w.a.engineer },
];

describe.each(routes)('$name', (route) => {
  it('answers 401 without credentials', async () => {
    expectProblem(await send(w.anonymous, route), 401, 'unauthorized');
  });
  it.runIf(route.wrongRole)('answers 403 for a role that may not do it', async () => {
    expectProblem(await send(route.wrongRole?.() as Client, route), 403, 'forbidden');
  });
  it.runIf(route.otherTenant)("answers 404 for another tenant's caller", async () => {
    expectProblem(await send(route.otherTenant?.() as Client, route), 404, 'not_found');
  });
});

const count = async (table: 'partners' | 'customers' | 'users' | 'contracts' | 'audit_log') =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]
      ?.n,
  );

describe('bad input changes nothing', () => {
  const badInputs: [
    string,
    () => Client,
    string,
    unknown,
    'partners' | 'customers' | 'users' | 'contracts',
    number,
    string,
  ][] = [
    ['partner without name', () => w.provider, '/partners', {}, 'partners', 422, 'name'],
    [
      'partner with unknown field',
      () => w.provider,
      '/partners',
      { name: 'X', colour: 'red' },
      'partners',
      400,
      'colour',
    ],
    [
      'customer with unknown region',
      () => w.a.admin,
      'CUSTOMERS',
      { name: 'Mars Base', region: 'MARS' },
      'customers',
      422,
      'region',
    ],
    [
      'user with short password',
      () => w.a.admin,
      '/users',
      { email: 'short@a.example', name: 'S', password: 'short', role: 'partner_engineer' },
      'users',
      422,
      'password',
    ],
    [
      'user with bad e-mail',
      () => w.a.admin,
      '/users',
      { email: 'not-an-email', name: 'S', password: PASSWORD, role: 'partner_engineer' },
      'users',
      422,
      'email',
    ],
    [
      'contract ending before it starts',
      () => w.provider,
      'CONTRACTS',
      { number: 'BACKWARDS-1', startsOn: '2026-05-01', endsOn: '2026-04-30' },
      'contracts',
      422,
      'endsOn',
    ],
    [
      'contract with an impossible date',
      () => w.provider,
      'CONTRACTS',
      { number: 'BADDATE-1', startsOn: '2026-02-30', endsOn: '2026-04-30' },
      'contracts',
      422,
      'startsOn',
    ],
  ];
  it.each(badInputs)('%s', async (_label, caller, target, body, table, status, path) => {
    const url =
      target === 'CUSTOMERS'
        ? `/partners/${w.a.partnerId}/customers`
        : target === 'CONTRACTS'
          ? '/contracts'
          : target;
    const payload = target === 'CONTRACTS' ? { customerId: w.a.customerId, ...(body as object) } : body;
    const [rowsBefore, auditBefore] = [await count(table), await count('audit_log')];
    const problem = expectProblem(await caller().post(url, payload), status);
    expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(await count(table)).toBe(rowsBefore);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('rejects a duplicate partner name (any case) with 409 naming the field', async () => {
    const name = unique('Dup Partner');
    expect((await w.provider.post('/partners', { name })).statusCode).toBe(201);
    const before = await count('partners');
    const problem = expectProblem(
      await w.provider.post('/partners', { name: name.toUpperCase() }),
      409,
      'partner_name_taken',
    );
    expect(problem.errors?.[0]?.path).toBe('name');
    expect(await count('partners')).toBe(before);
  });

  it('rejects a duplicate contract number with 409', async () => {
    const number = unique('DUP').toUpperCase();
    const body = { customerId: w.a.customerId, number, startsOn: '2026-01-01', endsOn: '2026-12-31' };
    expect((await w.provider.post('/contracts', body)).statusCode).toBe(201);
    expectProblem(
      await w.provider.post('/contracts', { ...body, number: number.toLowerCase() }),
      409,
      'contract_number_taken',
    );
  });

  it('rejects a duplicate e-mail (any case) with 409', async () => {
    const email = `${unique('dup')}@a.example`;
    const body = { email, name: 'D', password: PASSWORD, role: 'partner_engineer' };
    expect((await w.a.admin.post('/users', body)).statusCode).toBe(201);
    expectProblem(
      await w.a.admin.post('/users', { ...body, email: email.toUpperCase() }),
      409,
      'email_taken',
    );
  });
});

describe('scope (SPEC §1)', () => {
  it('matches the SPEC §7 shapes for partner and customer creation', async () => {
    const partner = await w.provider.post('/partners', { name: unique('Shape') });
    expect(partner.statusCode).toBe(201);
    expect(partner.json()).toMatchObject({ id: expect.any(String), name: expect.stringContaining('Shape') });
    const customer = await w.provider.post(`/partners/${partner.json().id}/customers`, {
      name: 'Acme',
      region: 'APJC',
    });
    expect(customer.statusCode).toBe(201);
    expect(customer.json()).toMatchObject({
      id: expect.any(String),
      partnerId: partner.json().id,
      name: 'Acme',
      region: 'APJC',
    });
    const user = await w.provider.post('/users', {
      email: `${unique('s')}@x.example`,
      name: 'S',
      password: PASSWORD,
      role: 'provider_engineer',
    });
    expect(user.statusCode).toBe(201);
    expect(user.json()).toMatchObject({
      id: expect.any(String),
      email: expect.any(String),
      role: 'provider_engineer',
    });
    expect(user.json()).not.toHaveProperty('password');
    expect(user.json()).not.toHaveProperty('passwordHash');
  });

  it("lists only the caller's own partner's customers", async () => {
    const list = await w.b.engineer.get('/customers?limit=200');
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ items: { partnerId: string }[] }>().items.map((c) => c.partnerId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([w.b.partnerId]));
  });

  it('gives a customer viewer only its own customer, contracts and user', async () => {
    const customers = await w.a.viewer.get('/customers');
    expect(customers.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toEqual([w.a.customerId]);
    expectProblem(await w.a.viewer.get(`/customers/${w.a.otherCustomerId}`), 404);
    const contracts = await w.a.viewer.get('/contracts');
    expect(
      contracts
        .json<{ items: { customerId: string }[] }>()
        .items.every((c) => c.customerId === w.a.customerId),
    ).toBe(true);
    const users = await w.a.viewer.get('/users');
    expect(users.json<{ items: { id: string }[] }>().items.map((u) => u.id)).toEqual([w.a.viewerId]);
  });

  it('lets a partner admin create users only on the partner side', async () => {
    const provider = await w.a.admin.post('/users', {
      email: `${unique('p')}@a.example`,
      name: 'P',
      password: PASSWORD,
      role: 'provider_admin',
    });
    expectProblem(provider, 403);
    const viewer = await w.a.admin.post('/users', {
      email: `${unique('v')}@a.example`,
      name: 'V',
      password: PASSWORD,
      role: 'customer_viewer',
      customerId: w.a.otherCustomerId,
    });
    expect(viewer.statusCode, viewer.body).toBe(201);
    expect(viewer.json()).toMatchObject({ partnerId: w.a.partnerId, customerId: w.a.otherCustomerId });
    const foreignCustomer = await w.a.admin.post('/users', {
      email: `${unique('v')}@a.example`,
      name: 'V',
      password: PASSWORD,
      role: 'customer_viewer',
      customerId: w.b.customerId,
    });
    expectProblem(foreignCustomer, 404);
  });

  it('requires the right placement for each role', async () => {
    const noPartner = await w.provider.post('/users', {
      email: `${unique('n')}@x.example`,
      name: 'N',
      password: PASSWORD,
      role: 'partner_engineer',
    });
    expect(expectProblem(noPartner, 422).errors?.[0]?.path).toBe('partnerId');
    const providerWithPartner = await w.provider.post('/users', {
      email: `${unique('n')}@x.example`,
      name: 'N',
      password: PASSWORD,
      role: 'provider_engineer',
      partnerId: w.a.partnerId,
    });
    expect(expectProblem(providerWithPartner, 422).errors?.[0]?.path).toBe('partnerId');
  });
});

describe('lists: filters, search and cursor pagination', () => {
  it('walks every page exactly once in name order', async () => {
    const partner = (await w.provider.post('/partners', { name: unique('Paging') })).json<{ id: string }>();
    const names = Array.from({ length: 7 }, (_, i) => `Zeta ${String.fromCharCode(71 - i)} ${i}`);
    for (const name of names) {
      expect(
        (await w.provider.post(`/partners/${partner.id}/customers`, { name, region: 'AMER' })).statusCode,
      ).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/customers?partnerId=${partner.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await w.provider.get(url)).json<{
        items: { name: string }[];
        nextCursor: string | null;
      }>();
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
  });

  it('searches names case-insensitively and treats % as a literal', async () => {
    const partner = (await w.provider.post('/partners', { name: unique('Search') })).json<{ id: string }>();
    await w.provider.post(`/partners/${partner.id}/customers`, { name: 'Harbour Clinic', region: 'AUS' });
    await w.provider.post(`/partners/${partner.id}/customers`, { name: '100% Fibre', region: 'AUS' });
    const byText = (await w.provider.get(`/customers?partnerId=${partner.id}&q=HARBOUR`)).json<{
      items: { name: string }[];
    }>();
    expect(byText.items.map((c) => c.name)).toEqual(['Harbour Clinic']);
    const byPercent = (
      await w.provider.get(`/customers?partnerId=${partner.id}&q=${encodeURIComponent('%')}`)
    ).json<{ items: { name: string }[] }>();
    expect(byPercent.items.map((c) => c.name)).toEqual(['100% Fibre']);
    const byRegion = (await w.provider.get(`/customers?partnerId=${partner.id}&region=EMEA`)).json<{
      items: unknown[];
    }>();
    expect(byRegion.items).toEqual([]);
  });

  it('rejects a forged cursor and an out-of-range limit with 400', async () => {
    expectProblem(await w.provider.get('/customers?cursor=bm9wZQ'), 400, 'invalid_cursor');
    expectProblem(await w.provider.get('/customers?limit=5000'), 400);
    expectProblem(await w.provider.get('/customers?colour=red'), 400);
  });

  it('filters contracts active on a date', async () => {
    const customer = (
      await w.provider.post(`/partners/${w.a.partnerId}/customers`, { name: unique('Dated'), region: 'EMEA' })
    ).json<{ id: string }>();
    const old = unique('OLD').toUpperCase();
    await w.provider.post('/contracts', {
      customerId: customer.id,
      number: old,
      startsOn: '2020-01-01',
      endsOn: '2021-12-31',
    });
    const current = unique('NOW').toUpperCase();
    await w.provider.post('/contracts', {
      customerId: customer.id,
      number: current,
      startsOn: '2026-01-01',
      endsOn: '2026-11-24',
    });
    const onDay = (await w.provider.get(`/contracts?customerId=${customer.id}&activeOn=2026-11-24`)).json<{
      items: { number: string }[];
    }>();
    expect(onDay.items.map((c) => c.number)).toEqual([current]);
    const dayAfter = (await w.provider.get(`/contracts?customerId=${customer.id}&activeOn=2026-11-25`)).json<{
      items: unknown[];
    }>();
    expect(dayAfter.items).toEqual([]);
  });

  it("answers every contract with its customer's name, for every caller that reads it", async () => {
    const name = unique('Named customer');
    const customer = (
      await w.provider.post(`/partners/${w.a.partnerId}/customers`, { name, region: 'EMEA' })
    ).json<{ id: string }>();
    const number = unique('NAMED').toUpperCase();
    const created = await w.provider.post('/contracts', {
      customerId: customer.id,
      number,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const contract = created.json<{ id: string; customerName: string }>();
    expect(contract.customerName).toBe(name);
    const updated = await w.provider.patch(`/contracts/${contract.id}`, { endsOn: '2027-01-31' });
    expect(updated.json<{ customerName: string }>().customerName).toBe(name);
    const deactivated = await w.provider.post(`/contracts/${contract.id}/deactivate`);
    expect(deactivated.json<{ customerName: string }>().customerName).toBe(name);
    for (const caller of [w.provider, w.a.admin, w.a.engineer]) {
      expect(
        (await caller.get(`/contracts/${contract.id}`)).json<{ customerName: string }>().customerName,
      ).toBe(name);
      const list = (await caller.get(`/contracts?q=${number}&active=false`)).json<{
        items: { id: string; customerName: string }[];
      }>();
      expect(list.items.map((c) => [c.id, c.customerName])).toEqual([[contract.id, name]]);
    }
    // The partner's (RLS-scoped) list names the customers of every row it gives.
    const partnerList = (await w.a.admin.get('/contracts?limit=200')).json<{
      items: { customerId: string; customerName: string }[];
    }>();
    expect(partnerList.items.length).toBeGreaterThan(0);
    expect(partnerList.items.every((c) => c.customerName !== '')).toBe(true);
    // A customer viewer reads its own contract with its own customer's name.
    const own = (await w.a.viewer.get('/contracts')).json<{
      items: { id: string; customerName: string }[];
    }>();
    expect(own.items.map((c) => c.id)).toContain(w.a.contractId);
    expect(own.items.every((c) => c.customerName !== '')).toBe(true);
    // What audit rows record is unchanged: no names read from customers.
    const audited = await sql<{ before: unknown; after: unknown }>`
      select before, after from audit_log where entity_id = ${contract.id}
    `.execute(t.database.db);
    expect(audited.rows.length).toBe(3);
    for (const row of audited.rows) {
      expect(row.after).not.toHaveProperty('customerName');
      if (row.before) expect(row.before).not.toHaveProperty('customerName');
    }
  });
});

describe('deactivate instead of delete', () => {
  it('deactivates a user, which ends their sessions, and reactivates them', async () => {
    const email = `${unique('leaver')}@a.example`;
    const created = await w.a.admin.post('/users', {
      email,
      name: 'Leaver',
      password: PASSWORD,
      role: 'partner_engineer',
    });
    const id = created.json<{ id: string }>().id;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    const token = login.json<{ token: string }>().token;
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    const off = await w.a.admin.post(`/users/${id}/deactivate`);
    expect(off.json()).toMatchObject({ active: false });
    expectProblem(await me(), 401);
    const failedLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    expectProblem(failedLogin, 401, 'invalid_credentials');
    expect((await w.a.admin.get(`/users/${id}`)).json()).toMatchObject({ active: false });
    expect((await w.a.admin.post(`/users/${id}/reactivate`)).json()).toMatchObject({ active: true });
    expect((await me()).statusCode).toBe(200);
  });

  it('refuses to deactivate yourself', async () => {
    expectProblem(await w.a.admin.post(`/users/${w.a.adminId}/deactivate`), 409, 'cannot_deactivate_self');
  });

  it('refuses new customers for a deactivated partner', async () => {
    const partner = (await w.provider.post('/partners', { name: unique('Sunset') })).json<{ id: string }>();
    expect((await w.provider.post(`/partners/${partner.id}/deactivate`)).json()).toMatchObject({
      active: false,
    });
    expectProblem(
      await w.provider.post(`/partners/${partner.id}/customers`, { name: 'Late', region: 'EMEA' }),
      409,
      'partner_inactive',
    );
    const active = (await w.provider.get(`/partners?active=false&q=${encodeURIComponent('Sunset')}`)).json<{
      items: { id: string }[];
    }>();
    expect(active.items.map((p) => p.id)).toContain(partner.id);
  });
});
