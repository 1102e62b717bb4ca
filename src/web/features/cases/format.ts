import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { Locale } from '../../api/types.ts';
import type { Case, ExplainedInstant, ResponseTarget } from './types.ts';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES' };

/** The current time, refreshed every `intervalMs` (a countdown re-renders with it). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "2 d 4 h", "3 h 05 min", "12 min" — and "12 min 05 s" below an hour when `seconds` is set. */
export function formatDuration(ms: number, seconds = false): string {
  const totalSeconds = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const mins = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(mins).padStart(2, '0')} min`;
  if (seconds) return `${mins} min ${String(secs).padStart(2, '0')} s`;
  return `${Math.max(mins, totalSeconds > 0 ? 1 : 0)} min`;
}

export type DueState =
  | { kind: 'met' | 'missed'; at: string }
  | { kind: 'due' | 'overdue'; ms: number }
  | { kind: 'none' };

/** Where a case stands against its response due time at `now`. */
export function dueState(
  c: Pick<Case, 'acknowledgedAt' | 'responseMet' | 'responseDueAt'>,
  now: number,
): DueState {
  if (c.acknowledgedAt) {
    const met = c.responseMet ?? new Date(c.acknowledgedAt) <= new Date(c.responseDueAt);
    return { kind: met ? 'met' : 'missed', at: c.acknowledgedAt };
  }
  const ms = new Date(c.responseDueAt).getTime() - now;
  if (Number.isNaN(ms)) return { kind: 'none' };
  return ms >= 0 ? { kind: 'due', ms } : { kind: 'overdue', ms: -ms };
}

/** "Response within 15 minutes (24×7)" / "Response within 1 business day". */
export function targetText(target: ResponseTarget | undefined, t: TFunction): string {
  if (!target) return '';
  if ('minutes' in target) {
    return target.minutes % 60 === 0
      ? t('cases.targetHours', { count: target.minutes / 60 })
      : t('cases.targetMinutes', { count: target.minutes });
  }
  return t('cases.targetBusinessDays', { count: target.businessDays });
}

export function toIso(value: ExplainedInstant): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** "16:05" on the wall clock of a zone. */
export function formatClock(value: ExplainedInstant, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
}

/** "Tuesday 24 Nov 2026" for a civil date (YYYY-MM-DD). */
export function formatDay(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "Tue 24 Nov, 21:00" on the wall clock of a zone. */
export function formatShortInstant(value: ExplainedInstant, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
}

/** "UTC+01:00" */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "2026-05" → "May 2026" */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    month: 'short',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "2 MB", "512 kB", "80 B" */
export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} kB`;
  return `${size} B`;
}
