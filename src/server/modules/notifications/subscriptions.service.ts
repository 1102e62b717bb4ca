import net from 'node:net';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Scope, Tx } from '../../db/database.ts';
import type { Category, Channel, Locale } from '../../db/schema.ts';
import { hideFromCustomers, requireRole } from '../../http/authenticate.ts';
import { AppError, brokenRule, conflict, forbidden, notFound } from '../../http/errors.ts';
import { byName, likePattern, namePage } from '../../http/pagination.ts';
import { isAddressAllowed } from '../../notify/address-guard.ts';
import { raiseEvent } from '../../notify/events.ts';
import { isTimeZone } from '../../notify/format.ts';
import { newWebhookSecret, sealSecret } from '../../notify/secret-box.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getPartnerRow } from '../directory/partners.service.ts';
import { presentSubscription, type SubscriptionRow } from './notifications.presenter.ts';

const MANAGERS = ['provider_admin', 'partner_admin'] as const;

/** Incoming-webhook hosts of the chat services: a Slack channel cannot be a URL on some other host. */
const CHAT_HOSTS: Record<Exclude<Channel, 'email' | 'webhook'>, RegExp> = {
  slack: /^hooks\.slack\.com$/i,
  teams: /(^|\.)(webhook\.office\.com|logic\.azure\.com|powerplatform\.com|office\.com)$/i,
  webex: /^webexapis\.com$/i,
};

export interface SubscriptionFilter {
  partnerId?: string;
  category?: Category;
  channel?: Channel;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface SubscriptionInput {
  name: string;
  partnerId?: string | null;
  categories: Category[];
  channel: Channel;
  target: string;
  locale?: Locale;
  timeZone?: string;
}

export type SubscriptionUpdate = Partial<Omit<SubscriptionInput, 'channel' | 'partnerId'>> & {
  paused?: boolean;
};

function subscriptionsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('subscriptions')
    .selectAll()
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''));
}

export async function getSubscriptionRow(tx: Tx, scope: Scope, id: string): Promise<SubscriptionRow> {
  hideFromCustomers(scope, 'subscription');
  const row = await subscriptionsInScope(tx, scope).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('subscription');
  return row;
}

export async function getSubscription(tx: Tx, scope: Scope, id: string) {
  return presentSubscription(await getSubscriptionRow(tx, scope, id));
}

export async function listSubscriptions(tx: Tx, scope: Scope, filter: SubscriptionFilter) {
  hideFromCustomers(scope, 'subscription');
  const rows = await subscriptionsInScope(tx, scope)
    .$if(filter.partnerId !== undefined, (qb) =>
      filter.partnerId === 'provider'
        ? qb.where('partner_id', 'is', null)
        : qb.where('partner_id', '=', filter.partnerId ?? ''),
    )
    .$if(filter.category !== undefined, (qb) =>
      qb.where(sql<boolean>`${filter.category ?? ''} = ANY (categories)`),
    )
    .$if(filter.channel !== undefined, (qb) => qb.where('channel', '=', filter.channel ?? 'email'))
    .$if(filter.q !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('name', 'ilike', likePattern(filter.q ?? '')),
          eb('target', 'ilike', likePattern(filter.q ?? '')),
        ]),
      ),
    )
    .$call(byName(filter))
    .execute();
  const page = namePage(rows, filter);
  return { items: page.items.map((row) => presentSubscription(row)), nextCursor: page.nextCursor };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Checks a target for its channel; the address check repeats at send time against DNS. */
