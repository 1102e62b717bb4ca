/**
 * What the backups page's URL may carry. Kept apart from the page (the router imports it eagerly,
 * the page loads lazily) and free of React.
 */
import { BACKUP_VIEWS, type BackupView } from './types.ts';

export interface BackupSearch {
  /** The tab: the promise (default), recent backups, or the purge log. */
  view?: Exclude<BackupView, 'promise'>;
  customerId?: string;
  partnerId?: string;
  /** Only customers whose promise is broken. */
  broken?: true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const isBackupView = (value: unknown): value is BackupView =>
  typeof value === 'string' && (BACKUP_VIEWS as readonly string[]).includes(value);

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseBackupSearch(search: Record<string, unknown>): BackupSearch {
  const out: BackupSearch = {};
  if (isBackupView(search.view) && search.view !== 'promise') out.view = search.view;
  if (isUuid(search.customerId)) out.customerId = search.customerId;
  if (isUuid(search.partnerId)) out.partnerId = search.partnerId;
  if (search.broken === true || search.broken === 'true') out.broken = true;
  return out;
}
