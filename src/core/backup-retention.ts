// Backup retention (SPEC §6): keep the N most recent good backups and every backup younger than
// keepDays; purge the rest. "Younger than" is strict: a backup exactly keepDays old is purged
// unless it is one of the recent good ones.
import { DAY_MS } from './civil-date.ts';
import type { Policy } from './policy-document.ts';

export interface BackupRecord {
  id: string;
  takenAt: number;
  ok: boolean;
}

export type RetainReason = 'recent_good' | 'young';

export interface RetentionResult {
  /** Ids to keep, in input order. */
  retain: string[];
  /** Ids to delete, in input order. */
  purge: string[];
  /** Why each retained backup is kept (a backup may have both reasons). */
  reasons: Record<string, RetainReason[]>;
}

export function backupRetention(
  policy: Policy,
  now: number,
  backups: readonly BackupRecord[],
): RetentionResult {
  const { keepGood, keepDays } = policy.backups;
  const recentGood = new Set(
    backups
      .filter((b) => b.ok)
      // Newest first; ties broken by id so the answer never depends on input order.
      .sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, keepGood)
      .map((b) => b.id),
  );
  const result: RetentionResult = { retain: [], purge: [], reasons: {} };
  for (const b of backups) {
    const reasons: RetainReason[] = [];
    if (recentGood.has(b.id)) reasons.push('recent_good');
    if (now - b.takenAt < keepDays * DAY_MS) reasons.push('young');
    if (reasons.length > 0) {
      result.retain.push(b.id);
      result.reasons[b.id] = reasons;
    } else {
      result.purge.push(b.id);
    }
  }
  return result;
}
