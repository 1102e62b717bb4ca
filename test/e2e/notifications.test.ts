import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
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
    await provider.getByRole('combobox', { name: 'Organisation' }).click();
    await provider.getByRole('option', { name: 'Meridian Cloud Voice' }).click();
    const partnerBanner = provider.getByTestId('contact-health');
    await partnerBanner.getByText('This partner’s notification contacts need attention').waitFor();
    await expect(partnerBanner.innerText()).resolves.toContain('Nobody receives: Maintenance and outages');
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
});
