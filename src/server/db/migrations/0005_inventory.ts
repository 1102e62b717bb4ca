import { type Kysely, sql } from 'kysely';

/**
 * Service inventory (SPEC §6), first part: each customer's UC applications and the release train
 * they are measured against.
 *
 * - `applications`: one row per application cluster (CUCM, Unity Connection, IM&P, CER, Expressway,
 *   SME) with its version, nodes, data centres and SSO flag. The version's tier (n, n-1, n-2,
 *   unsupported) is stored, not computed on read, so publishing a release re-classifies every
 *   application in one set-based UPDATE and lists, filters and the compliance view use plain
 *   indexed columns. `region` is the customer's region, except for an SME cluster, which follows
 *   its publisher's region (SPEC §2).
 * - `release_trains`: every train ever active; the newest row is the active one. Before the first
 *   publication there is no row and the policy document's train applies.
 * - `upgrade_campaigns`: what a publication left to do — the customers whose applications fell out
 *   of compliance, one row each (the changes issue turns them into upgrade changes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE release_trains (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      train jsonb NOT NULL,
      -- The release whose publication made this train; null for a train set otherwise.
      published_release jsonb,
      published_at timestamptz NOT NULL DEFAULT now(),
      published_by_id uuid REFERENCES users(id),
      published_by_label text NOT NULL
    );

    CREATE TABLE applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      kind text NOT NULL CHECK (kind IN ('cucm', 'cucxn', 'imp', 'cer', 'expressway', 'sme')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      version text NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
      tier text NOT NULL CHECK (tier IN ('n', 'n-1', 'n-2', 'unsupported')),
      must_upgrade boolean GENERATED ALWAYS AS (tier <> 'n') STORED,
      region text NOT NULL CHECK (region IN ('AMER', 'APJC', 'AUS', 'EMEA')),
      -- [{hostname, role: publisher|subscriber, dataCentre}]; exactly one publisher (checked by the service).
      nodes jsonb NOT NULL CHECK (jsonb_typeof(nodes) = 'array'),
      primary_dc text NOT NULL CHECK (length(primary_dc) BETWEEN 1 AND 40),
      failover_dc text CHECK (length(failover_dc) BETWEEN 1 AND 40),
      sso_enabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT applications_customer_name_key UNIQUE (customer_id, name),
      CONSTRAINT applications_distinct_dcs CHECK (failover_dc IS NULL OR failover_dc <> primary_dc)
    );
    CREATE INDEX applications_partner ON applications (partner_id, customer_id);
    CREATE INDEX applications_customer ON applications (customer_id);
    CREATE INDEX applications_tier ON applications (tier, partner_id);

    CREATE TABLE upgrade_campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      release_train_id integer NOT NULL REFERENCES release_trains(id),
      target text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE upgrade_campaign_customers (
      campaign_id uuid NOT NULL REFERENCES upgrade_campaigns(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      application_ids uuid[] NOT NULL,
      PRIMARY KEY (campaign_id, customer_id)
    );
    CREATE INDEX upgrade_campaign_customers_partner ON upgrade_campaign_customers (partner_id, campaign_id);
  `.execute(db);

  await sql`
    GRANT SELECT ON release_trains, upgrade_campaigns TO diops_app;
    GRANT INSERT ON release_trains, upgrade_campaigns, upgrade_campaign_customers TO diops_app;
    GRANT SELECT ON upgrade_campaign_customers TO diops_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON applications TO diops_app;

    -- The train is public knowledge to every signed-in user; only the provider publishes.
    ALTER TABLE release_trains ENABLE ROW LEVEL SECURITY;
    CREATE POLICY release_trains_read ON release_trains FOR SELECT USING (app_scope() <> 'none');
    CREATE POLICY release_trains_write ON release_trains FOR INSERT WITH CHECK (app_is_provider());

    ALTER TABLE applications ENABLE ROW LEVEL SECURITY;
    CREATE POLICY applications_read ON applications FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY applications_insert ON applications FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY applications_update ON applications FOR UPDATE
      USING (app_is_provider()) WITH CHECK (app_is_provider());
    CREATE POLICY applications_delete ON applications FOR DELETE USING (app_is_provider());

    ALTER TABLE upgrade_campaigns ENABLE ROW LEVEL SECURITY;
    CREATE POLICY upgrade_campaigns_read ON upgrade_campaigns FOR SELECT USING (app_scope() <> 'none');
    CREATE POLICY upgrade_campaigns_write ON upgrade_campaigns FOR INSERT WITH CHECK (app_is_provider());

    ALTER TABLE upgrade_campaign_customers ENABLE ROW LEVEL SECURITY;
    CREATE POLICY upgrade_campaign_customers_read ON upgrade_campaign_customers FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY upgrade_campaign_customers_write ON upgrade_campaign_customers FOR INSERT
      WITH CHECK (app_is_provider());
  `.execute(db);
}
