/**
 * Pure helpers of the certificates screen: status colours, the expiry timeline's buckets and
 * geometry, the renewal slot in the viewer's zone. No React here.
 */
import type { Locale } from '../../api/types.ts';
import { formatInstant } from '../../components/time.ts';
import type { CertificateSearch } from './search.ts';
import { CERTIFICATE_STATUSES, type Certificate, type CertificateStatus } from './types.ts';

/** Mantine colour of each status badge: expired red, overdue orange, due yellow, soon blue, ok green. */
export const STATUS_COLOR: Record<CertificateStatus, 'red' | 'orange' | 'yellow' | 'blue' | 'green'> = {
  expired: 'red',
  overdue: 'orange',
  due: 'yellow',
  soon: 'blue',
  ok: 'green',
};

/** Dark text shades for the light badges, so each keeps at least 4.5:1 contrast. */
export const STATUS_TEXT: Record<CertificateStatus, string> = {
  expired: '#9b1c1c',
  overdue: '#8f3108',
  due: '#5c4000',
  soon: '#1a4d80',
  ok: '#1e5c2b',
};

/** Chart fills with at least 3:1 contrast against white (WCAG non-text contrast), apart in lightness too. */
export const STATUS_FILL: Record<CertificateStatus, string> = {
  expired: '#a51d2d',
  overdue: '#e8590c',
  due: '#9a7400',
  soon: '#1c6fc4',
  ok: '#2b8a3e',
};

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** The timeline looks 13 weeks (91 days) ahead, after a column of the certificates already expired. */
export const TIMELINE_WEEKS = 13;

export type StatusCounts = Record<CertificateStatus, number>;

export const emptyCounts = (): StatusCounts => ({ expired: 0, overdue: 0, due: 0, soon: 0, ok: 0 });

export const totalOf = (counts: StatusCounts): number =>
  CERTIFICATE_STATUSES.reduce((sum, status) => sum + counts[status], 0);

export interface TimelineBucket {
  /** 'expired', or 'week-N' (N from 0: the 7 days from now). */
  key: string;
  /** Start of the week (epoch ms); null for the expired column. */
  start: number | null;
  /** End of the week (epoch ms, inclusive); null for the expired column. */
  end: number | null;
  counts: StatusCounts;
  total: number;
}

export interface Timeline {
  now: number;
  /** The expired column, then one bucket per week. */
  buckets: TimelineBucket[];
  /** Certificates expiring after the last week (left off the chart). */
  later: number;
  /** Certificates per status over the chart (the later ones left out). */
  totals: StatusCounts;
}

/**
 * Places certificates on the time axis: the expired ones in the first column, the rest in the week
 * (7 days from `now`) they expire in. The colour is the status the server gave (it owns the ranges);
 * a certificate the server still calls current that expired since lands in the first week.
 */
export function timelineOf(
  certificates: readonly Certificate[],
  now: number,
  weeks = TIMELINE_WEEKS,
): Timeline {
  const buckets: TimelineBucket[] = [
    { key: 'expired', start: null, end: null, counts: emptyCounts(), total: 0 },
    ...Array.from({ length: weeks }, (_, i) => ({
      key: `week-${i}`,
      start: now + i * WEEK_MS,
      end: now + (i + 1) * WEEK_MS,
      counts: emptyCounts(),
      total: 0,
    })),
  ];
  const totals = emptyCounts();
  let later = 0;
  for (const certificate of certificates) {
    const expires = new Date(certificate.expiresAt).getTime();
    let bucket: TimelineBucket | undefined;
    if (certificate.status === 'expired') bucket = buckets[0];
    else {
      const week = Math.max(0, Math.ceil((expires - now) / WEEK_MS) - 1);
      bucket = week < weeks ? buckets[week + 1] : undefined;
    }
    if (!bucket) {
      later++;
      continue;
    }
    bucket.counts[certificate.status]++;
    bucket.total++;
    totals[certificate.status]++;
  }
  return { now, buckets, later, totals };
}

