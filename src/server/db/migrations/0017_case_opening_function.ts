import { type Kysely, sql } from 'kysely';

/**
 * A case opening's writes as one function (decision 0011): the case, numbered here, its history
 * event, its audit row and, for S1/S2, the incident notice — only if the customer and the contract
 * are still as the opening's context says and the contract is valid on the opening day. Answers
 * the number and the caller's name, or NULLs (having written nothing, drawn no number) when the
 * context no longer holds.
 *
 * Why a function: PL/pgSQL plans its statements once per connection. Parsing, analysing and
 * planning the opening as one SQL statement under row-level security was a third of
 * PostgreSQL's time per opening (measured with perf). The function runs as the owner, so no
 * row-level security is planned into its cached plans and no scope is folded into them
 * (decision 0005). In exchange it makes the policies' check itself, from the transaction's own
 * scope settings read at every call (`current_setting`, never the IMMUTABLE scope functions,
 * whose calls a cached plan would keep folded): only a partner's support user, writing for
 * their own partner as themselves, gets past the first line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION write_case_opening(
      p_id uuid, p_at timestamptz, p_partner uuid, p_customer uuid, p_customer_name text, p_region text,
      p_contract uuid, p_contract_number text, p_day date,
      p_title text, p_description text, p_category text, p_impact text, p_urgency text,
      p_affected_share double precision, p_severity text,
      p_caller uuid, p_caller_name text, p_caller_email text,
      p_contact_name text, p_contact_phone text, p_contact_email text,
      p_response_due_at timestamptz, p_due_explanation jsonb,
      p_event_id uuid, p_event_data jsonb, p_audit jsonb, p_request_id text,
      p_notice_id uuid, p_notice jsonb,
      OUT number text, OUT caller_name text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    BEGIN
      IF current_setting('app.scope', true) IS DISTINCT FROM 'partner'
         OR current_setting('app.partner_id', true) IS DISTINCT FROM p_partner::text
         OR current_setting('app.user_id', true) IS DISTINCT FROM p_caller::text THEN
        RAISE EXCEPTION 'a case is opened by a partner''s user, for that partner, as themselves'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF NOT EXISTS (
        SELECT 1 FROM customers cu JOIN contracts k ON k.customer_id = cu.id
        WHERE cu.id = p_customer AND cu.partner_id = p_partner AND cu.active AND cu.region = p_region
          AND cu.name = p_customer_name AND k.id = p_contract AND k.number = p_contract_number AND k.active
          AND k.starts_on <= p_day AND k.ends_on >= p_day
      ) THEN
        RETURN;
      END IF;
      caller_name := coalesce(p_caller_name, (SELECT u.name FROM users u WHERE u.id = p_caller), p_caller_email);
      INSERT INTO cases (id, number, partner_id, customer_id, contract_id, region, title, description,
        category, impact, urgency, affected_share, severity, status, caller_id, caller_name, caller_email,
        contact_name, contact_phone, contact_email, opened_at, response_due_at, due_explanation, updated_at)
      VALUES (p_id, next_case_number(p_at), p_partner, p_customer, p_contract, p_region, p_title, p_description,
        p_category, p_impact, p_urgency, p_affected_share, p_severity, 'new', p_caller, caller_name, p_caller_email,
        p_contact_name, p_contact_phone, p_contact_email, p_at, p_response_due_at, p_due_explanation, p_at)
      RETURNING cases.number INTO number;
      INSERT INTO case_events (id, case_id, partner_id, customer_id, kind, at, actor_id, actor_name, side, data)
      VALUES (p_event_id, p_id, p_partner, p_customer, 'opened', p_at, p_caller, caller_name, 'partner', p_event_data);
      INSERT INTO audit_log (actor_user_id, actor_label, partner_id, customer_id, action, entity_type, entity_id,
        after, request_id)
      VALUES (p_caller, p_caller_email, p_partner, p_customer, 'case.opened', 'case', p_id::text,
        jsonb_build_object('number', number) || p_audit, p_request_id);
      IF p_notice IS NOT NULL THEN
        INSERT INTO notification_events (id, partner_id, category, kind, subject_type, subject_id, payload,
          audience_provider, audience_partner_ids)
        VALUES (p_notice_id, p_partner, 'incidents', 'case.opened', 'case', p_id::text,
          jsonb_build_object('number', number) || p_notice, true, ARRAY[p_partner]);
      END IF;
    END
    $fn$;
    REVOKE ALL ON FUNCTION write_case_opening FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION write_case_opening TO diops_app;
    -- Its check now lives in write_case_opening.
    DROP FUNCTION case_opening_holds(uuid, uuid, text, text, uuid, text, date);
    -- A function running as the owner must not find the caller's temporary tables first (with
    -- pg_temp unnamed, PostgreSQL searches it before public).
    ALTER FUNCTION authenticate_session(bytea, integer) SET search_path = public, pg_temp;
    ALTER FUNCTION authenticate_api_token(bytea) SET search_path = public, pg_temp;
  `.execute(db);
}
