/** Calendar wording that depends on the language only (no zone arithmetic: civil dates are UTC here). */
import type { Locale } from '../../api/types.ts';
import type { CalendarView } from './layout.ts';
import { addDays, weekDays } from './layout.ts';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES' };

function utc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "March 2026" / "Marzo de 2026"; "23–29 Mar 2026" / "23–29 mar 2026". */
export function periodTitle(view: CalendarView, date: string, locale: Locale): string {
  if (view === 'month') {
    return upperFirst(
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        timeZone: 'UTC',
        month: 'long',
        year: 'numeric',
      }).format(utc(date)),
    );
  }
  const days = weekDays(date);
  const format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return format.formatRange(utc(days[0] ?? date), utc(days[6] ?? addDays(date, 6)));
}

/** "Mon 23 Mar" / "lun 23 mar": a week column's heading. */
export function dayHeading(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(utc(date));
}

/** "Monday 23 March 2026": a day in full, for screen readers. */
export function dayInFull(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(utc(date));
}

/** The weekday names Monday first, short and long: the month table's column headings. */
export function weekdayNames(locale: Locale): { short: string; long: string }[] {
  // 2024-01-01 was a Monday.
  return weekDays('2024-01-01').map((date) => ({
    short: upperFirst(
      new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', weekday: 'short' }).format(utc(date)),
    ),
    long: upperFirst(
      new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', weekday: 'long' }).format(utc(date)),
    ),
  }));
}
