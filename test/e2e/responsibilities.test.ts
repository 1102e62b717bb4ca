import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

const owners = (page: Page) =>
  page.getByTestId('responsibility').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-owner')));
const areaSections = (page: Page) =>
  page
    .locator('section[data-testid^="area-"]')
    .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-testid')));
const searchParams = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

describe('responsibilities matrix', () => {
  test('from the triage guide to the support area, then filtered by owner and by text (English)', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto('/cases/triage');
    await page.getByRole('heading', { name: 'Triage guide', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Who is responsible?' }).click();

    await page.waitForURL(/\/responsibilities\?area=support$/);
    await page.getByRole('heading', { name: 'Responsibilities', level: 1 }).waitFor();
    await page.getByTestId('responsibility').first().waitFor();
    await expect.poll(() => areaSections(page)).toEqual(['area-support']);
    await expect(page.getByRole('combobox', { name: 'Area' }).inputValue()).resolves.toBe(
      'Technical support',
    );
    await page.getByRole('heading', { name: 'Setting the case severity', level: 3 }).waitFor();
    const supportOwners = await owners(page);
    expect(new Set(supportOwners)).toEqual(new Set(['partner', 'provider', 'joint']));
    await screenshot(page, 'responsibilities-support');

    // Only the provider's, still in the support area; the URL keeps both filters.
    await page.getByRole('radiogroup', { name: 'Owner' }).getByText('Provider', { exact: true }).click();
    await expect.poll(() => searchParams(page)).toEqual({ area: 'support', owner: 'provider' });
    await expect.poll(async () => new Set(await owners(page))).toEqual(new Set(['provider']));
    await page.getByText(/^\d+ of \d+ responsibilities$/).waitFor();
    const count = await page.getByTestId('responsibility').count();
    expect(count).toBe(supportOwners.filter((o) => o === 'provider').length);

    // Another area from the list: the provider's backups.
    await page.getByRole('combobox', { name: 'Area' }).click();
    await page.getByRole('option', { name: 'Backups' }).click();
    await expect.poll(() => searchParams(page)).toEqual({ area: 'backups', owner: 'provider' });
    await page.getByRole('heading', { name: 'Nightly backups of every UC application' }).waitFor();
    await expect.poll(() => areaSections(page)).toEqual(['area-backups']);

    // Every area again, joint only.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => searchParams(page)).toEqual({});
    await page.getByRole('radiogroup', { name: 'Owner' }).getByText('Joint', { exact: true }).click();
    await expect.poll(async () => new Set(await owners(page))).toEqual(new Set(['joint']));
    await page
      .getByRole('heading', { name: 'Enhanced survivability node on the customer premises' })
      .waitFor();
    await expect
      .poll(() => areaSections(page))
      .toEqual(expect.arrayContaining(['area-survivability', 'area-capacity', 'area-changes']));

    // Text search, accent- and case-insensitive, kept in the URL.
    await page.getByRole('radiogroup', { name: 'Owner' }).getByText('All', { exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search responsibilities' }).fill('sftp');
    await expect.poll(() => searchParams(page)).toEqual({ q: 'sftp' });
    await page
      .getByRole('heading', { name: 'Uploading the requested COP file to the SFTP server' })
      .waitFor();
    const cop = page.locator('[data-id="provider-cop-upload"]');
    await cop.getByText('Provider', { exact: true }).waitFor();
    await expect.poll(() => areaSections(page)).toEqual(['area-patches']);
    await screenshot(page, 'responsibilities-search');

    // A deep link with an unknown area shows everything rather than failing.
    await page.goto('/responsibilities?area=coffee&owner=nobody');
    await page.getByRole('heading', { name: 'Responsibilities', level: 1 }).waitFor();
    await page.getByTestId('responsibility').first().waitFor();
    await expect.poll(async () => (await areaSections(page)).length).toBeGreaterThan(10);
  });

  test('in Spanish: the guide’s words, the owner filter, and the link from the outages page', async () => {
    const page = await signIn(env, 'admin@andes.example');
    await page.goto('/responsibilities?area=survivability');
    await page.getByRole('heading', { name: 'Responsabilidades', level: 1 }).waitFor();
    const node = page.locator('[data-id="joint-survivability-node"]');
    await node
      .getByRole('heading', { name: 'Nodo de supervivencia mejorado en las instalaciones del cliente' })
      .waitFor();
    await node.getByText('Conjunta', { exact: true }).waitFor();
    await node.getByText('responsabilidad conjunta', { exact: false }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Área' }).inputValue()).resolves.toBe(
      'Nodo de supervivencia mejorado',
    );

    // The survivability node is only joint: the partner filter finds nothing.
    await page.getByRole('radiogroup', { name: 'Responsable' }).getByText('Socio', { exact: true }).click();
    await page.getByText('Ninguna responsabilidad coincide').waitFor();
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await expect.poll(() => searchParams(page)).toEqual({});

    // The partner's rows, across areas, in Spanish.
    await page.getByRole('radiogroup', { name: 'Responsable' }).getByText('Socio', { exact: true }).click();
    await expect.poll(async () => new Set(await owners(page))).toEqual(new Set(['partner']));
    await page.getByRole('heading', { name: 'Instalar el archivo COP cargado' }).waitFor();
    await page.getByRole('heading', { name: 'Software o hardware de terceros', level: 2 }).waitFor();
    await page.getByText(/^\d+ de \d+ responsabilidades$/).waitFor();
    await screenshot(page, 'responsibilities-es-partner');

    // Accent-insensitive search in Spanish.
    await page.getByRole('radiogroup', { name: 'Responsable' }).getByText('Todas', { exact: true }).click();
    await page.getByRole('searchbox', { name: 'Buscar responsabilidades' }).fill('recuperacion');
    await page.getByRole('heading', { name: 'Recuperación ante desastres', level: 2 }).waitFor();

    // Outages link to the notifications area.
    await page.goto('/outages');
    await page.getByRole('heading', { name: 'Interrupciones', level: 1 }).waitFor();
    await page.getByRole('link', { name: '¿Quién es responsable?' }).click();
    await page.waitForURL(/\/responsibilities\?area=notifications$/);
    await expect.poll(() => areaSections(page)).toEqual(['area-notifications']);
    await page
      .getByRole('heading', { name: 'Información de contacto precisa e inscripción a las alertas' })
      .waitFor();
  });

  test('the navigation leads there, in both languages', async () => {
    const page = await signIn(env, 'viewer@contoso-health.example');
    await page.locator('nav.mantine-AppShell-navbar').getByRole('link', { name: 'Responsibilities' }).click();
    await page.waitForURL(/\/responsibilities$/);
    await page.getByRole('heading', { name: 'Responsibilities', level: 1 }).waitFor();
    await page.getByTestId('responsibility').first().waitFor();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Español').click();
    await page.getByRole('heading', { name: 'Responsabilidades', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Copias de seguridad', level: 2 }).waitFor();
    await page
      .getByRole('heading', { name: 'Copias de seguridad nocturnas de todas las aplicaciones UC' })
      .waitFor();
    // Back to English for the other tests.
    await page.getByRole('radiogroup', { name: 'Idioma' }).getByText('English').click();
    await page.getByRole('heading', { name: 'Responsibilities', level: 1 }).waitFor();
  });
});
