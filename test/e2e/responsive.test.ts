import { describe, expect, test } from 'vitest';
import { screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

describe('small screens', () => {
  test('at 360 px the navbar collapses to a burger and nothing overflows', async () => {
    const page = await signIn(env, 'admin@provider.example', { width: 360, height: 740 });
    const navbar = page.locator('nav.mantine-AppShell-navbar');
    await expect(navbar.isVisible()).resolves.toBe(true); // rendered, but off-canvas
    const box = await navbar.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1);

    await page.getByRole('cell', { name: 'Contoso Health', exact: true }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'mobile-customers');

    await page.getByRole('button', { name: 'Open navigation' }).click();
    await expect.poll(async () => (await navbar.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'mobile-navigation');
    await navbar.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/users$/);
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await expect.poll(async () => (await navbar.boundingBox())?.x ?? 0).toBeLessThan(0);
  });

  test('sign-in fits a 360 px screen', async () => {
    const page = await signIn(env, 'viewer@contoso-health.example', { width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
