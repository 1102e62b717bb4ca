import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  dateTimeField,
  fillDateTime,
  navLabels,
  PASSWORD,
  screenshot,
  setupBrowser,
  signIn,
} from './support.ts';

const env = setupBrowser();
const DAY = 86_400_000;
/** Marks what this file creates, so it never reads or changes anyone else's data. */
const tag = `e2e${Date.now().toString(36)}`;
/** The browser contexts run in this zone (support.ts); the demo provider admin has no zone of its own. */
const ZONE = 'Europe/Madrid';

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

async function call<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
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

interface App {
  id: string;
  name: string;
}

/**
 * An application of this file's own (on the release train's n), so its certificates are the only
 * ones its views show, whatever certificates the demo data carries; deleted after the file.
 */
async function createApplication(bearer: string, customer: string, name: string): Promise<App> {
  const releases = await call<{ active: { train: { n: { version: string; sus: string[] } } } }>(
    bearer,
    'GET',
    '/releases',
  );
  const n = releases.active.train.n;
  return call<App>(bearer, 'POST', '/applications', {
    customerId: customer,
    kind: 'cucm',
    name,
    version: `${n.version} ${n.sus.at(-1)}`,
    nodes: [{ hostname: `pub-${name.toLowerCase()}.example`, role: 'publisher', dataCentre: 'DC1' }],
    primaryDataCentre: 'DC1',
  });
}

interface Certificate {
  id: string;
  subject: string;
  status: string;
  expiresAt: string;
  renewedAt: string | null;
}

function addCertificate(bearer: string, applicationId: string, subject: string, inDays: number) {
  return call<Certificate>(bearer, 'POST', '/certificates', {
    applicationId,
    kind: 'tomcat',
    subject,
    expiresAt: new Date(Date.now() + inDays * DAY).toISOString(),
  });
}

/** An instant as a DateTimeField value on the wall clock of the browser's zone. */
function wallTime(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The subjects of the rows shown, in order. */
function rowSubjects(page: Page): Promise<string[]> {
  return page.getByTestId('certificate-row').locator('td:first-child p:first-child').allInnerTexts();
}

function rowStatuses(page: Page): Promise<string[]> {
  return page
    .getByTestId('certificate-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status') ?? ''));
}

/** The counts of one row of the timeline's table, by status. */
async function timelineCounts(page: Page, bucket: string): Promise<Record<string, number>> {
  const cells = page.locator(`[data-testid="timeline-row"][data-bucket="${bucket}"] td`);
  const entries = await cells.evaluateAll((tds) =>
    tds.map((td) => [td.getAttribute('data-status') ?? '', Number(td.textContent)] as const),
  );
  return Object.fromEntries(entries);
}

const contoso = { id: '', application: { id: '', name: '' } };
const fabrikam = { id: '', application: { id: '', name: '' } };
const meridian = { id: '', application: { id: '', name: '' } };
const STATUSES = ['expired', 'overdue', 'due', 'soon', 'ok'] as const;
/** Days from now of the Contoso certificates, one per status. */
const CONTOSO_DAYS: Record<(typeof STATUSES)[number], number> = {
  expired: -5,
  overdue: 1,
  due: 5,
  soon: 20,
  ok: 60,
};
const contosoSubject = (status: string) => `${tag}-${status}.contoso.example`;
const meridianSubject = `${tag}-nordic.example`;

