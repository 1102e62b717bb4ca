import { type Kysely, sql } from 'kysely';

/**
 * Certificates (SPEC §6): one row per certificate of an application, with its expiry. The daily
 * certificate job writes the renewal proposal it made (a slot 3–7 days before expiry inside the
 * customer's window) and when it alerted, so each certificate is proposed and alerted once; a
 * renewal records the new expiry and clears both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE certificates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('tomcat', 'callmanager', 'ipsec', 'capf', 'tvs', 'itl', 'other')),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
      expires_at timestamptz NOT NULL,
      proposal_start timestamptz,
      proposal_end timestamptz,
      -- 'expired_or_too_late' | 'no_weekday_window' when no slot could be proposed.
      proposal_problem text,
      proposed_at timestamptz,
      renewed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT certificates_proposal CHECK ((proposal_start IS NULL) = (proposal_end IS NULL))
    );
    CREATE INDEX certificates_expiry ON certificates (expires_at) WHERE proposed_at IS NULL;
    CREATE INDEX certificates_partner ON certificates (partner_id, expires_at);
    CREATE INDEX certificates_application ON certificates (application_id);

    GRANT SELECT, INSERT, UPDATE, DELETE ON certificates TO diops_app;
    ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
    CREATE POLICY certificates_read ON certificates FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY certificates_write ON certificates FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY certificates_update ON certificates FOR UPDATE USING (app_is_provider()) WITH CHECK (app_is_provider());
    CREATE POLICY certificates_delete ON certificates FOR DELETE USING (app_is_provider());
  `.execute(db);
}
