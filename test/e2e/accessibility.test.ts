import { describe, expect, test } from 'vitest';
import { expectAccessible, newPage, PASSWORD, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

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
  });

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
      await page.getByRole('dialog', { name: 'Declare an outage' }).waitFor();
      await expectAccessible(page, 'declare outage dialog', '[role="dialog"]');
      await screenshot(page, 'declare-outage');
      await page.keyboard.press('Escape');

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
    await renew.getByLabel('New expiry').fill('2099-01-01T10:00');
    await expectAccessible(page, 'record renewal dialog', '[role="dialog"]');
    await renew.getByRole('button', { name: 'Review…' }).click();
    await renew.getByTestId('renewal-confirmation').waitFor();
    await expectAccessible(page, 'record renewal confirmation', '[role="dialog"]');
    await page.keyboard.press('Escape');

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
});
