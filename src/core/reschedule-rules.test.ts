import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from './civil-date.ts';
import { checkRescheduleRequest, type RescheduleRequest } from './reschedule-rules.ts';
import { at, loadDefaultPolicy, utc } from './test-support.ts';

const policy = loadDefaultPolicy();
const REASON = 'Quarter-end trading freeze at the customer';
const req = (over: Partial<RescheduleRequest>): RescheduleRequest => ({
  type: 'service_interrupting',
  start: at('AMER', '2026-06-30T21:00'),
  noticeSentAt: at('AMER', '2026-06-09T16:00'),
  requestedAt: at('AMER', '2026-06-10T10:00'),
  reason: REASON,
  previousReschedules: 0,
  regions: ['AMER'],
  ...over,
});
const errs = (r: RescheduleRequest) => {
  const v = checkRescheduleRequest(policy, r);
  return v.ok ? [] : v.errors.map((e) => `${e.code}:${e.httpStatus}`);
};

describe('not reschedulable (409)', () => {
  it.each([
    [{ type: 'emergency' }],
    [{ type: 'certificate_renewal' }],
    [{ type: 'upgrade', upgradeReason: 'security_vulnerability' }],
    [{ type: 'cop_install', flags: { emergency: true } }],
  ] as const)('%j', (over) => {
    const v = checkRescheduleRequest(policy, req(over));
    expect(v.ok === false && v.httpStatus).toBe(409);
    expect(v.ok === false && v.errors[0]?.code).toBe('not_reschedulable');
  });
  it('a plain cop_install and a partner-requested upgrade can be rescheduled', () => {
    expect(errs(req({ type: 'cop_install' }))).toEqual([]);
    expect(errs(req({ type: 'upgrade', upgradeReason: 'partner_request' }))).toEqual([]);
  });
});

describe('reason, upgrade limits', () => {
  it('reason of at least 20 characters (trimmed)', () => {
    expect(errs(req({ reason: 'x'.repeat(19) }))).toEqual(['reason_too_short:422']);
    expect(errs(req({ reason: `  ${'x'.repeat(19)}  ` }))).toEqual(['reason_too_short:422']);
    expect(errs(req({ reason: 'x'.repeat(20) }))).toEqual([]);
  });
  it('an upgrade once, and only 7 days ahead', () => {
    const up = { type: 'upgrade', upgradeReason: 'end_of_life' } as const;
    expect(errs(req({ ...up, previousReschedules: 1 }))).toEqual(['upgrade_already_rescheduled:409']);
    const start = utc('2026-06-30T01:00Z');
    expect(errs(req({ ...up, start, requestedAt: start - 7 * DAY_MS }))).toEqual([]);
    expect(errs(req({ ...up, start, requestedAt: start - 7 * DAY_MS + MINUTE_MS }))).toEqual([
      'upgrade_too_close:422',
    ]);
  });
  it('cannot reschedule a change that has started; 409 errors come first', () => {
    const start = at('AMER', '2026-06-30T21:00');
    expect(errs(req({ start, requestedAt: start, reason: 'short' }))).toEqual([
      'change_already_started:409',
      'reason_too_short:422',
    ]);
  });
});

describe('late after 3 business days from the notice', () => {
  it('on time through Fri 16:00, late from the next minute (notice Tue 16:00 New York)', () => {
    const onTime = checkRescheduleRequest(policy, req({ requestedAt: at('AMER', '2026-06-12T16:00') }));
    expect(onTime).toEqual({ ok: true, late: false, onTimeUntil: at('AMER', '2026-06-12T16:00') });
    const late = checkRescheduleRequest(policy, req({ requestedAt: at('AMER', '2026-06-12T16:01') }));
    expect(late.ok && late.late).toBe(true);
  });
  it('several regions: the earliest deadline counts', () => {
    // Notice 20:00Z = 16:00 EDT = 22:00 CEST; Paris counts from Wed 09:00 → Fri 17:00 CEST = 15:00Z.
    const v = checkRescheduleRequest(
      policy,
      req({ regions: ['AMER', 'EMEA'], noticeSentAt: utc('2026-06-09T20:00Z') }),
    );
    expect(v.ok && v.onTimeUntil).toBe(utc('2026-06-12T15:00Z'));
  });
});
