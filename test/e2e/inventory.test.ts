import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PASSWORD, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const unique = () => Date.now().toString(36);

/** A bearer token for API calls the test makes behind the browser's back. */
async function token(email: string): Promise<string> {
  const res = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function apiGet<T>(bearer: string, path: string): Promise<T> {
  const res = await fetch(`${env.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  expect(res.status, `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

async function customerId(bearer: string, name: string): Promise<string> {
  const found = await apiGet<{ items: { id: string; name: string }[] }>(
    bearer,
    `/customers?q=${encodeURIComponent(name)}`,
  );
  const id = found.items.find((c) => c.name === name)?.id;
  expect(id, name).toBeTruthy();
  return id ?? '';
}

/** The tiers of the badges in the rows shown. */
function rowTiers(page: Page): Promise<string[]> {
  return page
    .getByTestId('application-row')
    .getByTestId('tier-badge')
    .evaluateAll((nodes) => [...new Set(nodes.map((n) => n.getAttribute('data-tier') ?? ''))].sort());
}

async function pick(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface Report {
  partners: { partnerId: string; partnerName: string; applications: number; tiers: Record<string, number> }[];
}

describe('inventory', () => {
  test('the instances list filters by tier and "must upgrade", pages on, and opens an application', async () => {
    const page = await signIn(env, 'tac@provider.example');
    await page.goto('/inventory');
    await page.getByRole('heading', { name: 'Instances', level: 1 }).waitFor();
    await page.getByTestId('application-row').first().waitFor();
    // Every demo tier is on the first pages; 25 rows a page, then "Load more".
    await expect.poll(() => page.getByTestId('application-row').count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.getByTestId('application-row').count()).toBe(50);

    await pick(page, 'Tier', 'n-2');
    await expect.poll(() => rowTiers(page)).toEqual(['n-2']);
    await expect(page.getByTestId('application-row').first().innerText()).resolves.toContain(
      'Upgrade to 15.0 SU2',
    );
    expect(new URL(page.url()).searchParams.get('tier')).toContain('n-2');

    await pick(page, 'Tier', 'Unsupported');
    await expect.poll(() => rowTiers(page)).toEqual(['unsupported']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('checkbox', { name: 'Must upgrade' }).check();
    await expect.poll(() => rowTiers(page)).not.toContain('n');
    await expect.poll(() => page.getByTestId('application-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'inventory-must-upgrade');

    // One customer's instance, through a link the way the compliance view makes it.
    const bearer = await token('tac@provider.example');
    const contoso = await customerId(bearer, 'Contoso Health');
    await page.goto(`/inventory?customerId=${contoso}`);
    await expect
      .poll(async () => [
        ...new Set(
          await page.getByTestId('application-row').locator('td:nth-child(2) p:first-child').allInnerTexts(),
        ),
      ])
      .toEqual(['Contoso Health']);
    await expect(page.getByRole('combobox', { name: 'Customer' }).inputValue()).resolves.toBe(
      'Contoso Health',
    );
    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    await expect(exportLink.getAttribute('href')).resolves.toBe(
      `/api/v1/applications/export.csv?customerId=${contoso}`,
    );

    const first = page.getByTestId('application-row').first().getByRole('link');
    const name = await first.innerText();
    await first.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const nodes = page.getByTestId('nodes-table');
    await nodes.getByRole('cell', { name: 'Publisher', exact: true }).waitFor();
    await expect(nodes.locator('tbody tr').count()).resolves.toBeGreaterThan(1);
    await expect(page.getByTestId('compliance-explanation').innerText()).resolves.toMatch(
      /is (on the current release|one release behind|two releases behind|not on the release train)/,
    );
    // Times in the user's zone (the demo TAC engineer works on New York time), the zone named.
    await page.getByText('(America/New_York)').first().waitFor();
    await page.getByTestId('responsibility-link-disaster_recovery').waitFor();
    await screenshot(page, 'inventory-detail');
  });

  test('a partner engineer reads its own customers only, and cannot change anything', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto('/inventory');
    await page.getByTestId('application-row').first().waitFor();
    await expect(page.getByRole('button', { name: 'Add application' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Import CSV' }).count()).resolves.toBe(0);
    await page.getByRole('searchbox', { name: 'Search applications, customers, versions' }).fill('Hobart');
    await page.getByText('No applications').waitFor();
  });

  test('the provider adds an application: a version off n is refused on the field, n is accepted; then edited and deleted', async () => {
    const name = `CUCM-E2E-${unique()}`;
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/inventory');
    await page.getByTestId('application-row').first().waitFor();
    await page.getByRole('button', { name: 'Add application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an application' });
    await dialog.getByRole('combobox', { name: 'Customer' }).fill('Fabrikam');
    await page.getByRole('option', { name: 'Fabrikam Logistics' }).click();
    await dialog.getByRole('combobox', { name: 'Application type' }).click();
    await page.getByRole('option', { name: 'Unified CM (CUCM)' }).click();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await dialog.getByRole('combobox', { name: 'Version' }).fill('14.0 SU3');
    await dialog.getByRole('textbox', { name: 'Primary data centre' }).fill('NYC1');
    await dialog.getByRole('textbox', { name: 'Failover data centre' }).fill('DAL1');
    await dialog.getByRole('textbox', { name: 'Host name, node 1' }).fill('pub-e2e.fabrikam.example');
    await dialog.getByRole('textbox', { name: 'Host name, node 2' }).fill('sub1-e2e.fabrikam.example');
    await dialog.getByRole('button', { name: 'Add node' }).click();
    await dialog.getByRole('textbox', { name: 'Host name, node 3' }).fill('sub2-e2e.fabrikam.example');
    await dialog.getByRole('button', { name: 'Remove node 3' }).click();
    await expect(dialog.getByTestId('node-row').count()).resolves.toBe(2);
    await dialog.getByRole('button', { name: 'Add application' }).click();

    // The 422 lands on the version field, in words naming what n is.
    const version = dialog.getByRole('combobox', { name: 'Version' });
    const message = 'New deployments go only on n (15.0 SU1, 15.0 SU2); 14.0 SU3 is n-1.';
    const error = dialog.getByText(message, { exact: true });
    await error.waitFor();
    await expect(version.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(version.getAttribute('aria-describedby')).resolves.toContain(
      (await error.getAttribute('id')) ?? 'no id',
    );
    await screenshot(page, 'inventory-add-422');

    await version.fill('15.0 SU2');
    await dialog.getByRole('button', { name: 'Add application' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${name} added.`).waitFor();

    await page.getByRole('searchbox', { name: 'Search applications, customers, versions' }).fill(name);
    await expect.poll(() => page.getByTestId('application-row').count()).toBe(1);
    await expect.poll(() => rowTiers(page)).toEqual(['n']);

    // After an upgrade gone wrong (or a record to correct) the provider edits the version: any known version.
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    await edit.getByRole('combobox', { name: 'Version' }).fill('14.0 SU4');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('application-version').innerText()).toBe('14.0 SU4');
    await page.getByText('14.0 SU4 is one release behind (n-1): it must upgrade to 15.0 SU2.').waitFor();

    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
    await confirm.getByText('Fabrikam Logistics', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/inventory\?customerId=/);
    await page.getByText(`${name} deleted.`).waitFor();
    const bearer = await token('admin@provider.example');
    const left = await apiGet<{ items: unknown[] }>(bearer, `/applications?q=${encodeURIComponent(name)}`);
    expect(left.items).toEqual([]);
  });

  test('importing a CSV with a bad line imports nothing and lists the problems by line; an export imports back unchanged', async () => {
    const bearer = await token('admin@provider.example');
    const coral = await customerId(bearer, 'Coral Bay Bank');
    const header =
      'customerId,customer,application,kind,version,region,publisher,subscribers,primaryDataCentre,failoverDataCentre,sso';
    const csv = [
      header,
      `${coral},Coral Bay Bank,CUCM-IMPORT-${unique()},cucm,15.0 SU2,,pub-i.coral.example@SYD1,sub1-i.coral.example@MEL1,SYD1,MEL1,true`,
      `${coral},Coral Bay Bank,CUCXN-IMPORT-${unique()},voicemail,15.0 SU2,,pub-x.coral.example,,SYD1,MEL1,maybe`,
    ].join('\n');

    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/inventory');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import the instance CSV' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('Required').waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'instances.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await dialog.getByRole('button', { name: 'Import' }).click();
    const errors = dialog.getByTestId('import-errors');
    await errors.getByText('Nothing was imported').waitFor();
    const rows = errors.getByTestId('import-error-row');
    await expect(rows.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^3\s+kind\s+Must be one of cucm, cucxn, imp, cer, expressway, sme\.$/),
      expect.stringMatching(/^3\s+sso\s+Must be true or false \(yes\/no, 1\/0\)\.$/),
    ]);
    await screenshot(page, 'inventory-import-errors');
    const none = await apiGet<{ items: unknown[] }>(bearer, `/applications?customerId=${coral}&q=IMPORT`);
    expect(none.items).toEqual([]);

    // The export of one customer is the import format: it goes back in unchanged.
    const exported = await fetch(`${env.baseUrl}/api/v1/applications/export.csv?customerId=${coral}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const text = await exported.text();
    const lines = text.trim().split(/\r?\n/).length - 1;
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'coral.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await dialog.getByRole('button', { name: 'Import' }).click();
    const result = dialog.getByTestId('import-result');
    await result.getByText(`${lines} lines: 0 added, 0 updated, ${lines} unchanged.`).waitFor();
    await screenshot(page, 'inventory-import-done');
  });

  test('the compliance chart draws every partner, its table carries the numbers, and a partner opens its customers', async () => {
    const bearer = await token('tac@provider.example');
    const report = await apiGet<Report>(bearer, '/reports/version-compliance');
    const page = await signIn(env, 'tac@provider.example');
    await page.goto('/inventory/compliance');
    await page.getByRole('heading', { name: 'Version compliance', level: 1 }).waitFor();
    const train = page.getByTestId('release-train');
    await train.getByText('15.0', { exact: true }).waitFor();
    await expect(page.getByTestId('train-target').innerText()).resolves.toBe('15.0 SU2');

    const chart = page.getByTestId('partner-compliance-chart');
    await chart.waitFor();
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.getByTestId('chart-row').count()).resolves.toBe(report.partners.length);
    await expect(chart.locator('rect title').count()).resolves.toBeGreaterThan(report.partners.length);

    const table = page.getByTestId('partner-compliance-table');
    for (const p of report.partners) {
      const row = table.getByTestId('partner-compliance-row').filter({ hasText: p.partnerName });
      const cells = await row.locator('td').allInnerTexts();
      expect(cells.slice(0, 5)).toEqual([
        String(p.applications),
        String(p.tiers.n),
        String(p.tiers['n-1']),
        String(p.tiers['n-2']),
        String(p.tiers.unsupported),
      ]);
    }
    await screenshot(page, 'inventory-compliance');

    await table.getByRole('button', { name: 'Northwind Communications' }).click();
    await page.getByRole('heading', { name: 'Customers of Northwind Communications' }).waitFor();
    const customers = page.getByTestId('customer-compliance-row');
    await expect.poll(() => customers.count()).toBe(8);
    await page.getByTestId('customer-compliance-chart').waitFor();
    // Least compliant first: the share on n never decreases down the table.
    const shares = (await customers.locator('td:nth-child(7)').allInnerTexts()).map((s) =>
      Number.parseInt(s, 10),
    );
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    await screenshot(page, 'inventory-compliance-partner');

    const firstName = await customers.first().locator('th').innerText();
    await customers.first().getByRole('link').click();
    await page.waitForURL(/\/inventory\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('mustUpgrade')).toBe('true');
    await expect.poll(() => page.getByTestId('application-row').count()).toBeGreaterThan(0);
    await expect.poll(() => rowTiers(page)).not.toContain('n');
    await expect(page.getByTestId('application-row').first().innerText()).resolves.toContain(firstName);
  });

  test('releases: the train in force; publishing asks first, saying what will happen, then shows the result and the campaign', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/inventory/releases');
    await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
    // Only the entry of this page is current, not "Instances" (/inventory) above it.
    await expect(
      page.locator('nav.mantine-AppShell-navbar a[aria-current="page"]').allInnerTexts(),
    ).resolves.toEqual(['Releases']);
    await expect(page.getByTestId('train-target').innerText()).resolves.toBe('15.0 SU2');
    await page.getByTestId('train-origin').waitFor();

    // A release already on the train: the server's 422 lands on the release field (nothing published).
    const form = page.getByTestId('publish-form');
    await form.getByRole('textbox', { name: 'Release' }).fill('15.0');
    await form.getByRole('combobox', { name: 'Service updates' }).fill('SU3');
    await form.getByRole('combobox', { name: 'Service updates' }).press('Enter');
    await form.getByRole('button', { name: 'Review and publish…' }).click();
    let confirm = page.getByRole('dialog', { name: 'Publish 15.0?' });
    await confirm.getByRole('button', { name: 'Publish 15.0' }).click();
    await form.getByText('15.0 is already on the release train.').waitFor();

    await form.getByRole('textbox', { name: 'Release' }).fill('16.0');
    const sus = form.getByRole('combobox', { name: 'Service updates' });
    await sus.press('Backspace');
    await sus.fill('su1');
    await sus.press('Enter');
    await sus.fill('SU2');
    await sus.press('Enter');
    await form.getByRole('button', { name: 'Review and publish…' }).click();
    confirm = page.getByRole('dialog', { name: 'Publish 16.0?' });
    const summary = confirm.getByTestId('publish-confirmation');
    await summary.getByText('n (current): 16.0 (SU1, SU2)').waitFor();
    await summary.getByText('n-1: 15.0 (SU1, SU2)').waitFor();
    await summary.getByText('n-2 (end of sale): 14.0 (SU3, SU4)').waitFor();
    await summary.getByText('12.5 (SU7a) leaves the train', { exact: false }).waitFor();
    await summary.getByText('Upgrade target: 16.0 SU2').waitFor();
    await summary
      .getByTestId('publish-falls-out')
      .getByText(/applications now on n fall to n-1/)
      .waitFor();
    await summary
      .getByText('Subscribers of the “Releases” category are notified', { exact: false })
      .waitFor();
    await screenshot(page, 'inventory-publish-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });

    // The publication itself is answered by a stand-in: a real one would shift the demo's train
    // under the other e2e files (the server side is covered by the integration tests).
    const campaignId = '7d4f8b1e-0000-4000-8000-00000000c0de';
    const customer = {
      customerId: '0b7e3c55-0000-4000-8000-00000000c001',
      customerName: 'Contoso Health',
      partnerId: 'p1',
      applicationIds: ['a', 'b'],
    };
    await page.route('**/api/v1/releases', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 201,
            contentType: 'application/json',
            body: JSON.stringify({
              train: {
                n: { version: '16.0', sus: ['SU1', 'SU2'] },
                n1: { version: '15.0', sus: ['SU1', 'SU2'] },
                n2: { version: '14.0', sus: ['SU3', 'SU4'] },
                target: '16.0 SU2',
              },
              previousTrain: {
                n: { version: '15.0', sus: ['SU1', 'SU2'] },
                n1: { version: '14.0', sus: ['SU3', 'SU4'] },
                n2: { version: '12.5', sus: ['SU7a'] },
                target: '15.0 SU2',
              },
              reclassified: 97,
              fellOutOfCompliance: { customers: 14, applications: 71 },
              campaignId,
            }),
          })
        : route.fallback(),
    );
    await page.route(`**/api/v1/upgrade-campaigns/${campaignId}`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          id: campaignId,
          target: '16.0 SU2',
          createdAt: '2026-11-24T09:00:00.000Z',
          customers: [customer],
        }),
      }),
    );
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/v1/releases') && r.method() === 'POST');
    await form.getByRole('button', { name: 'Review and publish…' }).click();
    await page
      .getByRole('dialog', { name: 'Publish 16.0?' })
      .getByRole('button', { name: 'Publish 16.0' })
      .click();
    expect((await posted).postDataJSON()).toEqual({ version: '16.0', sus: ['SU1', 'SU2'] });
    const result = page.getByTestId('publish-result');
    await result.getByText('Release 16.0 published').waitFor();
    await result.getByText('97 applications re-classified.').waitFor();
    await expect(result.getByTestId('publish-fell-out').innerText()).resolves.toBe(
      'Fell out of compliance: 14 customers / 71 applications.',
    );
    await screenshot(page, 'inventory-publish-result');
    await result.getByRole('link', { name: 'Open the upgrade campaign' }).click();
    await page.getByRole('heading', { name: 'Upgrade campaign', level: 1 }).waitFor();
    await expect(page.getByTestId('campaign-target').innerText()).resolves.toBe('16.0 SU2');
    const row = page.getByTestId('campaign-customer');
    await expect(row.innerText()).resolves.toContain('Contoso Health');
    await expect(
      row.getByRole('link', { name: 'Show what must upgrade' }).getAttribute('href'),
    ).resolves.toBe(`/inventory?customerId=${customer.customerId}&mustUpgrade=true`);
    await page.getByText('24 Nov 2026, 10:00 (Europe/Madrid)').waitFor();
  });

  test('in Spanish: a partner admin reads its instances and its customers’ compliance', async () => {
    const page = await signIn(env, 'admin@andes.example');
    await page.goto('/inventory');
    await page.getByRole('heading', { name: 'Instancias', level: 1 }).waitFor();
    await page.getByTestId('application-row').first().waitFor();
    for (const header of ['Aplicación', 'Cliente', 'Versión', 'Cumplimiento', 'Nodos', 'Centros de datos'])
      await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Debe actualizarse' }).check();
    await page.getByText('Actualizar a 15.0 SU2').first().waitFor();
    await screenshot(page, 'inventory-es');

    await page.goto('/inventory/compliance');
    await page.getByRole('heading', { name: 'Cumplimiento de versiones', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Clientes de Andes Telecom Partners' }).waitFor();
    await page.getByRole('columnheader', { name: 'Sin soporte' }).first().waitFor();
    await expect.poll(() => page.getByTestId('customer-compliance-row').count()).toBe(8);
    await page.getByText('Versión de destino').first().waitFor();
    await screenshot(page, 'inventory-compliance-es');
  });

  test('a customer viewer sees its own instance and releases, not the compliance report', async () => {
    const page = await signIn(env, 'viewer@contoso-health.example');
    await page.goto('/inventory');
    await page.getByTestId('application-row').first().waitFor();
    await expect(page.getByRole('combobox', { name: 'Customer' }).count()).resolves.toBe(0);
    const customers = await page
      .getByTestId('application-row')
      .locator('td:nth-child(2) p:first-child')
      .allInnerTexts();
    expect(new Set(customers)).toEqual(new Set(['Contoso Health']));
    await page.goto('/inventory/compliance');
    await page.waitForURL((url) => url.pathname === '/inventory');
    await page.goto('/inventory/releases');
    await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
    await expect(page.getByTestId('publish-form').count()).resolves.toBe(0);
  });
});
