import { randomBytes } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import type { CalendarFeedsTable, Role } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { brokenRule, conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashSecret } from '../auth/tokens.ts';

/**
 * Private iCalendar feeds (SPEC §5): a partner's (or one customer's) changes and maintenance windows
 * at a secret URL that calendar apps poll without signing in. The URL is shown once; only the
 * SHA-256 of its token is stored, so a database leak reveals no usable feed. A feed is revoked,
 * never deleted, so the audit trail keeps who made it.
 */
export const FEED_ROLES: readonly Role[] = [
  'provider_admin',
  'provider_engineer',
  'partner_admin',
  'partner_engineer',
  'customer_viewer',
];

type FeedRow = Omit<Selectable<CalendarFeedsTable>, 'token_hash'> & {
  partner_name: string;
  customer_name: string | null;
};

function presentFeed(row: FeedRow) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    label: row.label,
    createdBy: row.created_by_label,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
export type CalendarFeed = ReturnType<typeof presentFeed>;

/** The feed's URL: `${publicUrl}/api/v1/feeds/<token>.ics`. */
export const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/feeds/${token}.ics`;

/**
 * Feeds the caller may see: the provider all, a partner its own, a customer viewer only its own
 * customer's (never a partner-wide one). Row-level security (calendar_feeds_scope, migration 0011)
 * enforces the same; the filters here say it to the planner and keep the service right on its own.
 */
function feedsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('calendar_feeds as f')
    .innerJoin('partners as p', 'p.id', 'f.partner_id')
    .leftJoin('customers as c', 'c.id', 'f.customer_id')
    .select([
      'f.id',
      'f.partner_id',
      'p.name as partner_name',
      'f.customer_id',
      'f.label',
      'f.created_by_label',
      'f.created_at',
      'f.revoked_at',
      'f.last_used_at',
      'c.name as customer_name',
    ])
    .$if(scope.kind === 'partner' || scope.kind === 'customer', (qb) =>
      qb.where('f.partner_id', '=', scope.partnerId ?? ''),
    )
    .$if(scope.kind === 'customer', (qb) => qb.where('f.customer_id', '=', scope.customerId ?? ''));
}

export interface CalendarFeedFilter {
  partnerId?: string;
  customerId?: string;
  status?: 'active' | 'revoked';
  limit?: number;
  cursor?: string;
}

export async function listCalendarFeeds(tx: Tx, scope: Scope, filter: CalendarFeedFilter) {
  requireRole(scope, FEED_ROLES);
  const rows = await feedsInScope(tx, scope)
    .$if(filter.partnerId !== undefined, (qb) => qb.where('f.partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.customerId !== undefined, (qb) => qb.where('f.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.status === 'active', (qb) => qb.where('f.revoked_at', 'is', null))
    .$if(filter.status === 'revoked', (qb) => qb.where('f.revoked_at', 'is not', null))
    .$call(newestFirst('f.created_at', 'f.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return { items: page.items.map(presentFeed), nextCursor: page.nextCursor };
}

async function getFeedRow(tx: Tx, scope: Scope, id: string): Promise<FeedRow> {
  const row = await feedsInScope(tx, scope).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('calendar feed');
  return row;
}

/** Which partner and customer a new feed covers, checked against the caller's scope (else 404). */
async function feedOwner(
  tx: Tx,
  scope: Scope,
  input: { customerId?: string | null; partnerId?: string },
): Promise<{
  partnerId: string;
  partnerName: string;
  customerId: string | null;
  customerName: string | null;
}> {
  if (scope.kind === 'customer') {
    if (input.customerId && input.customerId !== scope.customerId) throw notFound('customer');
    if (input.partnerId && input.partnerId !== scope.partnerId) throw notFound('partner');
    // An explicit null customer, or a partner named without a customer, asks for the partner-wide
    // feed; omitting both means the viewer's own customer.
    if (input.customerId === null || (input.partnerId !== undefined && input.customerId === undefined)) {
      throw forbidden('A customer viewer can have feeds of its own customer only, not of the whole partner.');
    }
  }
  if (scope.kind === 'partner' && input.partnerId && input.partnerId !== scope.partnerId) {
    throw notFound('partner');
  }
  const customerId = scope.kind === 'customer' ? scope.customerId : (input.customerId ?? null);
  if (customerId) {
    const customer = await tx
      .selectFrom('customers as c')
      .innerJoin('partners as p', 'p.id', 'c.partner_id')
      .select(['c.id', 'c.partner_id', 'c.name', 'p.name as partner_name'])
      .where('c.id', '=', customerId)
      .$if(scope.kind !== 'provider' && scope.kind !== 'system', (qb) =>
        qb.where('c.partner_id', '=', scope.partnerId ?? ''),
      )
      .executeTakeFirst();
    if (!customer) throw notFound('customer');
    if (input.partnerId && input.partnerId !== customer.partner_id) {
      throw brokenRule('customer_not_in_partner', 'customerId', 'the customer belongs to another partner');
    }
    return {
      partnerId: customer.partner_id,
      partnerName: customer.partner_name,
      customerId: customer.id,
      customerName: customer.name,
    };
  }
  const partnerId = scope.kind === 'partner' ? scope.partnerId : (input.partnerId ?? null);
  if (!partnerId) {
    throw unprocessable(
      [
        {
          code: 'partner_required',
          path: 'partnerId',
          message: 'name the partner (or a customer) of the feed',
        },
      ],
      'Name the partner (or a customer) whose changes the feed shows.',
    );
  }
  const partner = await tx
    .selectFrom('partners')
    .select(['id', 'name'])
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) throw notFound('partner');
  return { partnerId: partner.id, partnerName: partner.name, customerId: null, customerName: null };
}

export async function createCalendarFeed(
  tx: Tx,
  scope: Scope,
  input: { label: string; customerId?: string | null; partnerId?: string },
  publicUrl: string,
) {
  requireRole(scope, FEED_ROLES);
  const label = input.label.trim();
  if (!label) throw brokenRule('label_blank', 'label', 'the label must not be blank');
  const owner = await feedOwner(tx, scope, input);
  const token = randomBytes(32).toString('base64url');
  const row = await tx
    .insertInto('calendar_feeds')
    .values({
      partner_id: owner.partnerId,
      customer_id: owner.customerId,
      label,
      token_hash: hashSecret(token),
      created_by_label: scope.label,
    })
    .returning([
      'id',
      'partner_id',
      'customer_id',
      'label',
      'created_by_label',
      'created_at',
      'revoked_at',
      'last_used_at',
    ])
    .executeTakeFirstOrThrow();
  const feed = presentFeed({ ...row, partner_name: owner.partnerName, customer_name: owner.customerName });
  await recordAudit(tx, scope, {
    action: 'calendar_feed.created',
    entityType: 'calendar_feed',
    entityId: feed.id,
    partnerId: feed.partnerId,
    customerId: feed.customerId,
    after: feed,
  });
  return { ...feed, url: feedUrl(publicUrl, token) };
}

export async function revokeCalendarFeed(tx: Tx, scope: Scope, id: string) {
  requireRole(scope, FEED_ROLES);
  const before = await getFeedRow(tx, scope, id);
  const alreadyRevoked = () => conflict('already_revoked', 'The calendar feed is already revoked.');
  if (before.revoked_at) throw alreadyRevoked();
  const updated = await tx
    .updateTable('calendar_feeds')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('revoked_at')
    .executeTakeFirst();
  if (!updated) throw alreadyRevoked();
  const feed = presentFeed({ ...before, revoked_at: updated.revoked_at });
  await recordAudit(tx, scope, {
    action: 'calendar_feed.revoked',
    entityType: 'calendar_feed',
    entityId: feed.id,
    partnerId: feed.partnerId,
    customerId: feed.customerId,
    before: presentFeed(before),
    after: feed,
  });
  return feed;
}
