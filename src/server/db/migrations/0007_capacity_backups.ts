import { type Kysely, sql } from 'kysely';

/**
 * Capacity and backups (SPEC §6).
 *
 * - `customer_capacity`: one row per customer and resource (knowledge workers, workspace devices):
 *   the entitlement given at activation and the provisioned count. A row per resource keeps the
 *   threshold and 409 logic one code path for both kinds.
 * - `capacity_expansions`: raising an entitlement goes through a case (the partner's TAC case for
 *   the expansion plan): requested → planned → completed (the entitlement grows) | cancelled.
 * - `backups`: one record per application per night (`night` is the region-local date the nightly
 *   run belongs to), provider only: partners have no access to backups (operations guide).
 * - `backup_purges`: what the retention job deleted, kept as an append-only record.
 * - Subscriptions gain the `capacity` category: threshold crossings and expansions notify the
 *   partner's subscribers of it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_capacity (
      customer_id uuid NOT NULL REFERENCES customers(id),
      resource text NOT NULL CHECK (resource IN ('knowledge_workers', 'workspace_devices')),
      partner_id uuid NOT NULL REFERENCES partners(id),
      entitled integer NOT NULL CHECK (entitled >= 0),
      provisioned integer NOT NULL DEFAULT 0 CHECK (provisioned >= 0),
      activated_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (customer_id, resource)
    );
    CREATE INDEX customer_capacity_partner ON customer_capacity (partner_id);

    CREATE TABLE capacity_expansions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      case_id uuid NOT NULL REFERENCES cases(id),
      resource text NOT NULL CHECK (resource IN ('knowledge_workers', 'workspace_devices')),
      additional integer NOT NULL CHECK (additional > 0),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      status text NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested', 'planned', 'completed', 'cancelled')),
      planned_for timestamptz,
      plan_note text,
      completed_at timestamptz,
      cancelled_reason text,
      requested_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT capacity_expansions_planned CHECK (status = 'requested' OR status = 'cancelled' OR planned_for IS NOT NULL)
    );
    CREATE INDEX capacity_expansions_customer ON capacity_expansions (customer_id, created_at);
    CREATE INDEX capacity_expansions_partner ON capacity_expansions (partner_id, status);

    CREATE TABLE backups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      night date NOT NULL,
      taken_at timestamptz NOT NULL,
      ok boolean NOT NULL,
      size_bytes bigint CHECK (size_bytes >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT backups_one_per_night UNIQUE (application_id, night)
    );
    CREATE INDEX backups_application ON backups (application_id, taken_at DESC);
    CREATE INDEX backups_customer ON backups (customer_id, taken_at DESC);
    CREATE INDEX backups_taken ON backups (taken_at);

    CREATE TABLE backup_purges (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id uuid NOT NULL,
      backup_id uuid NOT NULL,
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      application_id uuid NOT NULL,
      night date NOT NULL,
      taken_at timestamptz NOT NULL,
      ok boolean NOT NULL,
      purged_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX backup_purges_customer ON backup_purges (customer_id, purged_at DESC);
    CREATE INDEX backup_purges_purged ON backup_purges (purged_at DESC, id DESC);

    -- PostgreSQL named 0002's inline check subscriptions_categories_check.
    ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_categories_check;
    ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_categories_check CHECK (
      cardinality(categories) >= 1
      AND categories <@ ARRAY['maintenance_outages', 'incidents', 'certificates', 'upgrades', 'releases', 'capacity']::text[]
    );
  `.execute(db);

  await sql`
    GRANT SELECT, INSERT, UPDATE ON customer_capacity, capacity_expansions TO diops_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON backups TO diops_app;
    GRANT SELECT, INSERT ON backup_purges TO diops_app;

    ALTER TABLE customer_capacity ENABLE ROW LEVEL SECURITY;
    CREATE POLICY customer_capacity_read ON customer_capacity FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY customer_capacity_insert ON customer_capacity FOR INSERT WITH CHECK (app_is_provider());
    -- Partners report their provisioned counts; the service decides which columns they may change.
    CREATE POLICY customer_capacity_update ON customer_capacity FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE capacity_expansions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY capacity_expansions_read ON capacity_expansions FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY capacity_expansions_insert ON capacity_expansions FOR INSERT WITH CHECK (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );
    CREATE POLICY capacity_expansions_update ON capacity_expansions FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE backups ENABLE ROW LEVEL SECURITY;
    CREATE POLICY backups_provider ON backups FOR ALL USING (app_is_provider()) WITH CHECK (app_is_provider());
    ALTER TABLE backup_purges ENABLE ROW LEVEL SECURITY;
    CREATE POLICY backup_purges_provider ON backup_purges FOR ALL USING (app_is_provider()) WITH CHECK (app_is_provider());
  `.execute(db);
}
