import { type Kysely, sql } from 'kysely';

/**
 * COP file service requests (SPEC §6, operations guide "Cisco Options Package files"): a customer
 * who needs a COP file (phone firmware, locale pack, device pack) asks through its partner; the
 * provider only uploads the file to the instance's SFTP server (recorded with the file name and
 * its checksum); the partner installs it when it suits and marks it installed.
 * requested → uploaded → installed; requested → rejected; requested | uploaded → cancelled.
 * Provider-initiated installs are changes of type cop_install (the changes module).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE cop_request_numbers;
    CREATE TABLE cop_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer NOT NULL UNIQUE DEFAULT nextval('cop_request_numbers'),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      package text NOT NULL CHECK (package IN ('phone_firmware', 'locale', 'device_pack', 'fix', 'other')),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      status text NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested', 'uploaded', 'installed', 'rejected', 'cancelled')),
      sftp_path text,
      checksum_algorithm text CHECK (checksum_algorithm IN ('sha256', 'sha512', 'md5')),
      checksum text,
      uploaded_at timestamptz,
      uploaded_by_label text,
      installed_at timestamptz,
      installed_by_label text,
      closing_reason text,
      requested_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT cop_requests_upload CHECK (
        status IN ('requested', 'rejected') OR (status = 'cancelled' AND uploaded_at IS NULL)
        OR (sftp_path IS NOT NULL AND checksum IS NOT NULL AND uploaded_at IS NOT NULL)
      )
    );
    CREATE INDEX cop_requests_partner ON cop_requests (partner_id, created_at DESC);
    CREATE INDEX cop_requests_customer ON cop_requests (customer_id, created_at DESC);
    CREATE INDEX cop_requests_open ON cop_requests (status, created_at) WHERE status IN ('requested', 'uploaded');

    GRANT SELECT, INSERT, UPDATE ON cop_requests TO diops_app;
    GRANT USAGE ON SEQUENCE cop_request_numbers TO diops_app;
    ALTER TABLE cop_requests ENABLE ROW LEVEL SECURITY;
    CREATE POLICY cop_requests_read ON cop_requests FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY cop_requests_insert ON cop_requests FOR INSERT WITH CHECK (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );
    CREATE POLICY cop_requests_update ON cop_requests FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));
  `.execute(db);
}
