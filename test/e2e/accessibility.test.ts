import { describe, test } from 'vitest';
import { expectAccessible, newPage, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

describe('accessibility (axe: no serious or critical violations)', () => {
  test('sign-in page', async () => {
    const page = await newPage(env);
    await page.goto('/sign-in');
    await page.locator('input[name="email"]').waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
  });

  test('provider admin screens', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.getByRole('cell', { name: 'Contoso Health', exact: true }).waitFor();
    await expectAccessible(page, 'customers');
    await screenshot(page, 'customers');

    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('dialog', { name: 'New customer' }).waitFor();
    await expectAccessible(page, 'new customer dialog');
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
  });
});
