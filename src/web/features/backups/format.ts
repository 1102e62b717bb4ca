/**
 * Pure helpers of the backups screen: ages, the promise's problems in words, sizes, queries. No
 * React here.
 */
import type { Locale } from '../../api/types.ts';
import type { BackupSearch } from './search.ts';
import type { ApplicationPromise, CustomerPromise } from './types.ts';

/** The newest good backup must be younger than this (the server's rule: under a day). */
export const FRESH_HOURS = 24;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type AgeUnit = 'minutes' | 'hours' | 'days';

export interface Age {
  count: number;
  unit: AgeUnit;
}

/**
 * How old an instant is, rounded down: minutes below an hour, hours below two days (so "26 h" reads
 * against the 24-hour rule), days after that.
 */
export function ageOf(iso: string, now: number): Age {
  const ms = Math.max(0, now - new Date(iso).getTime());
  if (ms < HOUR) return { count: Math.floor(ms / MINUTE), unit: 'minutes' };
  if (ms < 48 * HOUR) return { count: Math.floor(ms / HOUR), unit: 'hours' };
  return { count: Math.floor(ms / (24 * HOUR)), unit: 'days' };
}

export interface Message {
  key: string;
  params: Record<string, string | number>;
  /** The age the message names, to be put in words by the caller. */
  age?: Age;
}

/** Why an application breaks the promise, in words (translation keys and their values). */
export function problemMessages(app: ApplicationPromise, keepGood: number, now: number): Message[] {
  const out: Message[] = [];
  if (app.problems.includes('too_few_good'))
    out.push(
      app.goodBackups === 0
        ? { key: 'backups.problems.noGood', params: { needed: keepGood } }
        : { key: 'backups.problems.tooFewGood', params: { count: app.goodBackups, needed: keepGood } },
    );
  if (app.problems.includes('stale')) {
    if (app.newestGoodAt)
      out.push({
        key: 'backups.problems.stale',
        params: { hours: FRESH_HOURS },
        age: ageOf(app.newestGoodAt, now),
      });
    // With no good backup at all, "no good backup" above says it already.
    else if (app.goodBackups > 0 || !app.problems.includes('too_few_good'))
      out.push({ key: 'backups.problems.staleNone', params: { hours: FRESH_HOURS } });
  }
  return out;
}

/** Applications of a customer that break the promise. */
export const brokenApplications = (customer: CustomerPromise): number =>
  customer.applications.filter((a) => !a.holds).length;

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES' };
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** "12.4 GB" (decimal units, as backup tools report them); "—" when unknown. */
export function formatBytes(bytes: number | null, locale: Locale): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const text = new Intl.NumberFormat(INTL_LOCALE[locale], {
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
  return `${text} ${UNITS[unit]}`;
}

/** The promise report's query for the page's search (only what the API takes). */
export function promiseQuery(search: BackupSearch) {
  return {
    customerId: search.customerId,
    partnerId: search.partnerId,
    holds: search.broken ? false : undefined,
  };
}
