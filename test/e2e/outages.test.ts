import { describe, expect, test } from 'vitest';
import {
  dateTimeField,
  dateTimeValue,
  navLabels,
  PASSWORD,
  screenshot,
  setupBrowser,
  signIn,
} from './support.ts';

const env = setupBrowser();
const unique = () => Date.now().toString(36);

/** A bearer token for API calls the test makes behind the browser's back. */
async function token(email: string): Promise<string> {
  const res = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function apiPost<T>(bearer: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${env.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('outages', () => {
  test('the provider declares, updates and resolves an outage; a partner of an affected customer follows it', async () => {
    const provider = await signIn(env, 'tac@provider.example');
    await provider.goto('/outages');
    await provider.getByRole('heading', { name: 'Outages', level: 1 }).waitFor();
    const title = `E2E SBC failure ${unique()}`;

    await provider.getByRole('button', { name: 'Declare outage' }).click();
    const dialog = provider.getByRole('dialog', { name: 'Declare an outage' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('Calls to the PSTN fail in Australia.');
    await dialog.getByRole('radio', { name: 'Service down' }).check();
    // Nothing named as affected: the form says so on the regions before asking the server.
    await dialog.getByRole('button', { name: 'Declare outage' }).click();
    await dialog.getByText('Name at least one region or customer the outage affects.').waitFor();
    await dialog
      .getByRole('group', { name: 'Affected regions' })
      .getByRole('checkbox', { name: 'Australia (AUS)' })
      .check();
    await dialog.getByRole('combobox', { name: 'Affected services' }).click();
    await provider.getByRole('option', { name: 'Unified CM (CUCM)' }).click();
    await provider.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Declare outage' }).click();

    await provider.waitForURL(/\/outages\/[0-9a-f-]{36}$/);
    const url = new URL(provider.url()).pathname;
    await provider.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
    const timeline = provider.getByTestId('outage-timeline');
    await timeline.getByText('Declared · Investigating').waitFor();
    await provider.getByText('Calls to the PSTN fail in Australia.').first().waitFor();

    // A Northwind engineer (Coral Bay Bank and Canberra Civic Services are in AUS) is told at once.
    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.getByTestId('open-outages-banner').waitFor();
    await partner.getByRole('link', { name: 'View outages' }).click();
    await partner.getByRole('heading', { name: 'Open outages' }).waitFor();
    const card = partner.getByRole('article', { name: title });
    await card.getByText('Service down').waitFor();
    await card.getByRole('link', { name: title }).click();
    await partner.waitForURL(new RegExp(`${url}$`));
    const affected = partner.getByTestId('affected-customers');
    await affected.getByText('Coral Bay Bank').waitFor();
    await expect(affected.innerText()).resolves.not.toContain('Perth Mining Co'); // Andes' customer
    await partner.getByText('Only your own customers are listed.').waitFor();
    await expect(partner.getByRole('button', { name: 'Post update' }).count()).resolves.toBe(0);

    // The provider posts an update.
    await provider.getByRole('button', { name: 'Post update' }).click();
    const update = provider.getByRole('dialog', { name: 'Post an update' });
    await update
      .getByRole('textbox', { name: 'Message' })
      .fill('Failover to the secondary SBC is under way.');
    await update.getByRole('combobox', { name: 'Status' }).click();
    await provider.getByRole('option', { name: 'Identified' }).click();
    await update.getByRole('button', { name: 'Post update' }).click();
    await update.waitFor({ state: 'detached' });
    await timeline.getByText('Update · Identified').waitFor();

    // Resolving asks first, with the closing message.
    await provider.getByRole('button', { name: 'Resolve' }).click();
    const resolve = provider.getByRole('dialog', { name: /Resolve outage #\d+\?/ });
    await expect(resolve.innerText()).resolves.toContain('cannot be reopened');
    await resolve
      .getByRole('textbox', { name: 'Closing message' })
      .fill('Service restored on the primary SBC.');
    await resolve.getByRole('button', { name: 'Resolve outage' }).click();
    await resolve.waitFor({ state: 'detached' });
    await timeline.getByText('Resolved · Resolved').waitFor();
    await expect(provider.getByRole('button', { name: 'Post update' }).count()).resolves.toBe(0);
    await screenshot(provider, 'outage-resolved-provider');

    // The partner sees the whole timeline, newest first.
    await partner.reload();
    const partnerTimeline = partner.getByTestId('outage-timeline');
    await partnerTimeline.getByText('Service restored on the primary SBC.').waitFor();
    const headings = await partnerTimeline.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings).toEqual(['Resolved · Resolved', 'Update · Identified', 'Declared · Investigating']);
    await partnerTimeline.getByText('Failover to the secondary SBC is under way.').waitFor();
    await screenshot(partner, 'outage-timeline-partner');
    await partner.goto('/outages');
    await partner
      .getByRole('region', { name: 'Resolved outages' })
      .getByRole('link', { name: title })
      .waitFor();
  });

  test('the provider declares an outage for a customer found by typing part of its name', async () => {
    // A customer of a new partner: reachable only by searching, whatever the size of the directory.
    const admin = await token('admin@provider.example');
    const id = unique();
    const owner = await apiPost<{ id: string }>(admin, '/partners', { name: `Harbour Partner ${id}` });
    const customer = await apiPost<{ id: string }>(admin, `/partners/${owner.id}/customers`, {
      name: `Harbour Clinic ${id}`,
      region: 'EMEA',
    });
    const label = `Harbour Clinic ${id} (EMEA)`;

    const provider = await signIn(env, 'tac@provider.example');
    await provider.goto('/outages');
    await provider.getByRole('button', { name: 'Declare outage' }).click();
    const dialog = provider.getByRole('dialog', { name: 'Declare an outage' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(`E2E clinic trunk down ${id}`);
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('The clinic cannot place outside calls.');
    await dialog.getByRole('radio', { name: 'Degraded' }).check();

    // Part of the name, in any case: the server is asked for it, and the one match is offered.
    const customers = dialog.getByRole('combobox', { name: 'Affected customers' });
    const searched = provider.waitForRequest((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/customers' && url.searchParams.get('q') === `clinic ${id}`;
    });
    await customers.fill(`clinic ${id}`);
    await searched;
    const listbox = provider.getByRole('listbox', { name: 'Affected customers' });
    await expect.poll(() => listbox.getByRole('option').allInnerTexts()).toEqual([label]);
    // Enter takes the first match; it shows by name and the box empties for the next search.
    await customers.press('Enter');
    await dialog.getByText(label, { exact: true }).waitFor();
    await expect(customers.inputValue()).resolves.toBe('');
    // Backspace in the empty box drops the last choice; picked again with the mouse.
    await customers.press('Backspace');
    await dialog.getByText(label, { exact: true }).waitFor({ state: 'detached' });
    await customers.fill(`harbour clinic ${id}`);
    await listbox.getByRole('option', { name: label }).click();
    await dialog.getByText(label, { exact: true }).waitFor();
    // A search that finds nothing says so.
    await customers.fill(`zz-no-such-customer-${id}`);
    await listbox.getByText('No matches').waitFor();
    // Escape closes the list, not the dialog.
    await provider.keyboard.press('Escape');
    await listbox.waitFor({ state: 'hidden' });
    await dialog.getByText(label, { exact: true }).waitFor();

    const posted = provider.waitForRequest(
      (r) => new URL(r.url()).pathname === '/api/v1/outages' && r.method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Declare outage' }).click();
    expect((await posted).postDataJSON()).toMatchObject({ customerIds: [customer.id] });
    await provider.waitForURL(/\/outages\/[0-9a-f-]{36}$/);
    const outageId = new URL(provider.url()).pathname.split('/').pop() ?? '';
    try {
      const affected = provider.getByTestId('affected-customers');
      await affected.getByText(`Harbour Clinic ${id}`).waitFor();
      await expect(affected.innerText()).resolves.toContain('(EMEA)');
    } finally {
      await apiPost(admin, `/outages/${outageId}/resolve`, { message: 'Restored.' });
    }
  });

  test('a Spanish partner engineer reads an open outage in the guide’s words', async () => {
    const provider = await token('admin@provider.example');
    const outage = await apiPost<{ id: string; number: number }>(provider, '/outages', {
      title: `Pérdida de registro ${unique()}`,
      summary: 'Los teléfonos de APJC no se registran.',
      impact: 'down',
      regions: ['APJC'],
    });
    try {
      const page = await signIn(env, 'engineer@andes.example'); // Osaka Retail Group is in APJC
      await expect.poll(() => navLabels(page)).toContain('Interrupciones');
      const nav = await navLabels(page);
      expect(nav).toEqual(
        expect.arrayContaining(['Actividad de red', 'Suscripciones', 'Registro de entregas', 'Buzón']),
      );
      await page
        .getByTestId('open-outages-banner')
        .getByText(/interrupci(ón|ones) abierta/)
        .waitFor();
      await page.goto('/outages');
      await page.getByRole('heading', { name: 'Interrupciones', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Interrupciones abiertas' }).waitFor();
      await page.goto(`/outages/${outage.id}`);
      await page
        .getByRole('heading', { level: 1, name: new RegExp(`Interrupción n\\.º ${outage.number}:`) })
        .waitFor();
      await page.getByText('Servicio caído').first().waitFor();
      await page.getByText('En investigación').first().waitFor();
      await page.getByRole('heading', { name: 'Cronología' }).waitFor();
      await page.getByRole('heading', { name: 'Clientes afectados' }).waitFor();
      await page.getByText('Declarada · En investigación').waitFor();
      await screenshot(page, 'outage-es');
    } finally {
      await apiPost(provider, `/outages/${outage.id}/resolve`, { message: 'Resuelta.' });
    }
  });
});

describe('network activity', () => {
  test('a partner announces network activity, the provider sees it, and the partner cancels it', async () => {
    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.goto('/network-activities');
    await partner.getByRole('heading', { name: 'Network activity', level: 1 }).waitFor();
    const title = `Core switch firmware ${unique()}`;

    await partner.getByRole('button', { name: 'Announce activity' }).click();
    const dialog = partner.getByRole('dialog', { name: 'Announce network activity' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Rolling upgrade of both core switches.');
    await dialog.getByRole('textbox', { name: 'Expected alarms' }).fill('SIP trunk to CUBE-1 flaps twice.');
    await dialog.getByRole('combobox', { name: 'Affected customers' }).fill('contoso');
    await partner.getByRole('option', { name: 'Contoso Health (AMER)' }).click();
    await partner.keyboard.press('Escape');
    // The start and end are prefilled (next hour, two hours long) in the user's zone, named.
    await dialog.getByText('Time in Europe/Madrid.').first().waitFor();
    await dialog.getByRole('button', { name: 'Announce activity' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = partner.locator('tbody tr', { hasText: title });
    await row.getByText('Planned').waitFor();
    // Customer names come with the rows (no look-up per customer id).
    await row.getByText('Contoso Health').first().waitFor();
    await expect(row.innerText()).resolves.toContain('(Europe/Madrid)');

    const provider = await signIn(env, 'tac@provider.example');
    const byId: string[] = [];
    provider.on('request', (r) => {
      if (/^\/api\/v1\/customers\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname)) byId.push(r.url());
    });
    await provider.goto('/network-activities');
    const seen = provider.locator('tbody tr', { hasText: title });
    await seen.waitFor();
    await seen.getByText('Northwind Communications').first().waitFor();
    await seen.getByText('Contoso Health').first().waitFor();
    expect(byId).toEqual([]);
    await expect(seen.innerText()).resolves.toContain('SIP trunk to CUBE-1 flaps twice.');
    await expect(provider.getByRole('button', { name: 'Announce activity' }).count()).resolves.toBe(0);
    await screenshot(provider, 'network-activity-provider');

    // Cancelling asks first.
    await row.getByRole('button', { name: `Cancel activity ${title}` }).click();
    const confirm = partner.getByRole('dialog', { name: 'Cancel this activity?' });
    await confirm.getByRole('button', { name: 'Cancel activity' }).click();
    await row.waitFor({ state: 'detached' });
    await partner.getByRole('checkbox', { name: 'Show cancelled' }).check();
    await partner.locator('tbody tr', { hasText: title }).getByText('Cancelled').waitFor();
  });

  test('announcing an activity again opens the form with its customers by name, never by id', async () => {
    const bearer = await token('engineer@northwind.example');
    const find = async (q: string) => {
      const res = await fetch(`${env.baseUrl}/api/v1/customers?q=${encodeURIComponent(q)}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      const { items } = (await res.json()) as { items: { id: string; name: string }[] };
      const found = items.find((c) => c.name === q);
      expect(found, q).toBeTruthy();
      return found?.id ?? '';
    };
    const contoso = await find('Contoso Health');
    const coral = await find('Coral Bay Bank');
    const title = `Border router swap ${unique()}`;
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const earlier = await apiPost<{ id: string }>(bearer, '/network-activities', {
      title,
      description: 'Both border routers are replaced.',
      customerIds: [contoso, coral],
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    });
    const created: string[] = [earlier.id];
    try {
      const partner = await signIn(env, 'engineer@northwind.example');
      await partner.goto('/network-activities');
      const row = partner.locator('tbody tr', { hasText: title });
      await expect.poll(() => row.innerText()).toContain('Contoso Health, Coral Bay Bank');

      await row.getByRole('button', { name: `Announce again: ${title}` }).click();
      const dialog = partner.getByRole('dialog', { name: 'Announce network activity' });
      await expect(dialog.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(title);
      await dialog.getByText('Contoso Health (AMER)', { exact: true }).waitFor();
      await dialog.getByText('Coral Bay Bank (AUS)', { exact: true }).waitFor();
      await expect(dialog.innerText()).resolves.not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await expect(dialog.innerText()).resolves.not.toContain(contoso.slice(0, 8));

      // One dropped with its remove button, another added by typing part of its name.
      await dialog.getByRole('button', { name: 'Remove Coral Bay Bank (AUS)' }).click();
      await dialog.getByText('Coral Bay Bank (AUS)', { exact: true }).waitFor({ state: 'detached' });
      const customers = dialog.getByRole('combobox', { name: 'Affected customers' });
      await customers.fill('tailsp');
      await partner.getByRole('option', { name: 'Tailspin Airlines (EMEA)' }).click();
      await partner.keyboard.press('Escape');
      await dialog.getByRole('textbox', { name: 'Title' }).fill(`${title} (again)`);
      const posted = partner.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/network-activities' && r.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: 'Announce activity' }).click();
      const answer = (await (await posted).json()) as { id: string; customerIds: string[] };
      created.push(answer.id);
      expect(answer.customerIds).toHaveLength(2);
      expect(answer.customerIds).toContain(contoso);
      expect(answer.customerIds).not.toContain(coral);
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(() => partner.locator('tbody tr', { hasText: `${title} (again)` }).innerText())
        .toContain('Contoso Health, Tailspin Airlines');
    } finally {
      for (const id of created) await apiPost(bearer, `/network-activities/${id}/cancel`, {});
    }
  });

  test('a Spanish partner types and picks the times of network activity in Spanish; the server gets them in the zone', async () => {
    // Next year's March and April on the Madrid clock (the browser's zone): the clocks go forward on
    // the last Sunday of March, between the start (CET) and the end (CEST).
    const year = new Date().getUTCFullYear() + 1;
    const partner = await signIn(env, 'admin@andes.example');
    await partner.goto('/network-activities');
    await partner.getByRole('heading', { name: 'Actividad de red', level: 1 }).waitFor();
    const title = `Cambio de enlaces ${unique()}`;
    await partner.getByRole('button', { name: 'Anunciar actividad' }).click();
    const dialog = partner.getByRole('dialog', { name: 'Anunciar actividad de red' });
    await dialog.getByRole('textbox', { name: 'Título' }).fill(title);
    await dialog
      .getByRole('textbox', { name: 'Descripción' })
      .fill('Cambio de los enlaces WAN del centro de datos.');

    // The start: the date typed day first, the calendar in Spanish, the time typed on a 24-hour clock.
    const starts = dateTimeField(dialog, 'Empieza');
    const startDate = starts.getByRole('textbox');
    await startDate.fill(`24/3/${year}`);
    await startDate.click();
    await partner.getByRole('button', { name: `marzo ${year}`, exact: true }).waitFor();
    // Escape closes the calendar, not the dialog.
    await partner.keyboard.press('Escape');
    await partner.getByRole('button', { name: `marzo ${year}`, exact: true }).waitFor({ state: 'detached' });
    await starts.getByRole('spinbutton', { name: 'Empieza, horas' }).click();
    await partner.keyboard.type('0930');
    await expect(startDate.inputValue()).resolves.toBe(`24 mar ${year}`);
    await expect.poll(() => dateTimeValue(starts)).toBe(`${year}-03-24T09:30`);

    // The end: a day picked from the calendar, a month on from the one typed (at most 14 days on).
    const ends = dateTimeField(dialog, 'Termina');
    const endDate = ends.getByRole('textbox');
    await endDate.fill(`1/3/${year}`);
    await partner.getByRole('button', { name: 'Mes siguiente' }).click();
    await partner.getByRole('button', { name: `2 abril ${year}`, exact: true }).click();
    await expect.poll(() => endDate.inputValue()).toBe(`2 abr ${year}`);
    await ends.getByRole('spinbutton', { name: 'Termina, horas' }).click();
    await partner.keyboard.type('1815');
    await screenshot(partner, 'date-time-field-spanish');
    await dialog.getByRole('button', { name: 'Anunciar actividad' }).click();
    await dialog.waitFor({ state: 'detached' });

    const bearer = await token('admin@andes.example');
    const found = await fetch(
      `${env.baseUrl}/api/v1/network-activities?from=${year}-03-01T00:00:00Z&to=${year}-05-01T00:00:00Z`,
      { headers: { authorization: `Bearer ${bearer}` } },
    );
    const { items } = (await found.json()) as {
      items: { id: string; title: string; startsAt: string; endsAt: string }[];
    };
    const activity = items.find((a) => a.title === title);
    expect(activity?.startsAt).toBe(`${year}-03-24T08:30:00.000Z`);
    expect(activity?.endsAt).toBe(`${year}-04-02T16:15:00.000Z`);
    await apiPost(bearer, `/network-activities/${activity?.id}/cancel`, {});
  });
});
