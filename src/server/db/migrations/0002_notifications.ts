import { type Kysely, sql } from 'kysely';

/**
 * Notifications and outages: subscriptions, the outbox (events fanned out into deliveries by the
 * worker), every delivery attempt, the built-in mailbox for demo installs without SMTP, outages
 * with their timeline, and the partners' planned network activity.
 *
 * Outbox shape: a service inserts one `notification_events` row in its own transaction (so the
 * event exists exactly when the change does). The worker turns each event into one `deliveries`
 * row per recipient (unique per event and recipient, so a repeated fan-out adds nothing), then
 * relays deliveries with FOR UPDATE SKIP LOCKED and a lease, recording every attempt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- NULL: the provider's own subscription.
      partner_id uuid REFERENCES partners(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      categories text[] NOT NULL CHECK (
        cardinality(categories) >= 1
        AND categories <@ ARRAY['maintenance_outages', 'incidents', 'certificates', 'upgrades', 'releases']::text[]
      ),
      channel text NOT NULL CHECK (channel IN ('email', 'webhook', 'webex', 'slack', 'teams')),
      target text NOT NULL CHECK (length(target) BETWEEN 3 AND 2000),
      -- Generic webhooks only: the HMAC key, encrypted at rest when SECRETS_KEY is set.
      secret text,
      locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es')),
      time_zone text NOT NULL DEFAULT 'UTC',
      paused boolean NOT NULL DEFAULT false,
      consecutive_failures integer NOT NULL DEFAULT 0,
      last_success_at timestamptz,
      last_failure_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX subscriptions_partner ON subscriptions (partner_id, lower(name), id);
    CREATE INDEX subscriptions_categories ON subscriptions USING gin (categories);

    CREATE TABLE notification_events (
      id uuid PRIMARY KEY,
      -- Who caused it (NULL: the provider or the system).
      partner_id uuid REFERENCES partners(id),
      category text NOT NULL,
      kind text NOT NULL,
      subject_type text NOT NULL,
      subject_id text NOT NULL,
      payload jsonb NOT NULL,
      audience_provider boolean NOT NULL DEFAULT false,
      audience_partner_ids uuid[] NOT NULL DEFAULT '{}',
      target_subscription_id uuid,
      target_user_ids uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      fanned_out_at timestamptz
    );
    CREATE INDEX notification_events_pending ON notification_events (created_at) WHERE fanned_out_at IS NULL;

    CREATE TABLE deliveries (
      -- The message id: Message-ID of the e-mail, Idempotency-Key of the webhook.
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES notification_events(id),
      -- Whose recipient this is (NULL: the provider's).
      partner_id uuid REFERENCES partners(id),
      subscription_id uuid REFERENCES subscriptions(id) ON DELETE SET NULL,
      recipient_key text NOT NULL,
      -- Copied from the event: partners read their deliveries, not the provider's event table.
      kind text NOT NULL,
      category text NOT NULL,
      channel text NOT NULL,
      target text NOT NULL,
      locale text NOT NULL,
      time_zone text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'dead', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0,
      -- The attempt count at which the delivery goes dead; a manual retry moves it on.
      dead_after integer NOT NULL DEFAULT 8,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      last_error text,
      last_status_code integer,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT deliveries_once UNIQUE (event_id, recipient_key)
    );
    CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX deliveries_leased ON deliveries (lease_until) WHERE status = 'sending';
    CREATE INDEX deliveries_partner ON deliveries (partner_id, created_at DESC, id);
    CREATE INDEX deliveries_subscription ON deliveries (subscription_id, created_at DESC);

    CREATE TABLE delivery_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES deliveries(id),
      partner_id uuid REFERENCES partners(id),
      number integer NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      result text NOT NULL CHECK (result IN ('sending', 'delivered', 'failed', 'refused', 'interrupted')),
      status_code integer,
      error text,
      -- At most 1 kB of what the endpoint answered.
      response_excerpt text CHECK (length(response_excerpt) <= 1024)
    );
    CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, number);

    -- What partners would have received, for installs without SMTP_URL (the demo).
    CREATE TABLE mailbox (
      id uuid PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES deliveries(id),
      partner_id uuid REFERENCES partners(id),
      message_id text NOT NULL UNIQUE,
      recipient text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX mailbox_partner ON mailbox (partner_id, received_at DESC, id);

    CREATE TABLE outages (
      -- Outages belong to the provider (no partner_id): partners see them through outage_customers.
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 5000),
      impact text NOT NULL CHECK (impact IN ('down', 'degraded', 'at_risk')),
      status text NOT NULL DEFAULT 'investigating' CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
      regions text[] NOT NULL DEFAULT '{}',
      services text[] NOT NULL DEFAULT '{}',
      started_at timestamptz NOT NULL,
      resolved_at timestamptz,
      declared_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outages_open ON outages (started_at DESC) WHERE resolved_at IS NULL;

    CREATE TABLE outage_customers (
      outage_id uuid NOT NULL REFERENCES outages(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      PRIMARY KEY (outage_id, customer_id)
    );
    CREATE INDEX outage_customers_partner ON outage_customers (partner_id, outage_id);
    CREATE INDEX outage_customers_customer ON outage_customers (customer_id, outage_id);

    CREATE TABLE outage_updates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      outage_id uuid NOT NULL REFERENCES outages(id),
      kind text NOT NULL CHECK (kind IN ('declared', 'update', 'resolved')),
      status text NOT NULL,
      message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
      author_id uuid REFERENCES users(id),
      author_label text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outage_updates_outage ON outage_updates (outage_id, at);

    CREATE TABLE network_activities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_ids uuid[] NOT NULL DEFAULT '{}',
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
      expected_alarms text CHECK (length(expected_alarms) <= 2000),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      cancelled_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT network_activities_period CHECK (ends_at > starts_at)
    );
    CREATE INDEX network_activities_partner ON network_activities (partner_id, starts_at DESC);
    CREATE INDEX network_activities_time ON network_activities (starts_at DESC);

    -- When a partner was last reminded about its contact data (at most once per period).
    CREATE TABLE contact_reminders (
      partner_id uuid PRIMARY KEY REFERENCES partners(id),
      last_sent_at timestamptz NOT NULL,
      reasons text[] NOT NULL
    );
  `.execute(db);

  await sql`
    GRANT SELECT, INSERT, UPDATE, DELETE ON subscriptions TO diops_app;
    GRANT SELECT, INSERT ON notification_events TO diops_app;
    GRANT UPDATE (fanned_out_at) ON notification_events TO diops_app;
    GRANT SELECT, INSERT, UPDATE ON deliveries, delivery_attempts, mailbox, contact_reminders TO diops_app;
    GRANT SELECT, INSERT, UPDATE ON outages, outage_customers, outage_updates, network_activities TO diops_app;

    ALTER TABLE subscriptions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY subscriptions_scope ON subscriptions
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    -- Anyone signed in may raise an event (a partner's network activity notifies the provider);
    -- only the provider and the worker read them.
    ALTER TABLE notification_events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY notification_events_read ON notification_events FOR SELECT USING (app_is_provider());
    CREATE POLICY notification_events_insert ON notification_events FOR INSERT WITH CHECK (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner()
          AND audience_partner_ids <@ ARRAY[app_partner()]
          AND (target_subscription_id IS NULL OR EXISTS (
            SELECT 1 FROM subscriptions s WHERE s.id = target_subscription_id AND s.partner_id = app_partner())))
    );
    CREATE POLICY notification_events_fan_out ON notification_events FOR UPDATE
      USING (app_scope() = 'system') WITH CHECK (app_scope() = 'system');

    ALTER TABLE deliveries ENABLE ROW LEVEL SECURITY;
    CREATE POLICY deliveries_scope ON deliveries
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE delivery_attempts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY delivery_attempts_read ON delivery_attempts FOR SELECT
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));
    CREATE POLICY delivery_attempts_write ON delivery_attempts FOR INSERT WITH CHECK (app_scope() = 'system');
    CREATE POLICY delivery_attempts_update ON delivery_attempts FOR UPDATE
      USING (app_scope() = 'system') WITH CHECK (app_scope() = 'system');

    ALTER TABLE mailbox ENABLE ROW LEVEL SECURITY;
    CREATE POLICY mailbox_read ON mailbox FOR SELECT
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));
    CREATE POLICY mailbox_write ON mailbox FOR INSERT WITH CHECK (app_scope() = 'system');

    ALTER TABLE outage_customers ENABLE ROW LEVEL SECURITY;
    CREATE POLICY outage_customers_read ON outage_customers FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY outage_customers_write ON outage_customers FOR INSERT WITH CHECK (app_is_provider());

    ALTER TABLE outages ENABLE ROW LEVEL SECURITY;
    CREATE POLICY outages_read ON outages FOR SELECT USING (
      app_is_provider() OR EXISTS (SELECT 1 FROM outage_customers oc WHERE oc.outage_id = outages.id)
    );
    CREATE POLICY outages_insert ON outages FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY outages_update ON outages FOR UPDATE USING (app_is_provider()) WITH CHECK (app_is_provider());

    ALTER TABLE outage_updates ENABLE ROW LEVEL SECURITY;
    CREATE POLICY outage_updates_read ON outage_updates FOR SELECT USING (
      app_is_provider() OR EXISTS (SELECT 1 FROM outage_customers oc WHERE oc.outage_id = outage_updates.outage_id)
    );
    CREATE POLICY outage_updates_insert ON outage_updates FOR INSERT WITH CHECK (app_is_provider());

    ALTER TABLE network_activities ENABLE ROW LEVEL SECURITY;
    CREATE POLICY network_activities_read ON network_activities FOR SELECT USING (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );
    CREATE POLICY network_activities_write ON network_activities FOR INSERT
      WITH CHECK (app_scope() = 'system' OR (app_scope() = 'partner' AND partner_id = app_partner()));
    CREATE POLICY network_activities_update ON network_activities FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE contact_reminders ENABLE ROW LEVEL SECURITY;
    CREATE POLICY contact_reminders_system ON contact_reminders
      USING (app_scope() = 'system') WITH CHECK (app_scope() = 'system');
  `.execute(db);
}
