import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };

export const LOCALES: readonly Locale[] = ['en', 'es'];
const STORAGE_KEY = 'diops.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}

/** Before sign-in: the last language chosen on this device, else the browser's. */
function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage unavailable
  }
}

export async function applyLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

const lng = initialLocale();
document.documentElement.lang = lng;

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const i18n = i18next;
