import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const PASSWORD = 'diops-demo-2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = path.resolve(import.meta.dirname, '../../test-results');

export interface E2E {
  browser: Browser;
  baseUrl: string;
  /** Contexts opened by the current test; closed after it. */
  contexts: BrowserContext[];
  pages: Page[];
}

/** One Chromium per test file; a fresh context (cookies, storage) per `newPage`. */
export function setupBrowser(): E2E {
  const env = { contexts: [], pages: [] } as unknown as E2E;
  beforeAll(async () => {
    env.baseUrl = inject('baseUrl');
    env.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      fs.mkdirSync(RESULTS, { recursive: true });
      const base = `${path.basename(ctx.task.file?.name ?? 'e2e', '.test.ts')}-${ctx.task.name}`.replace(
        /[^a-z0-9-]+/gi,
        '_',
      );
      for (const [i, page] of env.pages.entries()) {
        if (page.isClosed()) continue;
        await page
          .screenshot({ path: path.join(RESULTS, `${base}-${i}.png`), fullPage: true })
          .catch(() => {});
      }
    }
    for (const context of env.contexts) await context.close().catch(() => {});
    env.contexts = [];
    env.pages = [];
  });
  afterAll(async () => {
    await env.browser?.close();
  });
  return env;
}

export async function newPage(env: E2E, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/Madrid',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  env.contexts.push(context);
  env.pages.push(page);
  return page;
}

export async function signIn(
  env: E2E,
  email: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await newPage(env, viewport);
  await page.goto('/sign-in');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** The labels of the main navigation, in order (links in closed groups too: they stay in the page). */
export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.locator('nav.mantine-AppShell-navbar a');
  await nav.first().waitFor({ state: 'attached' });
  return (await nav.allInnerTexts()).map((s) => s.trim());
}

/** Fails on serious or critical axe violations, naming rule and nodes. */
export async function expectAccessible(page: Page, what: string, within?: string): Promise<void> {
  // Colours are judged on settled frames: a fading-in dialog would read as low contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // A dialog check looks at the dialog only: the page behind it sits under a dimming overlay.
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(' | ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
}

/** A DateTimeField: the group its label names, holding the date, the hours and the minutes. */
export function dateTimeField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/**
 * Types a wall time ('YYYY-MM-DDTHH:mm') into a DateTimeField as a user does: the date day first
 * (`30/10/2026`), then the hours and the minutes as digits on a 24-hour clock.
 */
export async function fillDateTime(field: Locator, wall: string): Promise<void> {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) throw new Error(`Not a wall time: ${wall}`);
  const [, year, month, day, hours, minutes] = match;
  await field.getByRole('textbox').fill(`${Number(day)}/${Number(month)}/${year}`);
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(`${hours}${minutes}`);
  await expect.poll(() => dateTimeValue(field)).toBe(wall);
}

/** What a DateTimeField holds for its form ('YYYY-MM-DDTHH:mm', '' for none). */
export async function dateTimeValue(field: Locator): Promise<string> {
  return (await field.getAttribute('data-value')) ?? '';
}
