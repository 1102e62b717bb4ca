import { type Kysely, sql } from 'kysely';

/**
 * A disaster-recovery event declared by mistake (the application came back by itself, the wrong
 * customer was picked) can be withdrawn before it is restored: status `withdrawn`, final like
 * `closed` (closed_at records when), with no time to recover and no target to meet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dr_events DROP CONSTRAINT dr_events_status_check;
    ALTER TABLE dr_events ADD CONSTRAINT dr_events_status_check
      CHECK (status IN ('declared', 'restoring', 'restored', 'closed', 'withdrawn'));
    ALTER TABLE dr_events DROP CONSTRAINT dr_events_recovered;
    ALTER TABLE dr_events ADD CONSTRAINT dr_events_recovered
      CHECK ((recovered_at IS NULL) = (status IN ('declared', 'restoring', 'withdrawn')));
    ALTER TABLE dr_events DROP CONSTRAINT dr_events_closed;
    ALTER TABLE dr_events ADD CONSTRAINT dr_events_closed
      CHECK ((closed_at IS NULL) = (status NOT IN ('closed', 'withdrawn')));
    DROP INDEX dr_events_open;
    CREATE INDEX dr_events_open ON dr_events (declared_at DESC) WHERE status NOT IN ('closed', 'withdrawn');

    ALTER TABLE dr_event_updates DROP CONSTRAINT dr_event_updates_previous_status_check;
    ALTER TABLE dr_event_updates ADD CONSTRAINT dr_event_updates_previous_status_check
      CHECK (previous_status IN ('declared', 'restoring', 'restored', 'closed', 'withdrawn'));
    ALTER TABLE dr_event_updates DROP CONSTRAINT dr_event_updates_status_check;
    ALTER TABLE dr_event_updates ADD CONSTRAINT dr_event_updates_status_check
      CHECK (status IN ('declared', 'restoring', 'restored', 'closed', 'withdrawn'));
  `.execute(db);
}
