import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi, unique } from '../support/e2e-api.ts';
import { dateTimeField, fillDateTime, PASSWORD, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { token, call, slotFromTomorrow } = e2eApi(env);

/** 'YYYY-MM-DDTHH:mm' on a zone's wall clock, as a DateTimeField holds it. */
function wallTime(iso: string | number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

interface Window {
  start: string;
  end: string;
  kind: 'weekday' | 'weekend';
}

/** The next weekday window of a region starting at least two hours from now. */
async function nextWeekdayWindow(bearer: string, region: string): Promise<Window> {
  const from = new Date(Date.now() + 2 * 3_600_000).toISOString();
  const to = new Date(Date.now() + 15 * 86_400_000).toISOString();
  const windows = await call<{ items: Window[] }>(
    bearer,
    'GET',
    `/maintenance-windows?region=${region}&from=${from}&to=${to}`,
  );
  const window = windows.items.find((w) => w.kind === 'weekday');
  expect(window, `a ${region} weekday window`).toBeTruthy();
  return window as Window;
}

async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

describe('partner-requested changes, follow-up tasks and calendar feeds', () => {
  test('a partner submits a change request; the provider reviews, comments, approves and schedules it (a slot outside the window is refused per rule)', async () => {
    const title = `New SBC trunk ${unique()}`;
    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.goto('/change-requests');
    await partner.getByRole('heading', { name: 'Change requests', level: 1 }).waitFor();
    await partner.getByTestId('cr-board').waitFor();
    await partner.getByRole('button', { name: 'New change request' }).click();
    const form = partner.getByRole('dialog', { name: 'New change request' });
    await form.getByRole('button', { name: 'Submit request' }).click();
    await form.getByText('Required').first().waitFor();
    await form.getByRole('combobox', { name: 'Customer' }).fill('Tailspin');
    await partner.getByRole('option', { name: 'Tailspin Airlines', exact: true }).click();
    await form.getByRole('combobox', { name: 'Kind of change' }).click();
    await partner.getByRole('option', { name: 'Boundary devices', exact: true }).click();
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form
      .getByRole('textbox', { name: 'Description' })
      .fill('Add a second SIP trunk from the CUBE in Frankfurt to the new carrier.');
    await fillDateTime(
      dateTimeField(form, 'Preferred start'),
      wallTime(Date.now() + 10 * 86_400_000, 'Europe/Madrid'),
    );
    await form.getByRole('button', { name: 'Submit request' }).click();
    await form.waitFor({ state: 'detached' });
    await partner.waitForURL(/\/change-requests\/[0-9a-f-]{36}$/);
    const path = new URL(partner.url()).pathname;
    const heading = partner.getByRole('heading', { level: 1, name: new RegExp(`^CR-\\d+: ${title}$`) });
    await heading.waitFor();
    const reference = (await heading.innerText()).split(':')[0] ?? '';
    await expect(
      partner.getByTestId('cr-progress').locator('[data-step="submitted"]').getAttribute('data-state'),
    ).resolves.toBe('current');
    await partner.getByText('Next: the provider takes the request into review.').waitFor();
    await expect(partner.getByRole('button', { name: 'Take into review' }).count()).resolves.toBe(0);
    await partner
      .getByRole('textbox', { name: 'Comment' })
      .fill('The carrier can patch the trunk any evening.');
    await partner.getByRole('button', { name: 'Add comment' }).click();
    await partner.getByTestId('cr-note').filter({ hasText: 'any evening' }).waitFor();

    // On the board, in the Submitted column.
    await partner.goto('/change-requests');
    await partner
      .locator(`[data-testid="cr-column"][data-status="submitted"] [data-reference="${reference}"]`)
      .waitFor();
    await screenshot(partner, 'change-requests-board');

    // The provider takes it into review, comments, approves with a note.
    const provider = await signIn(env, 'admin@provider.example');
    await provider.goto(path);
    await provider.getByRole('button', { name: 'Take into review' }).click();
    await expect
      .poll(() =>
        provider.getByTestId('cr-progress').locator('[data-step="in_review"]').getAttribute('data-state'),
      )
      .toBe('current');
    await provider
      .getByRole('textbox', { name: 'Comment' })
      .fill('We need the carrier’s IP ranges for the firewall rules.');
    await provider.getByRole('button', { name: 'Add comment' }).click();
    await provider.getByTestId('cr-note').filter({ hasText: 'IP ranges' }).waitFor();
    await expect(
      provider.getByTestId('cr-note').filter({ hasText: 'IP ranges' }).getAttribute('data-side'),
    ).resolves.toBe('provider');
    await provider.getByRole('button', { name: 'Approve…' }).click();
    const approve = provider.getByRole('dialog', { name: `Approve ${reference}` });
    await approve.getByRole('button', { name: 'Approve' }).click();
    await approve.getByText('Required').waitFor();
    await approve
      .getByRole('textbox', { name: 'Note' })
      .fill('Agreed: one-hour change in an EMEA weekday window.');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await approve.waitFor({ state: 'detached' });
    await provider.getByTestId('cr-note').filter({ hasText: 'one-hour change' }).waitFor();
    await expect(
      provider.getByTestId('cr-note').filter({ hasText: 'one-hour change' }).getAttribute('data-kind'),
    ).resolves.toBe('decision');

    // Scheduling: first at noon (outside the window), refused naming the rule; then in the window.
    await provider.getByRole('button', { name: 'Schedule…' }).click();
    const schedule = provider.getByRole('dialog', { name: `Schedule ${reference}` });
    await schedule.getByTestId('schedule-windows').waitFor();
    const noon = Date.now() + 4 * 86_400_000;
    const day = wallTime(noon, 'Europe/Madrid').slice(0, 10);
    await fillDateTime(dateTimeField(schedule, 'Start'), `${day}T12:00`);
    await fillDateTime(dateTimeField(schedule, 'End'), `${day}T13:00`);
    await schedule.getByRole('button', { name: 'Schedule change' }).click();
    const violations = schedule.getByTestId('schedule-violations');
    await violations.waitFor();
    await violations.locator('[data-code="outside_window"][data-region="EMEA"]').waitFor();
    const outside =
      'Outside the maintenance window: the change must lie wholly inside one window (21:00–06:00, Europe/Paris).';
    await expect(violations.innerText()).resolves.toContain(outside);
    // The rule names the start: said beside it too.
    await expect(dateTimeField(schedule, 'Start').innerText()).resolves.toContain(outside);
    await screenshot(provider, 'change-request-schedule-422');

    const provToken = await token('admin@provider.example');
    const window = await nextWeekdayWindow(provToken, 'EMEA');
    const start = Date.parse(window.start) + 30 * 60_000;
    await fillDateTime(dateTimeField(schedule, 'Start'), wallTime(start, 'Europe/Madrid'));
    await fillDateTime(dateTimeField(schedule, 'End'), wallTime(start + 60 * 60_000, 'Europe/Madrid'));
    await schedule.getByRole('button', { name: 'Schedule change' }).click();
    await schedule.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        provider.getByTestId('cr-progress').locator('[data-step="scheduled"]').getAttribute('data-state'),
      )
      .toBe('current');
    const link = provider.getByTestId('cr-change-link');
    await expect(link.innerText()).resolves.toMatch(/^CHG-\d+$/);
    await screenshot(provider, 'change-request-scheduled');

    // The partner sees the thread, both sides, and the scheduled change.
    await partner.goto(path);
    await partner.getByTestId('cr-change-link').waitFor();
    await expect(
      partner.getByTestId('cr-note').filter({ hasText: 'IP ranges' }).textContent(),
    ).resolves.toContain('Provider');
    await expect(
      partner.getByTestId('cr-note').filter({ hasText: 'any evening' }).textContent(),
    ).resolves.toContain('Partner');
    await partner.getByTestId('cr-change-link').click();
    await partner.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
  });

  test('in Spanish, scheduling a slot that breaks a rule names each rule in Spanish, above the form and beside its field', async () => {
    const provider = await token('admin@provider.example');
    const partner = await token('engineer@northwind.example');
    // A provider engineer who reads the app in Spanish (its own user: the demo users stay English).
    const email = `e2e-cr-es-${unique()}@provider.example`;
    await call(provider, 'POST', '/users', {
      email,
      name: 'Ingeniera de cambios',
      password: PASSWORD,
      role: 'provider_engineer',
      locale: 'es',
      timeZone: 'Europe/Madrid',
    });
    const customers = await call<{ items: { id: string; name: string; region: string }[] }>(
      partner,
      'GET',
      '/customers?q=Tailspin',
    );
    const tailspin = customers.items.find((c) => c.name === 'Tailspin Airlines');
    expect(tailspin?.region).toBe('EMEA');
    const request = await call<{ id: string; reference: string }>(partner, 'POST', '/change-requests', {
      customerId: tailspin?.id,
      kind: 'boundary_devices',
      title: `Nuevo troncal SIP ${unique()}`,
      description: 'Un segundo troncal SIP desde el CUBE de Fráncfort hacia el nuevo operador.',
    });
    await call(provider, 'POST', `/change-requests/${request.id}/review`, {});
    await call(provider, 'POST', `/change-requests/${request.id}/approve`, { note: 'De acuerdo.' });
    // A routine slot in an EMEA weekday window a day or more from now (21:00–04:00 start, Paris).
    const slot = await slotFromTomorrow(provider, 'EMEA');
    const zone = 'Europe/Madrid'; // the engineer's clock: the same as Paris

    const page = await signIn(env, email);
    await page.goto(`/change-requests/${request.id}`);
    await page.getByRole('button', { name: 'Programar…' }).click();
    const schedule = page.getByRole('dialog', { name: `Programar ${request.reference}` });
    await schedule.getByTestId('schedule-windows').waitFor();
    const start = dateTimeField(schedule, 'Inicio');
    const end = dateTimeField(schedule, 'Fin');

    // Twelve hours earlier is daytime in Paris (09:00–16:00, give or take a clock change): outside
    // every window, whatever the hour the test runs.
    const daytime = Date.parse(slot.start) - 12 * 3_600_000;
    await fillDateTime(start, wallTime(daytime, zone));
    await fillDateTime(end, wallTime(daytime + 2 * 3_600_000, zone));
    await schedule.getByRole('button', { name: 'Programar el cambio' }).click();
    const violations = schedule.getByTestId('schedule-violations');
    await violations.getByText('El cambio incumple estas reglas de programación').waitFor();
    const outside =
      'Fuera de la ventana de mantenimiento: el cambio debe quedar entero dentro de una ventana (21:00–06:00, Europe/Paris).';
    const rule = violations.locator('[data-code="outside_window"]');
    await expect(rule.getAttribute('data-region')).resolves.toBe('EMEA');
    await expect(rule.innerText()).resolves.toContain(outside);
    await expect(start.innerText()).resolves.toContain(outside);
    // Nothing of the server's English wording.
    await expect(schedule.innerText()).resolves.not.toMatch(/maintenance window|must lie wholly/i);
    await screenshot(page, 'change-request-schedule-422-es');

    // In the window but a change that interrupts calling, without its ten business days' notice.
    await schedule.getByRole('combobox', { name: 'Tipo de cambio' }).click();
    await page.getByRole('option', { name: 'Con interrupción del servicio', exact: true }).click();
    await fillDateTime(start, wallTime(slot.start, zone));
    await fillDateTime(end, wallTime(slot.end, zone));
    await schedule.getByRole('button', { name: 'Programar el cambio' }).click();
    const notice =
      'Aviso insuficiente: un cambio que interrumpe las llamadas empieza al menos 10 días hábiles después del aviso.';
    await violations.locator('[data-code="notice_period"]').waitFor();
    await expect(violations.locator('[data-code]').count()).resolves.toBe(1);
    await expect(violations.innerText()).resolves.toContain(notice);
    await expect(start.innerText()).resolves.toContain(notice);
    await expect(schedule.innerText()).resolves.not.toMatch(/business days' notice/i);

    // A routine change in the same slot breaks nothing: scheduled.
    await schedule.getByRole('combobox', { name: 'Tipo de cambio' }).click();
    await page.getByRole('option', { name: 'Rutinario', exact: true }).click();
    await schedule.getByRole('button', { name: 'Programar el cambio' }).click();
    await schedule.waitFor({ state: 'detached' });
    await expect(page.getByTestId('cr-change-link').innerText()).resolves.toMatch(/^CHG-\d+$/);
  });

  test('a partner makes a calendar feed, sees its address once, and revokes it', async () => {
    const label = `NOC Outlook ${unique()}`;
    const page = await signIn(env, 'admin@northwind.example');
    await page.goto('/calendar-feeds');
    await page.getByRole('heading', { name: 'Calendar feeds', level: 1 }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'New feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'New calendar feed' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(label);
    await expect(
      dialog.getByRole('radio', { name: 'All our customers (partner-wide)' }).isChecked(),
    ).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Create feed' }).click();
    const created = page.getByRole('dialog', { name: `Feed “${label}” created` });
    const url = await created.getByTestId('feed-url').innerText();
    expect(url).toMatch(/^https?:\/\/.+\.ics$/);
    await created.getByText('it is shown only once', { exact: false }).waitFor();
    await created.getByRole('button', { name: 'Copy address' }).waitFor();
    await created.getByText('Subscribe from web', { exact: false }).waitFor();
    await created.getByText('From URL', { exact: false }).waitFor();
    await screenshot(page, 'calendar-feed-created');
    const feedPath = new URL(url).pathname;
    const ics = await fetch(`${env.baseUrl}${feedPath}`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');

    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    const row = page.getByTestId('feed-row').filter({ hasText: label });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('Partner-wide');
    // Shown once: the list never shows it again.
    await expect(page.getByText(url).count()).resolves.toBe(0);

    await row.getByRole('button', { name: `Revoke ${label}` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke the feed “${label}”?` });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => row.getAttribute('data-revoked')).toBe('true');
    await expect(row.textContent()).resolves.toContain('Revoked');
    await expect((await fetch(`${env.baseUrl}${feedPath}`)).status).toBe(404);
  });

  test("the provider's feed list names each feed's partner; a customer viewer finds Calendar feeds in its navigation and makes and revokes its own", async () => {
    const providerToken = await token('admin@provider.example');
    const partners = await call<{ items: { id: string; name: string }[] }>(
      providerToken,
      'GET',
      '/partners?limit=200',
    );
    const northwind = partners.items.find((p) => p.name === 'Northwind Communications');
    expect(northwind, 'the Northwind partner').toBeTruthy();
    const providerLabel = `Provider NOC ${unique()}`;
    await call(providerToken, 'POST', '/calendar-feeds', { label: providerLabel, partnerId: northwind?.id });
    const provider = await signIn(env, 'admin@provider.example');
    await provider.goto('/calendar-feeds');
    await provider.getByRole('columnheader', { name: 'Partner', exact: true }).waitFor();
    const providerRow = provider.getByTestId('feed-row').filter({ hasText: providerLabel });
    await expect(providerRow.getByTestId('feed-partner').innerText()).resolves.toBe(
      'Northwind Communications',
    );
    await expect(providerRow.innerText()).resolves.toContain('Partner-wide');

    const label = `Contoso Outlook ${unique()}`;
    const page = await signIn(env, 'viewer@contoso-health.example');
    const navbar = page.locator('nav.mantine-AppShell-navbar');
    await navbar.getByRole('button', { name: 'Change management' }).click();
    await navbar.getByRole('link', { name: 'Calendar feeds' }).click();
    await page.waitForURL(/\/calendar-feeds$/);
    await page.getByRole('heading', { name: 'Calendar feeds', level: 1 }).waitFor();
    await settled(page);
    await expect(page.getByRole('columnheader', { name: 'Partner', exact: true }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'New feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'New calendar feed' });
    await dialog.getByText("The feed shows your organisation's changes and maintenance windows.").waitFor();
    await expect(dialog.getByRole('radio').count()).resolves.toBe(0);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(label);
    await dialog.getByRole('button', { name: 'Create feed' }).click();
    const created = page.getByRole('dialog', { name: `Feed “${label}” created` });
    const feedPath = new URL(await created.getByTestId('feed-url').innerText()).pathname;
    expect((await fetch(`${env.baseUrl}${feedPath}`)).status).toBe(200);
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    const row = page.getByTestId('feed-row').filter({ hasText: label });
    await expect(row.innerText()).resolves.toContain('Contoso Health');
    await expect(page.getByTestId('feed-row').filter({ hasText: providerLabel }).count()).resolves.toBe(0);

    await row.getByRole('button', { name: `Revoke ${label}` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke the feed “${label}”?` });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => row.getAttribute('data-revoked')).toBe('true');
    expect((await fetch(`${env.baseUrl}${feedPath}`)).status).toBe(404);
  });

  test('SSO follow-up tasks after a certificate renewal: ticked in order, unticked, read-only for the provider', async () => {
    const provider = await token('admin@provider.example');
    const partner = await token('engineer@northwind.example');
    // A Northwind customer whose CUCM uses single sign-on.
    const customers = await call<{ items: { id: string; name: string; region: string }[] }>(
      partner,
      'GET',
      '/customers?active=true&limit=50',
    );
    let target: { id: string; name: string; region: string } | undefined;
    for (const customer of customers.items) {
      const apps = await call<{ items: { ssoEnabled: boolean }[] }>(
        partner,
        'GET',
        `/applications?customerId=${customer.id}&kind=cucm&limit=5`,
      );
      if (apps.items.some((a) => a.ssoEnabled)) {
        target = customer;
        break;
      }
    }
    expect(target, 'a Northwind customer with SSO').toBeTruthy();
    const customer = target as { id: string; name: string; region: string };
    const window = await nextWeekdayWindow(provider, customer.region);
    const start = Date.parse(window.start) + 30 * 60_000;
    const change = await call<{ id: string; reference: string }>(provider, 'POST', '/changes', {
      type: 'certificate_renewal',
      title: `Tomcat certificate renewal ${unique()}`,
      customerIds: [customer.id],
      start: new Date(start).toISOString(),
      end: new Date(start + 60 * 60_000).toISOString(),
      certificateExpiresAt: new Date(start + 5 * 86_400_000).toISOString(),
    });
    await call(provider, 'POST', `/changes/${change.id}/start`, {});
    await call(provider, 'POST', `/changes/${change.id}/complete`, {});

    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto('/change-tasks');
    await page.getByRole('heading', { name: 'Follow-up tasks', level: 1 }).waitFor();
    const group = page.locator(`[data-testid="task-group"][data-change-id="${change.id}"]`);
    await group.waitFor();
    await expect(group.getAttribute('data-customer')).resolves.toBe(customer.name);
    const steps = group.getByTestId('task-step');
    await expect(steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).resolves.toEqual([
      'disable_sso',
      'reimport_idp_metadata',
      'enable_sso',
      'validate_sign_in',
    ]);
    const box = (name: string) => group.getByRole('checkbox', { name });
    await expect(box('3. Re-enable SSO').isDisabled()).resolves.toBe(true);
    await box('1. Disable SSO').check();
    await expect.poll(() => group.getByTestId('task-progress').textContent()).toBe('1 of 4 done');
    await box('2. Re-import the IdP metadata').check();
    await expect.poll(() => group.getByTestId('task-progress').textContent()).toBe('2 of 4 done');
    await expect(box('1. Disable SSO').isDisabled()).resolves.toBe(true);
    await box('2. Re-import the IdP metadata').uncheck();
    await expect.poll(() => group.getByTestId('task-progress').textContent()).toBe('1 of 4 done');
    await page.waitForTimeout(300);
    await page.reload();
    await group.waitFor();
    await expect(box('1. Disable SSO').isChecked()).resolves.toBe(true);
    await expect(box('2. Re-import the IdP metadata').isChecked()).resolves.toBe(false);
    await group.getByText('Done by engineer@northwind.example', { exact: false }).waitFor();
    await screenshot(page, 'change-tasks');

    // The provider follows along, read-only.
    const tac = await signIn(env, 'tac@provider.example');
    await tac.goto('/change-tasks');
    const seen = tac.locator(`[data-testid="task-group"][data-change-id="${change.id}"]`);
    await seen.waitFor();
    await expect(seen.getByRole('checkbox', { name: '1. Disable SSO' }).isChecked()).resolves.toBe(true);
    await expect(
      seen.getByRole('checkbox', { name: '2. Re-import the IdP metadata' }).isDisabled(),
    ).resolves.toBe(true);

    // All four done: the group stays in view while worked on, then leaves the open list for the done one.
    await box('2. Re-import the IdP metadata').check();
    await box('3. Re-enable SSO').check();
    await box('4. Validate sign-in').check();
    await expect.poll(() => group.getByTestId('task-progress').textContent()).toBe('4 of 4 done');
    await expect(group.getAttribute('data-done')).resolves.toBe('true');
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('heading', { name: 'Follow-up tasks', level: 1 }).waitFor();
    await settled(page);
    await expect.poll(() => group.count()).toBe(0);
    await page.getByRole('radiogroup', { name: 'Show' }).getByText('Done').click();
    await expect(group.getAttribute('data-done')).resolves.toBe('true');
  });
});
