import { describe, expect, it } from 'vitest';
import { ageOf, brokenApplications, formatBytes, problemMessages, promiseQuery } from './format.ts';
import type { ApplicationPromise } from './types.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();

const app = (patch: Partial<ApplicationPromise>): ApplicationPromise => ({
  applicationId: 'a',
  name: 'CUCM-1',
  kind: 'cucm',
  goodBackups: 3,
  newestGoodAt: at(2),
  newestAt: at(2),
  newestOk: true,
  holds: true,
  problems: [],
  ...patch,
});

describe('backups format', () => {
  it('gives ages in minutes, then hours up to two days, then days', () => {
    expect(ageOf(new Date(NOW - 5 * 60_000).toISOString(), NOW)).toEqual({ count: 5, unit: 'minutes' });
    expect(ageOf(at(26.5), NOW)).toEqual({ count: 26, unit: 'hours' });
    expect(ageOf(at(47.9), NOW)).toEqual({ count: 47, unit: 'hours' });
    expect(ageOf(at(72), NOW)).toEqual({ count: 3, unit: 'days' });
    expect(ageOf(at(-1), NOW)).toEqual({ count: 0, unit: 'minutes' });
  });

  it('puts the problems in words: too few good backups, and a stale newest good one with its age', () => {
    expect(problemMessages(app({}), 3, NOW)).toEqual([]);
    expect(
      problemMessages(
        app({ goodBackups: 2, newestGoodAt: at(26), holds: false, problems: ['too_few_good', 'stale'] }),
        3,
        NOW,
      ),
    ).toEqual([
      { key: 'backups.problems.tooFewGood', params: { count: 2, needed: 3 } },
      { key: 'backups.problems.stale', params: { hours: 24 }, age: { count: 26, unit: 'hours' } },
    ]);
    // No good backup at all: one message, not two.
    expect(
      problemMessages(
        app({ goodBackups: 0, newestGoodAt: null, holds: false, problems: ['too_few_good', 'stale'] }),
        3,
        NOW,
      ),
    ).toEqual([{ key: 'backups.problems.noGood', params: { needed: 3 } }]);
  });

  it('counts the applications breaking the promise', () => {
    expect(
      brokenApplications({
        customerId: 'c',
        customerName: 'C',
        partnerId: 'p',
        holds: false,
        applications: [app({}), app({ holds: false, problems: ['stale'] })],
      }),
    ).toBe(1);
  });

  it('formats sizes in decimal units', () => {
    expect(formatBytes(null, 'en')).toBe('—');
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(12_400_000_000, 'en')).toBe('12.4 GB');
    expect(formatBytes(12_400_000_000, 'es')).toBe('12,4 GB');
  });

  it('asks for broken promises only with holds=false', () => {
    expect(promiseQuery({ broken: true })).toEqual({
      customerId: undefined,
      partnerId: undefined,
      holds: false,
    });
    expect(promiseQuery({}).holds).toBeUndefined();
  });
});
