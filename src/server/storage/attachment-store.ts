import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Attachment bytes live in files under one directory, keyed by id; the database keeps only the
 * metadata. A file is written completely (temporary name, fsync, rename) before its row is
 * inserted, so a row never points at a half-written file; a crash between the two leaves an
 * unreferenced file, never a broken reference.
 */
export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

function resolveKey(root: string, key: string): string {
  const full = path.resolve(root, key);
  // Keys are generated here, but a stored key is still never allowed to leave the directory.
  if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error('attachment key outside the store');
  return full;
}

export async function storeFile(
  root: string,
  id: string,
  bytes: Buffer,
  now = new Date(),
): Promise<StoredFile> {
  const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  const target = resolveKey(root, key);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.part`;
  const handle = await open(partial, 'w', 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, target);
  return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function removeFile(root: string, key: string): Promise<void> {
  await unlink(resolveKey(root, key)).catch(() => undefined);
}

export async function openFile(root: string, key: string) {
  const full = resolveKey(root, key);
  const info = await stat(full);
  return { size: info.size, stream: createReadStream(full) };
}
