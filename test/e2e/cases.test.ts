import { describe, expect, test } from 'vitest';
import { PASSWORD, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const unique = () => Date.now().toString(36);
const CASE_NUMBER = /^DI-\d{4}-\d{6}$/;

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

async function apiCall<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

interface OpenedCase {
  id: string;
  number: string;
  severity: string;
}

/** A partner engineer opens a case for one of its customers (by name), through the API. */
async function openCase(email: string, customerName: string, title: string, extra: object = {}) {
  const bearer = await token(email);
  const customers = await apiCall<{ items: { id: string; name: string }[] }>(
    bearer,
    'GET',
    `/customers?q=${encodeURIComponent(customerName)}`,
  );
  const customer = customers.items.find((c) => c.name === customerName);
  expect(customer, customerName).toBeTruthy();
  const today = new Date().toISOString().slice(0, 10);
  const contracts = await apiCall<{ items: { number: string }[] }>(
    bearer,
    'GET',
    `/contracts?customerId=${customer?.id}&activeOn=${today}`,
  );
  return apiCall<OpenedCase>(bearer, 'POST', '/cases', {
    customerId: customer?.id,
    contractNumber: contracts.items[0]?.number,
    title,
    description: 'Voicemail PINs are refused for some users since this morning.',
    category: 'configuration',
    impact: 'individualized',
    urgency: 'medium',
    contact: { name: 'Support desk', phone: '+44 20 7946 0000', email: 'desk@partner.example' },
    ...extra,
  });
}

describe('support cases', () => {
  test('a partner engineer opens an S1 case through the wizard: triage, contract, live severity with the TAC phone', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto('/cases');
    await page.getByRole('heading', { name: 'Support cases', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByRole('heading', { name: 'New support case', level: 1 }).waitFor();

    // Step 1: the category's guide, and the first-line checks are required.
    await page.getByRole('heading', { name: '1. What kind of need is it?' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Do the first-line checks before escalating.').waitFor();
    await page.getByRole('radio', { name: 'Downtime or service availability' }).check();
    const guide = page.getByTestId('guide-availability');
    await guide.getByText('Confirm service availability and status', { exact: false }).waitFor();
    await guide.getByText('not caused by the customer', { exact: false }).waitFor();
    await page.getByRole('checkbox', { name: /I have done the first-line checks/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: the customer's only valid contract is suggested.
    await page.getByRole('heading', { name: '2. Customer and contract' }).waitFor();
    await page.getByRole('combobox', { name: 'Customer' }).click();
    await page.getByRole('option', { name: 'Contoso Health (AMER)' }).click();
    const contract = page.getByRole('combobox', { name: 'Contract number' });
    await expect.poll(() => contract.inputValue()).toMatch(/^DI-\d{4}-\d{5}$/);
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: the severity follows impact and urgency live; S1 tells the partner to phone the TAC.
    await page.getByRole('heading', { name: '3. Impact and urgency' }).waitFor();
    await page.getByRole('radio', { name: 'Localized', exact: true }).check();
    await page.getByRole('radio', { name: 'Low', exact: true }).check();
    const preview = page.getByTestId('severity-preview');
    await preview.getByText('S4 (Low)').waitFor();
    await preview.getByText('Response within 3 business days').waitFor();
    await expect(page.getByTestId('tac-call').count()).resolves.toBe(0);
    await page.getByRole('radio', { name: 'Widespread', exact: true }).check();
    await page.getByRole('radio', { name: 'Critical', exact: true }).check();
    await preview.getByText('S1 (Critical)').waitFor();
    await preview.getByText('Response within 15 minutes (24×7)').waitFor();
    const tac = page.getByTestId('tac-call');
    await tac.getByText('+1 800 553 2447').waitFor();
    await screenshot(page, 'case-wizard-s1');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: the contact is prefilled from the signed-in user; the phone is required.
    await page.getByRole('heading', { name: '4. Details and contact' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Contact name' }).inputValue()).resolves.toBe(
      'Northwind Engineer',
    );
    await expect(page.getByRole('textbox', { name: 'Contact e-mail' }).inputValue()).resolves.toBe(
      'engineer@northwind.example',
    );
    const title = `All calls fail at the main site ${unique()}`;
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('No inbound or outbound calls since 09:10. SBC and customer routers checked.');
    await page.getByRole('textbox', { name: 'Contact phone' }).fill('+1 312 555 0199');
    await page.getByTestId('review').getByText('S1 (Critical)').waitFor();
    await page.getByRole('button', { name: 'Open case' }).click();

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText(title, { exact: false }).waitFor();
    const number = (await heading.innerText()).split(':')[0]?.trim() ?? '';
    expect(number).toMatch(CASE_NUMBER);
    await page.getByText('Call the TAC as well').waitFor();
    await page
      .getByTestId('response-due')
      .getByText(/Due in \d+ min/)
      .waitFor();
    await page.getByTestId('case-timeline').getByRole('heading', { name: 'Opened' }).waitFor();
    await screenshot(page, 'case-detail-partner-s1');
  });

  test('a contract the server refuses sends the partner back to the contract step, the message at the field', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto('/cases/new');
    await page.getByRole('radio', { name: 'Common support problem' }).check();
    await page.getByRole('checkbox', { name: /I have done the first-line checks/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('combobox', { name: 'Customer' }).click();
    await page.getByRole('option', { name: 'Tailspin Airlines (EMEA)' }).click();
    const contract = page.getByRole('combobox', { name: 'Contract number' });
    await expect.poll(() => contract.inputValue()).toMatch(/^DI-\d{4}-\d{5}$/);
    const valid = await contract.inputValue();
    await contract.fill('DI-1999-99999');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'Individualized', exact: true }).check();
    await page.getByRole('radio', { name: 'Medium', exact: true }).check();
    await page.getByTestId('severity-preview').getByText('S3 (Medium)').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    const title = `One-way audio to the warehouse ${unique()}`;
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: 'Description' }).fill('Half of the calls have one-way audio.');
    await page.getByRole('textbox', { name: 'Contact phone' }).fill('+44 20 7946 0000');
    await page.getByRole('button', { name: 'Open case' }).click();

    // Back on step 2, the server's message next to the contract number.
    await page.getByRole('heading', { name: '2. Customer and contract' }).waitFor();
    await page.getByText('No contract has this number.').waitFor();
    await expect(contract.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    await screenshot(page, 'case-wizard-contract-error');

    // Fixing it and going through again opens the case; what was typed in later steps is kept.
    await contract.fill(valid);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('severity-preview').getByText('S3 (Medium)').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(title);
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  });

  test('the provider acknowledges, comments and adds an internal note; the partner never sees the note', async () => {
    const title = `Voicemail PIN refused ${unique()}`;
    const opened = await openCase('engineer@northwind.example', 'Tailspin Airlines', title);
    expect(opened.number).toMatch(CASE_NUMBER);
    expect(opened.severity).toBe('S3');

    const provider = await signIn(env, 'tac@provider.example');
    await provider.goto(`/cases/${opened.id}`);
    await provider.getByRole('heading', { level: 1, name: `${opened.number}: ${title}` }).waitFor();

    // Why the due time is what it is: S3 counts business hours in the customer's region.
    const why = provider.getByTestId('due-explanation');
    await why
      .getByText(/S3 \(Medium\) in Europe, Middle East, Africa \(EMEA\): Response within 1 business day\./)
      .waitFor();
    await why.getByText('Business hours counted').waitFor();
    await why.getByText(/of business time counted, in Europe\/Paris/).waitFor();
    // Times are in the TAC engineer's own zone, named.
    await provider.getByTestId('response-due').getByText('(America/New_York)', { exact: false }).waitFor();

    await provider.getByTestId('case-actions').getByRole('button', { name: 'Acknowledge' }).click();
    const ack = provider.getByRole('dialog', { name: `Acknowledge ${opened.number}?` });
    await ack.getByRole('textbox', { name: 'Note (optional)' }).fill('TAC has the case.');
    await ack.getByRole('button', { name: 'Acknowledge' }).click();
    await ack.waitFor({ state: 'detached' });
    await provider.getByTestId('response-due').getByText('Response met').waitFor();
    const timeline = provider.getByTestId('case-timeline');
    await timeline.getByRole('heading', { name: 'Acknowledged' }).waitFor();
    await timeline.getByText('TAC has the case.').waitFor();
    await expect(
      provider.getByTestId('case-actions').getByRole('button', { name: 'Acknowledge' }).count(),
    ).resolves.toBe(0);

    const form = provider.getByRole('form', { name: 'Add to the history' });
    await form.getByRole('textbox', { name: 'Comment' }).fill('Please send the affected mailbox numbers.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await timeline.getByText('Please send the affected mailbox numbers.').waitFor();

    await form.getByRole('radiogroup', { name: 'Kind of entry' }).getByText('Internal note').click();
    await form
      .getByRole('textbox', { name: 'Internal note' })
      .fill('Suspect the PIN policy change of last night.');
    await form.getByRole('button', { name: 'Add internal note' }).click();
    const note = timeline.getByTestId('internal-note');
    await note.getByText('Suspect the PIN policy change of last night.').waitFor();
    await timeline.getByText('Internal', { exact: true }).waitFor();
    await screenshot(provider, 'case-detail-provider');

    // The partner reads the acknowledgement and the comment, not the internal note.
    const partner = await signIn(env, 'engineer@northwind.example');
    await partner.goto(`/cases/${opened.id}`);
    const seen = partner.getByTestId('case-timeline');
    await seen.getByText('Please send the affected mailbox numbers.').waitFor();
    await seen.getByText('TAC has the case.').waitFor();
    await expect(seen.innerText()).resolves.not.toContain('Suspect the PIN policy');
    await expect(partner.getByRole('radiogroup', { name: 'Kind of entry' }).count()).resolves.toBe(0);
    await expect(
      partner.getByTestId('case-actions').getByRole('button', { name: 'Acknowledge' }).count(),
    ).resolves.toBe(0);
    await partner.getByTestId('case-actions').getByRole('button', { name: 'Escalate' }).waitFor();
  });

  test('a partner attaches a log file and downloads it; a file whose content does not match is refused', async () => {
    const opened = await openCase('engineer@northwind.example', 'Fabrikam Logistics', `Trace ${unique()}`);
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto(`/cases/${opened.id}`);
    await page.getByRole('button', { name: 'Attach a file' }).waitFor();
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'sip-trace.log',
      mimeType: 'text/plain',
      buffer: Buffer.from('INVITE sip:1000\n'),
    });
    const link = page.getByRole('link', { name: 'Download sip-trace.log' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('INVITE sip:1000\n');
    await page
      .getByTestId('case-timeline')
      .getByRole('heading', { name: 'File attached: sip-trace.log' })
      .waitFor();

    await input.setInputFiles({
      name: 'screen.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a png'),
    });
    await page.getByRole('alert').getByText("The file's content does not match its name.").waitFor();
  });

  test('the case list finds a case by its number', async () => {
    const title = `Jabber sign-in fails ${unique()}`;
    const opened = await openCase('engineer@northwind.example', 'Wide World Importers', title);
    const page = await signIn(env, 'tac@provider.example');
    await page.goto('/cases');
    await page.getByRole('heading', { name: 'Support cases', level: 1 }).waitFor();
    await page.getByTestId('summary-open').waitFor();
    await page.getByTestId('case-row').first().waitFor();
    await page.getByRole('searchbox', { name: 'Search by number or words' }).fill(opened.number);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
    const row = page.getByTestId('case-row');
    await row.getByRole('link', { name: opened.number }).waitFor();
    await expect(row.innerText()).resolves.toContain(title);
    await expect(row.innerText()).resolves.toContain('Northwind Communications');
    await expect(row.innerText()).resolves.toContain('(America/New_York)');
    await row.getByText('S3 (Medium)').waitFor();
    await row.getByText(/Due in|Overdue by/).waitFor();

    // The other views narrow the list; the escalations view has no such case.
    await page.getByRole('radiogroup', { name: 'Cases to show' }).getByText('Escalations').click();
    await page.getByText('No cases').waitFor();
    await page.getByRole('radiogroup', { name: 'Cases to show' }).getByText('All').click();
    await row.getByRole('link', { name: opened.number }).click();
    await page.waitForURL(new RegExp(`/cases/${opened.id}$`));
  });

  test('a Spanish partner engineer reads the case list and a case in the guide’s words', async () => {
    const opened = await openCase('engineer@andes.example', 'Lyon Transports', `Sin audio ${unique()}`, {
      impact: 'widespread',
      urgency: 'high',
      category: 'availability',
    });
    expect(opened.severity).toBe('S1');
    const page = await signIn(env, 'engineer@andes.example');
    await page.goto('/cases');
    await page.getByRole('heading', { name: 'Casos de soporte', level: 1 }).waitFor();
    for (const header of ['Número', 'Título', 'Cliente', 'Gravedad', 'Estado', 'Plazo de respuesta'])
      await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
    const views = page.getByRole('radiogroup', { name: 'Casos que mostrar' });
    for (const view of ['Cola', 'Todos', 'Escalados', 'Plan pendiente'])
      await views.getByText(view).waitFor();
    await page.getByTestId('summary-open').getByText('Abiertos').waitFor();
    const row = page.getByTestId('case-row').filter({ hasText: opened.number });
    await row.getByText('S1 (Crítico)').waitFor();
    await row.getByText('Nuevo').waitFor();
    await row.getByText(/Vence en|Vencido hace/).waitFor();
    await screenshot(page, 'cases-es');

    await row.getByRole('link', { name: opened.number }).click();
    await page.getByText('Llame también al TAC').waitFor();
    await page.getByText('Generalizado', { exact: true }).waitFor();
    await page.getByText('Alta', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '¿Por qué vence a esta hora?' }).waitFor();
    await page.getByText(/Respuesta dentro de 15 minutos/).waitFor();
  });

  test('the attainment report shows a chart against the 95 % line, a table and the CSV with the same query', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/reports/attainment');
    await page.getByRole('heading', { name: 'Response attainment', level: 1 }).waitFor();
    await page.getByTestId('attainment-chart').waitFor();
    await page.getByText('95 % commitment (S3, S4)').waitFor();
    const table = page.getByTestId('attainment-table');
    await expect(table.locator('tbody tr').count()).resolves.toBe(6);
    const csv = page.getByRole('link', { name: 'Download CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/v1\/reports\/attainment\.csv\?from=\d{4}-\d{2}&to=\d{4}-\d{2}&timeZone=/);
    const answer = await page.request.get(href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('text/csv');
    await screenshot(page, 'attainment');
  });
});
