import { describe, expect, test } from 'vitest';
import { navLabels, setupBrowser, signIn } from './support.ts';

const env = setupBrowser();

describe('language', () => {
  test('switching to Spanish translates the app and is kept on the profile', async () => {
    const page = await signIn(env, 'tac@provider.example');
    expect(await navLabels(page)).toContain('Partners');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Español').click();
    await expect
      .poll(() => navLabels(page))
      .toEqual([
        'Clientes',
        'Socios',
        'Usuarios',
        'Contratos',
        'Instancias',
        'Cumplimiento de versiones',
        'Versiones',
        'Certificados',
        'Capacidad',
        'Copias de seguridad',
        'Archivos COP',
        'Casos de soporte',
        'Cumplimiento',
        'Interrupciones',
        'Recuperación ante desastres',
        'Actividad de red',
        'Cambios',
        'Solicitudes de reprogramación',
        'Calendario',
        'Solicitudes de cambio',
        'Tareas de seguimiento',
        'Fuentes de calendario',
        'Suscripciones',
        'Registro de entregas',
        'Buzón',
        'Registro de auditoría',
        'Responsabilidades',
        'Perfil',
      ]);
    await page.getByRole('heading', { name: 'Clientes', level: 1 }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    // The group headings are translated too.
    const groups = page.locator('nav.mantine-AppShell-navbar [data-nav-group]');
    await expect
      .poll(() => groups.allInnerTexts())
      .toEqual([
        'Directorio',
        'Inventario del servicio',
        'Operaciones',
        'Gestión del cambio',
        'Notificaciones',
      ]);

    // Kept per user: a reload, and a fresh browser context, come back in Spanish.
    await page.waitForTimeout(300);
    await page.reload();
    await expect.poll(() => navLabels(page)).toContain('Socios');
    const other = await signIn(env, 'tac@provider.example');
    await expect.poll(() => navLabels(other)).toContain('Socios');
    await other.goto('/profile');
    await other.getByRole('heading', { name: 'Perfil', level: 1 }).waitFor();
    await other.getByRole('heading', { name: 'Idioma y zona horaria' }).waitFor();

    // Back to English for the other tests.
    await other.getByRole('radiogroup', { name: 'Idioma' }).getByText('English').click();
    await expect.poll(() => navLabels(other)).toContain('Partners');
  });

  test('a Spanish-speaking partner admin signs in to Spanish', async () => {
    const page = await signIn(env, 'admin@andes.example');
    await expect
      .poll(() => navLabels(page))
      .toEqual([
        'Clientes',
        'Usuarios',
        'Contratos',
        'Instancias',
        'Cumplimiento de versiones',
        'Versiones',
        'Certificados',
        'Capacidad',
        'Archivos COP',
        'Casos de soporte',
        'Cumplimiento',
        'Interrupciones',
        'Recuperación ante desastres',
        'Actividad de red',
        'Cambios',
        'Solicitudes de reprogramación',
        'Calendario',
        'Solicitudes de cambio',
        'Tareas de seguimiento',
        'Fuentes de calendario',
        'Suscripciones',
        'Registro de entregas',
        'Buzón',
        'Registro de auditoría',
        'Responsabilidades',
        'Perfil',
      ]);
    await page.getByRole('columnheader', { name: 'Región' }).waitFor();
  });

  test('times are shown in the user zone, with the zone named', async () => {
    const page = await signIn(env, 'engineer@northwind.example');
    await page.goto('/profile');
    const zoneInput = page.getByRole('combobox', { name: 'Time zone' });
    await zoneInput.fill('America/New_Yo');
    await page.getByRole('option', { name: 'America/New_York' }).click();
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page
      .getByText(/\(America\/New_York\)/)
      .first()
      .waitFor();
    await page.goto('/users');
    await page.locator('time').filter({ hasText: '(America/New_York)' }).first().waitFor();
  });
});
