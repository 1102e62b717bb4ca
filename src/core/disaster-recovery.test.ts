import { describe, expect, it } from 'vitest';
import { disasterRecoveryDue, explainDisasterRecoveryDue } from './disaster-recovery.ts';
import { at, loadDefaultPolicy, local } from './test-support.ts';

const policy = loadDefaultPolicy();

describe('disaster recovery due: 1 business day', () => {
  it('Friday afternoon in Sydney before Canberra Day → Tuesday', () => {
    expect(local('AUS', disasterRecoveryDue(policy, 'AUS', at('AUS', '2026-03-06T14:30')))).toBe(
      '2026-03-10T14:30+11:00',
    );
  });
  it('declared at night counts from the next morning', () => {
    const ex = explainDisasterRecoveryDue(policy, 'APJC', at('APJC', '2026-06-09T23:00'));
    expect(local('APJC', ex.dueAt)).toBe('2026-06-10T17:00+09:00');
    expect(ex.businessSpan.businessMs).toBe(8 * 3_600_000);
  });
});
