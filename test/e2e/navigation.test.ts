import { describe, expect, test } from 'vitest';
import { navLabels, newPage, PASSWORD, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

describe('sign-in and role navigation', () => {
  test('a wrong password shows an error and stays on sign-in', async () => {
    const page = await newPage(env);
    await page.goto('/customers');
    await page.waitForURL(/\/sign-in/);
    await page.locator('input[name="email"]').fill('admin@provider.example');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await expect(page.getByRole('alert').first().innerText()).resolves.toContain('not correct');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  test('provider admin sees everything and lands on customers', async () => {
    const page = await signIn(env, 'admin@provider.example');
    expect(new URL(page.url()).pathname).toBe('/customers');
    expect(await navLabels(page)).toEqual([
      'Customers',
      'Partners',
      'Users',
      'Contracts',
      'Instances',
      'Version compliance',
      'Releases',
      'Certificates',
      'Capacity',
      'Backups',
      'COP files',
      'Cases',
      'Attainment',
      'Outages',
      'Disaster recovery',
      'Network activity',
      'Subscriptions',
      'Delivery log',
      'Mailbox',
      'Audit log',
      'Responsibilities',
      'Profile',
    ]);
    await page.getByRole('cell', { name: 'Contoso Health', exact: true }).waitFor();
  });

  test('provider engineer sees partners and audit', async () => {
    const page = await signIn(env, 'tac@provider.example');
    expect(await navLabels(page)).toEqual([
      'Customers',
      'Partners',
      'Users',
      'Contracts',
      'Instances',
      'Version compliance',
      'Releases',
      'Certificates',
      'Capacity',
      'Backups',
      'COP files',
      'Cases',
      'Attainment',
      'Outages',
      'Disaster recovery',
      'Network activity',
      'Subscriptions',
      'Delivery log',
      'Mailbox',
      'Audit log',
      'Responsibilities',
      'Profile',
    ]);
    await expect(page.getByRole('button', { name: 'New customer' }).count()).resolves.toBe(0);
  });

  test('partner admin sees no partners list, but the audit log, and only own customers', async () => {
    const page = await signIn(env, 'admin@northwind.example');
    expect(await navLabels(page)).toEqual([
      'Customers',
      'Users',
      'Contracts',
      'Instances',
      'Version compliance',
      'Releases',
      'Certificates',
      'Capacity',
      'COP files',
      'Cases',
      'Attainment',
      'Outages',
      'Disaster recovery',
      'Network activity',
      'Subscriptions',
      'Delivery log',
      'Mailbox',
      'Audit log',
      'Responsibilities',
      'Profile',
    ]);
    await page.getByRole('cell', { name: 'Contoso Health', exact: true }).waitFor();
    await expect(page.getByRole('cell', { name: 'Hobart Ferries', exact: true }).count()).resolves.toBe(0);
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  });

  test('partner engineer has neither partners nor audit', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    expect(await navLabels(page)).toEqual([
      'Customers',
      'Users',
      'Contracts',
      'Instances',
      'Version compliance',
      'Releases',
      'Certificates',
      'Capacity',
      'COP files',
      'Cases',
      'Attainment',
      'Outages',
      'Disaster recovery',
      'Network activity',
      'Subscriptions',
      'Delivery log',
      'Mailbox',
      'Responsibilities',
      'Profile',
    ]);
  });

  test('customer viewer sees only its own organisation and contracts', async () => {
    const page = await signIn(env, 'viewer@contoso-health.example');
    expect(new URL(page.url()).pathname).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
    expect(await navLabels(page)).toEqual([
      'My organisation',
      'Contracts',
      'Instances',
      'Releases',
      'Certificates',
      'Capacity',
      'COP files',
      'Cases',
      'Outages',
      'Disaster recovery',
      'Responsibilities',
      'Profile',
    ]);
    await page.getByRole('heading', { name: 'Contoso Health', level: 1 }).waitFor();
    await page.goto('/contracts');
    await page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
  });

  test('sign out returns to sign-in and the session is gone', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/users');
    await page.waitForURL(/\/sign-in\?redirect=/);
  });

  test('a customer of another partner answers "not found" in the UI, as in the API', async () => {
    const login = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@provider.example', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const found = await fetch(`${env.baseUrl}/api/v1/customers?q=Hobart`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await found.json()) as { items: { id: string }[] };
    const id = items[0]?.id;
    expect(id).toBeTruthy();

    const page = await signIn(env, 'admin@northwind.example');
    await page.goto(`/customers/${id}`);
    const alert = page.getByRole('alert');
    await alert.getByText('Not found').waitFor();
    await expect(alert.innerText()).resolves.toContain('Request ID');
  });
});
