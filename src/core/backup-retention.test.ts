import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackupRecord, backupRetention } from './backup-retention.ts';
import { DAY_MS } from './civil-date.ts';
import { loadDefaultPolicy, utc } from './test-support.ts';

const policy = loadDefaultPolicy();
const now = utc('2026-11-24T12:00Z');
const nightly = (n: number, ok: (i: number) => boolean = () => true): BackupRecord[] =>
  Array.from({ length: n }, (_, i) => ({ id: `b${i}`, takenAt: now - i * DAY_MS - 3_600_000, ok: ok(i) }));

describe('backup retention: 3 most recent good + everything younger than 33 days', () => {
  it('keeps 33 nights of a nightly series', () => {
    const r = backupRetention(policy, now, nightly(40));
    expect(r.retain).toHaveLength(33);
    expect(r.purge).toEqual(['b33', 'b34', 'b35', 'b36', 'b37', 'b38', 'b39']);
  });
  it('exactly 33 days old is no longer young', () => {
    const r = backupRetention(policy, now, [
      ...nightly(3),
      { id: 'edge', takenAt: now - 33 * DAY_MS, ok: true },
      { id: 'inside', takenAt: now - 33 * DAY_MS + 1, ok: true },
    ]);
    expect(r.purge).toEqual(['edge']);
    expect(r.reasons.inside).toEqual(['young']);
  });
  it('keeps old good backups when the recent ones failed', () => {
    const series = nightly(60, (i) => i >= 50);
    const r = backupRetention(policy, now, series);
    expect(r.retain.filter((id) => Number(id.slice(1)) >= 33)).toEqual(['b50', 'b51', 'b52']);
    expect(r.reasons.b50).toEqual(['recent_good']);
  });
  it('every backup is either retained or purged; never fewer than min(3, good) good retained', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ age: fc.integer({ min: 0, max: 90 * 24 }), ok: fc.boolean() }), {
          maxLength: 60,
        }),
        (items) => {
          const backups = items.map((x, i) => ({ id: `x${i}`, takenAt: now - x.age * 3_600_000, ok: x.ok }));
          const r = backupRetention(policy, now, backups);
          expect(r.retain.length + r.purge.length).toBe(backups.length);
          const good = backups.filter((b) => b.ok).length;
          const keptGood = r.retain.filter((id) => backups.find((b) => b.id === id)?.ok).length;
          expect(keptGood).toBeGreaterThanOrEqual(Math.min(3, good));
        },
      ),
    );
  });
});
