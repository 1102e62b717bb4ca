/**
 * The changes the provider plans from what the product already knows: a COP install, a campaign's
 * upgrade changes and a certificate's renewal change. Each creates real changes (and the campaign
 * needs a release publication, which moves the train every other file reads), so this file runs
 * against its own server with its own demo data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eApi } from '../support/e2e-api.ts';
import { withOwnDemoServer } from '../support/e2e-own-server.ts';
import { screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
withOwnDemoServer(env);
const { token, call } = e2eApi(env);

interface Change {
  id: string;
  reference: string;
  type: string;
  title: string;
  emergency: boolean;
  regions: string[];
  customerCount: number;
  source: { type: string; id: string } | null;
}
interface Campaign {
  id: string;
  target: string;
  customers: {
    customerName: string;
    region: string;
    upgradeChange: { id: string; reference: string } | null;
  }[];
}
interface Certificate {
  id: string;
  subject: string;
  status: string;
  proposal: { problem: string | null } | null;
}

const changeId = (page: Page) => new URL(page.url()).pathname.split('/').pop() ?? '';

describe('changes the provider plans from what it knows', () => {
  test('COP install: the file name is checked as it is typed, the server’s 422 lands on its field, an emergency install opens as its change', async () => {
    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/inventory/cop-requests');
    await page.getByRole('heading', { name: 'COP files', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Plan a COP install' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan a COP install' });
    await dialog.waitFor();

    // Nothing chosen: the form says what is missing, nothing is sent.
    await dialog.getByRole('button', { name: 'Plan the install' }).click();
    await dialog.getByText('Choose at least one customer, partner, region or version.').waitFor();
    const fileName = dialog.getByRole('textbox', { name: 'File name' });
    await expect(fileName.getAttribute('aria-invalid')).resolves.toBe('true');
    // The keyboard lands on the first field in error.
    await expect.poll(() => fileName.evaluate((el) => el === document.activeElement)).toBe(true);

    // A wrong name is named as the box is left, and the message goes as it is corrected.
    await fileName.fill('patch.exe');
    await fileName.press('Tab');
    const nameRule = dialog.getByText('A COP file name ends in .cop, .cop.sgn or .cop.sha512', {
      exact: false,
    });
    await nameRule.waitFor();
    await fileName.fill('ciscocm.e2e-security-fix.k4.cop.sha512');
    await nameRule.waitFor({ state: 'detached' });

    // A version nobody runs reaches no customer: the server's 422 lands on the customers.
    const versions = dialog.getByRole('combobox', { name: 'Customers on these versions' });
    await versions.fill('9.9 SU9');
    await versions.press('Enter');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/cop-installs') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Plan the install' }).click();
    expect((await refused).status()).toBe(422);
    const customers = dialog.getByRole('combobox', { name: 'Customers', exact: true });
    await dialog.getByText('The selection reaches no active customer.').waitFor();
    await expect(customers.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'cop-install-refused');

    // Fixed: a customer, the version dropped (its message goes with the edit), an emergency.
    await versions.press('Backspace');
    await customers.fill('Tailspin');
    await page.getByRole('option', { name: 'Tailspin Airlines (EMEA)' }).click();
    await dialog.getByText('The selection reaches no active customer.').waitFor({ state: 'detached' });
    await dialog.getByRole('checkbox', { name: 'Emergency install' }).check();
    await dialog.getByRole('button', { name: 'Plan the install' }).click();
    await dialog.getByText('Name the emergency:', { exact: false }).waitFor();
    await dialog.getByRole('combobox', { name: 'Emergency reason' }).click();
    await page.getByRole('option', { name: 'Remediate a vulnerability' }).click();
    const posted = page.waitForRequest(
      (r) => r.url().endsWith('/api/v1/cop-installs') && r.method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Plan the install' }).click();
    const body = (await posted).postDataJSON() as Record<string, unknown>;
    expect(body).toMatchObject({
      fileName: 'ciscocm.e2e-security-fix.k4.cop.sha512',
      emergency: true,
      emergencyReason: 'remediate_vulnerability',
      durationMinutes: 60,
    });
    expect(body.versions).toBeUndefined();

    // The created change opens: a COP install flagged emergency, in the viewer's zone.
    await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    await page
      .getByRole('heading', { name: /Install COP file ciscocm\.e2e-security-fix\.k4\.cop\.sha512/, level: 1 })
      .waitFor();
    const provider = await token('admin@provider.example');
    const change = await call<Change>(provider, 'GET', `/changes/${changeId(page)}`);
    expect(change).toMatchObject({ type: 'cop_install', emergency: true, regions: ['EMEA'] });
    await page.getByText('COP install', { exact: true }).first().waitFor();
    await page.getByText('Emergency install', { exact: true }).first().waitFor();
    await page.getByText('Remediate a vulnerability', { exact: true }).waitFor();
    await expect(page.getByTestId('change-window-viewer').innerText()).resolves.toContain('(Europe/Madrid)');
    await page.getByTestId('change-customers').getByRole('link', { name: 'Tailspin Airlines' }).waitFor();
    await screenshot(page, 'cop-install-change');
  });

  test('campaign: the confirmation says how many customers in which regions, the result links the changes, a second run skips the covered', async () => {
    const provider = await token('admin@provider.example');
    const published = await call<{ campaignId: string | null }>(provider, 'POST', '/releases', {
      version: '16.0',
      sus: ['SU1'],
    });
    expect(published.campaignId).toBeTruthy();
    const campaign = await call<Campaign>(provider, 'GET', `/upgrade-campaigns/${published.campaignId}`);
    const regions = [...new Set(campaign.customers.map((c) => c.region))].sort();
    expect(campaign.customers.length).toBeGreaterThan(1);

    const page = await signIn(env, 'admin@provider.example');
    await page.goto(`/inventory/campaigns/${campaign.id}`);
    await page.getByRole('heading', { name: 'Upgrade campaign', level: 1 }).waitFor();
    await page.getByTestId('campaign-customer-change').getByText('Not planned yet').first().waitFor();
    await page.getByRole('button', { name: 'Create upgrade changes' }).click();
    let dialog = page.getByRole('dialog', { name: `Create the upgrade changes to ${campaign.target}?` });
    const summary = dialog.getByTestId('campaign-plan-summary');
    await summary
      .getByText(
        `${campaign.customers.length} customers in ${regions.length} region${regions.length === 1 ? '' : 's'} get an upgrade change to ${campaign.target}`,
        { exact: false },
      )
      .waitFor();
    for (const region of regions) {
      const count = campaign.customers.filter((c) => c.region === region).length;
      await expect(summary.locator(`[data-region="${region}"]`).innerText()).resolves.toMatch(
        new RegExp(`: ${count} customers?$`),
      );
    }
    await screenshot(page, 'campaign-plan-confirm');
    const label = `Create ${regions.length} upgrade change${regions.length === 1 ? '' : 's'}`;
    await dialog.getByRole('button', { name: label }).click();

    // The result: one change per region, each linked; nobody skipped.
    const result = page.getByTestId('campaign-changes-result');
    await result.waitFor();
    // The keyboard goes on from the result (the button that opened the dialog is gone).
    await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => result.getByTestId('campaign-created-change').count()).toBe(regions.length);
    await result.getByText('none was skipped', { exact: false }).waitFor();
    await expect(result.innerText()).resolves.toContain('(Europe/Madrid)');
    const planned = await call<Campaign>(provider, 'GET', `/upgrade-campaigns/${campaign.id}`);
    expect(planned.customers.every((c) => c.upgradeChange !== null)).toBe(true);
    // The table links each customer to its change; the action is gone.
    const first = planned.customers[0];
    await page
      .getByTestId('campaign-customer')
      .filter({ hasText: first?.customerName ?? '' })
      .getByRole('link', { name: first?.upgradeChange?.reference ?? '' })
      .waitFor();
    await expect(page.getByRole('button', { name: 'Create upgrade changes' }).count()).resolves.toBe(0);
    await screenshot(page, 'campaign-plan-result');

    // One region's change is called off: a second run plans that region only, skipping the rest.
    const cancelled = planned.customers[0]?.upgradeChange?.id ?? '';
    const again = planned.customers.filter((c) => c.upgradeChange?.id === cancelled);
    const region = again[0]?.region ?? '';
    await call(provider, 'POST', `/changes/${cancelled}/cancel`, { reason: 'E2E: planned again' });
    await page.reload();
    await page.getByRole('button', { name: 'Create upgrade changes' }).click();
    dialog = page.getByRole('dialog', { name: `Create the upgrade changes to ${campaign.target}?` });
    const skipped = campaign.customers.length - again.length;
    await dialog
      .getByTestId('campaign-plan-covered')
      .getByText(
        `${skipped} customer${skipped === 1 ? ' already has' : 's already have'} an upgrade change`,
        {
          exact: false,
        },
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Create 1 upgrade change' }).click();
    await expect.poll(() => result.getByTestId('campaign-created-change').count()).toBe(1);
    await expect(result.getByTestId('campaign-skipped').innerText()).resolves.toContain(
      'already covered by an upgrade change',
    );
    const link = result.getByTestId('campaign-created-change').getByRole('link');
    await expect(link.innerText()).resolves.toContain(`(${region})`);
    await link.click();
    await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(`Upgrade to .*\\(${region}\\)`), level: 1 }).waitFor();
    const change = await call<Change>(provider, 'GET', `/changes/${changeId(page)}`);
    expect(change).toMatchObject({
      type: 'upgrade',
      source: { type: 'upgrade_campaign', id: campaign.id },
      customerCount: again.length,
    });
  });

  test('certificate: the renewal change is planned after a confirmation and linked; a second one is refused in words', async () => {
    const provider = await token('admin@provider.example');
    const soon = await call<{ items: Certificate[] }>(provider, 'GET', '/certificates?status=soon&limit=200');
    const candidates = soon.items.filter((c) => !c.proposal?.problem);
    expect(candidates.length).toBeGreaterThan(1);
    const [mine, raced] = candidates as [Certificate, Certificate];

    const page = await signIn(env, 'admin@provider.example');
    await page.goto('/inventory/certificates?status=soon');
    await page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
    // Only where a slot can be left: not on expired or overdue certificates.
    await page.goto('/inventory/certificates?status=expired');
    await page.getByTestId('certificate-row').first().waitFor();
    await expect(page.getByRole('button', { name: /^Plan the renewal change of / }).count()).resolves.toBe(0);
    await page.goto('/inventory/certificates?status=soon');
    await page.getByTestId('certificate-row').first().waitFor();

    // By keyboard: the row's button, the dialog's confirmation, then the link to the change.
    await page.getByRole('button', { name: `Plan the renewal change of ${mine.subject}` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: `Plan the renewal change of ${mine.subject}?` });
    // The slot it takes, in the viewer's zone, named.
    await dialog
      .getByTestId('renewal-change-confirmation')
      .getByText(/ → .*\(Europe\/Madrid\)$/)
      .waitFor();
    await screenshot(page, 'renewal-change-confirm');
    await dialog.getByRole('button', { name: 'Plan renewal change' }).press('Enter');
    const done = page.getByRole('dialog', { name: `Renewal change of ${mine.subject} planned` });
    await done.getByTestId('renewal-change-created').waitFor();
    const open = done.getByRole('link', { name: /^Open CHG-\d{6}$/ });
    await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true);
    const reference = (await open.innerText()).replace('Open ', '');
    await page.keyboard.press('Escape');
    await done.waitFor({ state: 'detached' });

    // The row now links to its change instead of offering another.
    const row = page.getByTestId('certificate-row').filter({ hasText: mine.subject });
    await row.getByTestId('renewal-change-link').getByRole('link', { name: reference }).waitFor();
    await expect(
      row.getByRole('button', { name: `Plan the renewal change of ${mine.subject}` }).count(),
    ).resolves.toBe(0);

    // Someone else plans the other certificate's change meanwhile: the 409 is said in words, linked.
    const other = await call<Change>(provider, 'POST', `/certificates/${raced.id}/renewal-change`);
    await page.getByRole('button', { name: `Plan the renewal change of ${raced.subject}` }).click();
    const second = page.getByRole('dialog', { name: `Plan the renewal change of ${raced.subject}?` });
    await second.getByRole('button', { name: 'Plan renewal change' }).click();
    await second
      .getByRole('alert')
      .getByText('already has an open renewal change', { exact: false })
      .waitFor();
    await second
      .getByTestId('renewal-change-existing')
      .getByText(other.reference, { exact: false })
      .waitFor();
    await expect(second.getByRole('button', { name: 'Plan renewal change' }).count()).resolves.toBe(0);
    await screenshot(page, 'renewal-change-conflict');
    await second.getByRole('button', { name: 'Close' }).last().click();

    // The planned change: a certificate renewal for the certificate, opened from the row.
    await row.getByRole('link', { name: reference }).click();
    await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(`${reference} · Renew the`), level: 1 }).waitFor();
    const change = await call<Change>(provider, 'GET', `/changes/${changeId(page)}`);
    expect(change).toMatchObject({
      type: 'certificate_renewal',
      source: { type: 'certificate', id: mine.id },
    });
    await page.getByText('Certificate renewal', { exact: true }).first().waitFor();

    // Its origin leads back to that one certificate, and the filter can be removed.
    await page.getByRole('link', { name: 'Certificate expiry', exact: true }).click();
    await page.waitForURL(/\/inventory\/certificates\?certificateId=/);
    await page.getByTestId('certificate-filter').waitFor();
    await expect.poll(() => page.getByTestId('certificate-row').count()).toBe(1);
    await page.getByTestId('certificate-row').getByText(mine.subject).waitFor();
    await page.getByRole('button', { name: 'Show every certificate' }).click();
    await expect.poll(() => page.getByTestId('certificate-row').count()).toBeGreaterThan(1);
  });
});
