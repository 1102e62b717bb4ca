import { describe, expect, it } from 'vitest';
import { eventName, targetState } from './format.ts';
import { parseDrSearch } from './search.ts';

const target = '2026-11-02T22:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('targetState', () => {
  it('has no target for a hardware failure, restored or not', () => {
    expect(targetState({ targetAt: null, recoveredAt: null, targetMet: null }, at(target))).toEqual({
      kind: 'none',
    });
    expect(
      targetState({ targetAt: null, recoveredAt: '2026-11-01T00:00:00Z', targetMet: null }, at(target)),
    ).toEqual({ kind: 'none' });
  });

  it('counts down to the target, then how long it is overdue', () => {
    expect(
      targetState({ targetAt: target, recoveredAt: null, targetMet: null }, at('2026-11-02T21:00:00Z')),
    ).toEqual({ kind: 'due', ms: 3_600_000 });
    expect(targetState({ targetAt: target, recoveredAt: null, targetMet: null }, at(target))).toEqual({
      kind: 'due',
      ms: 0,
    });
    expect(
      targetState({ targetAt: target, recoveredAt: null, targetMet: null }, at('2026-11-03T00:00:00Z')),
    ).toEqual({ kind: 'overdue', ms: 2 * 3_600_000 });
  });

  it('once restored: met or missed, as the server said, whatever the time now', () => {
    const later = at('2027-01-01T00:00:00Z');
    expect(
      targetState({ targetAt: target, recoveredAt: '2026-11-02T20:00:00Z', targetMet: true }, later),
    ).toEqual({ kind: 'met' });
    expect(
      targetState({ targetAt: target, recoveredAt: '2026-11-03T20:00:00Z', targetMet: false }, later),
    ).toEqual({ kind: 'missed' });
    // Without the server's answer, recovered at the target exactly is met.
    expect(targetState({ targetAt: target, recoveredAt: target, targetMet: null }, later)).toEqual({
      kind: 'met',
    });
  });

  it('a withdrawn event has nothing to meet: never due nor overdue, whatever the time now', () => {
    const withdrawn = { targetAt: target, recoveredAt: null, targetMet: null, status: 'withdrawn' } as const;
    expect(targetState(withdrawn, at('2026-11-02T21:00:00Z'))).toEqual({ kind: 'withdrawn' });
    expect(targetState(withdrawn, at('2027-01-01T00:00:00Z'))).toEqual({ kind: 'withdrawn' });
    expect(targetState({ ...withdrawn, targetAt: null }, at(target))).toEqual({ kind: 'withdrawn' });
  });
});

describe('eventName', () => {
  it('is the title, else the application', () => {
    expect(eventName({ title: 'Blade failure', applicationName: 'CUCM-A' })).toBe('Blade failure');
    expect(eventName({ title: null, applicationName: 'CUCM-A' })).toBe('CUCM-A');
  });
});

describe('parseDrSearch', () => {
  it('keeps known values and drops the rest', () => {
    const id = '0b9c3c1e-3f57-4a43-9d0e-6f1d1f1c2a11';
    expect(parseDrSearch({ status: 'open', kind: 'hardware_failure', customerId: id })).toEqual({
      status: 'open',
      kind: 'hardware_failure',
      customerId: id,
    });
    expect(parseDrSearch({ status: 'restored', kind: 'flood', customerId: 'nope', q: 1 })).toEqual({});
  });
});
