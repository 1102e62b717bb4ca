import { describe, expect, test } from 'vitest';
import { e2eApi } from '../support/e2e-api.ts';
import {
  dateTimeField,
  expectAccessible,
  fillDateTime,
  newPage,
  PASSWORD,
  screenshot,
  setupBrowser,
  signIn,
} from './support.ts';

const env = setupBrowser();

/** A routine change for Tailspin Airlines (Northwind, EMEA) in the first allowed slot, by API. */
async function planAxeChange(title: string, askReschedule: boolean) {
  const { token: login, call: api, slotFromTomorrow } = e2eApi(env);
  const provider = await login('admin@provider.example');
  const found = await api<{ items: { id: string; name: string }[] }>(
    provider,
    'GET',
    '/customers?q=Tailspin',
  );
  const draft = {
    type: 'routine',
    title,
    customerIds: [found.items.find((c) => c.name === 'Tailspin Airlines')?.id],
  };
  const change = await api<{ id: string; reference: string; title: string }>(provider, 'POST', '/changes', {
    ...draft,
    ...(await slotFromTomorrow(provider, 'EMEA')),
  });
  if (askReschedule)
    await api(
      await login('engineer@northwind.example'),
      'POST',
      `/changes/${change.id}/reschedule-requests`,
      {
        reason: 'Axe check: the customer has a board meeting on a video bridge that night.',
      },
    );
  return change;
}

