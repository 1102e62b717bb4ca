import { describe, expect, it } from 'vitest';
import { loadDefaultPolicy } from './test-support.ts';
import {
  classifyVersion,
  fallsOutOfCompliance,
  parseVersion,
  shiftReleaseTrain,
} from './version-compliance.ts';

const train = loadDefaultPolicy().versions;

describe('version compliance', () => {
  it('parses the usual spellings', () => {
    expect(parseVersion('v12.5-SU7a')).toEqual({ release: '12.5', su: 'SU7a' });
    expect(parseVersion('15SU2')).toEqual({ release: '15.0', su: 'SU2' });
    expect(parseVersion('14.0 SU3')).toEqual({ release: '14.0', su: 'SU3' });
    expect(parseVersion('latest')).toBeNull();
  });
  it.each([
    ['15.0 SU2', 'n', false, true],
    ['15.0 SU1', 'n', false, true],
    ['14.0 SU4', 'n-1', true, false],
    ['14.0-SU3', 'n-1', true, false],
    ['v12.5-SU7a', 'n-2', true, false],
    ['12.5 SU5', 'unsupported', true, false],
    ['11.5 SU9', 'unsupported', true, false],
  ] as const)('%s → %s', (version, tier, mustUpgrade, newDeploymentAllowed) => {
    const c = classifyVersion(train, version);
    expect([c.tier, c.mustUpgrade, c.newDeploymentAllowed]).toEqual([
      tier,
      mustUpgrade,
      newDeploymentAllowed,
    ]);
    expect(c.upgradeTo).toBe(mustUpgrade ? '15.0 SU2' : null);
  });
  it('publishing a release shifts n → n-1 → n-2 and reports who falls out', () => {
    const { train: next, dropped } = shiftReleaseTrain(train, { version: '16.0', sus: ['SU1'] });
    expect(next.n1.version).toBe('15.0');
    expect(next.n2.version).toBe('14.0');
    expect(next.target).toBe('16.0 SU1');
    expect(dropped.version).toBe('12.5');
    expect(classifyVersion(next, '12.5 SU7a').tier).toBe('unsupported');
    expect(fallsOutOfCompliance(train, next, '15.0 SU2')).toBe(true);
    expect(fallsOutOfCompliance(train, next, '14.0 SU3')).toBe(false);
  });
});
