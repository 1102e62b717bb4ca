import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureDatabase } from '../../src/server/db/connect.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import {
  type EmbeddedServer,
  startEmbeddedPostgres,
  withDatabase,
} from '../../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminUrl: string;
  }
}

/**
 * One real PostgreSQL for the run: the embedded server by default, or the server named by
 * TEST_DATABASE_URL. A fresh database is created and migrated; test files share it and keep to
 * their own tenants (unique names), which is also how production shares one database.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | null = null;
  let adminUrl: string;
  const external = process.env.TEST_DATABASE_URL;
  let dataDir: string | null = null;
  if (external) {
    adminUrl = external;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-test-'));
    embedded = await startEmbeddedPostgres({ dataDir, explicit: true });
    adminUrl = embedded.connectionString;
  }
  const name = `diops_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const databaseUrl = withDatabase(adminUrl, name);
  const handle = openDatabase(databaseUrl, { max: 2 });
  await migrateToLatest(handle.db as never);
  await handle.close();
  project.provide('databaseUrl', databaseUrl);
  project.provide('adminUrl', adminUrl);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.end();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
