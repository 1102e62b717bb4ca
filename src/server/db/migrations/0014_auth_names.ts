import { type Kysely, sql } from 'kysely';

/**
 * The authentication functions also answer the user's display name and its partner's name, so a
 * request knows them from its (cached) sign-in instead of looking them up in its statements: a
 * case opening planned two sub-queries for them, about a tenth of its PostgreSQL time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION authenticate_session(bytea, integer);
    DROP FUNCTION authenticate_api_token(bytea);

    CREATE FUNCTION authenticate_session(p_token_hash bytea, p_idle_seconds integer)
    RETURNS TABLE (session_id uuid, csrf_token text, user_id uuid, email text, role text, partner_id uuid,
      customer_id uuid, user_name text, partner_name text)
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
      RETURN QUERY SELECT found_session.id, found_session.csrf_token, u.id, u.email, u.role, u.partner_id,
          u.customer_id, u.name, p.name
        FROM users u LEFT JOIN partners p ON p.id = u.partner_id
        WHERE u.id = found_session.user_id AND u.active;
    END $fn$;

    CREATE FUNCTION authenticate_api_token(p_token_hash bytea)
    RETURNS TABLE (token_id uuid, read_only boolean, user_id uuid, email text, role text, partner_id uuid,
      customer_id uuid, user_name text, partner_name text)
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
      RETURN QUERY SELECT found_token.id, found_token.read_only, u.id, u.email, u.role, u.partner_id,
          u.customer_id, u.name, p.name
        FROM users u LEFT JOIN partners p ON p.id = u.partner_id
        WHERE u.id = found_token.user_id AND u.active;
    END $fn$;
    REVOKE ALL ON FUNCTION authenticate_session(bytea, integer), authenticate_api_token(bytea) FROM PUBLIC;
  `.execute(db);
}
