import { type Kysely, sql } from 'kysely';

/**
 * Support cases (SPEC §3): the case row carries its clocks (response due, acknowledgement,
 * time awaiting the partner, monitoring end) and flags (plan owed, escalation); `case_events` is
 * the append-only history shown as the timeline; attachments keep only metadata here, the bytes
 * live in files outside the database.
 *
 * Case numbers come from a sequence (never from max()+1), so concurrent openings cannot collide and
 * never wait for each other; a rolled-back opening leaves a gap, which is harmless.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE case_number_seq;

    -- 'DI-2026-000123': the opening year (UTC) and at least six digits.
    CREATE FUNCTION next_case_number(at timestamptz) RETURNS text LANGUAGE sql VOLATILE AS $$
      SELECT 'DI-' || to_char(at AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
      FROM (SELECT nextval('case_number_seq') AS n) s
    $$;

    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      contract_id uuid NOT NULL REFERENCES contracts(id),
      -- The customer's region at opening: its business calendar runs the S3/S4 clock.
      region text NOT NULL CHECK (region IN ('AMER', 'APJC', 'AUS', 'EMEA')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 20000),
      category text NOT NULL CHECK (category IN ('how_to', 'common_problem', 'configuration', 'possible_defect', 'availability')),
      impact text NOT NULL CHECK (impact IN ('widespread', 'large', 'localized', 'individualized')),
      urgency text NOT NULL CHECK (urgency IN ('critical', 'high', 'medium', 'low')),
      affected_share double precision CHECK (affected_share BETWEEN 0 AND 1),
      severity text NOT NULL CHECK (severity IN ('S1', 'S2', 'S3', 'S4')),
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'in_progress', 'awaiting_partner', 'monitoring', 'resolved', 'closed')),
      caller_id uuid REFERENCES users(id),
      caller_name text NOT NULL,
      caller_email text NOT NULL,
      contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
      contact_phone text NOT NULL CHECK (length(contact_phone) BETWEEN 4 AND 40),
      contact_email text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
      opened_at timestamptz NOT NULL,
      response_due_at timestamptz NOT NULL,
      -- The policy core's explanation of response_due_at, kept as computed (the policy may change).
      due_explanation jsonb NOT NULL,
      acknowledged_at timestamptz,
      acknowledged_by uuid REFERENCES users(id),
      response_met boolean,
      awaiting_since timestamptz,
      awaiting_ms bigint NOT NULL DEFAULT 0,
      monitor_until timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz,
      root_cause_summary text CHECK (length(root_cause_summary) <= 5000),
      plan_owed_since timestamptz,
      last_plan_at timestamptz,
      escalated_at timestamptz,
      escalation_count integer NOT NULL DEFAULT 0,
      reopen_count integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      search tsvector GENERATED ALWAYS AS (
        to_tsvector('english', title || ' ' || description) || to_tsvector('spanish', title || ' ' || description)
      ) STORED,
      CONSTRAINT cases_ack CHECK ((acknowledged_at IS NULL) = (response_met IS NULL)),
      CONSTRAINT cases_monitoring CHECK (status <> 'monitoring' OR monitor_until IS NOT NULL)
    );
    CREATE INDEX cases_open_due_partner ON cases (partner_id, response_due_at, id) WHERE status NOT IN ('resolved', 'closed');
    CREATE INDEX cases_open_due ON cases (response_due_at, id) WHERE status NOT IN ('resolved', 'closed');
    CREATE INDEX cases_partner_newest ON cases (partner_id, opened_at DESC, id DESC);
    CREATE INDEX cases_newest ON cases (opened_at DESC, id DESC);
    CREATE INDEX cases_customer ON cases (customer_id, opened_at DESC);
    CREATE INDEX cases_search ON cases USING gin (search);
    CREATE INDEX cases_plan_owed ON cases (plan_owed_since) WHERE plan_owed_since IS NOT NULL;
    CREATE INDEX cases_escalated ON cases (escalated_at DESC) WHERE escalated_at IS NOT NULL;
    CREATE INDEX cases_monitoring_until ON cases (monitor_until) WHERE status = 'monitoring';
    CREATE INDEX cases_opened_month ON cases (opened_at, severity);

    CREATE TABLE case_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- Timeline order: many events can share one transaction's now().
      seq bigint GENERATED ALWAYS AS IDENTITY,
      case_id uuid NOT NULL REFERENCES cases(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      kind text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users(id),
      actor_name text NOT NULL,
      side text NOT NULL CHECK (side IN ('provider', 'partner', 'system')),
      -- Provider-only notes: never shown to the partner or the customer.
      internal boolean NOT NULL DEFAULT false,
      body text CHECK (length(body) <= 20000),
      data jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX case_events_case ON case_events (case_id, seq);

    CREATE TABLE case_attachments (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      content_type text NOT NULL,
      size integer NOT NULL CHECK (size >= 0),
      sha256 text NOT NULL,
      -- Relative path under ATTACHMENTS_DIR.
      storage_key text NOT NULL UNIQUE,
      uploaded_by uuid REFERENCES users(id),
      uploaded_by_name text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_attachments_case ON case_attachments (case_id, uploaded_at);
  `.execute(db);

  await sql`
    GRANT USAGE ON SEQUENCE case_number_seq TO diops_app;
    GRANT EXECUTE ON FUNCTION next_case_number(timestamptz) TO diops_app;
    GRANT SELECT, INSERT, UPDATE ON cases TO diops_app;
    GRANT SELECT, INSERT ON case_events, case_attachments TO diops_app;

    ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
    CREATE POLICY cases_read ON cases FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY cases_insert ON cases FOR INSERT
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));
    CREATE POLICY cases_update ON cases FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY case_events_read ON case_events FOR SELECT USING (
      app_is_provider()
      OR (NOT internal AND app_scope() = 'partner' AND partner_id = app_partner())
      OR (NOT internal AND app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY case_events_insert ON case_events FOR INSERT WITH CHECK (
      app_is_provider() OR (NOT internal AND app_scope() = 'partner' AND partner_id = app_partner())
    );

    ALTER TABLE case_attachments ENABLE ROW LEVEL SECURITY;
    CREATE POLICY case_attachments_read ON case_attachments FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY case_attachments_insert ON case_attachments FOR INSERT
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));
  `.execute(db);
}
