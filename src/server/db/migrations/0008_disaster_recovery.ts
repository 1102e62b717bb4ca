import { type Kysely, sql } from 'kysely';

/**
 * Disaster recovery (SPEC §6, operations guide "Estrategia de recuperación ante desastres"): one row
 * per DR event of a customer's application, with its timeline.
 *
 * - `dr_events`: `kind` is an application failure (a new publisher from the DRS backup within one
 *   business day of the declaration, in the region's calendar: `target_at`, with the policy core's
 *   explanation kept as it was computed) or a hardware failure (the way back depends on the
 *   failure: no fixed target, `target_at` null). `region` is the application's region when the
 *   event was declared (an SME cluster follows its publisher's region). Status: declared →
 *   restoring → restored → closed (restoring may be skipped); `recovered_at` is set when it
 *   reaches restored, `closed_at` when it is closed. The application's name and kind are copied:
 *   deleting the application later keeps the event (its `application_id` becomes null).
 * - `dr_event_updates`: the timeline the partner sees — the declaration, then every update with
 *   its message and, when it moved, the status before and after.
 *
 * Only the provider writes; a partner reads its own customers' events, a customer viewer its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dr_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      application_id uuid REFERENCES applications(id) ON DELETE SET NULL,
      application_name text NOT NULL CHECK (length(application_name) BETWEEN 1 AND 100),
      application_kind text NOT NULL CHECK (application_kind IN ('cucm', 'cucxn', 'imp', 'cer', 'expressway', 'sme')),
      kind text NOT NULL CHECK (kind IN ('application_failure', 'hardware_failure')),
      title text CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
      region text NOT NULL CHECK (region IN ('AMER', 'APJC', 'AUS', 'EMEA')),
      status text NOT NULL DEFAULT 'declared' CHECK (status IN ('declared', 'restoring', 'restored', 'closed')),
      declared_at timestamptz NOT NULL,
      target_at timestamptz,
      target_explanation jsonb,
      recovered_at timestamptz,
      closed_at timestamptz,
      declared_by uuid REFERENCES users(id),
      declared_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT dr_events_target CHECK ((kind = 'application_failure') = (target_at IS NOT NULL)),
      CONSTRAINT dr_events_recovered CHECK ((recovered_at IS NULL) = (status IN ('declared', 'restoring'))),
      CONSTRAINT dr_events_recovered_after CHECK (recovered_at IS NULL OR recovered_at >= declared_at),
      CONSTRAINT dr_events_closed CHECK ((closed_at IS NULL) = (status <> 'closed'))
    );
    CREATE INDEX dr_events_partner ON dr_events (partner_id, declared_at DESC);
    CREATE INDEX dr_events_customer ON dr_events (customer_id, declared_at DESC);
    CREATE INDEX dr_events_application ON dr_events (application_id);
    CREATE INDEX dr_events_open ON dr_events (declared_at DESC) WHERE status <> 'closed';

    CREATE TABLE dr_event_updates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES dr_events(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      -- Null for the declaration; otherwise the status before this update (equal to status when it did not move).
      previous_status text CHECK (previous_status IN ('declared', 'restoring', 'restored', 'closed')),
      status text NOT NULL CHECK (status IN ('declared', 'restoring', 'restored', 'closed')),
      message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
      author_id uuid REFERENCES users(id),
      author_label text NOT NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX dr_event_updates_event ON dr_event_updates (event_id, at);

    GRANT SELECT, INSERT, UPDATE ON dr_events TO diops_app;
    GRANT SELECT, INSERT ON dr_event_updates TO diops_app;

    ALTER TABLE dr_events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY dr_events_read ON dr_events FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY dr_events_insert ON dr_events FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY dr_events_update ON dr_events FOR UPDATE USING (app_is_provider()) WITH CHECK (app_is_provider());

    ALTER TABLE dr_event_updates ENABLE ROW LEVEL SECURITY;
    CREATE POLICY dr_event_updates_read ON dr_event_updates FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY dr_event_updates_insert ON dr_event_updates FOR INSERT WITH CHECK (app_is_provider());
  `.execute(db);
}