function checkTarget(channel: Channel, target: string, config: Config): string {
  const value = target.trim();
  if (channel === 'email') {
    if (!EMAIL.test(value)) throw brokenRule('invalid_email', 'target', 'target must be one e-mail address');
    return value;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw brokenRule('invalid_url', 'target', 'target must be an http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw brokenRule('invalid_url', 'target', 'target must be an http(s) URL');
  if (url.username || url.password)
    throw brokenRule('credentials_in_url', 'target', 'target must not carry a user name or password');
  if (channel !== 'webhook') {
    if (url.protocol !== 'https:')
      throw brokenRule('https_required', 'target', `${channel} webhooks use https`);
    if (!CHAT_HOSTS[channel].test(url.hostname))
      throw brokenRule('wrong_host', 'target', `this is not a ${channel} incoming-webhook address`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = net.isIP(host) ? host : /^localhost$/i.test(host) ? '127.0.0.1' : null;
  if (literal && !isAddressAllowed(literal, config.webhookAllowNetworks))
    throw brokenRule(
      'private_address',
      'target',
      'target points to a private, loopback or link-local address, which webhooks may not reach',
    );
  return value;
}

function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isTimeZone(timeZone))
    throw brokenRule('invalid_time_zone', 'timeZone', 'timeZone must be an IANA zone such as Europe/Madrid');
}

function uniqueCategories(categories: Category[]): Category[] {
  return [...new Set(categories)];
}

/** Which organisation a new subscription belongs to: a partner's own, or any for the provider. */
async function ownerFor(tx: Tx, scope: Scope, partnerId: string | null | undefined): Promise<string | null> {
  if (scope.kind === 'partner') {
    if (partnerId && partnerId !== scope.partnerId) throw notFound('partner');
    return scope.partnerId;
  }
  if (!partnerId) return null;
  return (await getPartnerRow(tx, scope, partnerId)).id;
}

export async function createSubscription(tx: Tx, scope: Scope, config: Config, input: SubscriptionInput) {
  if (scope.kind === 'customer') throw forbidden();
  requireRole(scope, MANAGERS);
  const partnerId = await ownerFor(tx, scope, input.partnerId);
  const target = checkTarget(input.channel, input.target, config);
  checkTimeZone(input.timeZone);
  const secret = input.channel === 'webhook' ? newWebhookSecret() : null;
  const row = await tx
    .insertInto('subscriptions')
    .values({
      partner_id: partnerId,
      name: input.name.trim(),
      categories: uniqueCategories(input.categories),
      channel: input.channel,
      target,
      secret: secret === null ? null : sealSecret(secret, config.secretsKey),
      locale: input.locale ?? 'en',
      time_zone: input.timeZone ?? 'UTC',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const subscription = presentSubscription(row);
  await recordAudit(tx, scope, {
    action: 'subscription.created',
    entityType: 'subscription',
    entityId: row.id,
    partnerId,
    after: subscription,
  });
  // The secret is answered once, here; it is never shown again.
  return secret === null ? subscription : { ...subscription, secret };
}

export async function updateSubscription(
  tx: Tx,
  scope: Scope,
  config: Config,
  id: string,
  input: SubscriptionUpdate,
) {
  const before = await getSubscriptionRow(tx, scope, id);
  requireRole(scope, MANAGERS);
  const target = input.target === undefined ? undefined : checkTarget(before.channel, input.target, config);
  checkTimeZone(input.timeZone);
  const row = await tx
    .updateTable('subscriptions')
    .set({
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.categories !== undefined ? { categories: uniqueCategories(input.categories) } : {}),
      ...(target !== undefined ? { target, consecutive_failures: 0, last_error: null } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
      ...(input.paused !== undefined ? { paused: input.paused } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const subscription = presentSubscription(row);
  await recordAudit(tx, scope, {
    action:
      input.paused === true
        ? 'subscription.paused'
        : input.paused === false
          ? 'subscription.resumed'
          : 'subscription.updated',
    entityType: 'subscription',
    entityId: id,
    partnerId: row.partner_id,
    before: presentSubscription(before),
    after: subscription,
  });
  return subscription;
}

export async function rotateSecret(tx: Tx, scope: Scope, config: Config, id: string) {
  const before = await getSubscriptionRow(tx, scope, id);
  requireRole(scope, MANAGERS);
  if (before.channel !== 'webhook')
    throw conflict('no_secret', 'Only generic webhooks are signed; this channel has no secret.');
  const secret = newWebhookSecret();
  await tx
    .updateTable('subscriptions')
    .set({ secret: sealSecret(secret, config.secretsKey), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await recordAudit(tx, scope, {
    action: 'subscription.secret_rotated',
    entityType: 'subscription',
    entityId: id,
    partnerId: before.partner_id,
  });
  return { secret };
}

export async function deleteSubscription(tx: Tx, scope: Scope, id: string): Promise<void> {
  const before = await getSubscriptionRow(tx, scope, id);
  requireRole(scope, MANAGERS);
  // Queued messages to a deleted recipient are cancelled with it, in the same transaction.
  await tx
    .updateTable('deliveries')
    .set({ status: 'cancelled', last_error: 'the subscription was deleted', updated_at: new Date() })
    .where('subscription_id', '=', id)
    .where('status', 'in', ['pending', 'dead'])
    .execute();
  await tx.deleteFrom('subscriptions').where('id', '=', id).execute();
  await recordAudit(tx, scope, {
    action: 'subscription.deleted',
    entityType: 'subscription',
    entityId: id,
    partnerId: before.partner_id,
    before: presentSubscription(before),
  });
}

export async function sendTestMessage(tx: Tx, scope: Scope, id: string) {
  const row = await getSubscriptionRow(tx, scope, id);
  requireRole(scope, MANAGERS);
  const eventId = await raiseEvent(tx, scope, {
    category: row.categories[0] ?? 'maintenance_outages',
    kind: 'subscription.test',
    subjectType: 'subscription',
    subjectId: row.id,
    payload: { subscriptionId: row.id, subscriptionName: row.name, categories: row.categories },
    toSubscription: row.id,
  });
  await recordAudit(tx, scope, {
    action: 'subscription.test_sent',
    entityType: 'subscription',
    entityId: id,
    partnerId: row.partner_id,
    after: { eventId },
  });
  return { eventId };
}

export const FAILING_AFTER = 3;
const REQUIRED: Category[] = ['maintenance_outages', 'incidents'];

/**
 * Contact hygiene: categories nobody receives and channels that keep failing, for one partner, or
 * (`partnerId=provider`, provider users) for the provider's own subscriptions.
 */
export async function contactHealth(tx: Tx, scope: Scope, partnerId: string | undefined) {
  hideFromCustomers(scope, 'subscription');
  if (scope.kind === 'partner') {
    if (partnerId && partnerId !== scope.partnerId) throw notFound('partner');
    return contactHealthFor(tx, scope.partnerId);
  }
  if (partnerId === undefined)
    throw new AppError(400, 'invalid_parameters', 'partnerId is required for provider users.', {
      errors: [{ code: 'required', path: 'partnerId', message: 'a partner id, or "provider"' }],
    });
  if (partnerId === 'provider') return contactHealthFor(tx, null);
  return contactHealthFor(tx, (await getPartnerRow(tx, scope, partnerId)).id);
}

export async function contactHealthFor(tx: Tx, partnerId: string | null) {
  const rows = await tx
    .selectFrom('subscriptions')
    .select(['id', 'name', 'categories', 'paused', 'consecutive_failures', 'last_error', 'last_failure_at'])
    .$if(partnerId === null, (qb) => qb.where('partner_id', 'is', null))
    .$if(partnerId !== null, (qb) => qb.where('partner_id', '=', partnerId ?? ''))
    .execute();
  const covered = new Set(rows.filter((row) => !row.paused).flatMap((row) => row.categories));
  return {
    partnerId,
    missingCategories: REQUIRED.filter((category) => !covered.has(category)),
    failingSubscriptions: rows
      .filter((row) => row.consecutive_failures >= FAILING_AFTER)
      .map((row) => ({
        id: row.id,
        name: row.name,
        consecutiveFailures: row.consecutive_failures,
        lastError: row.last_error,
        lastFailureAt: row.last_failure_at?.toISOString() ?? null,
      })),
  };
}
