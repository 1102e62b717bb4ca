/**
 * The directory screens: users, contracts and partners, as a provider admin and as a partner admin,
 * with the server's field errors on their fields; the partner and customer pickers that search the
 * server as one types; and date pickers in the app's language. The tests create, rename and
 * deactivate partners and add dozens of customers, which would shift what other files count, so
 * this file runs against its own server with its own demo data. Every name is unique per run.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi } from '../support/e2e-api.ts';
import { withOwnDemoServer } from '../support/e2e-own-server.ts';
import { expectAccessible, newPage, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
// Registered after setupBrowser's hook, so it runs after it: every page of this file goes here.
withOwnDemoServer(env);
const { token, call } = e2eApi(env);

const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The text of the error message a field points to (aria-describedby), once it is marked invalid. */
async function fieldError(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
  const errorId = (await field.getAttribute('aria-describedby'))
    ?.split(' ')
    .find((id) => id.includes('error'));
  expect(errorId, 'the field names its error').toBeTruthy();
  return field.page().locator(`[id="${errorId}"]`).innerText();
}

/** Types into a picker and chooses the option with this exact name. */
async function pick(page: Page, picker: Locator, search: string, name: string): Promise<void> {
  await picker.click();
  await picker.fill(search);
  await page.getByRole('option', { name, exact: true }).click();
  await expect.poll(() => picker.inputValue()).toBe(name);
}

