import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { e2eApi } from '../support/e2e-api.ts';
import { dateTimeField, fillDateTime, navLabels, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { login, call } = e2eApi(env);
/** Marks what this file creates, so it never reads or changes anyone else's data. */
const tag = `e2e${Date.now().toString(36)}`;
/** The browser contexts run in this zone (support.ts). */
const ZONE = 'Europe/Madrid';

/** Customers made here, deactivated again at the end. */
const created: string[] = [];

const dateKey = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** A customer of the partner admin's partner, made for this file (AMER), with an active contract. */
async function newCustomer(partnerAdmin: string, name: string): Promise<{ id: string; contract: string }> {
  const admin = await login(partnerAdmin);
  const customer = await call<{ id: string }>(admin.token, 'POST', `/partners/${admin.partnerId}/customers`, {
    name,
    region: 'AMER',
  });
  const provider = await login('admin@provider.example');
  const contract = `CAP-${tag}-${customer.id.slice(0, 8)}`;
  await call(provider.token, 'POST', '/contracts', {
    customerId: customer.id,
    number: contract,
    startsOn: dateKey(Date.now() - 86_400_000),
    endsOn: dateKey(Date.now() + 365 * 86_400_000),
  });
  created.push(customer.id);
  return { id: customer.id, contract };
}

async function openCase(engineer: string, customer: { id: string; contract: string }, title: string) {
  const { token } = await login(engineer);
  return call<{ id: string; number: string }>(token, 'POST', '/cases', {
    customerId: customer.id,
    contractNumber: customer.contract,
    title,
    description: 'The customer grows by a new site next quarter; we need a capacity expansion plan.',
    category: 'configuration',
    impact: 'individualized',
    urgency: 'low',
    contact: { name: 'Ana Ruiz', phone: '+34 600 123 456', email: 'ana@partner.example' },
  });
}

async function activate(customerId: string, knowledgeWorkers: number, workspaceDevices: number) {
  const { token } = await login('admin@provider.example');
  await call(token, 'PUT', `/capacity/${customerId}/activation`, { knowledgeWorkers, workspaceDevices });
}

async function provision(
  customerId: string,
  counts: { knowledgeWorkers?: number; workspaceDevices?: number },
) {
  const { token } = await login('engineer@northwind.example');
  await call(token, 'PUT', `/capacity/${customerId}/provisioned`, counts);
}

/** An instant as a DateTimeField value on the wall clock of the browser's zone. */
function wallTime(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The level shown on one resource panel of the detail page, and its entitled count. */
async function panel(page: Page, resource: string) {
  const p = page.locator(`[data-testid="resource-panel"][data-resource="${resource}"]`);
  return {
    level: await p.getAttribute('data-level'),
    entitled: await p.getByTestId('entitled').innerText(),
    provisioned: await p.getByTestId('provisioned').innerText(),
  };
}

describe('capacity', () => {
  afterAll(async () => {
    // The customers made here leave the directory's active lists again.
    const { token } = await login('admin@provider.example');
    for (const id of created)
      await fetch(`${env.baseUrl}/api/v1/customers/${id}/deactivate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
  });

  test('the provider records an activation, then sees the chart, the table and the attention filter', async () => {
    const busy = await newCustomer('admin@northwind.example', `Capacity ${tag} Busy`);
    const calm = await newCustomer('admin@northwind.example', `Capacity ${tag} Calm`);
    await activate(calm.id, 100, 10);
    await provision(calm.id, { knowledgeWorkers: 10, workspaceDevices: 1 });

    const page = await signIn(env, 'admin@provider.example');
    await expect.poll(() => navLabels(page)).toContain('Capacity');
    await page.goto(`/inventory/capacity/${busy.id}`);
    await page.getByRole('heading', { name: `Capacity of Capacity ${tag} Busy`, level: 1 }).waitFor();
    const empty = page.getByTestId('not-activated');
    await empty.getByRole('heading', { name: 'Not activated yet' }).waitFor();
    await page.getByTestId('responsibility-link-capacity').waitFor();
    await empty.getByRole('textbox', { name: 'Knowledge workers entitled' }).fill('100');
    await empty.getByRole('textbox', { name: 'Workspace devices entitled' }).fill('20');
    await empty.getByRole('button', { name: 'Record activation' }).click();
    const confirm = page.getByRole('dialog', { name: `Record the activation of Capacity ${tag} Busy?` });
    await confirm.getByText('100 knowledge workers and 20 workspace devices', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Record activation' }).click();
    await page.getByText(`Activation of Capacity ${tag} Busy recorded.`).waitFor();
    await expect
      .poll(() => panel(page, 'knowledge_workers'))
      .toEqual({
        level: 'ok',
        entitled: '100',
        provisioned: '0',
      });

    // The partner provisions past both thresholds: 85 % and 95 %.
    await provision(busy.id, { knowledgeWorkers: 85, workspaceDevices: 19 });
    await page.goto(`/inventory/capacity?customerId=${busy.id}`);
    await page.getByRole('heading', { name: 'Capacity', level: 1 }).waitFor();
    const chart = page.getByTestId('capacity-chart');
    await chart.waitFor();
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.getAttribute('aria-label')).resolves.toContain('80 % and 90 % thresholds');
    const chartRow = chart.locator(`[data-testid="chart-row"][data-customer="Capacity ${tag} Busy"]`);
    await expect(
      chartRow.locator('[data-resource="knowledge_workers"]').getAttribute('data-level'),
    ).resolves.toBe('warning80');
    await expect(
      chartRow.locator('[data-resource="workspace_devices"]').getAttribute('data-level'),
    ).resolves.toBe('warning90');
    await chartRow.getByText('85 / 100 · 85 %', { exact: true }).waitFor();
    // The same numbers in the table, the level in words.
    const row = page.getByTestId('capacity-row').filter({ hasText: `Capacity ${tag} Busy` });
    await expect(row.locator('[data-resource="knowledge_workers"]').innerText()).resolves.toMatch(
      /85 of 100\s+85 % · 15 available\s+80 % reached/,
    );
    await expect(row.locator('[data-resource="workspace_devices"]').innerText()).resolves.toMatch(
      /19 of 20\s+95 % · 1 available\s+90 % reached/,
    );
    await expect(
      page.locator('nav.mantine-AppShell-navbar a[aria-current="page"]').allInnerTexts(),
    ).resolves.toEqual(['Capacity']);
    await screenshot(page, 'capacity');

    // "Needs attention" keeps the busy customer and drops the calm one; the filter is in the URL.
    await page.getByRole('checkbox', { name: 'Needs attention (80 % or more)' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('attention')).toBe('true');
    await expect.poll(() => page.getByTestId('capacity-row').count()).toBe(1);
    await page.goto(`/inventory/capacity?customerId=${calm.id}`);
    await page
      .getByTestId('capacity-row')
      .filter({ hasText: `Capacity ${tag} Calm` })
      .waitFor();
    await expect(
      page.getByTestId('capacity-row').getByTestId('level-badge').allInnerTexts(),
    ).resolves.toEqual(['Within capacity', 'Within capacity']);
    await page.getByRole('checkbox', { name: 'Needs attention (80 % or more)' }).check();
    await page.getByText('No customer is at 80 % or more of its capacity').waitFor();

    // The table links to the customer's page.
    await page.goto(`/inventory/capacity?customerId=${busy.id}`);
    await page.getByRole('link', { name: `Capacity ${tag} Busy` }).click();
    await page.waitForURL(new RegExp(`/inventory/capacity/${busy.id}$`));
    await expect.poll(() => panel(page, 'workspace_devices')).toMatchObject({ level: 'warning90' });
  });

  test('a customer not activated yet: the partner reads why there is no capacity, with nothing to fill in', async () => {
    const fresh = await newCustomer('admin@northwind.example', `Capacity ${tag} Fresh`);
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto(`/inventory/capacity/${fresh.id}`);
    const empty = page.getByTestId('not-activated');
    await empty
      .getByText('The provider records the knowledge workers and workspace devices', { exact: false })
      .waitFor();
    await expect(empty.getByRole('button').count()).resolves.toBe(0);
    await expect(page.getByTestId('provisioned-form').count()).resolves.toBe(0);
  });

  test('the partner reports counts and gets the 409 on the field, asks for an expansion citing a case; the provider plans and completes it and the entitlement grows', async () => {
    const customer = await newCustomer('admin@northwind.example', `Capacity ${tag} Growing`);
    await activate(customer.id, 50, 10);
    const plan = await openCase('engineer@northwind.example', customer, `Expansion plan ${tag}`);

    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.goto(`/inventory/capacity/${customer.id}`);
    const form = partner.getByTestId('provisioned-form');
    await form.getByRole('heading', { name: 'Report provisioned counts' }).waitFor();
    const workers = form.getByRole('textbox', { name: 'Knowledge workers provisioned' });
    await workers.fill('60');
    await form.getByRole('button', { name: 'Save counts' }).click();
    // The 409 names the field, the entitlement and the way out.
    const error = form.getByText('Above the entitlement of 50 — ask for an expansion.', { exact: true });
    await error.waitFor();
    await expect(workers.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(workers.getAttribute('aria-describedby')).resolves.toContain(
      (await error.getAttribute('id')) ?? 'no id',
    );
    await screenshot(partner, 'capacity-409');
    await workers.fill('45');
    await form.getByRole('button', { name: 'Save counts' }).click();
    await partner.getByText('Provisioned counts saved.').waitFor();
    await expect
      .poll(() => panel(partner, 'knowledge_workers'))
      .toEqual({
        level: 'warning90',
        entitled: '50',
        provisioned: '45',
      });

    // Ask for an expansion, citing the open case (a new one can be opened from the dialog too).
    await partner.getByRole('button', { name: 'Ask for an expansion' }).click();
    const ask = partner.getByRole('dialog', { name: `Ask for an expansion for Capacity ${tag} Growing` });
    await ask.getByRole('link', { name: 'Open a new support case' }).waitFor();
    await ask.getByRole('button', { name: 'Ask for the expansion' }).click();
    await ask.getByText('Choose the support case for the expansion plan.').waitFor();
    await ask.getByRole('textbox', { name: 'Additional' }).fill('25');
    await ask.getByRole('combobox', { name: 'Support case' }).click();
    await partner.getByRole('option', { name: `${plan.number} · Expansion plan ${tag}` }).click();
    await ask.getByRole('textbox', { name: 'Reason' }).fill('A new contact centre opens in March.');
    await ask.getByRole('button', { name: 'Ask for the expansion' }).click();
    await ask.waitFor({ state: 'detached' });
    await partner.getByText(`Expansion requested, citing case ${plan.number}.`).waitFor();
    const requested = partner.getByTestId('expansion-row').first();
    await expect(requested.getAttribute('data-status')).resolves.toBe('requested');
    await requested.getByText('+25 knowledge workers').waitFor();
    await expect(requested.getByRole('link', { name: plan.number }).getAttribute('href')).resolves.toBe(
      `/cases/${plan.id}`,
    );
    // The partner cannot plan or complete.
    await expect(requested.getByRole('button', { name: /^Plan/ }).count()).resolves.toBe(0);
    await requested.getByRole('button', { name: `Cancel: case ${plan.number}` }).waitFor();

    // The provider plans it (a time in the viewer's zone) and completes it, after confirming.
    const provider = await signIn(env, 'admin@provider.example');
    await provider.goto(`/inventory/capacity/${customer.id}`);
    const row = provider.getByTestId('expansion-row').first();
    await row.getByRole('button', { name: `Plan: case ${plan.number}` }).click();
    const planDialog = provider.getByRole('dialog', { name: 'Plan the expansion (+25 knowledge workers)' });
    await planDialog.getByText(`Date and time in ${ZONE}.`).waitFor();
    await fillDateTime(dateTimeField(planDialog, 'In place by'), wallTime(Date.now() + 7 * 86_400_000));
    await planDialog.getByRole('textbox', { name: 'Note for the partner' }).fill('Subscriber node added.');
    await planDialog.getByRole('button', { name: 'Save the plan' }).click();
    await planDialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('planned');
    await row.getByText(`(${ZONE})`).first().waitFor();
    await row.getByText('Subscriber node added.').waitFor();

    await row.getByRole('button', { name: `Complete: case ${plan.number}` }).click();
    const confirm = provider.getByRole('dialog', { name: 'Complete the expansion (+25 knowledge workers)?' });
    await confirm.getByText('grows from 50 to 75', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Complete and raise the entitlement' }).click();
    await provider.getByText('Expansion completed: Knowledge workers entitled to 75.').waitFor();
    await expect.poll(() => row.getAttribute('data-status')).toBe('completed');
    await expect
      .poll(() => panel(provider, 'knowledge_workers'))
      .toEqual({
        level: 'ok',
        entitled: '75',
        provisioned: '45',
      });
    await screenshot(provider, 'capacity-detail');

    // Now the partner may provision beyond the old entitlement.
    await partner.reload();
    await workers.fill('60');
    await form.getByRole('button', { name: 'Save counts' }).click();
    await partner.getByText('Provisioned counts saved.').waitFor();
    await expect
      .poll(() => panel(partner, 'knowledge_workers'))
      .toMatchObject({ entitled: '75', provisioned: '60' });

    // Either side withdraws an open expansion, saying why.
    await partner.getByRole('button', { name: 'Ask for an expansion' }).click();
    const again = partner.getByRole('dialog', { name: `Ask for an expansion for Capacity ${tag} Growing` });
    await again.getByRole('combobox', { name: 'Resource' }).click();
    await partner.getByRole('option', { name: 'Workspace devices (entitled to 10 now)' }).click();
    await again.getByRole('textbox', { name: 'Additional' }).fill('5');
    await again.getByRole('combobox', { name: 'Support case' }).click();
    await partner.getByRole('option', { name: `${plan.number} · Expansion plan ${tag}` }).click();
    await again.getByRole('textbox', { name: 'Reason' }).fill('Lobby phones.');
    await again.getByRole('button', { name: 'Ask for the expansion' }).click();
    await again.waitFor({ state: 'detached' });
    const second = partner.getByTestId('expansion-row').first();
    await second.getByText('+5 workspace devices').waitFor();
    await second.getByRole('button', { name: `Cancel: case ${plan.number}` }).click();
    const cancel = partner.getByRole('dialog', { name: 'Cancel the expansion (+5 workspace devices)?' });
    await cancel
      .getByRole('textbox', { name: 'Why is it cancelled?' })
      .fill('The lobby moves to Webex devices later.');
    await cancel.getByRole('button', { name: 'Cancel the expansion' }).click();
    await cancel.waitFor({ state: 'detached' });
    await expect.poll(() => second.getAttribute('data-status')).toBe('cancelled');
    await second.getByText('Cancelled: The lobby moves to Webex devices later.').waitFor();
  });

  test('Spanish labels when the language is switched', async () => {
    const andes = await newCustomer('admin@andes.example', `Capacidad ${tag} Andes`);
    await activate(andes.id, 200, 40);

    // The Andes partner admin works in Spanish; switched to English and back.
    const page = await signIn(env, 'admin@andes.example');
    try {
      await page.goto(`/inventory/capacity?customerId=${andes.id}`);
      await page.getByRole('heading', { name: 'Capacidad', level: 1 }).waitFor();
      await expect.poll(() => navLabels(page)).toContain('Capacidad');
      expect(await navLabels(page)).not.toContain('Copias de seguridad');
      const table = page.getByTestId('capacity-table');
      await table.getByRole('columnheader', { name: 'Knowledge Workers' }).waitFor();
      await table.getByRole('columnheader', { name: 'Dispositivos Workspace' }).waitFor();
      await table.getByText('0 de 200').waitFor();
      await expect(table.getByTestId('level-badge').first().innerText()).resolves.toBe(
        'Dentro de la capacidad',
      );
      await page.getByRole('checkbox', { name: 'Requiere atención (80 % o más)' }).waitFor();

      await page.getByRole('link', { name: `Capacidad ${tag} Andes` }).click();
      await page.getByRole('heading', { name: 'Informar de los recuentos aprovisionados' }).waitFor();
      await page.getByRole('heading', { name: 'Ampliaciones' }).waitFor();
      await page.getByRole('button', { name: 'Solicitar una ampliación' }).waitFor();
      await page.getByText('Aún no hay ampliaciones').waitFor();

      await page.getByRole('radiogroup', { name: 'Idioma' }).getByText('English').click();
      await page.getByRole('heading', { name: 'Report provisioned counts' }).waitFor();
      await page.getByRole('button', { name: 'Ask for an expansion' }).waitFor();
    } finally {
      await page
        .getByRole('radiogroup', { name: /Language|Idioma/ })
        .getByText('Español')
        .click();
      await page.getByRole('heading', { name: 'Informar de los recuentos aprovisionados' }).waitFor();
    }
  });
});
