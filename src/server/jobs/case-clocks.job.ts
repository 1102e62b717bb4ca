import { sql } from 'kysely';
import { needsPhoneCall } from '../../core/index.ts';
import { type Db, inScope, systemScope } from '../db/database.ts';
import type { CaseRow } from '../modules/cases/cases.presenter.ts';
import { notifyIncident } from '../modules/cases/cases.service.ts';

const SYSTEM_ACTOR = 'DI Ops';
const JOB_SCOPE = systemScope('job:case-clocks');

/**
 * Flags every open case past its response due time with no status and action plan posted since
 * then (SPEC §3.3): the provider owes one until it posts it. The flag and its timeline entry are
 * written in one statement, so running the job twice (or on two workers) flags a case once.
 */
export async function flagOwedPlans(db: Db, now = new Date()): Promise<{ flagged: number }> {
  return inScope(db, JOB_SCOPE, async (tx) => {
    const result = await sql<
      Pick<CaseRow, 'id' | 'partner_id' | 'number' | 'title' | 'severity' | 'region' | 'customer_name'> & {
        response_due_at: Date;
      }
    >`
      WITH flagged AS (
        UPDATE cases SET plan_owed_since = response_due_at, updated_at = ${now}
        WHERE status NOT IN ('resolved', 'closed')
          AND plan_owed_since IS NULL
          AND response_due_at <= ${now}
          AND (last_plan_at IS NULL OR last_plan_at < response_due_at)
        RETURNING id, partner_id, customer_id, response_due_at, number, title, severity, region
      ), history AS (
        INSERT INTO case_events (case_id, partner_id, customer_id, kind, at, actor_name, side, data)
        SELECT id, partner_id, customer_id, 'plan_owed', ${now}, ${SYSTEM_ACTOR}, 'system',
               jsonb_build_object('responseDueAt', response_due_at)
        FROM flagged
      )
      SELECT f.id, f.partner_id, f.number, f.title, f.severity, f.region, f.response_due_at,
        cu.name AS customer_name
      FROM flagged f JOIN customers cu ON cu.id = f.customer_id
    `.execute(tx);
    // An S1/S2 case owing its plan is news for the incidents subscribers of both sides; S3/S4 ones
    // show in the queue's "owes a plan" filter and badges.
    for (const kase of result.rows)
      if (needsPhoneCall(kase.severity))
        await notifyIncident(tx, JOB_SCOPE, 'case.plan_owed', kase, {
          responseDueAt: kase.response_due_at.toISOString(),
        });
    return { flagged: result.rows.length };
  });
}

/**
 * Closes monitored cases whose monitoring period has ended (SPEC §3.4) unless they were reopened,
 * recording it in the history and the audit log.
 */
export async function closeMonitoredCases(db: Db, now = new Date()): Promise<{ closed: number }> {
  return inScope(db, JOB_SCOPE, async (tx) => {
    const result = await sql<{ id: string }>`
      WITH closed AS (
        UPDATE cases SET status = 'closed', closed_at = ${now},
               resolved_at = coalesce(resolved_at, monitor_until), updated_at = ${now}
        WHERE status = 'monitoring' AND monitor_until <= ${now}
        RETURNING id, partner_id, customer_id, monitor_until
      ), history AS (
        INSERT INTO case_events (case_id, partner_id, customer_id, kind, at, actor_name, side, data)
        SELECT id, partner_id, customer_id, 'auto_closed', ${now}, ${SYSTEM_ACTOR}, 'system',
               jsonb_build_object('from', 'monitoring', 'to', 'closed', 'monitorUntil', monitor_until)
        FROM closed
      )
      INSERT INTO audit_log (actor_label, partner_id, customer_id, action, entity_type, entity_id, before, after)
      SELECT 'job:case-clocks', partner_id, customer_id, 'case.auto_closed', 'case', id::text,
             '{"status":"monitoring"}'::jsonb, '{"status":"closed"}'::jsonb
      FROM closed
      RETURNING entity_id AS id
    `.execute(tx);
    return { closed: result.rows.length };
  });
}

export async function runCaseClocks(db: Db, now = new Date()) {
  return { ...(await flagOwedPlans(db, now)), ...(await closeMonitoredCases(db, now)) };
}
