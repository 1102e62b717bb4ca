import type { Policy } from '../../../core/policy-document.ts';
import { type Db, inScope, systemScope } from '../../db/database.ts';
import { queueChangeNotice } from './change-notices.ts';
import { recordChangeEvent } from './changes.service.ts';

const REMINDER_AHEAD_MS = 24 * 60 * 60_000;

/**
 * The day-before reminder: every announced change starting within 24 hours gets one reminder to the
 * people its notice went to. The rows are claimed with SKIP LOCKED and marked in the same
 * statement and transaction, so two workers never remind twice and a crash reminds on the next run.
 */
export async function remindUpcomingChanges(
  db: Db,
  policy: Policy,
  now = Date.now(),
): Promise<{ reminded: number }> {
  const scope = systemScope('job:change-reminders');
  return inScope(db, scope, async (tx) => {
    // Claimed and marked by one statement: SKIP LOCKED keeps two workers apart.
    const due = await tx
      .updateTable('changes')
      .set({ reminder_sent_at: new Date(now) })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('changes')
          .select('id')
          .where('status', '=', 'notice_sent')
          .where('reminder_sent_at', 'is', null)
          .where('start_at', '>', new Date(now))
          .where('start_at', '<=', new Date(now + REMINDER_AHEAD_MS))
          .orderBy('start_at')
          .limit(200)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
    for (const row of due) {
      await recordChangeEvent(tx, scope, row, 'reminder_sent', {});
      await queueChangeNotice(tx, policy, row, 'change.reminder');
    }
    return { reminded: due.length };
  });
}
