import { type Kysely, sql } from 'kysely';

/**
 * Change and maintenance management (SPEC §5, issue 8).
 *
 * - `changes`: the provider's changes; like outages they belong to the provider (no partner_id)
 *   and partners see them through `change_customers`. `regions` is the distinct set of the affected
 *   customers' regions, kept on the row because every rule is checked per region. `sequence` is the
 *   iCalendar SEQUENCE (raised by every reschedule and by the cancellation), `reschedules` the
 *   number of reschedules granted (an upgrade may move once). Status: scheduled (no notice sent:
 *   a no-impact routine change) | notice_sent → in_progress → completed; cancelled before it starts.
 *   `source_type`/`source_id` name what the change came from (a certificate, an upgrade campaign,
 *   a partner's change request, a COP install).
 * - `change_customers`: one row per affected customer, with its partner and region copied so a
 *   change for 5,000 customers is read per partner without joins.
 * - `change_events`: the change's history (created, notice, reminder, rescheduled, started,
 *   completed, cancelled) as the partners see it.
 * - `reschedule_requests`: a partner asks to move a change (reason, late flag); the provider grants
 *   it by rescheduling or declines it.
 * - `change_tasks`: the partner's follow-up tasks after a certificate renewal for a customer with SSO.
 * - `change_requests` + `change_request_notes`: partner-requested changes and their joint review
 *   (submitted → in_review → approved | rejected → scheduled → completed), with comments and
 *   decisions recorded.
 * - `calendar_feeds`: private iCalendar feeds per partner or customer; only a hash of the secret
 *   token is stored, and a feed is revoked rather than deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE change_numbers;
    CREATE TABLE changes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer NOT NULL UNIQUE DEFAULT nextval('change_numbers'),
      type text NOT NULL CHECK (type IN ('routine', 'service_interrupting', 'certificate_renewal', 'upgrade',
        'cop_install', 'infrastructure', 'emergency')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
      status text NOT NULL CHECK (status IN ('scheduled', 'notice_sent', 'in_progress', 'completed', 'cancelled')),
      start_at timestamptz NOT NULL,
      end_at timestamptz NOT NULL,
      reason text,
      emergency_reason text,
      certificate_expires_at timestamptz,
      emergency boolean NOT NULL DEFAULT false,
      no_impact boolean NOT NULL DEFAULT false,
      regions text[] NOT NULL,
      customer_count integer NOT NULL CHECK (customer_count >= 1),
      notice_sent_at timestamptz,
      reminder_sent_at timestamptz,
      sequence integer NOT NULL DEFAULT 0,
      reschedules integer NOT NULL DEFAULT 0,
      started_at timestamptz,
      completed_at timestamptz,
      cancelled_at timestamptz,
      cancel_reason text,
      source_type text CHECK (source_type IN ('certificate', 'upgrade_campaign', 'change_request', 'cop')),
      source_id uuid,
      created_by uuid REFERENCES users(id),
      created_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT changes_interval CHECK (end_at > start_at),
      CONSTRAINT changes_notice CHECK (status <> 'notice_sent' OR notice_sent_at IS NOT NULL),
      CONSTRAINT changes_no_impact CHECK (NOT no_impact OR type = 'routine'),
      CONSTRAINT changes_completed CHECK ((completed_at IS NULL) = (status <> 'completed')),
      CONSTRAINT changes_cancelled CHECK ((cancelled_at IS NULL) = (status <> 'cancelled'))
    );
    CREATE INDEX changes_start ON changes (start_at, id);
    CREATE INDEX changes_created ON changes (created_at DESC, id DESC);
    CREATE INDEX changes_reminder_due ON changes (start_at) WHERE status = 'notice_sent' AND reminder_sent_at IS NULL;
    CREATE INDEX changes_source ON changes (source_type, source_id) WHERE source_id IS NOT NULL;

    CREATE TABLE change_customers (
      change_id uuid NOT NULL REFERENCES changes(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      region text NOT NULL CHECK (region IN ('AMER', 'APJC', 'AUS', 'EMEA')),
      PRIMARY KEY (change_id, customer_id)
    );
    CREATE INDEX change_customers_partner ON change_customers (partner_id, change_id);
    CREATE INDEX change_customers_customer ON change_customers (customer_id, change_id);

    CREATE TABLE change_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      change_id uuid NOT NULL REFERENCES changes(id),
      kind text NOT NULL CHECK (kind IN ('created', 'notice_sent', 'reminder_sent', 'rescheduled', 'started',
        'completed', 'cancelled', 'reschedule_requested', 'reschedule_declined')),
      status text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}',
      -- Null: visible to every partner of the change; set: only to that partner (its own request).
      partner_id uuid REFERENCES partners(id),
      actor_label text NOT NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX change_events_change ON change_events (change_id, at);

    CREATE TABLE reschedule_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      change_id uuid NOT NULL REFERENCES changes(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      late boolean NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'granted', 'declined', 'withdrawn')),
      requested_by uuid REFERENCES users(id),
      requested_by_label text NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      decided_by_label text,
      decision_note text,
      CONSTRAINT reschedule_requests_decided CHECK ((status = 'open') = (decided_at IS NULL))
    );
    CREATE UNIQUE INDEX reschedule_requests_one_open ON reschedule_requests (change_id, partner_id) WHERE status = 'open';
    CREATE INDEX reschedule_requests_open ON reschedule_requests (requested_at) WHERE status = 'open';
    CREATE INDEX reschedule_requests_partner ON reschedule_requests (partner_id, requested_at DESC);

    CREATE TABLE change_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      change_id uuid NOT NULL REFERENCES changes(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      kind text NOT NULL CHECK (kind IN ('disable_sso', 'reimport_idp_metadata', 'enable_sso', 'validate_sign_in')),
      position smallint NOT NULL,
      done_at timestamptz,
      done_by_label text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (change_id, customer_id, kind),
      CONSTRAINT change_tasks_done CHECK ((done_at IS NULL) = (done_by_label IS NULL))
    );
    CREATE INDEX change_tasks_partner ON change_tasks (partner_id, created_at DESC);
    CREATE INDEX change_tasks_customer ON change_tasks (customer_id, created_at DESC);

    CREATE SEQUENCE change_request_numbers;
    CREATE TABLE change_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer NOT NULL UNIQUE DEFAULT nextval('change_request_numbers'),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      kind text NOT NULL CHECK (kind IN ('boundary_devices', 'application_integration', 'service_deactivation', 'other')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
      preferred_start timestamptz,
      status text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'in_review', 'approved', 'rejected', 'scheduled', 'completed')),
      change_id uuid REFERENCES changes(id),
      requested_by uuid REFERENCES users(id),
      requested_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT change_requests_change CHECK ((change_id IS NOT NULL) = (status IN ('scheduled', 'completed')))
    );
    CREATE INDEX change_requests_partner ON change_requests (partner_id, created_at DESC);
    CREATE INDEX change_requests_customer ON change_requests (customer_id, created_at DESC);
    CREATE INDEX change_requests_change ON change_requests (change_id) WHERE change_id IS NOT NULL;

    CREATE TABLE change_request_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL REFERENCES change_requests(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      kind text NOT NULL CHECK (kind IN ('comment', 'decision')),
      -- For decisions: the status the request moved to.
      status text,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      author_side text NOT NULL CHECK (author_side IN ('provider', 'partner')),
      author_label text NOT NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX change_request_notes_request ON change_request_notes (request_id, at);

    CREATE TABLE calendar_feeds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid REFERENCES customers(id),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
      token_hash bytea NOT NULL UNIQUE,
      created_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_used_at timestamptz
    );
    CREATE INDEX calendar_feeds_partner ON calendar_feeds (partner_id, created_at DESC);

    GRANT SELECT, INSERT, UPDATE ON changes, change_customers, reschedule_requests, change_tasks,
      change_requests, calendar_feeds TO diops_app;
    GRANT SELECT, INSERT ON change_events, change_request_notes TO diops_app;
    GRANT USAGE ON SEQUENCE change_numbers, change_request_numbers TO diops_app;

    ALTER TABLE change_customers ENABLE ROW LEVEL SECURITY;
    CREATE POLICY change_customers_read ON change_customers FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY change_customers_write ON change_customers FOR INSERT WITH CHECK (app_is_provider());

    ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY changes_read ON changes FOR SELECT USING (
      app_is_provider() OR EXISTS (SELECT 1 FROM change_customers cc WHERE cc.change_id = changes.id)
    );
    CREATE POLICY changes_insert ON changes FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY changes_update ON changes FOR UPDATE USING (app_is_provider()) WITH CHECK (app_is_provider());

    ALTER TABLE change_events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY change_events_read ON change_events FOR SELECT USING (
      app_is_provider()
      OR ((partner_id IS NULL OR (app_scope() = 'partner' AND partner_id = app_partner()))
        AND EXISTS (SELECT 1 FROM change_customers cc WHERE cc.change_id = change_events.change_id))
    );
    CREATE POLICY change_events_insert ON change_events FOR INSERT WITH CHECK (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );

    ALTER TABLE reschedule_requests ENABLE ROW LEVEL SECURITY;
    CREATE POLICY reschedule_requests_scope ON reschedule_requests
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE change_tasks ENABLE ROW LEVEL SECURITY;
    CREATE POLICY change_tasks_read ON change_tasks FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY change_tasks_insert ON change_tasks FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY change_tasks_update ON change_tasks FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE change_requests ENABLE ROW LEVEL SECURITY;
    CREATE POLICY change_requests_read ON change_requests FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY change_requests_write ON change_requests
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE change_request_notes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY change_request_notes_read ON change_request_notes FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND EXISTS (SELECT 1 FROM change_requests r
        WHERE r.id = change_request_notes.request_id AND r.customer_id = app_customer()))
    );
    CREATE POLICY change_request_notes_insert ON change_request_notes FOR INSERT WITH CHECK (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );

    ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
    CREATE POLICY calendar_feeds_scope ON calendar_feeds
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));
  `.execute(db);
}
