/**
 * Backup shapes as answered by the API, written by hand from
 * src/server/modules/inventory/backups.schemas.ts.
 */
import type { ApplicationKind } from '../inventory/types.ts';

export const PROMISE_PROBLEMS = ['too_few_good', 'stale'] as const;
export type PromiseProblem = (typeof PROMISE_PROBLEMS)[number];

export interface ApplicationPromise {
  applicationId: string;
  name: string;
  kind: ApplicationKind;
  goodBackups: number;
  newestGoodAt: string | null;
  newestAt: string | null;
  newestOk: boolean | null;
  holds: boolean;
  problems: PromiseProblem[];
}

export interface CustomerPromise {
  customerId: string;
  customerName: string;
  partnerId: string;
  holds: boolean;
  applications: ApplicationPromise[];
}

export interface BackupPromise {
  /** How many good backups every application must have (the policy's keepGood). */
  keepGood: number;
  items: CustomerPromise[];
  nextCursor: string | null;
}

export interface Backup {
  id: string;
  customerId: string;
  customerName: string;
  applicationId: string;
  applicationName: string;
  applicationKind: ApplicationKind;
  /** The region-local date of the nightly run. */
  night: string;
  takenAt: string;
  ok: boolean;
  sizeBytes: number | null;
}

export interface BackupPurge {
  runId: string;
  backupId: string;
  customerId: string;
  customerName: string;
  applicationId: string;
  applicationName: string | null;
  night: string;
  takenAt: string;
  ok: boolean;
  purgedAt: string;
}

export const BACKUP_VIEWS = ['promise', 'backups', 'purges'] as const;
export type BackupView = (typeof BACKUP_VIEWS)[number];
