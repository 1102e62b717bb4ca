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
});
