import { type Kysely, sql } from 'kysely';

/**
 * Case openings keep the customer and contract they looked up in the read cache (decision 0010),
 * so a change to a contract must empty every node's cache too, as changes to partners and
 * customers already do (migration 0012).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER contracts_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contracts
      FOR EACH STATEMENT EXECUTE FUNCTION notify_read_cache();
  `.execute(db);
}
