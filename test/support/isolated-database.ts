import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDatabase } from '../../src/server/db/connect.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { withDatabase } from '../../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

/**
 * A database of its own for a test file whose workers drain the whole outbox: sharing the run's
 * database would let them deliver (and so steal) another file's messages.
 */
export async function createIsolatedDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const name = `diops_${label}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  const handle = openDatabase(url, { max: 1 });
  await migrateToLatest(handle.db as never);
  await handle.close();
  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      await client.end();
    },
  };
}
