import { type Kysely, sql } from 'kysely';

/**
 * Foundation: directory (partners, customers, users, contracts), sessions, API tokens, login
 * attempts and the audit log, with row-level security enforced for the non-owner role `diops_app`.
 *
 * The app connects as the owner and switches to `diops_app` at the start of every transaction,
 * setting the caller's scope in `app.*` settings; the policies below read those settings, so a
 * query that forgets its tenant filter still cannot see another partner's rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$ BEGIN
      CREATE ROLE diops_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;
  `.execute(db);
  await sql`GRANT diops_app TO CURRENT_USER`.execute(db).catch(() => undefined);
  await sql`GRANT USAGE ON SCHEMA public TO diops_app`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE FUNCTION app_scope() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT coalesce(nullif(current_setting('app.scope', true), ''), 'none') $$;
    CREATE FUNCTION app_partner() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.partner_id', true), '')::uuid $$;
    CREATE FUNCTION app_customer() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.customer_id', true), '')::uuid $$;
    CREATE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
    CREATE FUNCTION app_is_provider() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT app_scope() IN ('provider', 'system') $$;
  `.execute(db);

  await sql`
    CREATE TABLE partners (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid GENERATED ALWAYS AS (id) STORED,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX partners_name_key ON partners (lower(name));
    CREATE INDEX partners_name_trgm ON partners USING gin (name gin_trgm_ops);

    CREATE TABLE customers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      region text NOT NULL CHECK (region IN ('AMER', 'APJC', 'AUS', 'EMEA')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX customers_partner_name_key ON customers (partner_id, lower(name));
    CREATE INDEX customers_partner_sort ON customers (partner_id, lower(name), id);
    CREATE INDEX customers_sort ON customers (lower(name), id);
    CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops);

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('provider_admin', 'provider_engineer', 'partner_admin', 'partner_engineer', 'customer_viewer')),
      partner_id uuid REFERENCES partners(id),
      customer_id uuid REFERENCES customers(id),
      locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es')),
      time_zone text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz,
      CONSTRAINT users_scope_matches_role CHECK (
        (role LIKE 'provider_%' AND partner_id IS NULL AND customer_id IS NULL)
        OR (role LIKE 'partner_%' AND partner_id IS NOT NULL AND customer_id IS NULL)
        OR (role = 'customer_viewer' AND partner_id IS NOT NULL AND customer_id IS NOT NULL)
      )
    );
    CREATE UNIQUE INDEX users_email_key ON users (lower(email));
    CREATE INDEX users_partner_sort ON users (partner_id, lower(name), id);
    CREATE INDEX users_name_trgm ON users USING gin ((name || ' ' || email) gin_trgm_ops);

    CREATE TABLE contracts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES customers(id),
      number text NOT NULL CHECK (length(number) BETWEEN 1 AND 64),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT contracts_dates CHECK (ends_on >= starts_on)
    );
    CREATE UNIQUE INDEX contracts_number_key ON contracts (upper(number));
    CREATE INDEX contracts_customer ON contracts (customer_id);
    CREATE INDEX contracts_partner_sort ON contracts (partner_id, upper(number));

    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash bytea NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      user_agent text,
      ip text
    );
    CREATE INDEX sessions_user ON sessions (user_id);

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid REFERENCES partners(id),
      user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      token_hash bytea NOT NULL UNIQUE,
      token_prefix text NOT NULL,
      read_only boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at DESC);

    CREATE TABLE login_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email_key text NOT NULL,
      ip text NOT NULL,
      succeeded boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_attempts_email ON login_attempts (email_key, at);
    CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid,
      actor_label text NOT NULL,
      partner_id uuid,
      customer_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb,
      request_id text
    );
    CREATE INDEX audit_log_partner ON audit_log (partner_id, id DESC);
    CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id DESC);
  `.execute(db);

  await sql`
    -- Authentication runs before the caller's scope is known, so it goes through two narrow
    -- SECURITY DEFINER functions instead of opening the tables to an unscoped role.
    -- last_seen_at / last_used_at are touched at most once a minute to keep reads write-free.
    CREATE FUNCTION authenticate_session(p_token_hash bytea, p_idle_seconds integer)
    RETURNS TABLE (session_id uuid, csrf_token text, user_id uuid, email text, role text, partner_id uuid, customer_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
    DECLARE
      found_session sessions%ROWTYPE;
    BEGIN
      SELECT * INTO found_session FROM sessions s
        WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => p_idle_seconds);
      IF NOT FOUND THEN RETURN; END IF;
      IF found_session.last_seen_at < now() - interval '60 seconds' THEN
        UPDATE sessions SET last_seen_at = now() WHERE id = found_session.id;
      END IF;
      RETURN QUERY SELECT found_session.id, found_session.csrf_token, u.id, u.email, u.role, u.partner_id, u.customer_id
        FROM users u WHERE u.id = found_session.user_id AND u.active;
    END $fn$;

    CREATE FUNCTION authenticate_api_token(p_token_hash bytea)
    RETURNS TABLE (token_id uuid, read_only boolean, user_id uuid, email text, role text, partner_id uuid, customer_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
    DECLARE
      found_token api_tokens%ROWTYPE;
    BEGIN
      SELECT * INTO found_token FROM api_tokens t
        WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now());
      IF NOT FOUND THEN RETURN; END IF;
      IF found_token.last_used_at IS NULL OR found_token.last_used_at < now() - interval '60 seconds' THEN
        UPDATE api_tokens SET last_used_at = now() WHERE id = found_token.id;
      END IF;
      RETURN QUERY SELECT found_token.id, found_token.read_only, u.id, u.email, u.role, u.partner_id, u.customer_id
        FROM users u WHERE u.id = found_token.user_id AND u.active;
    END $fn$;
    REVOKE ALL ON FUNCTION authenticate_session(bytea, integer), authenticate_api_token(bytea) FROM PUBLIC;
  `.execute(db);

  await sql`
    GRANT SELECT, INSERT, UPDATE ON partners, customers, users, contracts, sessions, api_tokens TO diops_app;
    GRANT SELECT, INSERT, DELETE ON login_attempts TO diops_app;
    GRANT SELECT, INSERT ON audit_log TO diops_app;
    GRANT EXECUTE ON FUNCTION app_scope(), app_partner(), app_customer(), app_user(), app_is_provider() TO diops_app;

    ALTER TABLE partners ENABLE ROW LEVEL SECURITY;
    CREATE POLICY partners_read ON partners FOR SELECT USING (app_is_provider() OR id = app_partner());
    CREATE POLICY partners_insert ON partners FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY partners_update ON partners FOR UPDATE USING (app_is_provider()) WITH CHECK (app_is_provider());

    ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
    CREATE POLICY customers_read ON customers FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND id = app_customer())
    );
    CREATE POLICY customers_insert ON customers FOR INSERT WITH CHECK (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );
    CREATE POLICY customers_update ON customers FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()))
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()));

    ALTER TABLE users ENABLE ROW LEVEL SECURITY;
    CREATE POLICY users_read ON users FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR id = app_user()
    );
    CREATE POLICY users_insert ON users FOR INSERT WITH CHECK (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );
    CREATE POLICY users_update ON users FOR UPDATE
      USING (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()) OR id = app_user())
      WITH CHECK (app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner()) OR id = app_user());

    ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY contracts_read ON contracts FOR SELECT USING (
      app_is_provider()
      OR (app_scope() = 'partner' AND partner_id = app_partner())
      OR (app_scope() = 'customer' AND customer_id = app_customer())
    );
    CREATE POLICY contracts_write ON contracts FOR INSERT WITH CHECK (app_is_provider());
    CREATE POLICY contracts_update ON contracts FOR UPDATE USING (app_is_provider()) WITH CHECK (app_is_provider());

    ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY sessions_own ON sessions USING (app_scope() = 'system' OR user_id = app_user())
      WITH CHECK (app_scope() = 'system' OR user_id = app_user());

    ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
    CREATE POLICY api_tokens_own ON api_tokens USING (app_scope() = 'system' OR user_id = app_user())
      WITH CHECK (app_scope() = 'system' OR user_id = app_user());

    ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY login_attempts_system ON login_attempts USING (app_scope() = 'system')
      WITH CHECK (app_scope() = 'system');

    ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
    CREATE POLICY audit_read ON audit_log FOR SELECT USING (
      app_is_provider() OR (app_scope() = 'partner' AND partner_id = app_partner())
    );
    CREATE POLICY audit_insert ON audit_log FOR INSERT WITH CHECK (app_scope() <> 'none');
  `.execute(db);
}