describe('certificates', () => {
  beforeAll(async () => {
    // This file makes its own applications and certificates: one per status for Contoso Health
    // (Northwind), none yet for Fabrikam Logistics (Northwind), one for Nordic Shipping (Meridian).
    const bearer = await token('admin@provider.example');
    contoso.id = await customerId(bearer, 'Contoso Health');
    contoso.application = await createApplication(bearer, contoso.id, `CERT-${tag}-C`);
    for (const status of STATUSES)
      await addCertificate(bearer, contoso.application.id, contosoSubject(status), CONTOSO_DAYS[status]);
    fabrikam.id = await customerId(bearer, 'Fabrikam Logistics');
    fabrikam.application = await createApplication(bearer, fabrikam.id, `CERT-${tag}-F`);
    meridian.id = await customerId(bearer, 'Nordic Shipping');
    meridian.application = await createApplication(bearer, meridian.id, `CERT-${tag}-N`);
    await addCertificate(bearer, meridian.application.id, meridianSubject, 15);
  });

  afterAll(async () => {
    // Deleting the applications deletes their certificates too.
    const bearer = await token('admin@provider.example');
    for (const app of [contoso.application, fabrikam.application, meridian.application])
      if (app.id)
        await fetch(`${env.baseUrl}/api/v1/applications/${app.id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${bearer}` },
        });
  });

  test('the provider sees the list by expiry with status badges, the timeline and its table, and filters by status in the URL', async () => {
    const page = await signIn(env, 'admin@provider.example');
    const mine = `customerId=${contoso.id}&applicationId=${contoso.application.id}`;
    await page.goto(`/inventory/certificates?${mine}`);
    await page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
    await page
      .getByTestId('application-filter')
      .getByText(contoso.application.name, { exact: false })
      .waitFor();
    await expect(
      page.locator('nav.mantine-AppShell-navbar a[aria-current="page"]').allInnerTexts(),
    ).resolves.toEqual(['Certificates']);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Customer' }).inputValue())
      .toBe('Contoso Health');

    // Soonest expiry first, a badge per status whose text names it.
    await expect.poll(() => rowSubjects(page)).toEqual(STATUSES.map(contosoSubject));
    const badges = page.getByTestId('certificate-row').getByTestId('certificate-status');
    await expect(badges.allInnerTexts()).resolves.toEqual(['Expired', 'Overdue', 'Due', 'Soon', 'OK']);
    const first = page.getByTestId('certificate-row').first();
    await expect(first.innerText()).resolves.toContain('5 days ago');
    await first.getByText(`(${ZONE})`).first().waitFor();
    await page.getByTestId('certificate-row').last().getByText('Proposed 30 days before expiry').waitFor();
    await page.getByTestId('responsibility-link-certificates').waitFor();

    // The timeline: the expired column at the left, then week by week; the table has the numbers.
    const chart = page.getByTestId('expiry-timeline');
    await chart.waitFor();
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.getAttribute('aria-label')).resolves.toContain(
      'Expired: 1. Next 13 weeks: overdue 1, due 1, soon 1, OK 1.',
    );
    await expect(chart.getByTestId('timeline-column').count()).resolves.toBe(14);
    await expect(chart.locator('[data-bucket="expired"] rect[data-status="expired"]').count()).resolves.toBe(
      1,
    );
    await expect(chart.locator('[data-bucket="week-0"] rect').count()).resolves.toBe(2);
    await expect(chart.locator('rect title').first().textContent()).resolves.toBe('Expired · Expired: 1');
    await expect(timelineCounts(page, 'expired')).resolves.toMatchObject({ expired: 1, total: 1 });
    await expect(timelineCounts(page, 'week-0')).resolves.toMatchObject({ overdue: 1, due: 1, total: 2 });
    await expect(timelineCounts(page, 'week-2')).resolves.toMatchObject({ soon: 1, total: 1 });
    await expect(timelineCounts(page, 'week-8')).resolves.toMatchObject({ ok: 1, total: 1 });
    await page.getByTestId('timeline-table').getByRole('columnheader', { name: 'Overdue' }).waitFor();
    await screenshot(page, 'certificates');

    // Status filter, kept in the URL.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Due', exact: true }).click();
    await expect.poll(() => rowStatuses(page)).toEqual(['due']);
    expect(new URL(page.url()).searchParams.get('status')).toBe('due');
    expect(new URL(page.url()).searchParams.get('customerId')).toBe(contoso.id);
    expect(new URL(page.url()).searchParams.get('applicationId')).toBe(contoso.application.id);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Needs attention (all but OK)' }).click();
    await expect.poll(() => rowStatuses(page)).toEqual(['expired', 'overdue', 'due', 'soon']);
    // The timeline follows the customer and application, not the status: it still shows all five.
    await expect(timelineCounts(page, 'week-8')).resolves.toMatchObject({ ok: 1 });

    // A link made elsewhere opens the same view.
    await page.goto(`/inventory/certificates?status=expired&${mine}`);
    await expect.poll(() => rowSubjects(page)).toEqual([contosoSubject('expired')]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByTestId('certificate-row').count()).toBeGreaterThan(0);
    await page.goto(`/inventory/certificates?applicationId=${meridian.application.id}`);
    await expect.poll(() => rowSubjects(page)).toEqual([meridianSubject]);

    // The application links to its page in the inventory.
    await page.goto(`/inventory/certificates?${mine}`);
    await page
      .getByTestId('certificate-row')
      .first()
      .getByRole('link', { name: contoso.application.name })
      .click();
    await page.waitForURL((url) => url.pathname === `/inventory/${contoso.application.id}`);
    await page.getByRole('heading', { name: contoso.application.name, level: 1 }).waitFor();
  });

  test('the renewal slot the certificate job proposed is shown in the viewer’s zone, and so is a slot it could not find', async () => {
    const page = await signIn(env, 'admin@provider.example');
    const base = {
      partnerId: '00000000-0000-4000-8000-000000000001',
      customerId: contoso.id,
      customerName: 'Contoso Health',
      applicationId: contoso.application.id,
      applicationName: contoso.application.name,
      kind: 'callmanager',
      renewedAt: null,
    };
    // The job runs hourly; its answers are stood in for here (the server side has its own tests).
    await page.route('**/api/v1/certificates?*', (route) =>
      route.request().method() === 'GET' && !route.request().url().includes('limit=200')
        ? route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({
              items: [
                {
                  ...base,
                  id: '7d4f8b1e-0000-4000-8000-00000000ce01',
                  subject: 'proposed.contoso.example',
                  expiresAt: '2026-12-03T09:00:00.000Z',
                  status: 'soon',
                  proposal: {
                    start: '2026-11-27T21:00:00.000Z',
                    end: '2026-11-27T22:00:00.000Z',
                    problem: null,
                    proposedAt: '2026-11-24T09:00:00.000Z',
                  },
                },
                {
                  ...base,
                  id: '7d4f8b1e-0000-4000-8000-00000000ce02',
                  subject: 'late.contoso.example',
                  expiresAt: '2026-11-25T09:00:00.000Z',
                  status: 'overdue',
                  proposal: {
                    start: null,
                    end: null,
                    problem: 'expired_or_too_late',
                    proposedAt: '2026-11-24T09:00:00.000Z',
                  },
                },
              ],
              nextCursor: null,
            }),
          })
        : route.fallback(),
    );
    await page.goto('/inventory/certificates');
    const rows = page.getByTestId('certificate-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.first().getByTestId('renewal-proposal').innerText()).resolves.toBe(
      '27 Nov 2026, 22:00–23:00 (Europe/Madrid)',
    );
    await expect(rows.first().locator('time').first().getAttribute('datetime')).resolves.toBe(
      '2026-12-03T09:00:00.000Z',
    );
    await rows.first().getByText('3 Dec 2026, 10:00 (Europe/Madrid)').waitFor();
    await expect(rows.last().getByTestId('renewal-proposal').innerText()).resolves.toBe(
      'No slot: expired, or too late to renew inside a window',
    );
  });

  test('the provider adds a certificate, then records its renewal after a confirmation; a refused expiry lands on its field', async () => {
    const bearer = await token('admin@provider.example');
    const subject = `${tag}-added.fabrikam.example`;
    const page = await signIn(env, 'admin@provider.example');
    await page.goto(
      `/inventory/certificates?customerId=${fabrikam.id}&applicationId=${fabrikam.application.id}`,
    );
    await page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
    await page.getByText('No certificates').waitFor();

    await page.getByRole('button', { name: 'Add certificate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a certificate' });
    // The customer of the filter is chosen already, and so is its application; the rest is required.
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Customer' }).inputValue())
      .toBe('Fabrikam Logistics');
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Application' }).inputValue())
      .toContain(fabrikam.application.name);
    await dialog.getByRole('button', { name: 'Add certificate' }).click();
    await expect(dialog.getByText('Required').count()).resolves.toBe(3);
    // The applications offered are the chosen customer's.
    await dialog.getByRole('combobox', { name: 'Application' }).click();
    await page.getByRole('option', { name: fabrikam.application.name, exact: false }).click();
    await dialog.getByRole('combobox', { name: 'Certificate type' }).click();
    await page.getByRole('option', { name: 'Tomcat' }).click();
    await dialog.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await fillDateTime(dateTimeField(dialog, 'Expiry'), wallTime(Date.now() + 10 * DAY));
    await dialog.getByRole('button', { name: 'Add certificate' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Certificate ${subject} of`, { exact: false }).waitFor();
    const row = page.getByTestId('certificate-row').filter({ hasText: subject });
    await expect.poll(() => row.getAttribute('data-status')).toBe('soon');
    await expect(row.getByTestId('certificate-status').innerText()).resolves.toBe('Soon');
    await expect(row.innerText()).resolves.toMatch(/in (9|10) days/);

    // A new expiry before the current one is refused at once.
    await row.getByRole('button', { name: `Record renewal of ${subject}` }).click();
    let renew = page.getByRole('dialog', { name: `Record the renewal of ${subject}` });
    await fillDateTime(dateTimeField(renew, 'New expiry'), wallTime(Date.now() + 5 * DAY));
    await renew.getByRole('button', { name: 'Review…' }).click();
    await renew.getByText('The new expiry must be later than the current one.').waitFor();

    const newExpiry = Date.now() + 400 * DAY;
    await fillDateTime(dateTimeField(renew, 'New expiry'), wallTime(newExpiry));
    await renew.getByRole('button', { name: 'Review…' }).click();
    const confirm = page.getByRole('dialog', { name: `Record the renewal of ${subject}?` });
    const summary = confirm.getByTestId('renewal-confirmation');
    await summary.getByText('Previous expiry:', { exact: false }).waitFor();
    await summary.getByText(`New expiry:`, { exact: false }).waitFor();
    await summary.getByText('The renewal proposal is cleared', { exact: false }).waitFor();
    await screenshot(page, 'certificates-renewal-confirm');
    await confirm.getByRole('button', { name: 'Record renewal' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(`Renewal of ${subject} recorded`, { exact: false }).waitFor();
    await expect.poll(() => row.getAttribute('data-status')).toBe('ok');
    await row.getByText('Renewed', { exact: false }).waitFor();
    const saved = await call<{ items: Certificate[] }>(
      bearer,
      'GET',
      `/certificates?applicationId=${fabrikam.application.id}`,
    );
    const renewed = saved.items.find((c) => c.subject === subject);
    expect(renewed?.renewedAt).toBeTruthy();
    expect(Math.abs(new Date(renewed?.expiresAt ?? 0).getTime() - newExpiry)).toBeLessThan(60_000);

    // The server's rule (later than the old expiry *and* in the future) comes back as a 422 on the field.
    const expiredSubject = `${tag}-expired.fabrikam.example`;
    await addCertificate(bearer, fabrikam.application.id, expiredSubject, -10);
    await page.reload();
    const expiredRow = page.getByTestId('certificate-row').filter({ hasText: expiredSubject });
    await expiredRow.getByRole('button', { name: `Record renewal of ${expiredSubject}` }).click();
    renew = page.getByRole('dialog', { name: `Record the renewal of ${expiredSubject}` });
    await fillDateTime(dateTimeField(renew, 'New expiry'), wallTime(Date.now() - 2 * DAY));
    const field = dateTimeField(renew, 'New expiry').getByRole('textbox');
    await renew.getByRole('button', { name: 'Review…' }).click();
    await page
      .getByRole('dialog', { name: `Record the renewal of ${expiredSubject}?` })
      .getByRole('button', { name: 'Record renewal' })
      .click();
    const error = renew.getByText(
      'The renewed certificate must expire later than the old one, and in the future.',
    );
    await error.waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field.getAttribute('aria-describedby')).resolves.toContain(
      (await error.getAttribute('id')) ?? 'no id',
    );
    await screenshot(page, 'certificates-renewal-422');
    await page.keyboard.press('Escape');
    await expect(expiredRow.getAttribute('data-status')).resolves.toBe('expired');
  });

  test('a partner engineer sees its own customers’ certificates only, and no provider actions', async () => {
    const northwind = [
      'Contoso Health',
      'Fabrikam Logistics',
      'Tailspin Airlines',
      'Wide World Importers',
      'Sakura Robotics',
      'Fuji Precision',
      'Coral Bay Bank',
      'Canberra Civic Services',
    ];
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto('/inventory/certificates');
    await page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
    await page.getByTestId('expiry-timeline').waitFor();
    await expect.poll(() => page.getByTestId('certificate-row').count()).toBeGreaterThan(0);
    const customers = await page.getByTestId('certificate-row').locator('td:nth-child(2) p').allInnerTexts();
    for (const name of customers) expect(northwind).toContain(name);
    expect(await rowSubjects(page)).not.toContain(meridianSubject);
    await expect(page.getByRole('button', { name: 'Add certificate' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Record renewal/ }).count()).resolves.toBe(0);

    // Its own customer's application: all five; another partner's customer or application: nothing.
    await page.goto(`/inventory/certificates?applicationId=${contoso.application.id}`);
    await expect.poll(() => rowSubjects(page)).toEqual(STATUSES.map(contosoSubject));
    await page.goto(`/inventory/certificates?customerId=${meridian.id}`);
    await page.getByText('No certificates').waitFor();
    await page.goto(`/inventory/certificates?applicationId=${meridian.application.id}`);
    await page.getByText('No certificates').waitFor();

    // The API agrees: the partner cannot write.
    const bearer = await token('engineer@northwind.example');
    const res = await fetch(`${env.baseUrl}/api/v1/certificates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        applicationId: contoso.application.id,
        kind: 'tomcat',
        subject: `${tag}-partner.example`,
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
      }),
    });
    expect(res.status).toBe(403);

    // A customer viewer reads its own organisation's only, without a customer filter.
    const viewer = await signIn(env, 'viewer@contoso-health.example');
    await viewer.goto('/inventory/certificates');
    await expect.poll(() => viewer.getByTestId('certificate-row').count()).toBeGreaterThan(0);
    const own = await viewer.getByTestId('certificate-row').locator('td:nth-child(2) p').allInnerTexts();
    expect(new Set(own)).toEqual(new Set(['Contoso Health']));
    await expect(viewer.getByRole('combobox', { name: 'Customer' }).count()).resolves.toBe(0);
    await expect(viewer.getByRole('button', { name: /^Record renewal/ }).count()).resolves.toBe(0);
    await viewer.goto(`/inventory/certificates?applicationId=${contoso.application.id}`);
    await expect.poll(() => rowSubjects(viewer)).toEqual(STATUSES.map(contosoSubject));
  });

  test('in Spanish once the language is switched', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    try {
      await page.goto(`/inventory/certificates?applicationId=${contoso.application.id}`);
      await page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
      await page.getByRole('radiogroup', { name: 'Language' }).getByText('Español').click();
      await page.getByRole('heading', { name: 'Certificados', level: 1 }).waitFor();
      await expect.poll(() => navLabels(page)).toContain('Certificados');
      await page.getByRole('heading', { name: 'Cronograma de caducidad' }).waitFor();
      for (const header of [
        'Certificado',
        'Aplicación y cliente',
        'Estado',
        'Caduca',
        'Renovación propuesta',
      ])
        await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
      await expect
        .poll(() => page.getByTestId('certificate-row').getByTestId('certificate-status').allInnerTexts())
        .toEqual(['Caducado', 'Atrasado', 'En plazo', 'Próximo', 'Vigente']);
      await expect(page.getByTestId('expiry-timeline').getAttribute('aria-label')).resolves.toContain(
        'Caducados: 1. Próximas 13 semanas: atrasados 1, en plazo 1, próximos 1, vigentes 1.',
      );
      await page.getByRole('combobox', { name: 'Estado' }).click();
      await page.getByRole('option', { name: 'Requieren atención (todos menos vigentes)' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByText('hace 5 días').waitFor();
      await screenshot(page, 'certificates-es');
    } finally {
      // Back to English for the other tests.
      const bearer = await token('engineer@northwind.example');
      await call(bearer, 'PATCH', '/auth/me', { locale: 'en' });
    }
  });
});
