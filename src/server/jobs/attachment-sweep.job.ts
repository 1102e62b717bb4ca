import type { Dirent } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { type Db, inScope, systemScope } from '../db/database.ts';

/** Older than this, a file without a row can no longer be an upload whose transaction is running. */
const GRACE_MS = 60 * 60_000;
const BATCH = 500;

/**
 * Removes attachment files that no row references: an upload writes its file before the row's
 * transaction commits, so a crash or a failed commit between the two leaves the file alone
 * (attachment-store.ts). Files younger than an hour are left for uploads still under way, as are
 * any whose row exists. Half-written `.part` files older than an hour go too. Safe to run twice.
 */
export async function sweepOrphanAttachments(
  db: Db,
  root: string,
  now = Date.now(),
): Promise<{ checked: number; removed: number }> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checked: 0, removed: 0 };
    throw error;
  }
  const old: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const info = await stat(full).catch(() => null);
    if (info && now - info.mtimeMs > GRACE_MS) old.push(path.relative(root, full).split(path.sep).join('/'));
  }
  let removed = 0;
  for (let i = 0; i < old.length; i += BATCH) {
    const keys = old.slice(i, i + BATCH);
    const referenced = new Set(
      (
        await inScope(
          db,
          systemScope('job:attachment-sweep'),
          (tx) =>
            tx
              .selectFrom('case_attachments')
              .select('storage_key')
              .where('storage_key', 'in', keys)
              .execute(),
          { readOnly: true },
        )
      ).map((row) => row.storage_key),
    );
    for (const key of keys) {
      if (referenced.has(key)) continue;
      await unlink(path.join(root, key)).catch(() => undefined);
      removed++;
    }
  }
  return { checked: old.length, removed };
}
