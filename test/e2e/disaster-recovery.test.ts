import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi, unique } from '../support/e2e-api.ts';
import { dateTimeField, fillDateTime, navLabels, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { token, call } = e2eApi(env);

/** The CUCM cluster of a demo customer (the demo gives every customer one). */
async function cucmOf(bearer: string, customer: string): Promise<{ id: string; name: string }> {
  const customers = await call<{ items: { id: string; name: string }[] }>(
    bearer,
    'GET',
    `/customers?q=${encodeURIComponent(customer)}`,
  );
  const customerId = customers.items.find((c) => c.name === customer)?.id;
  expect(customerId, customer).toBeTruthy();
  const apps = await call<{ items: { id: string; name: string; kind: string }[] }>(
    bearer,
    'GET',
    `/applications?customerId=${customerId}&kind=cucm&limit=5`,
  );
  const app = apps.items[0];
  expect(app, `${customer} CUCM`).toBeTruthy();
  return { id: app?.id ?? '', name: app?.name ?? '' };
}

interface DrEvent {
  id: string;
  number: number;
}

async function pick(page: Page, scope: ReturnType<Page['getByRole']>, combobox: string, option: string) {
  await scope.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('disaster recovery', () => {
  test('the provider declares an application failure and posts updates through to restored; the detail explains the target and the time to recover', async () => {
    const title = `E2E publisher lost ${unique()}`;
    // The demo TAC engineer works on New York time, as does Contoso Health (AMER).
    const page = await signIn(env, 'tac@provider.example');
    expect(await navLabels(page)).toContain('Disaster recovery');
    await page.goto('/disaster-recovery');
    await page.getByRole('heading', { name: 'Disaster recovery', level: 1 }).waitFor();
    await page.getByTestId('responsibility-link-disaster_recovery').waitFor();
    await page.getByRole('button', { name: 'Declare DR event' }).click();

    const dialog = page.getByRole('dialog', { name: 'Declare a disaster-recovery event' });
    await dialog.getByRole('button', { name: 'Declare DR event' }).click();
    await expect.poll(() => dialog.getByText('Required', { exact: true }).count()).toBe(4);
    await dialog.getByRole('combobox', { name: 'Customer' }).fill('Contoso');
    await page.getByRole('option', { name: 'Contoso Health', exact: true }).click();
    await pick(page, dialog, 'Application', 'CUCM-contoso-health (Unified CM (CUCM))');
    await dialog.getByRole('radio', { name: /^Application failure/ }).check();
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog
      .getByRole('textbox', { name: 'What happened' })
      .fill('The publisher database is corrupted; a new publisher is being built from the DRS backup.');
    // Friday 30 Oct 2026, 18:30 in New York: after hours, before a weekend with a clock change.
    await fillDateTime(dateTimeField(dialog, 'Declared at'), '2026-10-30T18:30');
    await dialog.getByRole('button', { name: 'Declare DR event' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.waitForURL(/\/disaster-recovery\/[0-9a-f-]{36}$/);
    const eventId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { name: new RegExp(`^DR #\\d+: ${title}$`), level: 1 }).waitFor();
    const target = page.getByTestId('dr-target');
    // Monday 2 Nov 2026, 17:00 EST: 8 business hours from Monday 09:00; long past, so overdue.
    await expect(target.innerText()).resolves.toContain('2 Nov 2026, 17:00 (America/New_York)');
    await expect(target.innerText()).resolves.toMatch(/Overdue/i);
    const explanation = page.getByTestId('dr-target-explanation');
    await expect(explanation.innerText()).resolves.toContain(
      'Counted from the declaration, 30 Oct 2026, 18:30 (America/New_York); due 2 Nov 2026, 17:00 (America/New_York).',
    );
    await expect(explanation.innerText()).resolves.toContain('Americas (AMER)');
    const skipped = await explanation.getByTestId('due-skipped').innerText();
    expect(skipped).toContain('Weekend: Saturday, 31 Oct 2026');
    expect(skipped).toContain('Weekend: Sunday, 1 Nov 2026');
    await expect(explanation.innerText()).resolves.toMatch(/Clock change at .*UTC−04:00 → UTC−05:00/);
    await expect(page.getByTestId('dr-timeline').innerText()).resolves.toContain('Declared');
    await screenshot(page, 'dr-declared');

    // declared → restoring: a move, so the dialog asks before posting.
    await page.getByRole('button', { name: 'Post update' }).click();
    let update = page.getByRole('dialog', { name: /^Post an update on DR #\d+$/ });
    await update
      .getByRole('textbox', { name: 'Message' })
      .fill('Restoring the publisher from last night’s DRS backup.');
    await pick(page, update, 'Status', 'Move to Restoring');
    await update.getByRole('button', { name: 'Review…' }).click();
    await update.getByTestId('dr-confirm').waitFor();
    await update.getByRole('button', { name: 'Post and move to Restoring' }).click();
    await update.waitFor({ state: 'detached' });
    await page.getByTestId('dr-timeline').getByText('Declared → Restoring').waitFor();

    // restoring → restored, with the time the service came back (Monday 15:00, before the target).
    await page.getByRole('button', { name: 'Post update' }).click();
    update = page.getByRole('dialog', { name: /^Post an update on DR #\d+$/ });
    await update
      .getByRole('textbox', { name: 'Message' })
      .fill('The new publisher is up; you can now do your own recovery.');
    await pick(page, update, 'Status', 'Move to Restored');
    await fillDateTime(dateTimeField(update, 'Service restored at'), '2026-11-02T15:00');
    await update.getByRole('button', { name: 'Review…' }).click();
    await expect(update.getByTestId('dr-confirm').innerText()).resolves.toContain(
      '2 Nov 2026, 15:00 (America/New_York)',
    );
    await update.getByRole('button', { name: 'Post and move to Restored' }).click();
    await update.waitFor({ state: 'detached' });
    await page.getByTestId('dr-timeline').getByText('Restoring → Restored').waitFor();
    // 30 Oct 22:30 UTC → 2 Nov 20:00 UTC: 2 days 21.5 hours (the clock change included).
    await expect.poll(() => page.getByTestId('dr-time-to-recover').innerText()).toContain('2 d 21 h');
    await expect(page.getByTestId('dr-target').innerText()).resolves.toMatch(/Target met/i);
    await expect(page.getByTestId('dr-recovered').innerText()).resolves.toContain(
      '2 Nov 2026, 15:00 (America/New_York)',
    );
    await screenshot(page, 'dr-restored');

    // Only "closed" is left; the list shows the event with its recovery.
    await page.getByRole('button', { name: 'Post update' }).click();
    update = page.getByRole('dialog', { name: /^Post an update on DR #\d+$/ });
    await update.getByRole('combobox', { name: 'Status' }).click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options.map((o) => o.trim())).toEqual(['No change (Restored)', 'Move to Closed']);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await update.waitFor({ state: 'detached' });

    await page.goto('/disaster-recovery?status=open&kind=application_failure');
    const row = page.getByTestId('dr-row').filter({ hasText: title });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Restored[\s\S]*Target met[\s\S]*2 d 21 h/i);
    await expect(page.getByRole('combobox', { name: 'Failure' }).inputValue()).resolves.toBe(
      'Application failure',
    );
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/disaster-recovery/${eventId}`);
  });

  test('partners read their own events only, without controls; Spanish labels', async () => {
    const provider = await token('tac@provider.example');
    const contoso = await cucmOf(provider, 'Contoso Health');
    const title = `E2E blade failure ${unique()}`;
    const event = await call<DrEvent>(provider, 'POST', '/dr-events', {
      applicationId: contoso.id,
      kind: 'hardware_failure',
      title,
      description: 'A blade in the primary data centre failed; the publisher is down.',
    });
    await call(provider, 'POST', `/dr-events/${event.id}/updates`, {
      message: 'The replacement blade arrives tomorrow morning.',
      status: 'restoring',
    });

    const partner = await signIn(env, 'engineer@northwind.example');
    expect(await navLabels(partner)).toContain('Disaster recovery');
    await partner.goto('/disaster-recovery');
    await partner.getByRole('heading', { name: 'Disaster recovery', level: 1 }).waitFor();
    const row = partner.getByTestId('dr-row').filter({ hasText: title });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Hardware failure[\s\S]*Restoring[\s\S]*No fixed target/i);
    await expect(partner.getByRole('button', { name: 'Declare DR event' }).count()).resolves.toBe(0);
    await row.getByRole('link', { name: title }).click();
    await partner.getByRole('heading', { name: `DR #${event.number}: ${title}`, level: 1 }).waitFor();
    await partner.getByTestId('dr-read-only').waitFor();
    await expect(partner.getByTestId('dr-target-explanation').innerText()).resolves.toContain(
      'There is no fixed target',
    );
    await partner
      .getByTestId('dr-timeline')
      .getByText('The replacement blade arrives tomorrow morning.')
      .waitFor();
    await expect(partner.getByRole('button', { name: 'Post update' }).count()).resolves.toBe(0);

    // Another partner sees neither the event in the list nor its page.
    const other = await signIn(env, 'admin@meridian.example');
    await other.goto('/disaster-recovery');
    await other.getByRole('heading', { name: 'Disaster recovery', level: 1 }).waitFor();
    await expect.poll(() => other.locator('[aria-busy="true"]').count()).toBe(0);
    await expect(other.getByText(title).count()).resolves.toBe(0);
    await other.goto(`/disaster-recovery/${event.id}`);
    await other.getByText('Not found').waitFor();

    // A Spanish partner admin reads its own customer's event in Spanish.
    const andesApp = await cucmOf(provider, 'Lyon Transports');
    const andesTitle = `E2E DR Lyon ${unique()}`;
    const andesEvent = await call<DrEvent>(provider, 'POST', '/dr-events', {
      applicationId: andesApp.id,
      kind: 'application_failure',
      title: andesTitle,
      description: 'Base de datos del Publisher dañada.',
    });
    const andes = await signIn(env, 'admin@andes.example');
    expect(await navLabels(andes)).toContain('Recuperación ante desastres');
    await andes.goto('/disaster-recovery');
    await andes.getByRole('heading', { name: 'Recuperación ante desastres', level: 1 }).waitFor();
    const andesRow = andes.getByTestId('dr-row').filter({ hasText: andesTitle });
    await andesRow.waitFor();
    await expect(andesRow.innerText()).resolves.toMatch(
      /Falla de la aplicación[\s\S]*Declarado[\s\S]*Vence en/i,
    );
    await andesRow.getByRole('link', { name: andesTitle }).click();
    await andes
      .getByRole('heading', { name: `DR n.º ${andesEvent.number}: ${andesTitle}`, level: 1 })
      .waitFor();
    await andes.getByRole('heading', { name: 'Cronología' }).waitFor();
    await andes.getByRole('heading', { name: 'Objetivo y cómo se ha calculado' }).waitFor();
    await expect(andes.getByTestId('dr-target-explanation').innerText()).resolves.toContain(
      'dentro de 1 día hábil (8 horas hábiles)',
    );
    await screenshot(andes, 'dr-detail-es');
  });

  test('the provider withdraws an event declared by mistake, with a reason: final, no target, listed with the closed ones; the Spanish partner reads it as withdrawn', async () => {
    const provider = await token('tac@provider.example');
    const lyon = await cucmOf(provider, 'Lyon Transports');
    const title = `E2E DR by mistake ${unique()}`;
    // Declared a week ago: its 1-business-day target has passed, so it shows overdue until withdrawn.
    const event = await call<DrEvent>(provider, 'POST', '/dr-events', {
      applicationId: lyon.id,
      kind: 'application_failure',
      title,
      description: 'The publisher stopped answering; declared before anyone checked the power.',
      declaredAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    });

    const page = await signIn(env, 'tac@provider.example');
    await page.goto(`/disaster-recovery/${event.id}`);
    await page.getByRole('heading', { name: `DR #${event.number}: ${title}`, level: 1 }).waitFor();
    await expect(page.getByTestId('dr-target').innerText()).resolves.toMatch(/Overdue/i);

    await page.getByRole('button', { name: 'Post update' }).click();
    const update = page.getByRole('dialog', { name: `Post an update on DR #${event.number}` });
    await pick(page, update, 'Status', 'Move to Withdrawn (declared by mistake)');
    // The message is the reason, asked for before anything is posted.
    await update.getByText('Why the event was declared by mistake', { exact: false }).waitFor();
    await update.getByRole('button', { name: 'Review…' }).click();
    await update.getByText('Required', { exact: true }).waitFor();
    await expect(update.getByTestId('dr-confirm').count()).resolves.toBe(0);
    const reason = 'Declared by mistake: the publisher came back by itself after the power cycle.';
    await update.getByRole('textbox', { name: 'Message' }).fill(reason);
    await update.getByRole('button', { name: 'Review…' }).click();
    const confirm = update.getByTestId('dr-confirm');
    await expect(confirm.innerText()).resolves.toContain(
      `DR #${event.number}: Declared → Withdrawn (declared by mistake)`,
    );
    await expect(confirm.innerText()).resolves.toContain(
      `DR #${event.number} is withdrawn as declared by mistake`,
    );
    await screenshot(page, 'dr-withdraw-confirm');
    await update.getByRole('button', { name: 'Post and move to Withdrawn (declared by mistake)' }).click();
    await update.waitFor({ state: 'detached' });

    // Final: withdrawn, with the reason in the timeline, no target to meet and nothing more to post.
    const status = page.locator('main [data-status="withdrawn"]').first();
    await status.waitFor();
    await expect(status.textContent()).resolves.toBe('Withdrawn (declared by mistake)');
    const timeline = page.getByTestId('dr-timeline');
    await timeline.getByText('Declared → Withdrawn (declared by mistake)').waitFor();
    await timeline.getByText(reason).waitFor();
    await expect(page.getByTestId('dr-target').innerText()).resolves.toContain('Withdrawn: no target');
    await expect(page.getByTestId('dr-target').innerText()).resolves.not.toMatch(/Overdue/i);
    await expect(page.getByTestId('dr-closed').innerText()).resolves.toMatch(/^Withdrawn/i);
    await expect(page.getByRole('button', { name: 'Post update' }).count()).resolves.toBe(0);
    await screenshot(page, 'dr-withdrawn');

    // Listed with the closed ones, not the open ones.
    await page.goto('/disaster-recovery?status=closed');
    const row = page.getByTestId('dr-row').filter({ hasText: title });
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('withdrawn');
    await expect(row.innerText()).resolves.toMatch(
      /Withdrawn \(declared by mistake\)[\s\S]*Withdrawn: no target/i,
    );
    await page.goto('/disaster-recovery?status=open');
    await page.getByRole('heading', { name: 'Disaster recovery', level: 1 }).waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    await expect(page.getByTestId('dr-row').filter({ hasText: title }).count()).resolves.toBe(0);

    // The customer's partner reads it in Spanish, with the reason.
    const andes = await signIn(env, 'admin@andes.example');
    await andes.goto('/disaster-recovery?status=closed');
    const andesRow = andes.getByTestId('dr-row').filter({ hasText: title });
    await andesRow.waitFor();
    await expect(andesRow.innerText()).resolves.toMatch(
      /Retirado \(declarado por error\)[\s\S]*Retirado: sin plazo/i,
    );
    await andesRow.getByRole('link', { name: title }).click();
    await andes.getByRole('heading', { name: `DR n.º ${event.number}: ${title}`, level: 1 }).waitFor();
    await andes.getByTestId('dr-timeline').getByText('Declarado → Retirado (declarado por error)').waitFor();
    await andes.getByTestId('dr-timeline').getByText(reason).waitFor();
  });
});
