import { type Kysely, sql } from 'kysely';

/**
 * The scope functions the row-level security policies call become IMMUTABLE, so PostgreSQL folds
 * them to constants when it plans a query: for a partner the policy becomes `partner_id = '…'`
 * (or vanishes next to the same explicit filter), for the provider `true`. Before, the planner
 * could not see through them, guessed their selectivity, and picked plans that walk a partner's
 * whole history (measured on 1,000,000 cases: queue 30 ms → 1.4 ms, search 59 ms → 1.7 ms median).
 *
 * This is safe only because every plan is made for one transaction's settings: the app sends
 * unnamed statements (planned at each execution with its values) and runs no PL/pgSQL as
 * `diops_app` that would cache plans. decisions/0005 records the rule that keeps it so, and a
 * tenancy test runs one statement text under two scopes on one connection.
 *
 * The search vector gets a larger statistics sample, so rare words are estimated as rare. Under
 * row-level security PostgreSQL uses an index for a condition only when its operator is LEAKPROOF;
 * the text-match operator `@@` is not marked so, which forces a search for a rare word through a
 * partner's whole history (measured: 29 ms instead of 2 ms). Marking it needs a superuser (the
 * embedded server is one); elsewhere the migration goes on without it and docs/operations.md says
 * how to add it. It reports nothing but true/false about its own arguments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- PL/pgSQL, each reading current_setting itself: a SQL-language body would be planned once and
    -- cached by PostgreSQL 18 with the first transaction's value folded in; current_setting is
    -- STABLE, so PL/pgSQL evaluates it at every call and only the caller's plan folds the result.
    CREATE OR REPLACE FUNCTION app_scope() RETURNS text LANGUAGE plpgsql IMMUTABLE AS
      $$ BEGIN RETURN coalesce(nullif(current_setting('app.scope', true), ''), 'none'); END $$;
    CREATE OR REPLACE FUNCTION app_partner() RETURNS uuid LANGUAGE plpgsql IMMUTABLE AS
      $$ BEGIN RETURN nullif(current_setting('app.partner_id', true), '')::uuid; END $$;
    CREATE OR REPLACE FUNCTION app_customer() RETURNS uuid LANGUAGE plpgsql IMMUTABLE AS
      $$ BEGIN RETURN nullif(current_setting('app.customer_id', true), '')::uuid; END $$;
    CREATE OR REPLACE FUNCTION app_user() RETURNS uuid LANGUAGE plpgsql IMMUTABLE AS
      $$ BEGIN RETURN nullif(current_setting('app.user_id', true), '')::uuid; END $$;
    CREATE OR REPLACE FUNCTION app_is_provider() RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS
      $$ BEGIN RETURN coalesce(nullif(current_setting('app.scope', true), ''), 'none') IN ('provider', 'system'); END $$;
    ALTER TABLE cases ALTER COLUMN search SET STATISTICS 1000;
    DO $$ BEGIN
      ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'ts_match_vq stays non-leakproof (needs a superuser): rare-word case searches scan the partner''s cases';
    END $$;
  `.execute(db);
}