describe('accessibility (axe: no serious or critical violations)', () => {
  test('Spanish customer viewer, and the 360 px navigation', async () => {
    const page = await signIn(env, 'viewer@banco-del-pacifico.example', { width: 360, height: 740 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('ES', { exact: true }).click();
    await page.getByRole('heading', { name: 'Contratos' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await expectAccessible(page, 'viewer home (es, 360 px)');
    await screenshot(page, 'viewer-es-mobile');
    await page.getByRole('button', { name: 'Abrir la navegación' }).click();
    await page.getByRole('link', { name: 'Contratos' }).waitFor();
    await expectAccessible(page, 'open navigation (es, 360 px)');
  });

  test('sign-in page', async () => {
    const page = await newPage(env);
    await page.goto('/sign-in');
    await page.locator('input[name="email"]').waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.locator('input[name="email"]').fill('nobody@example.com');
    await page.locator('input[name="password"]').fill('wrong-password-1');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page, 'sign-in with error');
  });

  test('provider admin screens', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.getByRole('cell', { name: 'Contoso Health', exact: true }).waitFor();
    await expectAccessible(page, 'customers');
    await screenshot(page, 'customers');

    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('dialog', { name: 'New customer' }).waitFor();
    await expectAccessible(page, 'new customer dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Contoso Health' }).click();
    await page.getByRole('heading', { name: 'Contoso Health', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await expectAccessible(page, 'customer detail');
    await screenshot(page, 'customer-detail');

    for (const [path, heading] of [
      ['/partners', 'Partners'],
      ['/users', 'Users'],
      ['/contracts', 'Contracts'],
      ['/audit', 'Audit log'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      await expectAccessible(page, path);
      await screenshot(page, path.slice(1));
    }

    await page.getByRole('button', { name: 'Show changes' }).first().click();
    await page.getByText('After', { exact: true }).first().waitFor();
    await expectAccessible(page, 'audit with details');
    await screenshot(page, 'audit-expanded');

    await page.goto('/profile');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await expectAccessible(page, 'profile');
    await screenshot(page, 'profile');

    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('axe check');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByTestId('new-token').waitFor();
    await expectAccessible(page, 'token shown once', '[role="dialog"]');
    await screenshot(page, 'token-dialog');
  });

  // Many pages and dialogs, each scanned by axe: ~40 s alone, more on a busy machine.
  test('support case screens: list, detail, dialogs, the new-case wizard, triage, attainment and responsibilities', async () => {
    // A fresh S1 case, so the ticking clock, the TAC banner and the due explanation are on the page.
    const bearer = async (email: string) => {
      const login = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      return ((await login.json()) as { token: string }).token;
    };
    const partnerToken = await bearer('engineer@northwind.example');
    const get = async <T>(path: string) =>
      (await (
        await fetch(`${env.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${partnerToken}` } })
      ).json()) as T;
    const customers = await get<{ items: { id: string; name: string }[] }>('/customers?q=Coral');
    const customer = customers.items[0];
    const today = new Date().toISOString().slice(0, 10);
    const contracts = await get<{ items: { number: string }[] }>(
      `/contracts?customerId=${customer?.id}&activeOn=${today}`,
    );
    const opened = await fetch(`${env.baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partnerToken}` },
      body: JSON.stringify({
        customerId: customer?.id,
        contractNumber: contracts.items[0]?.number,
        title: 'Axe check: phones do not register',
        description: 'Half of the phones at the head office lost registration.',
        category: 'common_problem',
        impact: 'large',
        urgency: 'critical',
        contact: { name: 'Northwind desk', phone: '+61 2 5550 1234', email: 'desk@northwind.example' },
      }),
    });
    expect(opened.status).toBe(201);
    const kase = (await opened.json()) as { id: string; number: string };

    const page = await signIn(env, 'tac@provider.example');
    for (const [path, heading, name] of [
      ['/cases', 'Support cases', 'cases'],
      [`/cases/${kase.id}`, /Axe check: phones do not register/, 'case-detail'],
      ['/cases/triage', 'Triage guide', 'triage'],
      ['/reports/attainment', 'Response attainment', 'attainment'],
      ['/responsibilities', 'Responsibilities', 'responsibilities'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(page, path);
      await screenshot(page, `axe-${name}`);
    }
    await page.goto(`/cases/${kase.id}`);
    await page.getByTestId('due-explanation').waitFor();
    for (const [button, dialog] of [
      ['Acknowledge', `Acknowledge ${kase.number}?`],
      ['Change severity', `Change the severity of ${kase.number}`],
      ['Monitor', `Monitor ${kase.number}?`],
    ] as const) {
      if (button === 'Monitor') {
        await page.getByTestId('case-actions').getByRole('button', { name: 'Acknowledge' }).click();
        const ack = page.getByRole('dialog', { name: `Acknowledge ${kase.number}?` });
        await ack.getByRole('button', { name: 'Acknowledge' }).click();
        await ack.waitFor({ state: 'detached' });
      }
      await page.getByTestId('case-actions').getByRole('button', { name: button }).click();
      await page.getByRole('dialog', { name: dialog }).waitFor();
      await expectAccessible(page, `${button} dialog`, '[role="dialog"]');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }

    // The wizard, step by step, as the partner engineer who opens cases.
    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.goto('/cases/new');
    await partner.getByRole('heading', { name: 'New support case', level: 1 }).waitFor();
    await partner.getByRole('radio', { name: 'Possible application defect' }).check();
    await partner.getByTestId('guide-possible_defect').waitFor();
    await expectAccessible(partner, 'wizard: triage');
    await partner.getByRole('checkbox', { name: /I have done the first-line checks/ }).check();
    await partner.getByRole('button', { name: 'Next' }).click();
    await partner.getByRole('combobox', { name: 'Customer' }).click();
    await partner.getByRole('option', { name: 'Coral Bay Bank (AUS)' }).click();
    await expect
      .poll(() => partner.getByRole('combobox', { name: 'Contract number' }).inputValue())
      .not.toBe('');
    await expectAccessible(partner, 'wizard: customer');
    await partner.getByRole('button', { name: 'Next' }).click();
    await partner.getByRole('radio', { name: 'Large', exact: true }).check();
    await partner.getByRole('radio', { name: 'High', exact: true }).check();
    await partner.getByTestId('severity-preview').getByText('S2 (High)').waitFor();
    await partner.getByTestId('tac-call').waitFor();
    await expectAccessible(partner, 'wizard: severity with the TAC call');
    await partner
      .getByRole('radiogroup', { name: 'How to give the impact' })
      .getByText('Share affected')
      .click();
    await partner.getByRole('slider', { name: 'Share of the partner environment affected' }).waitFor();
    await expectAccessible(partner, 'wizard: affected share');
    await partner.getByRole('button', { name: 'Next' }).click();
    await partner.getByRole('button', { name: 'Open case' }).click();
    await partner.getByText('Required').first().waitFor();
    await expectAccessible(partner, 'wizard: details with errors');
    await screenshot(partner, 'axe-wizard-details');

    // A Spanish partner admin on a phone.
    const andes = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
    for (const [path, heading] of [
      ['/cases', 'Casos de soporte'],
      ['/cases/new', 'Nuevo caso de soporte'],
      ['/cases/triage', 'Guía de clasificación'],
      ['/responsibilities', 'Responsabilidades'],
    ] as const) {
      await andes.goto(path);
      await andes.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => andes.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(andes, `${path} (es, 360 px)`);
      const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(andes, `mobile-es-${path.slice(1).replaceAll('/', '-')}`);
    }
    await andes.goto('/cases');
    await andes.getByTestId('case-row').first().getByRole('link').click();
    await andes.getByTestId('due-explanation').waitFor();
    await expectAccessible(andes, 'case detail (es, 360 px)');
    const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'case detail overflows at 360 px').toBeLessThanOrEqual(0);
    await screenshot(andes, 'mobile-es-case-detail');
  }, 150_000);

  test('notification and outage screens', async () => {
    // An open outage, so the cards, the banner and the timeline are on the pages checked.
    const login = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@provider.example', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const call = (path: string, body: unknown) =>
      fetch(`${env.baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const declared = await call('/outages', {
      title: 'Axe check: voicemail degraded',
      summary: 'Unity Connection answers slowly in EMEA.',
      impact: 'degraded',
      regions: ['EMEA'],
      services: ['unity_connection'],
    });
    expect(declared.status).toBe(201);
    const outage = (await declared.json()) as { id: string };
    await call(`/outages/${outage.id}/updates`, {
      message: 'Disk latency found on one node.',
      status: 'identified',
    });

    try {
      const page = await signIn(env, 'admin@provider.example');
      for (const [path, heading] of [
        ['/outages', 'Outages'],
        [`/outages/${outage.id}`, /Axe check: voicemail degraded/],
        ['/network-activities', 'Network activity'],
        ['/subscriptions', 'Subscriptions'],
        ['/deliveries', 'Delivery log'],
        ['/mailbox', 'Mailbox'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
        await expectAccessible(page, path);
        await screenshot(page, path.slice(1).replaceAll('/', '-'));
      }

      await page.goto('/outages');
      await page.getByRole('button', { name: 'Declare outage' }).click();
      const declare = page.getByRole('dialog', { name: 'Declare an outage' });
      await declare.waitFor();
      await expectAccessible(page, 'declare outage dialog', '[role="dialog"]');
      await screenshot(page, 'declare-outage');
      // The customers picker with one chosen and its list open (rendered in a portal, beside the dialog).
      const customers = declare.getByRole('combobox', { name: 'Affected customers' });
      await customers.fill('Tailspin');
      await page.getByRole('option', { name: 'Tailspin Airlines (EMEA)' }).click();
      await customers.fill('Contoso');
      await page.getByRole('option', { name: 'Contoso Health (AMER)' }).waitFor();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(page, 'customers picker open', '[role="dialog"], .mantine-Popover-dropdown');
      await screenshot(page, 'declare-outage-customers');
      await page.keyboard.press('Escape'); // the list
      await page.keyboard.press('Escape'); // the dialog

      await page.goto('/subscriptions');
      await page.getByRole('button', { name: 'New subscription' }).click();
      await page.getByRole('dialog', { name: 'New subscription' }).waitFor();
      await expectAccessible(page, 'new subscription dialog', '[role="dialog"]');
      await page.keyboard.press('Escape');

      // Meridian lacks subscribers for the required categories: the reminder and the warning.
      const meridian = await signIn(env, 'admin@meridian.example');
      await meridian.getByTestId('contact-health-shell').waitFor();
      await meridian.getByTestId('open-outages-banner').waitFor();
      await expectAccessible(meridian, 'shell alerts');
      await meridian.goto('/subscriptions');
      await meridian.getByTestId('contact-health').waitFor();
      await expect.poll(() => meridian.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(meridian, 'subscriptions with the contact warning');
      await screenshot(meridian, 'subscriptions-contact-warning');

      // A Spanish partner admin on a phone.
      const partner = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
      await partner.getByTestId('open-outages-banner').waitFor();
      await expectAccessible(partner, 'outage banner (es, 360 px)');
      for (const [path, heading] of [
        ['/outages', 'Interrupciones'],
        [`/outages/${outage.id}`, /Axe check: voicemail degraded/],
        ['/subscriptions', 'Suscripciones'],
        ['/network-activities', 'Actividad de red'],
      ] as const) {
        await partner.goto(path);
        await partner.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await expect.poll(() => partner.locator('[aria-busy="true"]').count()).toBe(0);
        await expectAccessible(partner, `${path} (es, 360 px)`);
        const overflow = await partner.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
        await screenshot(partner, `mobile-es-${path.slice(1).replaceAll('/', '-')}`);
      }
      await partner.getByRole('button', { name: 'Anunciar actividad' }).click();
      await partner.getByRole('dialog', { name: 'Anunciar actividad de red' }).waitFor();
      await expectAccessible(partner, 'announce network activity dialog (es, 360 px)', '[role="dialog"]');
    } finally {
      await call(`/outages/${outage.id}/resolve`, { message: 'Latency back to normal.' });
    }
  });

  test('inventory screens: instances, an application, the dialogs, compliance, releases and a campaign-free history', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/inventory');
    await page.getByRole('heading', { name: 'Instances', level: 1 }).waitFor();
    await page.getByTestId('application-row').first().waitFor();
    await expectAccessible(page, '/inventory');

    await page.getByRole('button', { name: 'Add application' }).click();
    const add = page.getByRole('dialog', { name: 'Add an application' });
    await add.getByRole('button', { name: 'Add application' }).click();
    await add.getByText('Required').first().waitFor();
    await expectAccessible(page, 'add application dialog with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await add.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.getByRole('dialog', { name: 'Import the instance CSV' }).waitFor();
    await expectAccessible(page, 'import dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');

    await page.getByTestId('application-row').first().getByRole('link').click();
    await page.getByTestId('nodes-table').waitFor();
    await expectAccessible(page, 'application detail');
    await screenshot(page, 'axe-inventory-detail');

    await page.goto('/inventory/compliance');
    await page.getByTestId('partner-compliance-chart').waitFor();
    await page.getByRole('button', { name: 'Northwind Communications' }).click();
    await page.getByTestId('customer-compliance-chart').waitFor();
    await expectAccessible(page, '/inventory/compliance with a partner');

    await page.goto('/inventory/releases');
    await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    await expectAccessible(page, '/inventory/releases');
    const form = page.getByTestId('publish-form');
    await form.getByRole('textbox', { name: 'Release' }).fill('16.0');
    await form.getByRole('combobox', { name: 'Service updates' }).fill('SU1');
    await form.getByRole('combobox', { name: 'Service updates' }).press('Enter');
    await form.getByRole('button', { name: 'Review and publish…' }).click();
    await page.getByTestId('publish-falls-out').waitFor();
    await expectAccessible(page, 'publish confirmation', '[role="dialog"]');
    await page.keyboard.press('Escape');

    // A campaign and its upgrade changes, answered by stand-ins: a real publication would move the
    // train under the other files (planned-changes.test.ts runs the real ones on its own server).
    const campaignId = '7d4f8b1e-0000-4000-8000-00000000a11e';
    const campaignCustomer = (name: string, region: string, n: number) => ({
      customerId: `0b7e3c55-0000-4000-8000-0000000000${n}0`,
      customerName: name,
      region,
      partnerId: '0b7e3c55-0000-4000-8000-00000000p001',
      applicationIds: ['a'],
      upgradeChange:
        n === 3
          ? { id: '0b7e3c55-0000-4000-8000-00000000c003', reference: 'CHG-000903', status: 'notice_sent' }
          : null,
    });
    await page.route(`**/api/v1/upgrade-campaigns/${campaignId}`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          id: campaignId,
          target: '16.0 SU1',
          createdAt: '2026-11-24T09:00:00.000Z',
          customers: [
            campaignCustomer('Contoso Health', 'AMER', 1),
            campaignCustomer('Tailspin Airlines', 'EMEA', 2),
            campaignCustomer('Lyon Transports', 'EMEA', 3),
          ],
        }),
      }),
    );
    await page.route(`**/api/v1/upgrade-campaigns/${campaignId}/changes`, (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({
          items: ['AMER', 'EMEA'].map((region, i) => ({
            id: `0b7e3c55-0000-4000-8000-00000000c00${i}`,
            reference: `CHG-00090${i}`,
            title: `Upgrade to 16.0 SU1 (${region})`,
            start: '2026-12-10T02:00:00.000Z',
            end: '2026-12-10T06:00:00.000Z',
            regions: [region],
            customerCount: 1,
          })),
        }),
      }),
    );
    await page.goto(`/inventory/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: 'Upgrade campaign', level: 1 }).waitFor();
    await page.getByTestId('campaign-customer').first().waitFor();
    await expectAccessible(page, 'upgrade campaign');
    await page.getByRole('button', { name: 'Create upgrade changes' }).click();
    const planUpgrades = page.getByRole('dialog', { name: 'Create the upgrade changes to 16.0 SU1?' });
    await planUpgrades.getByTestId('campaign-plan-covered').waitFor();
    await expectAccessible(page, 'create upgrade changes confirmation', '[role="dialog"]');
    await planUpgrades.getByRole('button', { name: 'Create 2 upgrade changes' }).click();
    await page.getByTestId('campaign-changes-result').waitFor();
    await expectAccessible(page, 'upgrade campaign with the changes created');

    // A Spanish partner admin on a phone.
    const andes = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
    for (const [path, heading] of [
      ['/inventory', 'Instancias'],
      ['/inventory/compliance', 'Cumplimiento de versiones'],
      ['/inventory/releases', 'Versiones'],
    ] as const) {
      await andes.goto(path);
      await andes.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => andes.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(andes, `${path} (es, 360 px)`);
      const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(andes, `mobile-es-${path.slice(1).replaceAll('/', '-')}`);
    }
    await andes.goto('/inventory');
    await andes.getByTestId('application-row').first().getByRole('link').click();
    await andes.getByTestId('nodes-table').waitFor();
    await expectAccessible(andes, 'application detail (es, 360 px)');
    const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'application detail overflows at 360 px').toBeLessThanOrEqual(0);
    await screenshot(andes, 'mobile-es-inventory-detail');
  });

  test('certificates: list, expiry timeline, the add and renewal dialogs; Spanish at 360 px', async () => {
    // The demo seeds no certificates: one due (Northwind) and one soon (Andes), so the badges,
    // the timeline and its table are on the pages checked.
    const login = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@provider.example', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const get = async <T>(path: string) =>
      (await (
        await fetch(`${env.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as T;
    for (const [customer, days] of [
      ['Tailspin Airlines', 5],
      ['Lyon Transports', 20],
    ] as const) {
      const customers = await get<{ items: { id: string; name: string }[] }>(
        `/customers?q=${encodeURIComponent(customer)}`,
      );
      const apps = await get<{ items: { id: string }[] }>(
        `/applications?customerId=${customers.items[0]?.id}&limit=1`,
      );
      const added = await fetch(`${env.baseUrl}/api/v1/certificates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          applicationId: apps.items[0]?.id,
          kind: 'callmanager',
          subject: `axe-${Date.now().toString(36)}.example`,
          expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
        }),
      });
      expect(added.status).toBe(201);
    }

    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/inventory/certificates');
    await page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
    await page.getByTestId('expiry-timeline').waitFor();
    await page.getByTestId('certificate-row').first().waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    await expectAccessible(page, '/inventory/certificates');
    await screenshot(page, 'axe-certificates');

    await page.getByRole('button', { name: 'Add certificate' }).click();
    const add = page.getByRole('dialog', { name: 'Add a certificate' });
    await add.getByRole('button', { name: 'Add certificate' }).click();
    await add.getByText('Required').first().waitFor();
    await expectAccessible(page, 'add certificate dialog with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await add.waitFor({ state: 'detached' });

    await page
      .getByRole('button', { name: /^Record renewal of / })
      .first()
      .click();
    const renew = page.getByRole('dialog', { name: /^Record the renewal of / });
    await fillDateTime(dateTimeField(renew, 'New expiry'), '2099-01-01T10:00');
    await expectAccessible(page, 'record renewal dialog', '[role="dialog"]');
    await renew.getByRole('button', { name: 'Review…' }).click();
    await renew.getByTestId('renewal-confirmation').waitFor();
    await expectAccessible(page, 'record renewal confirmation', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await renew.waitFor({ state: 'detached' });

    // Planning a renewal change asks first (closed again: nothing is planned here).
    await page
      .getByRole('button', { name: /^Plan the renewal change of / })
      .first()
      .click();
    const plan = page.getByRole('dialog', { name: /^Plan the renewal change of .*\?$/ });
    await plan.getByTestId('renewal-change-confirmation').waitFor();
    await expectAccessible(page, 'plan renewal change confirmation', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached' });

    // A Spanish partner admin on a phone.
    const andes = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
    await andes.goto('/inventory/certificates');
    await andes.getByRole('heading', { name: 'Certificados', level: 1 }).waitFor();
    await andes.getByTestId('expiry-timeline').waitFor();
    await expect.poll(() => andes.locator('[aria-busy="true"]').count()).toBe(0);
    await expectAccessible(andes, '/inventory/certificates (es, 360 px)');
    const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, '/inventory/certificates overflows at 360 px').toBeLessThanOrEqual(0);
    await screenshot(andes, 'mobile-es-inventory-certificates');
  });

  test('capacity and backups: chart and table, a customer with its dialogs, the promise expanded; Spanish at 360 px', async () => {
    // Made here, so the chart, the badges and an expansion row are on the pages checked.
    const tag = `axe${Date.now().toString(36)}`;
    const session = async (email: string) => {
      const login = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      const body = (await login.json()) as { token: string; user: { partnerId: string } };
      const call = async <T>(method: string, path: string, payload?: unknown) => {
        const res = await fetch(`${env.baseUrl}/api/v1${path}`, {
          method,
          headers: {
            authorization: `Bearer ${body.token}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
        });
        expect(res.status, `${method} ${path}`).toBeLessThan(300);
        return (await res.json()) as T;
      };
      return { call, partnerId: body.user.partnerId };
    };
    const provider = await session('admin@provider.example');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const customerOf = async (partnerAdmin: string, name: string) => {
      const admin = await session(partnerAdmin);
      const customer = await admin.call<{ id: string }>('POST', `/partners/${admin.partnerId}/customers`, {
        name,
        region: 'AMER',
      });
      await provider.call('PUT', `/capacity/${customer.id}/activation`, {
        knowledgeWorkers: 100,
        workspaceDevices: 20,
      });
      return customer.id;
    };
    const northwind = await customerOf('admin@northwind.example', `Axe capacity ${tag}`);
    const andes = await customerOf('admin@andes.example', `Axe capacidad ${tag}`);
    const engineer = await session('engineer@northwind.example');
    await engineer.call('PUT', `/capacity/${northwind}/provisioned`, {
      knowledgeWorkers: 85,
      workspaceDevices: 19,
    });
    await provider.call('POST', '/contracts', {
      customerId: northwind,
      number: `AXE-${tag}`,
      startsOn: day(-1),
      endsOn: day(365),
    });
    const supportCase = await engineer.call<{ id: string }>('POST', '/cases', {
      customerId: northwind,
      contractNumber: `AXE-${tag}`,
      title: 'Capacity expansion plan',
      description: 'The customer grows by a new site; we need an expansion plan.',
      category: 'configuration',
      impact: 'individualized',
      urgency: 'low',
      contact: { name: 'Ana Ruiz', phone: '+34 600 123 456', email: 'ana@partner.example' },
    });
    await engineer.call('POST', '/capacity-expansions', {
      customerId: northwind,
      caseId: supportCase.id,
      resource: 'knowledge_workers',
      additional: 50,
      reason: 'A new site opens.',
    });

    const page = await signIn(env, 'admin@provider.example');
    await page.goto(`/inventory/capacity?customerId=${northwind}`);
    await page.getByTestId('capacity-chart').waitFor();
    await page.getByTestId('capacity-row').first().waitFor();
    await expectAccessible(page, '/inventory/capacity');
    await screenshot(page, 'axe-capacity');

    await page.goto(`/inventory/capacity/${northwind}`);
    await page.getByTestId('expansion-row').first().waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    await expectAccessible(page, '/inventory/capacity/$customerId');
    await page.getByRole('button', { name: /^Plan: case / }).click();
    await page.getByRole('dialog', { name: /^Plan the expansion/ }).waitFor();
    await expectAccessible(page, 'plan expansion dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');

    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.goto(`/inventory/capacity/${northwind}`);
    await partner.getByRole('button', { name: 'Ask for an expansion' }).click();
    const ask = partner.getByRole('dialog', { name: /^Ask for an expansion for / });
    await ask.getByRole('button', { name: 'Ask for the expansion' }).click();
    await ask.getByText('Choose the support case for the expansion plan.').waitFor();
    await expectAccessible(partner, 'ask for an expansion dialog with errors', '[role="dialog"]');
    await partner.keyboard.press('Escape');
    await partner.getByRole('textbox', { name: 'Knowledge workers provisioned' }).fill('101');
    await partner.getByRole('button', { name: 'Save counts' }).click();
    await partner.getByText('Above the entitlement of 100 — ask for an expansion.').waitFor();
    await expectAccessible(partner, 'provisioned counts with the 409');

    await page.goto('/inventory/backups');
    await page.getByTestId('promise-customer').first().waitFor();
    await page.getByTestId('promise-customer').first().getByRole('button').first().click();
    await page.getByTestId('promise-applications').first().waitFor();
    await expectAccessible(page, '/inventory/backups, a customer expanded');
    await screenshot(page, 'axe-backups');
    for (const tab of ['Recent backups', 'Purge log']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(page, `/inventory/backups: ${tab}`);
    }

    // A Spanish partner admin on a phone.
    const phone = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
    for (const [path, heading, shot] of [
      [`/inventory/capacity?customerId=${andes}`, 'Capacidad', 'capacity'],
      [`/inventory/capacity/${andes}`, `Capacidad de Axe capacidad ${tag}`, 'capacity-customer'],
      ['/inventory/backups', 'Copias de seguridad', 'backups-forbidden'],
    ] as const) {
      await phone.goto(path);
      await phone.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => phone.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(phone, `${path} (es, 360 px)`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(phone, `mobile-es-${shot}`);
    }
  });

  test('disaster recovery and COP files: lists, details and their dialogs; Spanish at 360 px', async () => {
    // The demo seeds no DR events or COP requests: an open application failure and an uploaded COP
    // request on Andes' Lyon Transports, so countdowns, the explanation and the stepper are shown.
    const bearer = async (email: string) => {
      const login = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      return ((await login.json()) as { token: string }).token;
    };
    const providerToken = await bearer('tac@provider.example');
    const partnerToken = await bearer('admin@andes.example');
    const api = async <T>(who: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${env.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${who}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const customers = await api<{ items: { id: string; name: string }[] }>(
      providerToken,
      'GET',
      `/customers?q=${encodeURIComponent('Lyon Transports')}`,
    );
    const apps = await api<{ items: { id: string }[] }>(
      providerToken,
      'GET',
      `/applications?customerId=${customers.items[0]?.id}&kind=cucm&limit=1`,
    );
    const applicationId = apps.items[0]?.id;
    const tag = Date.now().toString(36);
    const dr = await api<{ id: string; number: number }>(providerToken, 'POST', '/dr-events', {
      applicationId,
      kind: 'application_failure',
      title: `Axe DR ${tag}`,
      description: 'Publisher database corrupted; restoring from DRS.',
    });
    await api(providerToken, 'POST', `/dr-events/${dr.id}/updates`, {
      message: 'Restoring from the DRS backup.',
      status: 'restoring',
    });
    const cop = await api<{ id: string; number: number; fileName: string }>(
      partnerToken,
      'POST',
      '/cop-requests',
      {
        applicationId,
        package: 'device_pack',
        fileName: `cmterm-axe-${tag}.cop.sha512`,
        reason: 'New phones next week.',
      },
    );
    await api(providerToken, 'POST', `/cop-requests/${cop.id}/upload`, {
      sftpPath: `/upload/cop/${cop.fileName}`,
      checksumAlgorithm: 'sha256',
      checksum: 'ab'.repeat(32),
    });

    const page = await signIn(env, 'tac@provider.example');
    for (const [path, heading] of [
      ['/disaster-recovery', 'Disaster recovery'],
      [`/disaster-recovery/${dr.id}`, `DR #${dr.number}: Axe DR ${tag}`],
      ['/inventory/cop-requests', 'COP files'],
      [`/inventory/cop-requests/${cop.id}`, `COP #${cop.number}: ${cop.fileName}`],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(page, path);
      await screenshot(page, `axe-${path.slice(1).replaceAll('/', '-')}`);
    }

    await page.goto('/disaster-recovery');
    await page.getByRole('button', { name: 'Declare DR event' }).click();
    const declare = page.getByRole('dialog', { name: 'Declare a disaster-recovery event' });
    await declare.getByRole('button', { name: 'Declare DR event' }).click();
    await declare.getByText('Required').first().waitFor();
    await expectAccessible(page, 'declare DR event dialog with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await declare.waitFor({ state: 'detached' });

    await page.goto(`/disaster-recovery/${dr.id}`);
    await page.getByRole('button', { name: 'Post update' }).click();
    const update = page.getByRole('dialog', { name: `Post an update on DR #${dr.number}` });
    await update.getByRole('textbox', { name: 'Message' }).fill('Axe check.');
    await update.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Move to Restored' }).click();
    await update.getByRole('button', { name: 'Review…' }).click();
    await update.getByTestId('dr-confirm').waitFor();
    await expectAccessible(page, 'DR update confirmation', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await update.waitFor({ state: 'detached' });

    // The provider's own COP install, refused for want of a file and a customer.
    await page.goto('/inventory/cop-requests');
    await page.getByRole('button', { name: 'Plan a COP install' }).click();
    const install = page.getByRole('dialog', { name: 'Plan a COP install' });
    await install.getByRole('button', { name: 'Plan the install' }).click();
    await install.getByText('Choose at least one customer, partner, region or version.').waitFor();
    await expectAccessible(page, 'plan COP install dialog with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await install.waitFor({ state: 'detached' });

    const partner = await signIn(env, 'engineer@andes.example');
    await partner.goto('/inventory/cop-requests');
    await partner.getByRole('button', { name: 'Solicitar un archivo COP' }).click();
    const request = partner.getByRole('dialog', { name: 'Solicitar un archivo COP' });
    await request.getByRole('button', { name: 'Enviar solicitud' }).click();
    await request.getByText('Obligatorio').first().waitFor();
    await expectAccessible(partner, 'request COP dialog with errors (es)', '[role="dialog"]');
    await partner.keyboard.press('Escape');

    // A Spanish partner admin on a phone.
    const andes = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
    for (const [path, heading] of [
      ['/disaster-recovery', 'Recuperación ante desastres'],
      [`/disaster-recovery/${dr.id}`, `DR n.º ${dr.number}: Axe DR ${tag}`],
      ['/inventory/cop-requests', 'Archivos COP'],
      [`/inventory/cop-requests/${cop.id}`, `COP n.º ${cop.number}: ${cop.fileName}`],
    ] as const) {
      await andes.goto(path);
      await andes.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => andes.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(andes, `${path} (es, 360 px)`);
      const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(andes, `mobile-es-${path.slice(1).replaceAll('/', '-')}`);
    }
    await andes.getByRole('button', { name: 'Marcar como instalado' }).click();
    await andes.getByRole('dialog', { name: `¿Marcar COP n.º ${cop.number} como instalado?` }).waitFor();
    await expectAccessible(andes, 'mark installed dialog (es, 360 px)', '[role="dialog"]');
  });

  test('change screens (provider): list, the new-change form with broken rules, detail, dialogs and the reschedule queue', async () => {
    const change = await planAxeChange(`Axe change ${Date.now().toString(36)}`, true);
    const page = await signIn(env, 'admin@provider.example');
    for (const [path, heading] of [
      ['/changes', 'Changes'],
      [`/changes/${change.id}`, `${change.reference} · ${change.title}`],
      ['/reschedule-requests', 'Reschedule requests'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      await page.locator('tbody tr, [data-testid="change-history"]').first().waitFor();
      await expectAccessible(page, path);
      await screenshot(page, `axe-${path.slice(1).replaceAll('/', '-')}`);
    }

    // The new-change form with a slot inside no window: broken rules listed live.
    await page.goto('/changes/new');
    await page.getByRole('heading', { name: 'Plan a change', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Type', exact: true }).click();
    await page.getByRole('option', { name: 'Upgrade', exact: true }).click();
    await page.getByRole('combobox', { name: 'Customers', exact: true }).fill('Tailspin');
    await page.getByRole('option', { name: 'Tailspin Airlines (EMEA)' }).click();
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await fillDateTime(page.getByTestId('slot-start'), `${day}T12:00`);
    await fillDateTime(page.getByTestId('slot-end'), `${day}T14:00`);
    await page.getByTestId('violation-list').waitFor();
    await page.getByRole('button', { name: 'Plan the change' }).click();
    await page.getByText('Required').first().waitFor();
    await expectAccessible(page, 'new change with broken rules');
    await screenshot(page, 'axe-changes-new');

    await page.goto(`/changes/${change.id}`);
    const card = page.locator('[data-testid="reschedule-request"][data-status="open"]');
    await card.getByRole('button', { name: 'Decline' }).click();
    const decline = page.getByRole('dialog', { name: `Decline the request on ${change.reference}` });
    await decline.getByRole('button', { name: 'Decline' }).click();
    await decline.getByText('Required').waitFor();
    await expectAccessible(page, 'decline request dialog with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await decline.waitFor({ state: 'detached' });

    await card.getByRole('button', { name: 'Pick a new slot' }).click();
    const move = page.getByRole('dialog', { name: `Reschedule ${change.reference}` });
    await move.getByTestId('check-allowed').waitFor();
    await expectAccessible(page, 'reschedule dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await move.waitFor({ state: 'detached' });

    await page.getByTestId('change-actions').getByRole('button', { name: 'Cancel the change' }).click();
    const cancel = page.getByRole('dialog', { name: `Cancel ${change.reference}?` });
    await cancel.getByRole('button', { name: 'Cancel the change' }).click();
    await cancel.getByText('Required').waitFor();
    await expectAccessible(page, 'cancel change dialog with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');
  });

  test('change screens (partners): the reschedule form with a short reason, their requests, Spanish at 360 px', async () => {
    const other = await planAxeChange(`Axe partner change ${Date.now().toString(36)}`, false);
    await planAxeChange(`Axe partner request ${Date.now().toString(36)}`, true);
    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.goto(`/changes/${other.id}`);
    const form = partner.getByTestId('ask-reschedule-form');
    await form.getByRole('textbox', { name: 'Reason' }).fill('Too short');
    await form.getByRole('button', { name: 'Ask to reschedule' }).click();
    await form.getByText('Give a detailed reason').waitFor();
    await expectAccessible(partner, 'ask to reschedule with a short reason');
    await partner.goto('/reschedule-requests');
    await partner.getByTestId('request-row').first().waitFor();
    await expectAccessible(partner, 'partner reschedule requests');

    const andes = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
    await andes.goto('/changes');
    await andes.getByRole('heading', { name: 'Cambios', level: 1 }).waitFor();
    await andes.getByTestId('change-row').first().waitFor();
    await expectAccessible(andes, '/changes (es, 360 px)');
    await andes.getByTestId('change-row').first().getByRole('link').click();
    await andes.getByTestId('change-history').waitFor();
    await expectAccessible(andes, 'change detail (es, 360 px)');
    const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'change detail overflows at 360 px').toBeLessThanOrEqual(0);
    await screenshot(andes, 'mobile-es-change-detail');
  });

  test('calendar, change requests, follow-up tasks and calendar feeds, with their dialogs; Spanish at 360 px', async () => {
    // Two change requests of Northwind by API: one in review (decisions open), one approved (schedulable).
    const login = async (email: string) => {
      const res = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      return ((await res.json()) as { token: string }).token;
    };
    const api = async <T>(bearer: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
      const res = await fetch(`${env.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
      return JSON.parse(text) as T;
    };
    const partnerToken = await login('engineer@northwind.example');
    const providerToken = await login('tac@provider.example');
    const found = await api<{ items: { id: string; name: string }[] }>(
      partnerToken,
      'GET',
      '/customers?q=Tailspin',
    );
    const customerId = found.items.find((c) => c.name === 'Tailspin Airlines')?.id;
    const tag = Date.now().toString(36);
    const ask = (title: string) =>
      api<{ id: string; reference: string; title: string }>(partnerToken, 'POST', '/change-requests', {
        customerId,
        kind: 'application_integration',
        title,
        description: 'Integrate the contact centre with the new CRM through the AXL API.',
      });
    const inReview = await ask(`Axe CRM integration ${tag}`);
    await api(providerToken, 'POST', `/change-requests/${inReview.id}/review`, {});
    await api(providerToken, 'POST', `/change-requests/${inReview.id}/notes`, {
      body: 'Which AXL user will the CRM use?',
    });
    const approved = await ask(`Axe voicemail integration ${tag}`);
    await api(providerToken, 'POST', `/change-requests/${approved.id}/review`, {});
    await api(providerToken, 'POST', `/change-requests/${approved.id}/approve`, { note: 'Agreed.' });

    const settled = async (p: Awaited<ReturnType<typeof signIn>>) =>
      expect.poll(() => p.locator('[aria-busy="true"]').count()).toBe(0);
    const page = await signIn(env, 'admin@provider.example');
    for (const [path, heading, shot] of [
      ['/calendar?view=week', 'Maintenance calendar', 'calendar-week'],
      ['/calendar?view=month', 'Maintenance calendar', 'calendar-month'],
      ['/change-requests?rejected=true', 'Change requests', 'change-requests'],
      [`/change-requests/${inReview.id}`, `${inReview.reference}: ${inReview.title}`, 'change-request'],
      ['/change-tasks?status=all', 'Follow-up tasks', 'change-tasks'],
      ['/calendar-feeds', 'Calendar feeds', 'calendar-feeds'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await settled(page);
      await expectAccessible(page, path);
      await screenshot(page, `axe-${shot}`);
    }

    await page.goto(`/change-requests/${inReview.id}`);
    for (const [button, dialog, submit] of [
      ['Approve…', `Approve ${inReview.reference}`, 'Approve'],
      ['Reject…', `Reject ${inReview.reference}?`, 'Reject request'],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      const modal = page.getByRole('dialog', { name: dialog });
      await modal.getByRole('button', { name: submit }).click();
      await modal.getByText('Required').waitFor();
      await expectAccessible(page, `${dialog} dialog with errors`, '[role="dialog"]');
      await page.keyboard.press('Escape');
      await modal.waitFor({ state: 'detached' });
    }
    await page.goto(`/change-requests/${approved.id}`);
    await page.getByRole('button', { name: 'Schedule…' }).click();
    const schedule = page.getByRole('dialog', { name: `Schedule ${approved.reference}` });
    await schedule.getByTestId('schedule-windows').getByRole('button').first().waitFor();
    await schedule.getByRole('button', { name: 'Schedule change' }).click();
    await schedule.getByText('Required').first().waitFor();
    await expectAccessible(page, 'schedule dialog with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');

    await page.goto('/calendar-feeds');
    await page.getByRole('button', { name: 'New feed' }).click();
    const feed = page.getByRole('dialog', { name: 'New calendar feed' });
    await feed.getByRole('button', { name: 'Create feed' }).click();
    await feed.getByText('Required').first().waitFor();
    await expectAccessible(page, 'new feed dialog with errors (provider)', '[role="dialog"]');
    await page.keyboard.press('Escape');

    // The partner: its new-request form, the tasks it ticks, a feed's secret address and revoking it.
    const partner = await signIn(env, 'admin@northwind.example');
    await partner.goto('/change-requests');
    await partner.getByRole('button', { name: 'New change request' }).click();
    const form = partner.getByRole('dialog', { name: 'New change request' });
    await form.getByRole('button', { name: 'Submit request' }).click();
    await form.getByText('Required').first().waitFor();
    await expectAccessible(partner, 'new change request dialog with errors', '[role="dialog"]');
    await partner.keyboard.press('Escape');
    await partner.goto('/change-tasks?status=all');
    await partner.getByRole('heading', { name: 'Follow-up tasks', level: 1 }).waitFor();
    await settled(partner);
    await expectAccessible(partner, '/change-tasks (partner)');
    await partner.goto('/calendar-feeds');
    await partner.getByRole('button', { name: 'New feed' }).click();
    const create = partner.getByRole('dialog', { name: 'New calendar feed' });
    await create.getByRole('textbox', { name: 'Name' }).fill(`Axe feed ${tag}`);
    await create.getByRole('button', { name: 'Create feed' }).click();
    const secret = partner.getByRole('dialog', { name: `Feed “Axe feed ${tag}” created` });
    await secret.getByTestId('feed-url').waitFor();
    await expectAccessible(partner, 'feed created: the secret address', '[role="dialog"]');
    await secret.getByRole('button', { name: 'Done' }).click();
    await secret.waitFor({ state: 'detached' });
    await partner.getByRole('button', { name: `Revoke Axe feed ${tag}` }).click();
    await partner.getByRole('dialog', { name: `Revoke the feed “Axe feed ${tag}”?` }).waitFor();
    await expectAccessible(partner, 'revoke feed confirmation', '[role="dialog"]');
    await partner.keyboard.press('Escape');

    // A Spanish partner admin on a phone.
    const andes = await signIn(env, 'admin@andes.example', { width: 360, height: 740 });
    for (const [path, heading] of [
      ['/calendar?view=week', 'Calendario de mantenimiento'],
      ['/calendar?view=month', 'Calendario de mantenimiento'],
      ['/change-requests', 'Solicitudes de cambio'],
      ['/change-tasks', 'Tareas de seguimiento'],
      ['/calendar-feeds', 'Fuentes de calendario'],
    ] as const) {
      await andes.goto(path);
      await andes.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await settled(andes);
      await expectAccessible(andes, `${path} (es, 360 px)`);
      const overflow = await andes.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(andes, `mobile-es-${path.slice(1).replace(/[/?=]/g, '-')}`);
    }
  }, 180_000);
});
