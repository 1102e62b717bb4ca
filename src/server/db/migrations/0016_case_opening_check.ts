import { type Kysely, sql } from 'kysely';

/**
 * The check a case opening's write makes (decision 0010): the customer and the contract are still
 * as the opening's context says, and the contract is valid on the opening day. As a join inside
 * the opening statement, planning it under row-level security cost PostgreSQL about 0.1–0.2 ms per
 * opening; this function plans its query once per connection. It answers only yes or no about
 * the ids it is given, runs as the owner (no row-level security, so no scope folded into its
 * cached plan), and the opening's INSERT remains under the caller's row-level security.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION case_opening_holds(p_partner uuid, p_customer uuid, p_region text, p_customer_name text,
      p_contract uuid, p_contract_number text, p_day date)
    RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $fn$
    BEGIN
      RETURN EXISTS (
        SELECT 1 FROM customers cu JOIN contracts k ON k.customer_id = cu.id
        WHERE cu.id = p_customer AND cu.partner_id = p_partner AND cu.active AND cu.region = p_region
          AND cu.name = p_customer_name AND k.id = p_contract AND k.number = p_contract_number AND k.active
          AND k.starts_on <= p_day AND k.ends_on >= p_day
      );
    END
    $fn$;
    REVOKE ALL ON FUNCTION case_opening_holds(uuid, uuid, text, text, uuid, text, date) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION case_opening_holds(uuid, uuid, text, text, uuid, text, date) TO diops_app;
  `.execute(db);
}
