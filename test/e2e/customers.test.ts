import { describe, expect, test } from 'vitest';
import { screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

describe('customers', () => {
  test('provider admin creates a customer and sees the server error for a duplicate name', async () => {
    const page = await signIn(env, 'admin@provider.example');
    const name = `E2E Clinic ${Date.now().toString(36)}`;

    const create = async () => {
      await page.getByRole('button', { name: 'New customer' }).click();
      const dialog = page.getByRole('dialog', { name: 'New customer' });
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: 'Partner' }).click();
      await page.getByRole('option', { name: 'Northwind Communications' }).click();
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('combobox', { name: 'Region' }).click();
      await page.getByRole('option', { name: 'Europe, Middle East, Africa (EMEA)' }).click();
      await dialog.getByRole('button', { name: 'Create' }).click();
      return dialog;
    };

    const first = await create();
    await first.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(name);
    await page.getByRole('link', { name }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    const second = await create();
    const nameInput = second.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => nameInput.getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
    const errorId = (await nameInput.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.includes('error'));
    expect(errorId).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`).innerText()).resolves.toContain('already has a customer');
    await screenshot(page, 'customers-duplicate-error');
    await second.getByRole('button', { name: 'Cancel' }).click();

    // Open the new customer, deactivate it with confirmation.
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate?' });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('button', { name: 'Reactivate' }).waitFor();
  });

  test('partner admin creates a customer in its own partner (no partner picker)', async () => {
    const page = await signIn(env, 'admin@northwind.example');
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.waitFor();
    await expect(dialog.getByRole('combobox', { name: 'Partner' }).count()).resolves.toBe(0);
    // Submitting empty shows the required-field messages next to the fields.
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`Partner-made ${Date.now().toString(36)}`);
    await dialog.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Australia (AUS)' }).click();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