/** A round upper bound for the count axis: 1, 2, 5, 10, 20, 50 … at least `max`. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface StackSegment {
  status: CertificateStatus;
  count: number;
  /** Distance from the baseline to the segment's bottom, and its height, in the chart's units. */
  y: number;
  height: number;
}

/** One column: a segment per status with certificates, stacked from the baseline, most urgent at the bottom. */
export function stackColumn(counts: StatusCounts, scaleMax: number, height: number): StackSegment[] {
  const segments: StackSegment[] = [];
  let y = 0;
  for (const status of CERTIFICATE_STATUSES) {
    const count = counts[status];
    if (count === 0) continue;
    const h = (count / scaleMax) * height;
    segments.push({ status, count, y, height: h });
    y += h;
  }
  return segments;
}

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES' };

/** "24 Nov": a day of the timeline's axis in the viewer's zone. */
export function formatDay(epochMs: number, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: zone, day: 'numeric', month: 'short' })
    .format(new Date(epochMs))
    .replace('.', '');
}

/** "24 Nov – 30 Nov": a week of the timeline (its last day is the day before the next one starts). */
export function formatWeek(bucket: TimelineBucket, zone: string, locale: Locale): string {
  if (bucket.start === null || bucket.end === null) return '';
  return `${formatDay(bucket.start, zone, locale)} – ${formatDay(bucket.end - 1, zone, locale)}`;
}

/**
 * "27 Nov 2026, 22:00–23:00 (Europe/Madrid)": a renewal slot in the viewer's zone, the zone named;
 * a slot across midnight names both days.
 */
export function formatSlot(start: string, end: string, zone: string, locale: Locale): string {
  const from = formatInstant(start, zone, locale);
  const to = formatInstant(end, zone, locale);
  const suffix = ` (${zone})`;
  const fromText = from.slice(0, -suffix.length);
  const toText = to.slice(0, -suffix.length);
  const [fromDay, fromTime] = splitDayTime(fromText);
  const [toDay, toTime] = splitDayTime(toText);
  if (fromDay === toDay && fromTime && toTime) return `${fromDay}, ${fromTime}–${toTime}${suffix}`;
  return `${fromText} – ${toText}${suffix}`;
}

function splitDayTime(text: string): [string, string] {
  const at = text.lastIndexOf(', ');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 2)];
}

/** Days from `now` to an instant, to the nearest whole day (negative once it is past). */
export function daysUntil(iso: string, now: number): number {
  const diff = new Date(iso).getTime() - now;
  const days = Math.round(Math.abs(diff) / DAY_MS);
  return diff < 0 ? -days : days;
}

/** The list query for the page's search (only what the API takes). */
export function certificatesQuery(search: CertificateSearch) {
  return {
    status: search.status,
    customerId: search.customerId,
    applicationId: search.applicationId,
    certificateId: search.certificateId,
  };
}

export const hasFilters = (search: CertificateSearch): boolean => Object.keys(search).length > 0;

// ── Errors ────────────────────────────────────────────────────────────────────────────────────

export interface ProblemError {
  code: string;
  path?: string;
  message: string;
}

export interface SplitErrors {
  /** First error per form field. */
  byField: Record<string, ProblemError>;
  /** Errors naming no field of the form: shown above it. */
  unmatched: ProblemError[];
}

/** Sorts a problem's `errors` onto the form's fields ('/expiresAt' and 'expiresAt' are the same field). */
export function splitErrors(errors: readonly ProblemError[], fields: readonly string[]): SplitErrors {
  const byField: Record<string, ProblemError> = {};
  const unmatched: ProblemError[] = [];
  for (const error of errors) {
    const path = (error.path ?? '').replace(/^\/+/, '').replaceAll('/', '.');
    if (fields.includes(path)) byField[path] ??= error;
    else unmatched.push(error);
  }
  return { byField, unmatched };
}

export type Translate = (key: string, options: Record<string, string>) => string;

/** An error for people: translated by its code (`certificates.errors.*`), else the server's message. */
export const errorText = (error: ProblemError, t: Translate): string =>
  t(`certificates.errors.${error.code}`, { defaultValue: error.message });
