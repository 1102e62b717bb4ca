import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi, unique } from '../support/e2e-api.ts';
import { dateTimeValue, fillDateTime, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { token, call, slotFromTomorrow } = e2eApi(env);

interface RegionTime {
  region: string;
  timeZone: string;
  localStart: string;
  localEnd: string;
}
interface Change {
  id: string;
  reference: string;
  title: string;
  start: string;
  end: string;
  regionTimes: RegionTime[];
}
interface RescheduleRequest {
  id: string;
  changeId: string;
  late: boolean;
  status: string;
}

async function customerId(bearer: string, name: string): Promise<string> {
  const found = await call<{ items: { id: string; name: string }[] }>(
    bearer,
    'GET',
    `/customers?q=${encodeURIComponent(name)}`,
  );
  const id = found.items.find((c) => c.name === name)?.id;
  expect(id, name).toBeTruthy();
  return id ?? '';
}

/** A routine change for Northwind's Tailspin Airlines (EMEA) in the first slot the rules allow from tomorrow. */
async function planRoutine(provider: string, title: string): Promise<Change> {
  const customerIds = [await customerId(provider, 'Tailspin Airlines')];
  const draft = {
    type: 'routine',
    title,
    customerIds,
  };
  return call<Change>(provider, 'POST', '/changes', {
    ...draft,
    ...(await slotFromTomorrow(provider, 'EMEA')),
  });
}

/** A day a week from now at 12:00–14:00 on the viewer's (Madrid) clock: inside no maintenance window. */
function middayNextWeek(): { start: string; end: string } {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  return { start: `${day}T12:00`, end: `${day}T14:00` };
}

async function pickCustomer(page: Page, search: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Customers', exact: true });
  await input.fill(search);
  await page.getByRole('option', { name: option }).click();
}

describe('changes and maintenance', () => {
  test('the provider plans a routine change: a broken rule shows live, the next-slot suggestion fixes it, and the detail shows each region’s clock', async () => {
    const title = `E2E routine ${unique()}`;
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/changes');
    await page.getByRole('heading', { name: 'Changes', level: 1 }).waitFor();
    await page.getByTestId('change-row').first().waitFor();
    await page.getByRole('link', { name: 'New change' }).click();
    await page.waitForURL(/\/changes\/new$/);
    await page.getByRole('heading', { name: 'Plan a change', level: 1 }).waitFor();
    await page.getByTestId('check-incomplete').getByText('Choose the type').waitFor();

    await page.getByRole('combobox', { name: 'Type', exact: true }).click();
    await page.getByRole('option', { name: 'Routine', exact: true }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    // Two regions: Tailspin Airlines (EMEA, Paris clock) and Contoso Health (AMER, New York clock).
    await pickCustomer(page, 'Tailspin', 'Tailspin Airlines (EMEA)');
    await pickCustomer(page, 'Contoso', 'Contoso Health (AMER)');
    const midday = middayNextWeek();
    await fillDateTime(page.getByTestId('slot-start'), midday.start);
    await fillDateTime(page.getByTestId('slot-end'), midday.end);

    // Midday is outside every window: the rule is named once per region, in words.
    const violations = page.getByTestId('violation-list');
    await violations.locator('[data-code="outside_window"][data-region="EMEA"]').waitFor();
    await violations.locator('[data-code="outside_window"][data-region="AMER"]').waitFor();
    await expect(violations.innerText()).resolves.toContain('Outside the maintenance window');
    await expect(page.getByTestId('check-audience').innerText()).resolves.toMatch(
      /Customers: 2 · partners: 1 · regions: (EMEA, AMER|AMER, EMEA)/,
    );
    await screenshot(page, 'change-new-violation');

    // The suggestion fills start and end; the check comes back clean.
    await page.getByRole('button', { name: 'Use this slot' }).click();
    await page.getByTestId('check-allowed').waitFor();
    expect(await dateTimeValue(page.getByTestId('slot-start'))).not.toBe(midday.start);
    const times = page.getByTestId('check-region-times');
    await times.locator('[data-region="EMEA"]').getByText('Europe/Paris').waitFor();
    await times.locator('[data-region="AMER"]').getByText('America/New_York').waitFor();
    await screenshot(page, 'change-new-allowed');

    await page.getByRole('button', { name: 'Plan the change' }).click();
    await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(title), level: 1 }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The detail: the window in the viewer's zone, named, and in each region's own clock.
    const provider = await token('admin@provider.example');
    const saved = await call<Change>(provider, 'GET', `/changes/${id}`);
    expect(saved.regionTimes.map((r) => r.region).sort()).toEqual(['AMER', 'EMEA']);
    await expect(page.getByTestId('change-window-viewer').innerText()).resolves.toContain('(Europe/Madrid)');
    for (const r of saved.regionTimes) {
      const row = page.getByTestId('change-region-times').locator(`[data-region="${r.region}"]`);
      await row.getByText(r.timeZone).waitFor();
      const text = await row.innerText();
      expect(text).toContain(r.localStart.slice(11, 16));
      expect(text).toContain(r.localEnd.slice(11, 16));
      expect(text).toContain('Weekday window');
    }
    await page.getByTestId('change-notice').locator('time').waitFor();
    await page.getByTestId('change-customers').getByRole('link', { name: 'Tailspin Airlines' }).waitFor();
    await page.getByTestId('change-history').locator('[data-kind="created"]').waitFor();
    await screenshot(page, 'change-detail');
  });

  test('a partner asks to reschedule: a short reason is refused in the form, a detailed one is sent', async () => {
    const provider = await token('admin@provider.example');
    const change = await planRoutine(provider, `E2E reschedule ask ${unique()}`);

    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto(`/changes/${change.id}`);
    await page.getByRole('heading', { name: new RegExp(change.reference), level: 1 }).waitFor();
    const form = page.getByTestId('ask-reschedule-form');
    const reason = form.getByRole('textbox', { name: 'Reason' });
    await reason.fill('Bad timing');
    await expect(form.getByTestId('reason-counter').innerText()).resolves.toBe(
      '10 characters of at least 20',
    );
    await form.getByRole('button', { name: 'Ask to reschedule' }).click();
    const error = form.getByText('Give a detailed reason: at least 20 characters.');
    await error.waitFor();
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    // Nothing went to the server.
    const none = await call<{ items: RescheduleRequest[] }>(
      provider,
      'GET',
      `/reschedule-requests?changeId=${change.id}`,
    );
    expect(none.items).toEqual([]);

    await reason.fill('The customer runs its quarter-end billing that night and cannot lose calling.');
    await form.getByRole('button', { name: 'Ask to reschedule' }).click();
    const asked = page.getByTestId('reschedule-asked');
    await asked.waitFor();
    const requests = await call<{ items: RescheduleRequest[] }>(
      provider,
      'GET',
      `/reschedule-requests?changeId=${change.id}`,
    );
    expect(requests.items).toHaveLength(1);
    // The late flag is the server's call; the page shows what it answered.
    await expect(asked.getAttribute('data-late')).resolves.toBe(String(requests.items[0]?.late));
    await page.locator('[data-testid="reschedule-request"][data-status="open"]').waitFor();
    await expect(page.getByTestId('ask-reschedule-form').count()).resolves.toBe(0);
    await screenshot(page, 'change-reschedule-asked');
  });

  test('the provider sees the request in the queue and declines it with a note; the partner reads the answer', async () => {
    const provider = await token('admin@provider.example');
    const partner = await token('engineer@northwind.example');
    const change = await planRoutine(provider, `E2E reschedule decline ${unique()}`);
    const request = await call<RescheduleRequest>(
      partner,
      'POST',
      `/changes/${change.id}/reschedule-requests`,
      {
        reason: 'A trade fair keeps every branch open late that week; please move it.',
      },
    );

    const page = await signIn(env, 'tac@provider.example');
    await page.goto('/reschedule-requests');
    await page.getByRole('heading', { name: 'Reschedule requests', level: 1 }).waitFor();
    const row = page.locator(`[data-testid="request-row"][data-reference="${change.reference}"]`);
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('open');
    await expect(row.getByTestId('late-badge').count()).resolves.toBe(request.late ? 1 : 0);
    await screenshot(page, 'reschedule-queue');

    await row.getByRole('button', { name: 'Decline' }).click();
    const dialog = page.getByRole('dialog', { name: `Decline the request on ${change.reference}` });
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await dialog.getByText('Required').waitFor();
    await dialog
      .getByRole('textbox', { name: 'Note to the partner' })
      .fill('The slot is the only one before the carrier cut-over; it stays.');
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Open requests only: the declined one leaves the queue.
    await row.waitFor({ state: 'detached' });

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Declined' }).click();
    await page.waitForURL(/status=declined/);
    await page
      .locator(`[data-testid="request-row"][data-reference="${change.reference}"][data-status="declined"]`)
      .waitFor();

    const partnerPage = await signIn(env, 'engineer@northwind.example');
    await partnerPage.goto(`/changes/${change.id}`);
    const card = partnerPage.locator('[data-testid="reschedule-request"][data-status="declined"]');
    await card.getByTestId('decision-note').getByText('only one before the carrier cut-over').waitFor();
  });

  test('picking a new slot from a request checks it live and grants the request', async () => {
    const provider = await token('admin@provider.example');
    const partner = await token('engineer@northwind.example');
    const change = await planRoutine(provider, `E2E reschedule grant ${unique()}`);
    await call<RescheduleRequest>(partner, 'POST', `/changes/${change.id}/reschedule-requests`, {
      reason: 'The customer moves offices that night; any later window suits.',
    });

    const page = await signIn(env, 'tac@provider.example');
    await page.goto(`/changes/${change.id}`);
    const card = page.locator('[data-testid="reschedule-request"][data-status="open"]');
    await card.getByRole('button', { name: 'Pick a new slot' }).click();
    const dialog = page.getByRole('dialog', { name: `Reschedule ${change.reference}` });
    // Pre-filled from the next allowed slot, and checked.
    await expect.poll(() => dateTimeValue(dialog.getByTestId('slot-start'))).not.toBe('');
    await dialog.getByTestId('check-allowed').waitFor();
    // Midday breaks the window rule, named in the dialog; the suggestion puts it right.
    const midday = middayNextWeek();
    await fillDateTime(dialog.getByTestId('slot-start'), midday.start);
    await fillDateTime(dialog.getByTestId('slot-end'), midday.end);
    await dialog.locator('[data-code="outside_window"][data-region="EMEA"]').waitFor();
    await dialog.getByRole('button', { name: 'Use this slot' }).click();
    await dialog.getByTestId('check-allowed').waitFor();
    await dialog.getByRole('button', { name: 'Move the change' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="reschedule-request"][data-status="granted"]').waitFor();
    await page.getByTestId('change-history').locator('[data-kind="rescheduled"]').waitFor();
  });

  test('the provider starts and completes a change, and cancels another, each after confirming', async () => {
    const provider = await token('admin@provider.example');
    const run = await planRoutine(provider, `E2E run ${unique()}`);
    const drop = await planRoutine(provider, `E2E drop ${unique()}`);

    const page = await signIn(env, 'tac@provider.example');
    await page.goto(`/changes/${run.id}`);
    const actions = page.getByTestId('change-actions');
    await actions.getByRole('button', { name: 'Start' }).click();
    const confirm = page.getByRole('dialog', { name: `Start ${run.reference}?` });
    await confirm.getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-status="in_progress"]').first().waitFor();
    await actions.getByRole('button', { name: 'Complete' }).click();
    const complete = page.getByRole('dialog', { name: `Complete ${run.reference}` });
    await complete.getByRole('textbox', { name: 'Closing note' }).fill('Patched; all nodes back in service.');
    await complete.getByRole('button', { name: 'Complete' }).click();
    await complete.waitFor({ state: 'detached' });
    await page.locator('[data-status="completed"]').first().waitFor();
    await page.getByTestId('change-history').getByText('Patched; all nodes back in service.').waitFor();
    await expect(actions.getByRole('button').count()).resolves.toBe(0);

    await page.goto(`/changes/${drop.id}`);
    await actions.getByRole('button', { name: 'Cancel the change' }).click();
    const cancel = page.getByRole('dialog', { name: `Cancel ${drop.reference}?` });
    await cancel
      .getByRole('textbox', { name: 'Reason for cancelling' })
      .fill('Superseded by the vendor hotfix.');
    await cancel.getByRole('button', { name: 'Cancel the change' }).click();
    await cancel.waitFor({ state: 'detached' });
    await page.getByTestId('change-cancelled').getByText('Superseded by the vendor hotfix.').waitFor();
  });

  test('a customer viewer follows its changes read-only', async () => {
    const page = await signIn(env, 'viewer@contoso-health.example');
    await page.goto('/changes');
    await page.getByRole('heading', { name: 'Changes', level: 1 }).waitFor();
    const row = page.getByTestId('change-row').first();
    await row.waitFor();
    await expect(page.getByRole('link', { name: 'New change' }).count()).resolves.toBe(0);
    await row.getByRole('link').click();
    await page.getByTestId('change-read-only').waitFor();
    await expect(page.getByTestId('change-actions').count()).resolves.toBe(0);
    await expect(page.getByTestId('ask-reschedule-form').count()).resolves.toBe(0);
    // Its own organisation only, by name, without links into the directory.
    await expect(page.getByTestId('change-customers').locator('tbody tr').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Contoso Health'),
    ]);
    await page.goto('/changes/new');
    await page.waitForURL(/\/changes$/);
  });

  test('the change screens speak Spanish', async () => {
    const page = await signIn(env, 'admin@andes.example');
    await page.goto('/changes');
    await page.getByRole('heading', { name: 'Cambios', level: 1 }).waitFor();
    await page.getByRole('columnheader', { name: 'Referencia' }).waitFor();
    await page.getByRole('columnheader', { name: 'Ventana' }).waitFor();
    const row = page.getByTestId('change-row').first();
    await row.waitFor();
    await row.getByRole('link').click();
    await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    await page.getByText('Hora local de la región').waitFor();
    await page.getByRole('heading', { name: 'Historial' }).waitFor();
    await page.goto('/reschedule-requests');
    await page.getByRole('heading', { name: 'Solicitudes de reprogramación', level: 1 }).waitFor();
    await screenshot(page, 'reschedule-requests-es');
  });
});
