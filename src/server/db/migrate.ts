import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_notifications.ts';
import * as m0003 from './migrations/0003_cases.ts';
import * as m0004 from './migrations/0004_scope_folding.ts';
import * as m0005 from './migrations/0005_inventory.ts';
import * as m0006 from './migrations/0006_certificates.ts';
import * as m0007 from './migrations/0007_capacity_backups.ts';
import * as m0008 from './migrations/0008_disaster_recovery.ts';
import * as m0009 from './migrations/0009_cop_requests.ts';
import * as m0010 from './migrations/0010_changes.ts';
import * as m0011 from './migrations/0011_calendar_feed_customers.ts';
import * as m0012 from './migrations/0012_read_cache_triggers.ts';
import * as m0013 from './migrations/0013_dr_withdrawn.ts';
import * as m0014 from './migrations/0014_auth_names.ts';
import * as m0015 from './migrations/0015_contracts_read_cache.ts';
import * as m0016 from './migrations/0016_case_opening_check.ts';
import * as m0017 from './migrations/0017_case_opening_function.ts';

/**
 * Forward-only, numbered migrations. Kysely's migrator takes a PostgreSQL advisory lock for the
 * whole run, so two processes starting together run each migration exactly once.
 */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_notifications': m0002,
  '0003_cases': m0003,
  '0004_scope_folding': m0004,
  '0005_inventory': m0005,
  '0006_certificates': m0006,
  '0007_capacity_backups': m0007,
  '0008_disaster_recovery': m0008,
  '0009_cop_requests': m0009,
  '0010_changes': m0010,
  '0011_calendar_feed_customers': m0011,
  '0012_read_cache_triggers': m0012,
  '0013_dr_withdrawn': m0013,
  '0014_auth_names': m0014,
  '0015_contracts_read_cache': m0015,
  '0016_case_opening_check': m0016,
  '0017_case_opening_function': m0017,
};

/** In the order they run. */
export const MIGRATION_NAMES = Object.keys(migrations).sort();

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
