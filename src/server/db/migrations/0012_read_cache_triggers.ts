import { type Kysely, sql } from 'kysely';

/**
 * The read cache of hot directory reads (decision 0008) must hear of every change to the tables
 * its answers come from, whichever process makes it. A statement trigger on `partners` and
 * `customers` sends a NOTIFY on `diops_read_cache`; PostgreSQL delivers it when the writing
 * transaction commits (and folds repeats within one transaction into one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_read_cache() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('diops_read_cache', TG_TABLE_NAME);
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER partners_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partners
      FOR EACH STATEMENT EXECUTE FUNCTION notify_read_cache();
    CREATE TRIGGER customers_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customers
      FOR EACH STATEMENT EXECUTE FUNCTION notify_read_cache();
  `.execute(db);
}
