import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi, unique } from '../support/e2e-api.ts';
import { navLabels, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { token, call } = e2eApi(env);
const SHA256 = 'a3f1c2'.padEnd(64, '0');

/** The CUCM cluster of a demo customer (the demo gives every customer one). */
async function cucmOf(bearer: string, customer: string): Promise<string> {
  const customers = await call<{ items: { id: string; name: string }[] }>(
    bearer,
    'GET',
    `/customers?q=${encodeURIComponent(customer)}`,
  );
  const customerId = customers.items.find((c) => c.name === customer)?.id;
  expect(customerId, customer).toBeTruthy();
  const apps = await call<{ items: { id: string }[] }>(
    bearer,
    'GET',
    `/applications?customerId=${customerId}&kind=cucm&limit=5`,
  );
  expect(apps.items[0], `${customer} CUCM`).toBeTruthy();
  return apps.items[0]?.id ?? '';
}

interface CopRequest {
  id: string;
  number: number;
  fileName: string;
}

async function ask(bearer: string, applicationId: string, fileName: string): Promise<CopRequest> {
  return call<CopRequest>(bearer, 'POST', '/cop-requests', {
    applicationId,
    package: 'locale',
    fileName,
    reason: 'The customer opens an office in Quebec and needs the French (Canada) locale.',
  });
}

function stepState(page: Page, step: string): Promise<string | null> {
  return page.getByTestId('cop-stepper').locator(`[data-step="${step}"]`).getAttribute('data-state');
}

describe('COP file service requests', () => {
  test('a partner requests a COP file (the bad name is refused on its field), the provider records the upload, the partner marks it installed', async () => {
    const fileName = `cmterm-e2e-${unique()}.cop.sha512`;
    const partner = await signIn(env, 'engineer@northwind.example');
    expect(await navLabels(partner)).toContain('COP files');
    await partner.goto('/inventory/cop-requests');
    await partner.getByRole('heading', { name: 'COP files', level: 1 }).waitFor();
    await partner.getByTestId('responsibility-link-patches').waitFor();
    await partner.getByRole('button', { name: 'Request a COP file' }).click();

    const dialog = partner.getByRole('dialog', { name: 'Request a COP file' });
    await dialog.getByRole('combobox', { name: 'Customer' }).fill('Contoso');
    await partner.getByRole('option', { name: 'Contoso Health', exact: true }).click();
    // Expressway takes no COP files: listed, with the reason, but not selectable.
    await dialog
      .getByText('Expressway takes no COP files (its packages are .tlp)', { exact: false })
      .waitFor();
    await dialog.getByRole('combobox', { name: 'Application' }).click();
    const expressway = partner.getByRole('option', {
      name: 'EXPRESSWAY-contoso-health (Expressway) — takes no COP files',
    });
    await expect(expressway.getAttribute('aria-disabled')).resolves.toBe('true');
    await partner
      .getByRole('option', { name: 'CUCM-contoso-health (Unified CM (CUCM))', exact: true })
      .click();
    await dialog.getByRole('combobox', { name: 'Package' }).click();
    await partner.getByRole('option', { name: 'Device pack', exact: true }).click();
    await expect(
      dialog.getByText('cmterm-devicepack14.0.1.14111-1.cop.sha512').count(),
    ).resolves.toBeGreaterThan(0);
    const name = dialog.getByRole('textbox', { name: 'File name' });
    await name.fill('cmterm-devicepack.zip');
    await dialog
      .getByRole('textbox', { name: 'Reason' })
      .fill('The customer deploys Cisco 9861 phones next week and needs the device pack.');
    await dialog.getByRole('button', { name: 'Send request' }).click();

    // The server's 422 lands on the file-name field, in words.
    const error = dialog.getByText('A COP file name ends in .cop, .cop.sgn or .cop.sha512', { exact: false });
    await error.waitFor();
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(name.getAttribute('aria-describedby')).resolves.toContain(
      (await error.getAttribute('id')) ?? 'no id',
    );
    await screenshot(partner, 'cop-request-422');
    await name.fill(fileName);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });

    await partner.waitForURL(/\/inventory\/cop-requests\/[0-9a-f-]{36}$/);
    const path = new URL(partner.url()).pathname;
    await partner
      .getByRole('heading', { name: new RegExp(`^COP #\\d+: ${fileName.replaceAll('.', '\\.')}$`), level: 1 })
      .waitFor();
    await expect(stepState(partner, 'requested')).resolves.toBe('done');
    await expect(stepState(partner, 'uploaded')).resolves.toBe('current');
    await expect(stepState(partner, 'installed')).resolves.toBe('pending');
    await partner.getByText('Next: the provider uploads the file').waitFor();
    await expect(partner.getByRole('button', { name: 'Mark installed' }).count()).resolves.toBe(0);
    await expect(partner.getByRole('button', { name: 'Record upload' }).count()).resolves.toBe(0);

    // The provider records the upload: file name prefilled, path, algorithm and checksum.
    const provider = await signIn(env, 'tac@provider.example');
    await provider.goto(path);
    await provider.getByRole('button', { name: 'Record upload' }).click();
    const upload = provider.getByRole('dialog', { name: /^Record the upload of COP #\d+$/ });
    await expect(upload.getByRole('textbox', { name: 'File name' }).inputValue()).resolves.toBe(fileName);
    await expect(upload.getByRole('combobox', { name: 'Algorithm' }).inputValue()).resolves.toBe('SHA-256');
    await upload.getByRole('textbox', { name: 'SFTP path' }).fill(`/upload/cop/${fileName}`);
    await upload.getByRole('textbox', { name: 'Checksum' }).fill(SHA256.toUpperCase());
    await upload.getByRole('button', { name: 'Record upload' }).click();
    await upload.waitFor({ state: 'detached' });
    await expect.poll(() => stepState(provider, 'uploaded')).toBe('done');
    await expect(provider.getByTestId('cop-sftp-path').innerText()).resolves.toBe(`/upload/cop/${fileName}`);
    await expect(provider.getByTestId('cop-checksum').innerText()).resolves.toBe(SHA256);
    await provider.getByRole('button', { name: 'Copy the SFTP path' }).waitFor();
    await provider.getByRole('button', { name: 'Copy the checksum' }).waitFor();

    // The partner is told to download and install it, and marks it installed (after confirming).
    await partner.reload();
    await partner.getByTestId('cop-partner-duty').waitFor();
    await expect(stepState(partner, 'installed')).resolves.toBe('current');
    await partner.getByRole('button', { name: 'Mark installed' }).click();
    const confirm = partner.getByRole('dialog', { name: /^Mark COP #\d+ installed\?$/ });
    await confirm.getByText(fileName, { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Mark installed' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => stepState(partner, 'installed')).toBe('done');
    await partner
      .getByTestId('cop-stepper')
      .locator('[data-step="installed"]')
      .getByText('Done by engineer@northwind.example')
      .waitFor();
    await expect(partner.getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(0);
    await screenshot(partner, 'cop-installed');

    await partner.goto('/inventory/cop-requests?status=installed');
    const row = partner.getByTestId('cop-row').filter({ hasText: fileName });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Installed/i);

    // Another partner sees neither the request in its list nor its page.
    const other = await signIn(env, 'admin@meridian.example');
    await other.goto('/inventory/cop-requests');
    await other.getByRole('heading', { name: 'COP files', level: 1 }).waitFor();
    await expect.poll(() => other.locator('[aria-busy="true"]').count()).toBe(0);
    await expect(other.getByText(fileName).count()).resolves.toBe(0);
    await other.goto(path);
    await other.getByText('Not found').waitFor();
  });

  test('the provider turns a request down with its reason; a Spanish partner withdraws one', async () => {
    const northwind = await token('engineer@northwind.example');
    const contoso = await cucmOf(northwind, 'Contoso Health');
    const declined = await ask(northwind, contoso, `cmterm-e2e-${unique()}.cop`);

    const provider = await signIn(env, 'admin@provider.example');
    await provider.goto(`/inventory/cop-requests/${declined.id}`);
    await provider.getByRole('button', { name: 'Turn down' }).click();
    const reject = provider.getByRole('dialog', { name: `Turn down COP #${declined.number}?` });
    await reject.getByRole('button', { name: 'Turn down' }).click();
    await reject.getByText('Required').waitFor();
    await reject
      .getByRole('textbox', { name: 'Reason' })
      .fill('This locale is part of 15.0 SU2; upgrade instead.');
    await reject.getByRole('button', { name: 'Turn down' }).click();
    await reject.waitFor({ state: 'detached' });
    const closing = provider.getByTestId('cop-closing-reason');
    await expect(closing.innerText()).resolves.toMatch(
      /Turned down by the provider[\s\S]*part of 15\.0 SU2/i,
    );
    await expect(stepState(provider, 'uploaded')).resolves.toBe('stopped');

    // A Spanish partner admin (Andes) withdraws its own request.
    const andesToken = await token('admin@andes.example');
    const lyon = await cucmOf(andesToken, 'Lyon Transports');
    const mine = await ask(andesToken, lyon, `cmterm-e2e-es-${unique()}.cop.sgn`);
    const andes = await signIn(env, 'admin@andes.example');
    expect(await navLabels(andes)).toContain('Archivos COP');
    await andes.goto('/inventory/cop-requests?status=open');
    await andes.getByRole('heading', { name: 'Archivos COP', level: 1 }).waitFor();
    const row = andes.getByTestId('cop-row').filter({ hasText: mine.fileName });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Configuración regional[\s\S]*Solicitado/i);
    await expect(andes.getByText(declined.fileName).count()).resolves.toBe(0);
    await row.getByRole('link', { name: mine.fileName }).click();
    await andes.getByRole('heading', { name: 'Avance' }).waitFor();
    await andes.getByText('Siguiente: el proveedor carga el archivo').waitFor();
    await andes.getByRole('button', { name: 'Retirar' }).click();
    const withdraw = andes.getByRole('dialog', { name: `¿Retirar COP n.º ${mine.number}?` });
    await withdraw.getByRole('textbox', { name: 'Motivo' }).fill('El cliente ya no lo necesita.');
    await withdraw.getByRole('button', { name: 'Retirar' }).click();
    await withdraw.waitFor({ state: 'detached' });
    await expect(andes.getByTestId('cop-closing-reason').innerText()).resolves.toMatch(
      /Retirada[\s\S]*ya no lo necesita/i,
    );
    await andes.locator('[data-status="cancelled"]').getByText('Retirado').waitFor();
    await screenshot(andes, 'cop-withdrawn-es');
  });
});
