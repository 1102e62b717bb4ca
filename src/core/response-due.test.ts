import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './civil-date.ts';
import { REGIONS, SEVERITIES } from './policy-document.ts';
import { dueAfterSeverityChange, explainResponseDue, responseDueAt, responseMet } from './response-due.ts';
import { at, loadDefaultPolicy, local } from './test-support.ts';

const policy = loadDefaultPolicy();

describe('response due at opening', () => {
  it('S1/S2 run 24×7, even on a Saturday night across a DST change', () => {
    const t = at('AMER', '2026-03-08T01:50');
    expect(responseDueAt(policy, 'AMER', 'S1', t) - t).toBe(15 * MINUTE_MS);
    expect(local('AMER', responseDueAt(policy, 'AMER', 'S2', t))).toBe('2026-03-08T03:20-04:00');
  });
  it('S3 = 1 business day, S4 = 3 business days', () => {
    expect(local('AMER', responseDueAt(policy, 'AMER', 'S3', at('AMER', '2026-06-09T16:00')))).toBe(
      '2026-06-10T16:00-04:00',
    );
    expect(local('AMER', responseDueAt(policy, 'AMER', 'S4', at('AMER', '2026-06-09T16:00')))).toBe(
      '2026-06-12T16:00-04:00',
    );
    // S4 opened Friday evening before the Labor Day weekend: Tue, Wed, Thu → Thu 17:00.
    expect(local('AMER', responseDueAt(policy, 'AMER', 'S4', at('AMER', '2026-09-04T18:00')))).toBe(
      '2026-09-10T17:00-04:00',
    );
    // S3 opened in Paris on the Friday before the spring DST change.
    expect(local('EMEA', responseDueAt(policy, 'EMEA', 'S3', at('EMEA', '2026-03-27T16:00')))).toBe(
      '2026-03-30T16:00+02:00',
    );
  });
  it('explains the clock, what was skipped and the shift crossed', () => {
    const ex = explainResponseDue(policy, 'AMER', 'S3', at('AMER', '2026-07-02T16:00'));
    expect(ex.clock).toBe('business');
    expect(local('AMER', ex.dueAt)).toBe('2026-07-06T16:00-04:00');
    const holiday = ex.businessSpan?.skipped.find((s) => s.kind === 'holiday');
    expect(holiday).toEqual({
      kind: 'holiday',
      date: '2026-07-03',
      names: ['Independence Day (substitute day)'],
    });
    expect(explainResponseDue(policy, 'AMER', 'S1', 0).businessSpan).toBeUndefined();
  });
  it('acknowledged exactly at the due time is met', () => {
    expect(responseMet(1000, 1000)).toBe(true);
    expect(responseMet(1000, 1001)).toBe(false);
  });
});

describe('due after a severity change (SPEC §3.3)', () => {
  const openedAt = at('AMER', '2026-06-09T10:00');
  const s4Due = responseDueAt(policy, 'AMER', 'S4', openedAt);
  it('raise: earlier of current due and change time + new target', () => {
    const changedAt = at('AMER', '2026-06-10T11:00');
    const r = dueAfterSeverityChange(policy, {
      region: 'AMER',
      openedAt,
      currentDueAt: s4Due,
      changedAt,
      from: 'S4',
      to: 'S2',
    });
    expect(r.dueAt).toBe(changedAt + 30 * MINUTE_MS);
    expect(r.severityChange?.direction).toBe('raise');
    // A raise to S3 late in the S4 clock: change + 1 business day is later than the current due.
    const late = at('AMER', '2026-06-12T09:30');
    const r2 = dueAfterSeverityChange(policy, {
      region: 'AMER',
      openedAt,
      currentDueAt: s4Due,
      changedAt: late,
      from: 'S4',
      to: 'S3',
    });
    expect(r2.dueAt).toBe(s4Due);
    expect(local('AMER', r2.severityChange!.candidateDueAt)).toBe('2026-06-15T09:30-04:00');
  });
  it('lowering: opening time + new target', () => {
    const s2Due = responseDueAt(policy, 'AMER', 'S2', openedAt);
    const r = dueAfterSeverityChange(policy, {
      region: 'AMER',
      openedAt,
      currentDueAt: s2Due,
      changedAt: openedAt + 10 * MINUTE_MS,
      from: 'S2',
      to: 'S3',
    });
    expect(local('AMER', r.dueAt)).toBe('2026-06-10T10:00-04:00');
    expect(r.severityChange?.direction).toBe('lower');
  });
  it('a raise never moves the due later; the result never precedes opening', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        fc.constantFrom(...SEVERITIES),
        fc.constantFrom(...SEVERITIES),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }),
        fc.integer({ min: 0, max: 5 * 24 * 60 }),
        (region, from, to, opened, afterMin) => {
          const currentDueAt = responseDueAt(policy, region, from, opened);
          const r = dueAfterSeverityChange(policy, {
            region,
            openedAt: opened,
            currentDueAt,
            changedAt: opened + afterMin * MINUTE_MS,
            from,
            to,
          });
          if (to < from) expect(r.dueAt).toBeLessThanOrEqual(currentDueAt);
          if (to > from) expect(r.dueAt).toBe(responseDueAt(policy, region, to, opened));
          expect(r.dueAt).toBeGreaterThanOrEqual(opened);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
