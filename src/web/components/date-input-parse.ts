import type { Locale } from '../api/types.ts';

/**
 * Reads a civil date typed into a date field, in the app's language rather than the browser's:
 * ISO `2027-01-31`, day first `31/1/2027` (as en-GB and es both write it; `-` and `.` work too),
 * or with a month name, `31 Jan 2027`, `31 enero 2027`, `31 de ene. de 2027`. Month names of
 * either language are understood. Returns `YYYY-MM-DD`, or null for anything else, including days
 * that do not exist (`31/2/2027`).
 */
export function parseDateInput(text: string, locale: Locale): string | null {
  const value = text.trim().toLowerCase();
  if (!value) return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return civil(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) return civil(Number(match[3]), Number(match[2]), Number(match[1]));
  // "31 jan 2027", "31 de enero de 2027", "31 ene. 2027", "jan 31, 2027"
  const words = value
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'de' && w !== 'of');
  if (words.length !== 3) return null;
  const [a = '', b = '', year = ''] = words;
  if (!/^\d{4}$/.test(year)) return null;
  const [dayText, monthText] = /^\d{1,2}$/.test(a) ? [a, b] : [b, a];
  if (!/^\d{1,2}$/.test(dayText)) return null;
  const month = monthNumber(monthText, locale);
  return month ? civil(Number(year), month, Number(dayText)) : null;
}

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES' };
const monthNames = new Map<Locale, string[][]>();

/** Long and short month names (lower case, no trailing dot) of a language, January first. */
function namesOf(locale: Locale): string[][] {
  let names = monthNames.get(locale);
  if (!names) {
    const long = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'short', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => {
      const date = new Date(Date.UTC(2001, i, 15));
      return [long.format(date), short.format(date)].map((n) => n.toLowerCase().replace(/\.$/, ''));
    });
    monthNames.set(locale, names);
  }
  return names;
}

function monthNumber(text: string, locale: Locale): number | null {
  const word = text.replace(/\.$/, '');
  // The app's language first, then the other one (a Spanish speaker may type "jan").
  for (const l of [locale, locale === 'en' ? 'es' : 'en'] as Locale[]) {
    const index = namesOf(l).findIndex(
      ([long = '', short = '']) => word === short || (word.length >= 3 && long.startsWith(word)),
    );
    if (index >= 0) return index + 1;
  }
  return null;
}

function civil(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
