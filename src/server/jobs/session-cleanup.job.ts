import { sql } from 'kysely';
import { type Db, inScope, systemScope } from '../db/database.ts';

/** Deletes sessions past expiry and login attempts older than a day. Safe to run twice. */
export async function cleanUpSessions(db: Db): Promise<{ sessions: number; attempts: number }> {
  return inScope(db, systemScope('job:session-cleanup'), async (tx) => {
    const sessions = await tx
      .updateTable('sessions')
      .set({ revoked_at: sql`now()` })
      .where('revoked_at', 'is', null)
      .where('expires_at', '<', sql<Date>`now()`)
      .executeTakeFirst();
    const attempts = await tx
      .deleteFrom('login_attempts')
      .where('at', '<', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirst();
    return { sessions: Number(sessions.numUpdatedRows), attempts: Number(attempts.numDeletedRows) };
  });
}
