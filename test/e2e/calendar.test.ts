import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi, unique } from '../support/e2e-api.ts';
import { screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { token, call } = e2eApi(env);

/** An instant on a zone's wall clock: civil date, minutes since midnight, weekday (1 = Monday). */
function wall(iso: string | number, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: (Number(get('hour')) % 24) * 60 + Number(get('minute')),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1,
  };
}

interface Window {
  start: string;
  end: string;
  kind: 'weekday' | 'weekend';
}

/**
 * A routine change on an EMEA demo customer, 22:00–23:30 Paris time in a Monday-to-Thursday window
 * (so in Tokyo it is the next morning of the same week).
 */
async function emeaChange(title: string): Promise<{ id: string; start: string; end: string }> {
  const provider = await token('admin@provider.example');
  const customers = await call<{ items: { id: string; name: string }[] }>(
    provider,
    'GET',
    `/customers?q=${encodeURIComponent('Tailspin Airlines')}`,
  );
  const customerId = customers.items.find((c) => c.name === 'Tailspin Airlines')?.id;
  expect(customerId).toBeTruthy();
  const from = new Date(Date.now() + 2 * 3_600_000).toISOString();
  const to = new Date(Date.now() + 15 * 86_400_000).toISOString();
  const windows = await call<{ items: Window[] }>(
    provider,
    'GET',
    `/maintenance-windows?region=EMEA&from=${from}&to=${to}`,
  );
  // The last such window in the range: other browser tests fill the first ones, and a crowded day
  // folds its changes into "+ n more".
  const window = windows.items.findLast(
    (w) => w.kind === 'weekday' && wall(w.start, 'Europe/Paris').weekday <= 4,
  );
  expect(window, 'a Monday-to-Thursday EMEA window').toBeTruthy();
  const start = new Date(Date.parse(window?.start ?? '') + 60 * 60_000).toISOString();
  const end = new Date(Date.parse(start) + 90 * 60_000).toISOString();
  const change = await call<{ id: string }>(provider, 'POST', '/changes', {
    type: 'routine',
    title,
    customerIds: [customerId],
    start,
    end,
  });
  return { id: change.id, start, end };
}

async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

describe('maintenance calendar', () => {
  test('week and month views show the windows and a change; switching the zone moves the blocks', async () => {
    const title = `Calendar e2e ${unique()}`;
    const change = await emeaChange(title);
    // The browser runs in Europe/Madrid and the provider admin has no zone of its own.
    const madrid = wall(change.start, 'Europe/Madrid');
    const tokyo = wall(change.start, 'Asia/Tokyo');

    const page = await signIn(env, 'admin@provider.example');
    await page.goto(`/calendar?view=week&date=${madrid.date}`);
    await page.getByRole('heading', { name: 'Maintenance calendar', level: 1 }).waitFor();
    await page.getByText('times in Europe/Madrid', { exact: false }).first().waitFor();
    await settled(page);

    // The provider sees the four regions' windows by default, weekday and weekend told apart.
    for (const region of ['AMER', 'APJC', 'AUS', 'EMEA']) {
      await expect(page.getByRole('checkbox', { name: new RegExp(`^${region} `) }).isChecked()).resolves.toBe(
        true,
      );
      await expect(
        page.locator(`[data-testid="calendar-window"][data-region="${region}"]`).count(),
      ).resolves.toBeGreaterThan(0);
    }
    await expect(
      page.locator('[data-testid="calendar-window"][data-kind="weekend"]').count(),
    ).resolves.toBeGreaterThan(0);
    await page.getByTestId('calendar-legend').getByText('Weekend window (infrastructure only)').waitFor();
    // The EMEA window of that evening is drawn on its day from 21:00 and runs on into the next.
    await page
      .locator(`[data-testid="calendar-window"][data-region="EMEA"][data-day="${madrid.date}"]`)
      .first()
      .waitFor();

    const block = page.locator(`[data-testid="calendar-change"][data-change-id="${change.id}"]`);
    await block.waitFor();
    await expect(block.getAttribute('data-day')).resolves.toBe(madrid.date);
    await expect(block.getAttribute('data-top')).resolves.toBe(String(madrid.minutes));
    await expect(block.innerText()).resolves.toContain(title);
    const before = await block.boundingBox();
    await screenshot(page, 'calendar-week-madrid');

    // Seen from Tokyo the change is the next morning.
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('option', { name: 'Asia/Tokyo (APJC)' }).click();
    await page.getByText('times in Asia/Tokyo', { exact: false }).first().waitFor();
    await settled(page);
    await expect.poll(() => block.getAttribute('data-day')).toBe(tokyo.date);
    await expect(block.getAttribute('data-top')).resolves.toBe(String(tokyo.minutes));
    const after = await block.boundingBox();
    expect(after && before && (after.x !== before.x || after.y !== before.y)).toBe(true);
    await screenshot(page, 'calendar-week-tokyo');

    // The month view lists it on the day it starts, with the windows as bands.
    await page.getByRole('radiogroup', { name: 'View' }).getByText('Month').click();
    await page.getByTestId('calendar-month').waitFor();
    await settled(page);
    const cell = page.locator(`td[data-day="${tokyo.date}"]`);
    await cell.locator(`[data-testid="calendar-change"][data-change-id="${change.id}"]`).waitFor();
    await expect(
      cell.locator('[data-testid="calendar-window"][data-region="EMEA"]').count(),
    ).resolves.toBeGreaterThan(0);
    await screenshot(page, 'calendar-month-tokyo');

    // Back to the viewer's zone: the change is on the Madrid day again; keyboard through the months.
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('option', { name: 'Your time zone (Europe/Madrid)' }).click();
    await page
      .locator(`td[data-day="${madrid.date}"] [data-testid="calendar-change"][data-change-id="${change.id}"]`)
      .waitFor();
    const period = await page.getByTestId('calendar-period').innerText();
    await page.getByRole('button', { name: 'Next month' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('calendar-period').innerText()).not.toBe(period);
    await page.getByRole('button', { name: 'Previous month' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('calendar-period').innerText()).toBe(period);

    // A region left out hides its windows; the change opens its page.
    await page.getByRole('checkbox', { name: /^EMEA / }).uncheck();
    await expect
      .poll(() => page.locator('[data-testid="calendar-window"][data-region="EMEA"]').count())
      .toBe(0);
    await expect(
      page.locator(`[data-testid="calendar-change"][data-change-id="${change.id}"]`).count(),
    ).resolves.toBe(0);
    await page.getByRole('checkbox', { name: /^EMEA / }).check();
    await block.click();
    await page.waitForURL(new RegExp(`/changes/${change.id}$`));
  });

  test('a customer viewer sees the windows of its own region by default', async () => {
    const page = await signIn(env, 'viewer@contoso-health.example');
    await page.goto('/calendar?view=week');
    await page.getByRole('heading', { name: 'Maintenance calendar', level: 1 }).waitFor();
    await settled(page);
    await expect(page.getByRole('checkbox', { name: /^AMER / }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /^EMEA / }).isChecked()).resolves.toBe(false);
    await expect(
      page.locator('[data-testid="calendar-window"][data-region="AMER"]').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-testid="calendar-window"][data-region="EMEA"]').count()).resolves.toBe(
      0,
    );
  });
});
