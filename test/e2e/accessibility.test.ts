import { describe, test } from 'vitest';
import { expectAccessible, newPage, screenshot, setupBrowser, signIn } from './support.ts';

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
});
