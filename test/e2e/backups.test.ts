import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eApi } from '../support/e2e-api.ts';
import { navLabels, screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();
const { login, call } = e2eApi(env);
/** Marks what this file creates, so it never reads or changes anyone else's data. */
const tag = `e2e${Date.now().toString(36)}`;
/** The demo TAC engineer works on New York time (the browser runs in Madrid: the user's zone wins). */
const ZONE = 'America/New_York';
const HOUR = 3_600_000;

/** A Northwind customer made for this file, with one application per name (on n, so it is accepted). */
async function customerWithApplications(name: string, applications: string[]) {
  const partner = await login('admin@northwind.example');
  const customer = await call<{ id: string }>(
    partner.token,
    'POST',
    `/partners/${partner.partnerId}/customers`,
    {
      name,
      region: 'AMER',
    },
  );
  const provider = await login('admin@provider.example');
  const releases = await call<{ active: { train: { n: { version: string; sus: string[] } } } }>(
    provider.token,
    'GET',
    '/releases',
  );
  const n = releases.active.train.n;
  const ids: string[] = [];
  for (const [i, app] of applications.entries()) {
    const made = await call<{ id: string }>(provider.token, 'POST', '/applications', {
      customerId: customer.id,
      kind: 'cucm',
      name: app,
      version: `${n.version} ${n.sus.at(-1)}`,
      nodes: [
        { hostname: `pub${i}-${tag}.backup.example`, role: 'publisher', dataCentre: 'NYC1' },
        { hostname: `sub${i}-${tag}.backup.example`, role: 'subscriber', dataCentre: 'DAL1' },
      ],
      primaryDataCentre: 'NYC1',
      failoverDataCentre: 'DAL1',
    });
    ids.push(made.id);
  }
  return { id: customer.id, applications: ids };
}

const made = {
  broken: { id: '', applications: [] as string[] },
  holding: { id: '', applications: [] as string[] },
};
const brokenName = `Backups ${tag} Broken`;
const holdingName = `Backups ${tag} Holding`;
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();

describe('backups', () => {
  beforeAll(async () => {
    made.broken = await customerWithApplications(brokenName, [`CUCM-${tag}-OK`, `CUCM-${tag}-LATE`]);
    made.holding = await customerWithApplications(holdingName, [`CUCM-${tag}-FINE`]);
    const [ok, late] = made.broken.applications;
    const [fine] = made.holding.applications;
    const { token } = await login('admin@provider.example');
    // One good backup a night for OK and FINE; LATE has two good ones, the newest 26 h old, and
    // last night's run failed: too few good backups, and the newest good one is stale. Runs are
    // exactly 24 h apart: a run before local noon belongs to the previous night, so runs closer
    // than a day could share a night at some times of day.
    const result = await call<{ recorded: number }>(token, 'POST', '/backups', {
      records: [
        ...[2, 26, 50].map((h) => ({
          applicationId: ok,
          takenAt: at(h),
          ok: true,
          sizeBytes: 12_400_000_000,
        })),
        ...[2, 26, 50].map((h) => ({ applicationId: fine, takenAt: at(h), ok: true })),
        { applicationId: late, takenAt: at(2), ok: false },
        { applicationId: late, takenAt: at(26), ok: true },
        { applicationId: late, takenAt: at(50), ok: true },
      ],
    });
    expect(result.recorded).toBe(9);
  });

  afterAll(async () => {
    const { token } = await login('admin@provider.example');
    for (const customer of [made.broken, made.holding]) {
      for (const id of customer.applications)
        await fetch(`${env.baseUrl}/api/v1/applications/${id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${token}` },
        });
      if (customer.id)
        await fetch(`${env.baseUrl}/api/v1/customers/${customer.id}/deactivate`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
    }
  });

  test('the provider sees the promise per customer, broken ones explained in words, then recent backups and the purge log', async () => {
    const page = await signIn(env, 'tac@provider.example');
    await expect.poll(() => navLabels(page)).toContain('Backups');
    // Backups sit in the navigation's "Service inventory" group, closed while on the customers page.
    await page.getByRole('button', { name: 'Service inventory' }).click();
    await page.getByRole('link', { name: 'Backups', exact: true }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    await page.getByTestId('responsibility-link-backups').waitFor();
    await page.getByRole('tab', { name: 'Backup promise', selected: true }).waitFor();

    // Broken promises only: the broken customer stays, the holding one goes; both in the URL.
    await page.goto(`/inventory/backups?customerId=${made.broken.id}`);
    const broken = page.locator(`[data-testid="promise-customer"][data-customer="${brokenName}"]`);
    await broken.waitFor();
    await expect(broken.getAttribute('data-holds')).resolves.toBe('false');
    await broken.getByText('Promise broken').waitFor();
    await broken.getByText('1 of 2 applications breaks it').waitFor();
    await page.getByRole('checkbox', { name: 'Broken promises only' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('broken')).toBe('true');
    await broken.waitFor();

    // Expanded: each application, its good backups, the newest good one (relative and absolute,
    // in the viewer's zone) and the problems in words.
    await broken.getByRole('button', { name: new RegExp(brokenName) }).click();
    const late = broken.locator(`[data-testid="promise-application"][data-name="CUCM-${tag}-LATE"]`);
    await late.waitFor();
    await expect(late.getAttribute('data-holds')).resolves.toBe('false');
    await expect(late.getByTestId('good-backups').innerText()).resolves.toBe('2 (3 needed)');
    await expect(late.getByTestId('promise-problems').getByRole('listitem').allInnerTexts()).resolves.toEqual(
      ['Only 2 good backups (3 needed)', 'Newest good backup is 26 h old (must be under 24 h)'],
    );
    await late.getByText('26 h ago').waitFor();
    await late.getByText('Failed').waitFor();
    const ok = broken.locator(`[data-testid="promise-application"][data-name="CUCM-${tag}-OK"]`);
    await expect(ok.getAttribute('data-holds')).resolves.toBe('true');
    await expect(ok.getByTestId('good-backups').innerText()).resolves.toBe('3 (3 needed)');
    await ok.getByText('2 h ago').first().waitFor();
    await ok.getByText(`(${ZONE})`).first().waitFor();
    await screenshot(page, 'backups-promise');

    await page.goto(`/inventory/backups?customerId=${made.holding.id}`);
    const holding = page.locator(`[data-testid="promise-customer"][data-customer="${holdingName}"]`);
    await holding.getByText('Promise holds').waitFor();
    await holding.getByText('Its application holds').waitFor();
    await page.getByRole('checkbox', { name: 'Broken promises only' }).check();
    await page.getByText('No broken promise', { exact: false }).waitFor();

    // From a customer to its recent backups, newest first.
    await page.goto(`/inventory/backups?customerId=${made.broken.id}`);
    await broken.getByRole('button', { name: new RegExp(brokenName) }).click();
    await page.getByRole('button', { name: `Recent backups of ${brokenName}` }).click();
    await page.getByRole('tab', { name: 'Recent backups', selected: true }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('backups');
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(6);
    const rows = page.getByTestId('backup-row');
    await expect(rows.first().innerText()).resolves.toContain('2 h ago');
    await expect(page.locator('[data-testid="backup-row"][data-ok="false"]').count()).resolves.toBe(1);
    await page.getByText('12.4 GB').first().waitFor();
    await screenshot(page, 'backups-recent');

    await page.getByRole('tab', { name: 'Purge log' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('purges');
    await page.getByText('Nothing purged yet').waitFor();
    await page.getByText('keeps the 3 newest good backups', { exact: false }).waitFor();
  });

  test('partners cannot reach backups: no menu entry, a clear explanation, and 403 from the API', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    expect(await navLabels(page)).not.toContain('Backups');
    await page.goto('/inventory/backups');
    const forbidden = page.getByTestId('backups-forbidden');
    await forbidden.getByText("Backups are the provider's").waitFor();
    await forbidden
      .getByText('partners and customers have no access to backup records', { exact: false })
      .waitFor();
    await expect(page.getByTestId('promise-customer').count()).resolves.toBe(0);
    const { token } = await login('engineer@northwind.example');
    const res = await fetch(`${env.baseUrl}/api/v1/reports/backup-promise`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);

    // In Spanish too.
    const andes = await signIn(env, 'admin@andes.example');
    expect(await navLabels(andes)).not.toContain('Copias de seguridad');
    await andes.goto('/inventory/backups');
    await andes.getByRole('heading', { name: 'Copias de seguridad', level: 1 }).waitFor();
    await andes.getByText('Las copias de seguridad son del proveedor').waitFor();
  });
});
