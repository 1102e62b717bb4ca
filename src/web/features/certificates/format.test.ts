import { describe, expect, test } from 'vitest';
import {
  DAY_MS,
  daysUntil,
  errorText,
  formatSlot,
  formatWeek,
  niceMax,
  STATUS_COLOR,
  STATUS_FILL,
  splitErrors,
  stackColumn,
  type Translate,
  timelineOf,
  WEEK_MS,
} from './format.ts';
import { parseCertificateSearch } from './search.ts';
import { CERTIFICATE_STATUSES, type Certificate, type CertificateStatus } from './types.ts';

const NOW = Date.UTC(2026, 10, 24, 12, 0); // Tue 24 Nov 2026, 12:00 UTC

function cert(status: CertificateStatus, expiresAt: number, id = `${status}-${expiresAt}`): Certificate {
  return {
    id,
    partnerId: 'p',
    customerId: 'c',
    customerName: 'Contoso Health',
    applicationId: 'a',
    applicationName: 'CUCM-1',
    kind: 'tomcat',
    subject: 'cucm-pub.contoso.example',
    expiresAt: new Date(expiresAt).toISOString(),
    status,
    proposal: null,
    renewedAt: null,
  };
}

/** Relative luminance and contrast ratio (WCAG 2). */
function contrast(hex: string, other = '#ffffff'): number {
  const lum = (h: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(hex), lum(other)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

describe('status colours', () => {
  test('every status has its own colour, and chart fills keep 3:1 against white', () => {
    expect(new Set(Object.values(STATUS_COLOR)).size).toBe(CERTIFICATE_STATUSES.length);
    expect(new Set(Object.values(STATUS_FILL)).size).toBe(CERTIFICATE_STATUSES.length);
    for (const status of CERTIFICATE_STATUSES)
      expect(contrast(STATUS_FILL[status])).toBeGreaterThanOrEqual(3);
  });
});

describe('timelineOf', () => {
  test('expired certificates go to the first column, the rest to the week they expire in', () => {
    const timeline = timelineOf(
      [
        cert('expired', NOW - 400 * DAY_MS),
        cert('expired', NOW - 1),
        cert('overdue', NOW + 2 * DAY_MS),
        cert('due', NOW + 5 * DAY_MS),
        cert('due', NOW + 7 * DAY_MS), // the end of the first week belongs to it
        cert('soon', NOW + 7 * DAY_MS + 1),
        cert('soon', NOW + 29 * DAY_MS),
        cert('ok', NOW + 90 * DAY_MS),
        cert('ok', NOW + 92 * DAY_MS), // past the 13th week: off the chart
      ],
      NOW,
    );
    expect(timeline.buckets).toHaveLength(14);
    const [expired, week0, week1, , , week4] = timeline.buckets;
    expect(expired?.counts).toEqual({ expired: 2, overdue: 0, due: 0, soon: 0, ok: 0 });
    expect(expired?.start).toBeNull();
    expect(week0?.counts).toEqual({ expired: 0, overdue: 1, due: 2, soon: 0, ok: 0 });
    expect(week0?.start).toBe(NOW);
    expect(week0?.end).toBe(NOW + WEEK_MS);
    expect(week1?.counts.soon).toBe(1);
    expect(week4?.counts.soon).toBe(1);
    expect(timeline.buckets[13]?.counts.ok).toBe(1);
    expect(timeline.later).toBe(1);
    expect(timeline.totals).toEqual({ expired: 2, overdue: 1, due: 2, soon: 2, ok: 1 });
  });

  test('the server’s status decides the colour: a certificate the server still calls current stays in the first week', () => {
    const timeline = timelineOf([cert('overdue', NOW - 1000)], NOW);
    expect(timeline.buckets[0]?.total).toBe(0);
    expect(timeline.buckets[1]?.counts.overdue).toBe(1);
  });

  test('no certificates: empty columns', () => {
    const timeline = timelineOf([], NOW);
    expect(timeline.buckets.every((b) => b.total === 0)).toBe(true);
    expect(timeline.later).toBe(0);
  });
});

describe('chart geometry', () => {
  test('niceMax rounds up to 1, 2, 5 × 10ⁿ', () => {
    expect([0, 1, 2, 3, 6, 11, 47, 120].map(niceMax)).toEqual([1, 1, 2, 5, 10, 20, 50, 200]);
  });

  test('stackColumn stacks most urgent first from the baseline, skipping empty statuses', () => {
    const segments = stackColumn({ expired: 0, overdue: 1, due: 2, soon: 0, ok: 1 }, 8, 160);
    expect(segments).toEqual([
      { status: 'overdue', count: 1, y: 0, height: 20 },
      { status: 'due', count: 2, y: 20, height: 40 },
      { status: 'ok', count: 1, y: 60, height: 20 },
    ]);
  });
});

describe('times in the viewer’s zone', () => {
  test('a renewal slot on one day names the day once and the zone', () => {
    expect(formatSlot('2026-11-27T21:00:00.000Z', '2026-11-27T22:00:00.000Z', 'Europe/Madrid', 'en')).toBe(
      '27 Nov 2026, 22:00–23:00 (Europe/Madrid)',
    );
    expect(formatSlot('2026-11-27T21:00:00.000Z', '2026-11-27T22:00:00.000Z', 'Europe/Madrid', 'es')).toBe(
      '27 nov 2026, 22:00–23:00 (Europe/Madrid)',
    );
  });

  test('a slot across midnight in the zone names both days', () => {
    expect(formatSlot('2026-11-27T22:30:00.000Z', '2026-11-27T23:30:00.000Z', 'Europe/Madrid', 'en')).toBe(
      '27 Nov 2026, 23:30 – 28 Nov 2026, 00:30 (Europe/Madrid)',
    );
  });

  test('a week of the timeline is shown by its first and last day in the zone', () => {
    const [, week0] = timelineOf([], NOW).buckets;
    expect(week0 && formatWeek(week0, 'Europe/Madrid', 'en')).toBe('24 Nov – 1 Dec');
    expect(week0 && formatWeek(week0, 'Pacific/Auckland', 'en')).toBe('25 Nov – 2 Dec');
  });

  test('daysUntil counts to the nearest whole day, negative once past', () => {
    expect(daysUntil(new Date(NOW + 2.4 * DAY_MS).toISOString(), NOW)).toBe(2);
    expect(daysUntil(new Date(NOW + 4.99 * DAY_MS).toISOString(), NOW)).toBe(5);
    expect(daysUntil(new Date(NOW - 5.01 * DAY_MS).toISOString(), NOW)).toBe(-5);
    expect(daysUntil(new Date(NOW - 3_600_000).toISOString(), NOW) === 0).toBe(true);
  });
});

describe('errors and search', () => {
  test('problem errors land on their fields; the rest are listed above the form', () => {
    const split = splitErrors(
      [
        { code: 'expiry_not_later', path: 'expiresAt', message: 'later please' },
        { code: 'format', path: '/expiresAt', message: 'second one' },
        { code: 'not_found', message: 'no such application' },
      ],
      ['expiresAt', 'subject'],
    );
    expect(split.byField.expiresAt?.code).toBe('expiry_not_later');
    expect(split.unmatched.map((e) => e.code)).toEqual(['not_found']);
  });

  test('errorText translates by code and falls back to the server’s words', () => {
    const t: Translate = (key, options) =>
      key === 'certificates.errors.expiry_not_later' ? 'Later!' : (options.defaultValue ?? key);
    expect(errorText({ code: 'expiry_not_later', message: 'x' }, t)).toBe('Later!');
    expect(errorText({ code: 'brand_new', message: 'As the server says.' }, t)).toBe('As the server says.');
  });

  test('the URL keeps known statuses and well-formed ids only', () => {
    const id = '0b7e3c55-0000-4000-8000-00000000c001';
    expect(parseCertificateSearch({ status: 'due', customerId: id, applicationId: 'nope', x: 1 })).toEqual({
      status: 'due',
      customerId: id,
    });
    expect(parseCertificateSearch({ status: 'attention' })).toEqual({ status: 'attention' });
    expect(parseCertificateSearch({ status: 'bad' })).toEqual({});
    expect(parseCertificateSearch({ certificateId: id, customerId: 'x' })).toEqual({ certificateId: id });
  });
});