/** A row's "…" menu, then one of its items (again if a refreshed list closed the menu first). */
async function rowAction(page: Page, name: string, action: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByRole('button', { name: `Actions for ${name}` }).click();
      await page.getByRole('menuitem', { name: action }).click({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

async function confirm(page: Page, title: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function showAll(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'All', exact: true }).click();
}

describe('directory', () => {
  test('provider admin creates a user (server errors on their fields), edits and deactivates it', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const id = tag();
    const email = `e2e-user-${id}@northwind.example`;
    const name = `E2E User ${id}`;

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    const emailInput = dialog.getByRole('textbox', { name: 'E-mail' });
    const password = dialog.getByLabel('Initial password');
    await emailInput.fill('not-an-e-mail');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await password.fill('too-short');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Partner engineer' }).click();
    await pick(page, dialog.getByRole('combobox', { name: 'Partner' }), 'north', 'Northwind Communications');

    // Too short: said on the password field before anything is sent.
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(fieldError(password)).resolves.toBe('At least 12 characters.');

    // The server rejects the address: its error lands on the e-mail field, in words.
    await password.fill('a-long-enough-password');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(fieldError(emailInput)).resolves.toBe('Enter a valid e-mail address.');
    await expect(password.getAttribute('aria-invalid')).resolves.not.toBe('true');

    await emailInput.fill(email);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill(id);
    const row = page.locator('tbody tr', { hasText: email });
    await row.waitFor();
    // The partner's name is looked up by id: it arrives after the row.
    await row.getByText('Northwind Communications').first().waitFor();

    // The same e-mail again: the server's conflict on the e-mail field.
    await page.getByRole('button', { name: 'New user' }).click();
    await dialog.waitFor();
    await emailInput.fill(email);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`${name} twin`);
    await password.fill('a-long-enough-password');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Partner engineer' }).click();
    await pick(page, dialog.getByRole('combobox', { name: 'Partner' }), 'North', 'Northwind Communications');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(fieldError(emailInput)).resolves.toBe('A user with this e-mail already exists.');
    await screenshot(page, 'directory-user-duplicate-email');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Rename and promote.
    await rowAction(page, name, 'Edit');
    const edit = page.getByRole('dialog', { name: 'Edit user' });
    await edit.getByRole('textbox', { name: 'Name' }).fill(`${name} Renamed`);
    await edit.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Partner administrator' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText()).toContain(`${name} Renamed`);
    await expect(row.innerText()).resolves.toContain('Partner administrator');

    // Deactivate, after a confirmation.
    await rowAction(page, `${name} Renamed`, 'Deactivate');
    await page
      .getByRole('dialog', { name: 'Deactivate?' })
      .getByText(`${name} Renamed will be deactivated`)
      .waitFor();
    await confirm(page, 'Deactivate?', 'Deactivate');
    await row.waitFor({ state: 'detached' });
    await showAll(page);
    await expect.poll(() => row.textContent()).toContain('Deactivated');
  });

  test('contracts: a taken number and an end before the start are errors on their fields; dates edit', async () => {
    const page = await signIn(env, 'admin@provider.example');
    const byId: string[] = [];
    page.on('request', (r) => {
      if (/^\/api\/v1\/customers\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname)) byId.push(r.url());
    });
    await page.goto('/contracts');
    await page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor();
    // Customer names come with the rows: no look-up per customer id.
    const firstCustomer = page.locator('tbody tr a[href^="/customers/"]').first();
    await firstCustomer.waitFor();
    await expect.poll(() => firstCustomer.innerText()).toMatch(/\w{3}/);
    expect(byId).toEqual([]);
    const number = `E2E-${tag()}`;

    const open = async () => {
      await page.getByRole('button', { name: 'New contract' }).click();
      const dialog = page.getByRole('dialog', { name: 'New contract' });
      await dialog.waitFor();
      await pick(page, dialog.getByRole('combobox', { name: 'Customer' }), 'contoso', 'Contoso Health');
      await dialog.getByRole('textbox', { name: 'Contract number' }).fill(number);
      return dialog;
    };

    const dialog = await open();
    const starts = dialog.getByRole('textbox', { name: 'Starts on' });
    const ends = dialog.getByRole('textbox', { name: 'Ends on' });
    await starts.fill('2027-01-01');
    await ends.fill('31/12/2026');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(fieldError(ends)).resolves.toBe('The end date is before the start date.');
    // Typed dates read as the app shows them.
    await expect(starts.inputValue()).resolves.toBe('1 Jan 2027');
    await ends.fill('31 Dec 2027');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('searchbox', { name: 'Search contract numbers' }).fill(number);
    const row = page.locator('tbody tr', { hasText: number });
    await expect.poll(() => row.innerText()).toContain('Contoso Health');
    await expect(row.innerText()).resolves.toMatch(/1 Jan 2027\s+31 Dec 2027/);

    // The same number again: the server's conflict on the number field.
    const again = await open();
    await again.getByRole('textbox', { name: 'Starts on' }).fill('2027-01-01');
    await again.getByRole('textbox', { name: 'Ends on' }).fill('2027-12-31');
    await again.getByRole('button', { name: 'Create' }).click();
    await expect(fieldError(again.getByRole('textbox', { name: 'Contract number' }))).resolves.toBe(
      'This contract number is already in use.',
    );
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'detached' });

    // New dates: picked from the calendar for the start, typed for the end.
    await rowAction(page, number, 'Edit');
    const edit = page.getByRole('dialog', { name: `Edit contract ${number}` });
    const editStarts = edit.getByRole('textbox', { name: 'Starts on' });
    await expect(editStarts.inputValue()).resolves.toBe('1 Jan 2027');
    await editStarts.click();
    await page.getByRole('button', { name: '15 January 2027', exact: true }).click();
    await expect.poll(() => editStarts.inputValue()).toBe('15 Jan 2027');
    await edit.getByRole('textbox', { name: 'Ends on' }).fill('30/6/2028');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText()).toMatch(/15 Jan 2027\s+30 Jun 2028/);
  });

  test('provider admin renames a partner, deactivates and reactivates it after confirming', async () => {
    const provider = await token('admin@provider.example');
    const original = `E2E Partner ${tag()}`;
    await call(provider, 'POST', '/partners', { name: original });
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/partners');
    await page.getByRole('searchbox', { name: 'Search partners' }).fill(original);
    const row = page.locator('tbody tr', { hasText: original });
    await row.waitFor();

    await rowAction(page, original, 'Edit');
    const rename = page.getByRole('dialog', { name: 'Rename partner' });
    const renamed = `${original} Renamed`;
    await rename.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await rename.getByRole('button', { name: 'Save' }).click();
    await rename.waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText()).toContain(renamed);

    // A taken name: the server's conflict on the name field.
    await rowAction(page, renamed, 'Edit');
    await rename.getByRole('textbox', { name: 'Name' }).fill('Northwind Communications');
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(fieldError(rename.getByRole('textbox', { name: 'Name' }))).resolves.toBe(
      'A partner with this name already exists.',
    );
    await rename.getByRole('button', { name: 'Cancel' }).click();
    await rename.waitFor({ state: 'detached' });

    await showAll(page);
    await rowAction(page, renamed, 'Deactivate');
    await confirm(page, 'Deactivate?', 'Deactivate');
    await expect.poll(() => row.textContent()).toContain('Deactivated');
    // A deactivated partner is not offered to new customers.
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    const newCustomer = page.getByRole('dialog', { name: 'New customer' });
    const partnerPicker = newCustomer.getByRole('combobox', { name: 'Partner' });
    await partnerPicker.fill(renamed);
    await page.getByRole('listbox', { name: 'Partner' }).getByText('No matches').waitFor();
    await page.keyboard.press('Escape');
    await newCustomer.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/partners');
    await showAll(page);
    await page.getByRole('searchbox', { name: 'Search partners' }).fill(renamed);
    await rowAction(page, renamed, 'Reactivate');
    await page
      .getByRole('dialog', { name: 'Reactivate?' })
      .getByText(`${renamed} will be active again.`)
      .waitFor();
    await confirm(page, 'Reactivate?', 'Reactivate');
    await expect.poll(() => row.textContent()).toContain('Active');
    await expect(row.textContent()).resolves.not.toContain('Deactivated');
  });

  test('the users list names each partner, one made a moment ago too, never by its id', async () => {
    const provider = await token('admin@provider.example');
    const id = tag();
    // Named to sort after every other partner: the column must not depend on a first page of them.
    const partnerName = `Zz Named Partner ${id}`;
    const partner = await call<{ id: string }>(provider, 'POST', '/partners', { name: partnerName });
    const email = `e2e-named-${id}@named.example`;
    await call(provider, 'POST', '/users', {
      email,
      name: `Named ${id}`,
      password: 'a-long-enough-password',
      role: 'partner_engineer',
      partnerId: partner.id,
    });
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/users');
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill(id);
    const row = page.locator('tbody tr', { hasText: email });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain(partnerName);
    const text = await row.innerText();
    expect(text).not.toContain(partner.id.slice(0, 8));
    expect(text).not.toContain('…');
  });

  test("partner admin manages its own users and sees none of other partners'", async () => {
    const page = await signIn(env, 'admin@meridian.example');
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const emails = await page.locator('tbody tr').allInnerTexts();
    expect(emails.join('\n')).toContain('@meridian.example');
    for (const other of [
      '@northwind.example',
      '@andes.example',
      '@provider.example',
      '@contoso-health.example',
    ])
      expect(emails.join('\n')).not.toContain(other);
    // No partner column or filter: there is only one partner to see.
    await expect(page.getByRole('combobox', { name: 'Partner' }).count()).resolves.toBe(0);
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('northwind');
    await page.getByText('No users').waitFor();

    const id = tag();
    const name = `Meridian Engineer ${id}`;
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(`e2e-${id}@meridian.example`);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByLabel('Initial password').fill('a-long-enough-password');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    // Partner-side roles only, and no partner to choose.
    await expect
      .poll(() => page.getByRole('option').allInnerTexts())
      .toEqual(['Partner administrator', 'Partner engineer', 'Customer viewer']);
    await page.getByRole('option', { name: 'Customer viewer' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Partner' }).count()).resolves.toBe(0);
    // The customer picker finds own customers only.
    const customer = dialog.getByRole('combobox', { name: 'Customer' });
    await customer.fill('Contoso');
    await page.getByRole('listbox', { name: 'Customer' }).getByText('No matches').waitFor();
    await customer.fill('');
    await page.getByRole('listbox', { name: 'Customer' }).getByRole('option').first().waitFor();
    const offered = await page.getByRole('listbox', { name: 'Customer' }).getByRole('option').allInnerTexts();
    expect(offered).toContain('Blue Yonder University');
    expect(offered).not.toContain('Contoso Health');
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Partner engineer' }).click();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });

    const search = page.getByRole('searchbox', { name: 'Search by name or e-mail' });
    await search.fill(id);
    const row = page.locator('tbody tr', { hasText: name });
    await row.waitFor();
    await rowAction(page, name, 'Edit');
    const edit = page.getByRole('dialog', { name: 'Edit user' });
    await edit.getByRole('textbox', { name: 'Name' }).fill(`${name} B`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText()).toContain(`${name} B`);
    await rowAction(page, `${name} B`, 'Deactivate');
    await confirm(page, 'Deactivate?', 'Deactivate');
    await row.waitFor({ state: 'detached' });

    // Another partner's user is not there, even by name.
    await search.fill('Northwind');
    await page.getByText('No users').waitFor();
  });

  test('pickers search the server as one types, page by page, and work from the keyboard', async () => {
    const provider = await token('admin@provider.example');
    const id = tag();
    const partner = await call<{ id: string }>(provider, 'POST', '/partners', {
      name: `Picker Partner ${id}`,
    });
    // More customers than one page of the picker holds (25), all matching one search.
    for (let i = 1; i <= 30; i++) {
      await call(provider, 'POST', `/partners/${partner.id}/customers`, {
        name: `Picker ${id} ${String(i).padStart(2, '0')}`,
        region: 'EMEA',
      });
    }
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/contracts');
    await page.getByRole('button', { name: 'New contract' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contract' });
    const picker = dialog.getByRole('combobox', { name: 'Customer' });
    const listbox = page.getByRole('listbox', { name: 'Customer' });

    // Slow answers show a loading line.
    const customerSearch = (url: URL) => url.pathname === '/api/v1/customers';
    await page.route(customerSearch, async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await picker.fill(`Picker ${id}`);
    await listbox.getByText('Searching…').waitFor();
    await expect.poll(() => listbox.getByRole('option').count()).toBe(26);
    await page.unroute(customerSearch);
    await expect(listbox.getByRole('option').last().innerText()).resolves.toBe('Show more…');
    // The dropdown renders in a portal, beside the dialog.
    await expectAccessible(page, 'customer picker open', '[role="dialog"], .mantine-Popover-dropdown');
    await listbox.getByRole('option', { name: 'Show more…' }).click();
    await expect.poll(() => listbox.getByRole('option').count()).toBe(30);

    // Narrowing down, then the keyboard: the first match is highlighted, Enter chooses it.
    await picker.fill(`Picker ${id} 29`);
    await expect.poll(() => listbox.getByRole('option').allInnerTexts()).toEqual([`Picker ${id} 29`]);
    await picker.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe(`Picker ${id} 29`);
    await expect(listbox.isVisible()).resolves.toBe(false);
    // The choice keeps its name while searching elsewhere and after leaving the field.
    await picker.fill('zz-nothing-like-this');
    await listbox.getByText('No matches').waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => picker.inputValue()).toBe(`Picker ${id} 29`);
    // Arrows move through the results.
    await picker.focus();
    await picker.fill(`Picker ${id} 0`);
    await expect.poll(() => listbox.getByRole('option').count()).toBe(9);
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe(`Picker ${id} 02`);

    // The partner filter of the users list finds the new partner the same way.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/users');
    const filter = page.getByRole('combobox', { name: 'Partner' });
    await filter.fill(`Picker Partner ${id}`);
    await page.getByRole('option', { name: `Picker Partner ${id}` }).click();
    await page.waitForURL((url) => url.searchParams.get('partnerId') === partner.id);
    await page.getByText('No users').waitFor();
    // Opened with the partner in the address, the filter shows its name.
    await page.reload();
    await expect.poll(() => filter.inputValue()).toBe(`Picker Partner ${id}`);
  });

  test('date pickers follow the app language, not the browser', async () => {
    const provider = await token('admin@provider.example');
    const id = tag();
    const email = `e2e-dates-${id}@provider.example`;
    await call(provider, 'POST', '/users', {
      email,
      name: `Dates ${id}`,
      password: 'a-long-enough-password',
      role: 'provider_admin',
    });
    const page = await newSignIn(email, 'a-long-enough-password');
    await page.goto('/contracts');
    await page.getByRole('button', { name: 'New contract' }).click();
    let dialog = page.getByRole('dialog', { name: 'New contract' });
    await dialog.getByRole('textbox', { name: 'Starts on' }).fill('2027-03-05');
    await dialog.getByRole('textbox', { name: 'Starts on' }).click();
    await page.getByRole('button', { name: 'March 2027', exact: true }).waitFor();
    await expect(weekdays(page)).resolves.toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The browser stays British English; the app turns Spanish.
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Español').click();
    await page.getByRole('heading', { name: 'Contratos', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nuevo contrato' }).click();
    dialog = page.getByRole('dialog', { name: 'Nuevo contrato' });
    const starts = dialog.getByRole('textbox', { name: 'Inicio' });
    await starts.fill('5/3/2027');
    await starts.click();
    await page.getByRole('button', { name: 'marzo 2027', exact: true }).waitFor();
    await expect(weekdays(page)).resolves.toEqual(['lu', 'ma', 'mi', 'ju', 'vi', 'sá', 'do']);
    await page.getByRole('button', { name: 'Mes siguiente' }).click();
    await page.getByRole('button', { name: 'abril 2027', exact: true }).waitFor();
    await page.getByRole('button', { name: '14 abril 2027', exact: true }).click();
    await expect.poll(() => starts.inputValue()).toBe('14 abr 2027');
    await screenshot(page, 'directory-date-picker-spanish');
    await dialog.getByRole('textbox', { name: 'Fin' }).click();
    await expectAccessible(page, 'Spanish date picker', '[role="dialog"], .mantine-Popover-dropdown');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
  });
});

/** Signs in an account made by the test (signIn knows the demo password only). */
async function newSignIn(email: string, password: string): Promise<Page> {
  const page = await newPage(env);
  await page.goto('/sign-in');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** The weekday headings of the open calendar, in order. */
async function weekdays(page: Page): Promise<string[]> {
  const cells = page.locator('.mantine-DateInput-weekday');
  await cells.first().waitFor();
  return (await cells.allTextContents()).map((s) => s.trim());
}
