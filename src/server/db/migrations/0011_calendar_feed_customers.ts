import { type Kysely, sql } from 'kysely';

/**
 * Customer viewers get their own row-level policy on `calendar_feeds`: in the customer scope a
 * feed is visible and writable (created, revoked) only when it is its customer's
 * (`customer_id = app_customer()`, of its partner). A partner-wide feed (`customer_id` null) and a
 * feed of another customer of the same partner stay out of reach even for a query without a
 * filter. Provider and partner rules are unchanged. Before, the routes ran a viewer's work with its
 * partner's scope and relied on the service alone to keep it to its customer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER POLICY calendar_feeds_scope ON calendar_feeds
      USING (
        app_is_provider()
        OR (app_scope() = 'partner' AND partner_id = app_partner())
        OR (app_scope() = 'customer' AND partner_id = app_partner() AND customer_id = app_customer())
      )
      WITH CHECK (
        app_is_provider()
        OR (app_scope() = 'partner' AND partner_id = app_partner())
        OR (app_scope() = 'customer' AND partner_id = app_partner() AND customer_id = app_customer())
      );
  `.execute(db);
}
