import type { DatesProviderSettings, DayOfWeek } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/es';
import type { Locale } from '../api/types.ts';

/** The calendars' language follows the app's (en is British English throughout), not the browser's. */
const DAYJS_LOCALE: Record<Locale, string> = { en: 'en-gb', es: 'es' };

/** Month and day names, and the first day of the week, of the app's language for every date picker. */
export function datesSettings(locale: Locale): DatesProviderSettings {
  const code = DAYJS_LOCALE[locale];
  // dayjs keeps it in the locale data (en-gb and es: Monday), though its typings leave it out.
  const weekStart = ((dayjs.Ls[code] as { weekStart?: number } | undefined)?.weekStart ?? 0) as DayOfWeek;
  return { locale: code, firstDayOfWeek: weekStart, weekendDays: [0, 6] };
}
