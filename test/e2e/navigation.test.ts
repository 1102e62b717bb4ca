import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { navLabels, newPage, PASSWORD, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

interface NavGroup {
  group: string;
  expanded: boolean;
  links: string[];
}

/** The navigation's groups: each disclosure button, whether it is open, and the links it holds. */
async function navGroups(page: Page): Promise<NavGroup[]> {
  await page.locator('nav.mantine-AppShell-navbar [data-nav-group]').first().waitFor();
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('nav.mantine-AppShell-navbar [data-nav-group]')].map(
      (b) => ({
        group: b.textContent?.trim() ?? '',
        expanded: b.getAttribute('aria-expanded') === 'true',
        links: [
          ...(document.getElementById(b.getAttribute('aria-controls') ?? '')?.querySelectorAll('a') ?? []),
        ].map((a) => a.textContent?.trim() ?? ''),
      }),
    ),
  );
}

/** The links outside every group (audit, responsibilities, profile). */
async function ungrouped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('nav.mantine-AppShell-navbar a')]
      .filter((a) => !a.closest('[role="group"]'))
      .map((a) => a.textContent?.trim() ?? ''),
  );
}

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
      'Changes',
      'Reschedule requests',
      'Calendar',
      'Change requests',
      'Follow-up tasks',
      'Calendar feeds',
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
      'Changes',
      'Reschedule requests',
      'Calendar',
      'Change requests',
      'Follow-up tasks',
      'Calendar feeds',
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
      'Changes',
      'Reschedule requests',
      'Calendar',
      'Change requests',
      'Follow-up tasks',
      'Calendar feeds',
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
      'Changes',
      'Reschedule requests',
      'Calendar',
      'Change requests',
      'Follow-up tasks',
      'Calendar feeds',
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
      'Changes',
      'Calendar',
      'Calendar feeds',
      'Responsibilities',
      'Profile',
    ]);
    await page.getByRole('heading', { name: 'Contoso Health', level: 1 }).waitFor();
    await page.goto('/contracts');
    await page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
  });

  test('the provider navigation is grouped; the group of the current page is open, the others open on demand', async () => {
    const page = await signIn(env, 'admin@provider.example');
    expect(await navGroups(page)).toEqual([
      { group: 'Directory', expanded: true, links: ['Customers', 'Partners', 'Users', 'Contracts'] },
      {
        group: 'Service inventory',
        expanded: false,
        links: [
          'Instances',
          'Version compliance',
          'Releases',
          'Certificates',
          'Capacity',
          'Backups',
          'COP files',
        ],
      },
      {
        group: 'Operations',
        expanded: false,
        links: ['Cases', 'Attainment', 'Outages', 'Disaster recovery', 'Network activity'],
      },
      {
        group: 'Change management',
        expanded: false,
        links: [
          'Changes',
          'Reschedule requests',
          'Calendar',
          'Change requests',
          'Follow-up tasks',
          'Calendar feeds',
        ],
      },
      { group: 'Notifications', expanded: false, links: ['Subscriptions', 'Delivery log', 'Mailbox'] },
    ]);
    expect(await ungrouped(page)).toEqual(['Audit log', 'Responsibilities', 'Profile']);
    const navbar = page.locator('nav.mantine-AppShell-navbar');
    await expect(navbar.getByRole('link', { name: 'Backups' }).isVisible()).resolves.toBe(false);

    // Keyboard: the group heading is a button; Enter opens it, and its links are next in tab order.
    const inventory = navbar.getByRole('button', { name: 'Service inventory' });
    await inventory.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => inventory.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Instances');
    await navbar.getByRole('link', { name: 'Backups' }).click();
    await page.waitForURL(/\/inventory\/backups/);
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    await expect(navbar.locator('a[aria-current="page"]').innerText()).resolves.toBe('Backups');
    // Space closes it again; the page's own group can be closed too, and says it holds the page.
    await inventory.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => inventory.getAttribute('aria-expanded')).toBe('false');
    await expect(inventory.getAttribute('data-active')).resolves.toBe('true');

    // Arriving at a page of a closed group opens it.
    await page.goto('/changes');
    await page.getByRole('heading', { name: 'Changes', level: 1 }).waitFor();
    const changes = navbar.getByRole('button', { name: 'Change management' });
    await expect.poll(() => changes.getAttribute('aria-expanded')).toBe('true');
    await expect(navbar.locator('a[aria-current="page"]').innerText()).resolves.toBe('Changes');
  });

  test('partners and customer viewers get the groups their role has entries in', async () => {
    const partner = await signIn(env, 'engineer@northwind.example');
    expect((await navGroups(partner)).map((g) => [g.group, g.links])).toEqual([
      ['Directory', ['Customers', 'Users', 'Contracts']],
      [
        'Service inventory',
        ['Instances', 'Version compliance', 'Releases', 'Certificates', 'Capacity', 'COP files'],
      ],
      ['Operations', ['Cases', 'Attainment', 'Outages', 'Disaster recovery', 'Network activity']],
      [
        'Change management',
        [
          'Changes',
          'Reschedule requests',
          'Calendar',
          'Change requests',
          'Follow-up tasks',
          'Calendar feeds',
        ],
      ],
      ['Notifications', ['Subscriptions', 'Delivery log', 'Mailbox']],
    ]);
    expect(await ungrouped(partner)).toEqual(['Responsibilities', 'Profile']);

    const viewer = await signIn(env, 'viewer@contoso-health.example');
    expect(await navGroups(viewer)).toEqual([
      { group: 'Directory', expanded: true, links: ['My organisation', 'Contracts'] },
      {
        group: 'Service inventory',
        expanded: false,
        links: ['Instances', 'Releases', 'Certificates', 'Capacity', 'COP files'],
      },
      { group: 'Operations', expanded: false, links: ['Cases', 'Outages', 'Disaster recovery'] },
      { group: 'Change management', expanded: false, links: ['Changes', 'Calendar', 'Calendar feeds'] },
    ]);
    expect(await ungrouped(viewer)).toEqual(['Responsibilities', 'Profile']);
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
