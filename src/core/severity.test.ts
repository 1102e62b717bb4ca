import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPACTS, URGENCIES } from './policy-document.ts';
import { computeSeverity, impactFromShare, isRaise, needsPhoneCall } from './severity.ts';
import { loadDefaultPolicy } from './test-support.ts';

const policy = loadDefaultPolicy();

describe('impact from affected share (SPEC §3.2 boundaries)', () => {
  it.each([
    [1, 'widespread'],
    [0.7501, 'widespread'],
    [0.75, 'large'],
    [0.5, 'large'],
    [0.4999, 'localized'],
    [0.25, 'localized'],
    [0.2499, 'individualized'],
    [0, 'individualized'],
  ] as const)('%s → %s', (share, impact) => {
    expect(impactFromShare(policy, share)).toBe(impact);
  });
  it('rejects shares outside 0..1', () => {
    expect(() => impactFromShare(policy, 1.01)).toThrow(RangeError);
    expect(() => impactFromShare(policy, Number.NaN)).toThrow(RangeError);
  });
});

describe('severity matrix', () => {
  const table = {
    critical: ['S1', 'S1', 'S2', 'S3'],
    high: ['S1', 'S2', 'S2', 'S3'],
    medium: ['S2', 'S3', 'S3', 'S3'],
    low: ['S4', 'S4', 'S4', 'S4'],
  } as const;
  it('matches SPEC §3.2 cell by cell', () => {
    for (const urgency of URGENCIES) {
      IMPACTS.forEach((impact, i) => {
        expect(computeSeverity(policy, { impact, urgency }).severity).toBe(table[urgency][i]);
      });
    }
  });
  it('accepts an affected share', () => {
    expect(computeSeverity(policy, { affectedShare: 0.8, urgency: 'high' })).toEqual({
      impact: 'widespread',
      urgency: 'high',
      severity: 'S1',
    });
  });
  it('more impact or more urgency never lowers severity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          for (const urgency of URGENCIES) {
            const lo = computeSeverity(policy, { affectedShare: Math.min(a, b), urgency }).severity;
            const hi = computeSeverity(policy, { affectedShare: Math.max(a, b), urgency }).severity;
            expect(hi <= lo).toBe(true);
          }
        },
      ),
    );
  });
  it('raise and phone helpers', () => {
    expect(isRaise('S3', 'S2')).toBe(true);
    expect(isRaise('S2', 'S3')).toBe(false);
    expect(needsPhoneCall('S2')).toBe(true);
    expect(needsPhoneCall('S3')).toBe(false);
  });
});
