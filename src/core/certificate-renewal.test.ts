import { describe, expect, it } from 'vitest';
import { proposeCertificateRenewal } from './certificate-renewal.ts';
import { DAY_MS, HOUR_MS } from './civil-date.ts';
import { checkChange } from './scheduling-rules.ts';
import { at, loadDefaultPolicy, local, utc } from './test-support.ts';

const policy = loadDefaultPolicy();

describe('certificate renewal proposal', () => {
  it('earliest and latest weekday-window starts 7..3 days before expiry', () => {
    const expires = at('EMEA', '2026-06-16T10:00'); // Tuesday
    const p = proposeCertificateRenewal(policy, 'EMEA', expires, utc('2026-06-01T00:00Z'), 60);
    // 7 days before = Tue 9 June 10:00 → first window Tue 21:00. 3 days before = Sat 13 June 10:00:
    // the Friday window runs to Sat 06:00, so the latest start is Sat 05:00 (60-minute change).
    expect(local('EMEA', p.earliest!.start)).toBe('2026-06-09T21:00+02:00');
    expect(local('EMEA', p.latest!.start)).toBe('2026-06-13T05:00+02:00');
    expect(p.latest!.window.kind).toBe('weekday');
    for (const s of [p.earliest!, p.latest!]) {
      const c = checkChange(policy, {
        type: 'certificate_renewal',
        start: s.start,
        end: s.end,
        regions: ['EMEA'],
        noticeAt: 0,
        certificateExpiresAt: expires,
      });
      expect(c.violations).toEqual([]);
    }
  });
  it('never proposes the past; none when too late', () => {
    const expires = at('AMER', '2026-06-19T12:00');
    const now = at('AMER', '2026-06-11T02:00');
    const p = proposeCertificateRenewal(policy, 'AMER', expires, now, 60);
    expect(local('AMER', p.earliest!.start)).toBe('2026-06-12T21:00-04:00');
    const late = proposeCertificateRenewal(policy, 'AMER', expires, expires - 3 * DAY_MS + HOUR_MS, 60);
    expect(late.earliest).toBeNull();
    expect(late.reason).toBe('expired_or_too_late');
  });
  it('no weekday window when the whole range is a weekend', () => {
    // Range Sat 21:00 .. Mon 05:00 with min=max is too narrow: use a policy with a 1-day range.
    const narrow = loadDefaultPolicy();
    narrow.certificates.renewalDaysBefore = { min: 3, max: 3.5 };
    const expires = at('AMER', '2026-06-17T09:00'); // range Sat 13 21:00 .. Sun 14 09:00
    const p = proposeCertificateRenewal(narrow, 'AMER', expires, 0, 60);
    expect(p.earliest).toBeNull();
    expect(p.reason).toBe('no_weekday_window');
  });
});
