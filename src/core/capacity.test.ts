import { describe, expect, it } from 'vitest';
import { canProvision, capacityLevel, crossedThresholds } from './capacity.ts';
import { loadDefaultPolicy } from './test-support.ts';

const policy = loadDefaultPolicy();

describe('capacity', () => {
  it.each([
    [0, 'ok'],
    [79, 'ok'],
    [80, 'warning80'],
    [89, 'warning80'],
    [90, 'warning90'],
    [100, 'warning90'],
    [101, 'over'],
  ] as const)('%i of 100 → %s', (used, level) => {
    expect(capacityLevel(policy, used, 100)).toBe(level);
  });
  it('reports thresholds crossed upward only', () => {
    expect(crossedThresholds(policy, 70, 95, 100)).toEqual(['warning80', 'warning90']);
    expect(crossedThresholds(policy, 85, 86, 100)).toEqual([]);
    expect(crossedThresholds(policy, 95, 70, 100)).toEqual([]);
    expect(crossedThresholds(policy, 90, 101, 100)).toEqual(['over']);
  });
  it('zero entitlement and provisioning', () => {
    expect(capacityLevel(policy, 0, 0)).toBe('ok');
    expect(capacityLevel(policy, 1, 0)).toBe('over');
    expect(canProvision(95, 5, 100)).toBe(true);
    expect(canProvision(95, 6, 100)).toBe(false);
  });
});
