import { describe, expect, test } from 'vitest';
import { screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

describe('profile', () => {
  test('an API token is shown once, listed by prefix, and revoked after confirmation', async () => {
    const page = await signIn(env, 'admin@meridian.example');
    await page.goto('/profile');
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Monitoring');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const token = (await dialog.getByTestId('new-token').innerText()).trim();
    expect(token.length).toBeGreaterThan(20);
    await dialog.getByRole('button', { name: 'Copy token' }).waitFor();
    await screenshot(page, 'token-created');

    // The token works against the API, as a bearer token.
    const me = await fetch(`${env.baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);

    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /Monitoring/ });
    await row.waitFor();
    expect(await row.innerText()).not.toContain(token);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: 'Revoke token?' }).getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    const after = await fetch(`${env.baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
  });

  test('a wrong current password is reported next to the field', async () => {
    const page = await signIn(env, 'engineer@meridian.example');
    await page.goto('/profile');
    await page.getByLabel('Current password').fill('definitely-wrong-1');
    await page.getByLabel(/^New password/).fill('another-password-2026');
    await page.getByLabel('Repeat new password').fill('another-password-2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not correct.').waitFor();
    // Announced on the field itself: invalid, and described by the message.
    const field = page.getByLabel('Current password');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toContain('The current password is not correct.');
    expect(await page.getByLabel(/^New password/).getAttribute('aria-invalid')).toBeNull();
    // A short new password and a mismatch are refused before anything is sent.
    await page.getByLabel(/^New password/).fill('short');
    await page.getByLabel('Repeat new password').fill('different');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.getByLabel(/^New password/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Repeat new password').getAttribute('aria-invalid')).toBe('true');
  });
});
