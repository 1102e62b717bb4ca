import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi } from '../support/e2e-api.ts';
import { startWebhookReceiver } from '../support/receivers.ts';
import { expectAccessible, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { token, call } = e2eApi(env);
const unique = () => Date.now().toString(36);

/** Fills and submits the "New subscription" dialog; returns the dialog locator. */
async function createSubscription(page: Page, input: { name: string; channel?: string; target: string }) {
  await page.getByRole('button', { name: 'New subscription' }).click();
  const dialog = page.getByRole('dialog', { name: 'New subscription' });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(input.name);
  if (input.channel) {
    await dialog.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: input.channel }).click();
  }
  const targetLabel = input.channel && input.channel !== 'E-mail' ? 'Webhook URL' : 'E-mail address';
  await dialog.getByRole('textbox', { name: targetLabel }).fill(input.target);
  await dialog.getByRole('button', { name: 'Create' }).click();
  return dialog;
}

/**
 * Opens the "…" menu of a subscription row and picks an item. Right after a dialog closes, its
 * focus return can close a menu that was just opened, so the menu is opened again when it vanished.
 */
async function rowAction(page: Page, name: string, item: string) {
  const trigger = page.getByRole('button', { name: `Actions for ${name}` });
  const entry = page.getByRole('menuitem', { name: item });
  for (let attempt = 1; ; attempt++) {
    if (!(await entry.isVisible())) await trigger.click();
    try {
      await entry.click({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

describe('notification subscriptions, delivery log and mailbox', () => {
  test('a partner with nobody on the required categories is warned, in the shell and on the subscriptions screen', async () => {
    // Meridian's demo contact list has only a certificates address; these tests leave it so.
    const page = await signIn(env, 'admin@meridian.example');
    await page.getByTestId('contact-health-shell').waitFor();
    await page.getByRole('link', { name: 'Review subscriptions' }).click();
    await page.waitForURL(/\/subscriptions$/);
    const banner = page.getByTestId('contact-health');
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toContain(
      'Nobody receives: Maintenance and outages, Incidents (S1/S2)',
    );
    // The compact reminder gives way to the full warning here.
    await expect(page.getByTestId('contact-health-shell').count()).resolves.toBe(0);
    await page.getByText('pki@meridian.example').waitFor();

    // Engineers see the warning too, but cannot change the list.
    const engineer = await signIn(env, 'engineer@meridian.example');
    await engineer.goto('/subscriptions');
    await engineer.getByTestId('contact-health').waitFor();
    await expect(engineer.getByRole('button', { name: 'New subscription' }).count()).resolves.toBe(0);

    // The provider reads a partner's contact hygiene by filtering on it; its own list is covered.
    const provider = await signIn(env, 'admin@provider.example');
    await provider.goto('/subscriptions');
    await provider.getByRole('heading', { name: 'Subscriptions', level: 1 }).waitFor();
    await provider.getByText('noc@provider.example').waitFor();
    await expect(provider.getByTestId('contact-health').count()).resolves.toBe(0);
    const organisation = provider.getByRole('combobox', { name: 'Organisation' });
    await organisation.fill('meridian');
    await provider.getByRole('option', { name: 'Meridian Cloud Voice' }).click();
    await expect.poll(() => organisation.inputValue()).toBe('Meridian Cloud Voice');
    const partnerBanner = provider.getByTestId('contact-health');
    await partnerBanner.getByText('This partner’s notification contacts need attention').waitFor();
    await expect(partnerBanner.innerText()).resolves.toContain('Nobody receives: Maintenance and outages');

    // A new subscription's organisation: the provider's own team by default, or a partner found by name.
    await provider.getByRole('button', { name: 'New subscription' }).click();
    const dialog = provider.getByRole('dialog', { name: 'New subscription' });
    const owner = dialog.getByRole('combobox', { name: 'Organisation' });
    await expect.poll(() => owner.inputValue()).toBe('Provider (own team)');
    await owner.fill('northw');
    await provider.getByRole('option', { name: 'Northwind Communications' }).click();
    await expect.poll(() => owner.inputValue()).toBe('Northwind Communications');
    await owner.fill('own team');
    await provider.getByRole('option', { name: 'Provider (own team)' }).click();
    await expect.poll(() => owner.inputValue()).toBe('Provider (own team)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('partner admin subscribes an e-mail address, sends a test, and reads it in the mailbox', async () => {
    const page = await signIn(env, 'admin@northwind.example');
    await page.goto('/subscriptions');
    await page.getByRole('heading', { name: 'Subscriptions', level: 1 }).waitFor();
    const id = unique();
    const name = `NOC e-mail ${id}`;
    const address = `noc-${id}@northwind.example`;

    // A bad address comes back from the server and is shown on the field.
    const bad = await createSubscription(page, { name, target: 'not-an-address' });
    const target = bad.getByRole('textbox', { name: 'E-mail address' });
    await expect.poll(() => target.getAttribute('aria-invalid')).toBe('true');
    await bad.getByText('Enter one e-mail address.').waitFor();
    await target.fill(address);
    // Both required categories are ticked by default.
    const categories = bad.getByRole('group', { name: 'Categories' });
    await expect(
      categories.getByRole('checkbox', { name: 'Maintenance and outages' }).isChecked(),
    ).resolves.toBe(true);
    await expect(categories.getByRole('checkbox', { name: 'Incidents (S1/S2)' }).isChecked()).resolves.toBe(
      true,
    );
    await bad.getByRole('button', { name: 'Create' }).click();
    await bad.waitFor({ state: 'detached' });
    // No secret for e-mail.
    await expect(page.getByRole('dialog', { name: 'Signing secret' }).count()).resolves.toBe(0);

    await page.getByRole('searchbox', { name: 'Search by name or address' }).fill(id);
    await page.getByText(address).waitFor();
    await rowAction(page, name, 'Send test message');
    await page.getByText('Test message queued').waitFor();

    // The delivery log shows it delivered, with its attempt log.
    await page.goto('/deliveries');
    await page.getByRole('heading', { name: 'Delivery log', level: 1 }).waitFor();
    const row = page.locator('tbody tr', { hasText: address }).first();
    await row.waitFor();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('Delivered');
    await expect(row.innerText()).resolves.toContain('Test message');
    await row.getByRole('button', { name: `Details of the delivery to ${address}` }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery' });
    await drawer.getByText('Attempt 1').waitFor();
    await expect(drawer.innerText()).resolves.toMatch(/delivered/i);
    await expectAccessible(page, 'delivery drawer', '[role="dialog"]');
    await screenshot(page, 'delivery-drawer');
    await page.keyboard.press('Escape');

    // The built-in mailbox kept the message: HTML in a sandboxed frame, and the text.
    await page.goto('/mailbox');
    await page.getByRole('heading', { name: 'Mailbox', level: 1 }).waitFor();
    const mailRow = page.locator('tbody tr', { hasText: address }).first();
    await mailRow.waitFor({ timeout: 15_000 });
    await mailRow.getByRole('button', { name: /Test message from DI Ops/ }).click();
    const message = page.getByRole('dialog', { name: /Test message from DI Ops/ });
    await message.waitFor();
    const frame = message.getByTestId('mail-html');
    await expect(frame.getAttribute('sandbox')).resolves.toBe('');
    await page
      .frameLocator('[data-testid="mail-html"]')
      .getByText(`This is a test of the subscription "${name}"`)
      .waitFor();
    await screenshot(page, 'mailbox-html');
    await message.getByText('Text', { exact: true }).click();
    await expect(message.getByTestId('mail-text').innerText()).resolves.toContain(name);
    // (axe cannot run inside the script-less sandboxed frame, so the dialog is checked in text mode.)
    await expectAccessible(page, 'mail message', '[role="dialog"]');
  });

  test('a generic webhook shows its secret once; pausing and deleting ask first', async () => {
    const page = await signIn(env, 'admin@northwind.example');
    await page.goto('/subscriptions');
    const id = unique();
    const name = `SIEM webhook ${id}`;
    const dialog = await createSubscription(page, {
      name,
      channel: 'Webhook (signed JSON)',
      target: `https://siem.northwind.example/hooks/${id}`,
    });
    await dialog.waitFor({ state: 'detached' });

    const secretDialog = page.getByRole('dialog', { name: 'Signing secret' });
    await secretDialog.waitFor();
    await secretDialog.getByText('you will not see it again').waitFor();
    const secret = await secretDialog.getByTestId('webhook-secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await secretDialog.getByRole('button', { name: 'Copy secret' }).waitFor();
    await expectAccessible(page, 'webhook secret', '[role="dialog"]');
    await screenshot(page, 'webhook-secret');
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    await secretDialog.waitFor({ state: 'detached' });
    // Shown once: nowhere on the page any more.
    await expect(page.getByText(secret).count()).resolves.toBe(0);

    await page.getByRole('searchbox', { name: 'Search by name or address' }).fill(id);
    const row = page.locator('tbody tr', { hasText: name });
    await row.getByText('Signed · HMAC-SHA256').waitFor();

    // Pause: confirmation first, cancelling changes nothing.
    await rowAction(page, name, 'Pause');
    let confirm = page.getByRole('dialog', { name: 'Pause subscription?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Active', { exact: true }).waitFor();
    await rowAction(page, name, 'Pause');
    confirm = page.getByRole('dialog', { name: 'Pause subscription?' });
    await confirm.getByRole('button', { name: 'Pause' }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    await rowAction(page, name, 'Resume');
    await row.getByText('Active', { exact: true }).waitFor();

    // Rotating the secret asks first and shows the new one once.
    await rowAction(page, name, 'Rotate secret');
    await page
      .getByRole('dialog', { name: 'Rotate the signing secret?' })
      .getByRole('button', { name: 'Rotate secret' })
      .click();
    const rotated = page.getByRole('dialog', { name: 'Signing secret' });
    await rotated.waitFor();
    await expect(rotated.getByTestId('webhook-secret').inputValue()).resolves.not.toBe(secret);
    await rotated.getByRole('button', { name: 'Done' }).click();

    // Delete, with confirmation.
    await rowAction(page, name, 'Delete');
    confirm = page.getByRole('dialog', { name: 'Delete subscription?' });
    await expect(confirm.innerText()).resolves.toContain('cannot be undone');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByText('No subscriptions').waitFor(); // the search still filters on this one
  });

  test('a partner admin edits a subscription: name, categories and address, kept after a reload', async () => {
    const admin = await token('admin@northwind.example');
    const id = unique();
    const name = `Escalations ${id}`;
    await call(admin, 'POST', '/subscriptions', {
      name,
      channel: 'email',
      target: `escalations-${id}@northwind.example`,
      categories: ['maintenance_outages', 'incidents'],
    });
    const page = await signIn(env, 'admin@northwind.example');
    await page.goto('/subscriptions');
    await page.getByRole('heading', { name: 'Subscriptions', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search by name or address' }).fill(id);
    await page.getByText(`escalations-${id}@northwind.example`).waitFor();

    await rowAction(page, name, 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Edit subscription' });
    await dialog.waitFor();
    // What it holds now; the channel stays what it is.
    await expect(dialog.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe(name);
    await expect(dialog.getByRole('combobox', { name: 'Channel' }).isDisabled()).resolves.toBe(true);
    await dialog.getByText('The channel cannot be changed; create another subscription instead.').waitFor();
    const categories = dialog.getByRole('group', { name: 'Categories' });
    const box = (label: string) => categories.getByRole('checkbox', { name: label });
    await expect(box('Incidents (S1/S2)').isChecked()).resolves.toBe(true);
    await expect(box('Certificates').isChecked()).resolves.toBe(false);

    const renamed = `NOC escalations ${id}`;
    const address = `noc-escalations-${id}@northwind.example`;
    await dialog.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await box('Incidents (S1/S2)').uncheck();
    await box('Certificates').check();
    // A bad address comes back from the server, on its field; nothing is saved.
    const target = dialog.getByRole('textbox', { name: 'E-mail address' });
    await target.fill('not-an-address');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => target.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Enter one e-mail address.').waitFor();
    await target.fill(address);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Subscription ${renamed} saved.`).waitFor();

    const row = () => page.locator('tbody tr', { hasText: address });
    const expectEdited = async () => {
      await row().waitFor();
      // (Badges are set in capitals.)
      const text = (await row().innerText()).toLowerCase();
      expect(text).toContain(renamed.toLowerCase());
      expect(text).toContain('maintenance and outages');
      expect(text).toContain('certificates');
      expect(text).not.toContain('incidents (s1/s2)');
      await expect(
        page.getByText(`escalations-${id}@northwind.example`, { exact: true }).count(),
      ).resolves.toBe(0);
    };
    await expectEdited();
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search by name or address' }).fill(id);
    await expectEdited();

    // The dialog opens again on what was saved.
    await rowAction(page, renamed, 'Edit');
    const again = page.getByRole('dialog', { name: 'Edit subscription' });
    await expect(again.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe(renamed);
    await expect(again.getByRole('textbox', { name: 'E-mail address' }).inputValue()).resolves.toBe(address);
    await expect(
      again
        .getByRole('group', { name: 'Categories' })
        .getByRole('checkbox', { name: 'Certificates' })
        .isChecked(),
    ).resolves.toBe(true);
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'detached' });
  });

  test('a delivery that failed for good is retried from the delivery log and delivered', async () => {
    // A webhook that answers 410 Gone: permanent, so the test message is dead after one attempt.
    const hooks = await startWebhookReceiver();
    let gone = true;
    hooks.respond = () => (gone ? { status: 410, body: 'gone for now' } : { status: 200, body: 'ok' });
    try {
      const admin = await token('admin@northwind.example');
      const id = unique();
      const name = `Flaky SIEM ${id}`;
      const url = hooks.url(`/siem-${id}`);
      const created = await call<{ id: string }>(admin, 'POST', '/subscriptions', {
        name,
        channel: 'webhook',
        target: url,
        categories: ['maintenance_outages'],
      });
      await call(admin, 'POST', `/subscriptions/${created.id}/test`);
      await expect
        .poll(
          async () =>
            (
              await call<{ items: { status: string }[] }>(
                admin,
                'GET',
                `/deliveries?subscriptionId=${created.id}`,
              )
            ).items.map((d) => d.status),
          { timeout: 15_000 },
        )
        .toEqual(['dead']);

      // Engineers read the log but cannot retry.
      const engineer = await signIn(env, 'engineer@northwind.example');
      await engineer.goto(`/deliveries?subscriptionId=${created.id}`);
      const engineerRow = engineer.locator('tbody tr', { hasText: url });
      await engineerRow.getByRole('button', { name: `Details of the delivery to ${url}` }).click();
      const engineerDrawer = engineer.getByRole('dialog', { name: 'Delivery' });
      await engineerDrawer.getByText('All attempts failed. Fix the address, then retry.').waitFor();
      await expect(engineerDrawer.getByRole('button', { name: 'Retry now' }).count()).resolves.toBe(0);

      // The admin finds it from the subscription: failed, one attempt, HTTP 410.
      const page = await signIn(env, 'admin@northwind.example');
      await page.goto('/subscriptions');
      await page.getByRole('searchbox', { name: 'Search by name or address' }).fill(id);
      await page.getByText(url).waitFor();
      await rowAction(page, name, 'Delivery log');
      await page.waitForURL(
        (u) => u.pathname === '/deliveries' && u.searchParams.get('subscriptionId') === created.id,
      );
      await page.getByText('Showing one subscription only.').waitFor();
      const row = page.locator('tbody tr', { hasText: url });
      await row.waitFor();
      await expect(row.innerText()).resolves.toMatch(
        /Test message[\s\S]*Failed[\s\S]*1 \/ \d+[\s\S]*HTTP 410/i,
      );
      await row.getByRole('button', { name: `Details of the delivery to ${url}` }).click();
      const drawer = page.getByRole('dialog', { name: 'Delivery' });
      await drawer.getByText('All attempts failed. Fix the address, then retry.').waitFor();
      await drawer.getByText('Attempt 1').waitFor();
      await expect(drawer.getByText('Attempt 2').count()).resolves.toBe(0);
      await expectAccessible(page, 'dead delivery drawer', '[role="dialog"]');
      await screenshot(page, 'delivery-dead');

      // The receiver is back: the retry delivers it, a second attempt on the same delivery.
      gone = false;
      await drawer.getByRole('button', { name: 'Retry now' }).click();
      await page.getByText('Delivery queued again.').waitFor();
      await drawer.getByText('Attempt 2').waitFor({ timeout: 15_000 });
      await expect.poll(() => drawer.innerText(), { timeout: 15_000 }).toMatch(/Delivered/i);
      await expect(drawer.getByRole('button', { name: 'Retry now' }).count()).resolves.toBe(0);
      await expect(drawer.getByText('All attempts failed', { exact: false }).count()).resolves.toBe(0);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await expect.poll(() => row.innerText(), { timeout: 15_000 }).toMatch(/Delivered[\s\S]*2 \/ \d+/i);

      // The same message twice (one idempotency key), answered 410 then 200.
      const received = hooks.requests.filter((r) => r.path === `/siem-${id}`);
      expect(received).toHaveLength(2);
      expect(received[1]?.headers['idempotency-key']).toBe(received[0]?.headers['idempotency-key']);
    } finally {
      await hooks.close();
    }
  });
});
