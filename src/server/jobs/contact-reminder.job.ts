import { sql } from 'kysely';
import { type Db, inScope, systemScope } from '../db/database.ts';
import { contactHealthFor } from '../modules/notifications/subscriptions.service.ts';
import { raiseEvent } from '../notify/events.ts';

const REMIND_EVERY_DAYS = 7;

/**
 * Reminds partner admins, by e-mail, when nobody receives a required category or a channel keeps
 * failing: at most once a week per partner. Safe to run twice: the reminder row is locked and
 * rewritten in the same transaction that raises the event.
 */
export async function remindAboutContacts(db: Db): Promise<{ reminded: number }> {
  const scope = systemScope('job:contact-reminder');
  const partners = await inScope(
    db,
    scope,
    (tx) =>
      tx
        .selectFrom('partners as p')
        .leftJoin('contact_reminders as r', 'r.partner_id', 'p.id')
        .select(['p.id', 'p.name'])
        .where('p.active', '=', true)
        .where((eb) =>
          eb.or([
            eb('r.last_sent_at', 'is', null),
            eb('r.last_sent_at', '<', sql<Date>`now() - make_interval(days => ${REMIND_EVERY_DAYS})`),
          ]),
        )
        .execute(),
    { readOnly: true },
  );
  let reminded = 0;
  for (const partner of partners) {
    const sent = await inScope(db, scope, async (tx) => {
      const health = await contactHealthFor(tx, partner.id);
      if (health.missingCategories.length === 0 && health.failingSubscriptions.length === 0) return false;
      const admins = await tx
        .selectFrom('users')
        .select('id')
        .where('partner_id', '=', partner.id)
        .where('role', '=', 'partner_admin')
        .where('active', '=', true)
        .execute();
      if (admins.length === 0) return false;
      // Claim this partner's reminder for the period; a concurrent run finds it taken.
      const claimed = await sql<{ partner_id: string }>`
        INSERT INTO contact_reminders (partner_id, last_sent_at, reasons)
        VALUES (${partner.id}::uuid, now(), ${health.missingCategories}::text[])
        ON CONFLICT (partner_id) DO UPDATE SET last_sent_at = now(), reasons = excluded.reasons
          WHERE contact_reminders.last_sent_at < now() - make_interval(days => ${REMIND_EVERY_DAYS})
        RETURNING partner_id
      `.execute(tx);
      if (claimed.rows.length === 0) return false;
      await raiseEvent(tx, scope, {
        category: 'contact',
        kind: 'contact.reminder',
        subjectType: 'partner',
        subjectId: partner.id,
        payload: {
          partnerId: partner.id,
          partnerName: partner.name,
          missingCategories: health.missingCategories,
          failing: health.failingSubscriptions.map((f) => ({
            name: f.name,
            consecutiveFailures: f.consecutiveFailures,
          })),
        },
        toUsers: admins.map((admin) => admin.id),
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return { reminded };
}
