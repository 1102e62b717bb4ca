import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Policy } from '../../../core/policy-document.ts';
import { type Db, inScope, queueWrite, systemScope } from '../../db/database.ts';
import type { Region } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { hashSecret } from '../auth/tokens.ts';
import { type FeedDocument, feedCachesFor } from './feed-cache.ts';
import {
  type ChangeVersion,
  type FeedOwner,
  feedChangeDetails,
  feedScope,
  feedVersions,
  windowRegions,
} from './feed-content.ts';
import {
  type FeedHorizon,
  feedHorizon,
  renderCalendar,
  type WrittenChange,
  writeChangeEvent,
} from './ics.ts';

export type { FeedDocument } from './feed-cache.ts';

/**
 * GET /feeds/<token>.ics: the secret token is the credential. The feed is found by the token's
 * hash as the system; what it shows is then read in the feed's own scope (the partner's, or the
 * one customer's), so row-level security checks it.
 *
 * Every read lists the feed's changes with their row versions (short rows). An unchanged feed is
 * then answered as written before; otherwise only the changes whose version has no written event
 * yet are read in full and written, and the rest of the events are reused.
 */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const LAST_USED_EVERY_MS = 60_000;

const unknownFeed = () => notFound('calendar feed');

/** The feed of a token, found as the system; unknown and revoked tokens are 404 alike. */
export async function findFeed(db: Db, token: string, requestId: string | null): Promise<FeedOwner> {
  if (!TOKEN.test(token)) throw unknownFeed();
  const feed = await inScope(
    db,
    systemScope('calendar feed', requestId),
    (tx) =>
      tx
        .selectFrom('calendar_feeds as f')
        .innerJoin('partners as p', 'p.id', 'f.partner_id')
        .leftJoin('customers as c', 'c.id', 'f.customer_id')
        .select([
          'f.id',
          'f.partner_id',
          'f.customer_id',
          'f.last_used_at',
          'f.revoked_at',
          'p.name as partner_name',
          'c.name as customer_name',
          'c.region as customer_region',
        ])
        .where('f.token_hash', '=', hashSecret(token))
        .executeTakeFirst(),
    { readOnly: true },
  );
  // Unknown and revoked answer alike: the URL tells nothing about feeds it does not open.
  if (!feed || feed.revoked_at) throw unknownFeed();
  return feed;
}

/** Records the read, at most once a minute per feed: one round trip, nothing read back. */
async function touchFeed(db: Db, feed: FeedOwner, now: number, requestId: string | null): Promise<void> {
  if (feed.last_used_at && now - feed.last_used_at.getTime() < LAST_USED_EVERY_MS) return;
  await inScope(db, systemScope('calendar feed', requestId), (tx) =>
    queueWrite(
      tx,
      tx
        .updateTable('calendar_feeds')
        .set({ last_used_at: sql<Date>`now()` })
        .where('id', '=', feed.id)
        .where(sql<boolean>`(last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`),
    ),
  );
}

/** What a feed is written from; the changes earliest first, each already written. */
export interface FeedContent {
  name: string;
  regions: Region[];
  changes: WrittenChange[];
}

/** Writes the VCALENDAR as UTF-8 bytes, with its ETag (a digest of them). */
export function renderFeed(policy: Policy, horizon: FeedHorizon, content: FeedContent): FeedDocument {
  const text = renderCalendar(policy, {
    name: content.name,
    windowRegions: content.regions,
    changes: content.changes,
    horizon,
  });
  const body = Buffer.from(text, 'utf8');
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** Equal keys mean an equal feed: the rows' versions and everything else the text depends on. */
function feedKey(
  name: string,
  regions: Region[],
  horizon: FeedHorizon,
  publicUrl: string,
  versions: ChangeVersion[],
) {
  const hash = createHash('sha1').update(
    `${name}\n${regions.join()}\n${horizon.from}\n${horizon.until}\n${publicUrl}\n`,
  );
  for (const v of versions) hash.update(`${v.id}:${v.version}\n`);
  return hash.digest('base64url');
}

export interface ReadOptions {
  now: number;
  requestId: string | null;
  /** false: write every event and the feed again (benchmarks). */
  useCache?: boolean;
}

export async function readCalendarFeed(
  db: Db,
  policy: Policy,
  publicUrl: string,
  token: string,
  options: ReadOptions,
): Promise<FeedDocument> {
  const feed = await findFeed(db, token, options.requestId);
  const horizon = feedHorizon(options.now);
  const scope = feedScope(feed, options.requestId);
  const { regions, versions } = await inScope(
    db,
    scope,
    async (tx) => ({
      regions: await windowRegions(tx, feed),
      versions: await feedVersions(tx, feed, horizon.from),
    }),
    { readOnly: true },
  );
  const name = `DI Ops · ${feed.customer_name ?? feed.partner_name}`;
  const useCache = options.useCache !== false;
  const caches = feedCachesFor(policy);
  const key = feedKey(name, regions, horizon, publicUrl, versions);
  let document = useCache ? caches.feeds.get(feed.id, key) : null;
  if (!document) {
    const changeUrl = (id: string) => `${publicUrl}/changes/${id}`;
    const eventKey = (id: string, version: string) => `${id}|${version}|${publicUrl}`;
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const v of versions) {
      const text = useCache ? caches.events.get(eventKey(v.id, v.version)) : undefined;
      if (text === undefined) missing.push(v.id);
      else texts.set(v.id, text);
    }
    const details = await inScope(db, scope, (tx) => feedChangeDetails(tx, feed, horizon.from, missing), {
      readOnly: true,
    });
    for (const change of details) {
      const text = writeChangeEvent(policy, change, changeUrl);
      caches.events.set(eventKey(change.id, change.version), text);
      texts.set(change.id, text);
    }
    // A change that left the feed between the two reads is left out; a newer version read in
    // full is shown. Either way the next read sees new versions and writes the feed again.
    const changes: WrittenChange[] = [];
    for (const v of versions) {
      const text = texts.get(v.id);
      if (text !== undefined) changes.push({ ...v, text });
    }
    document = renderFeed(policy, horizon, { name, regions, changes });
    caches.feeds.set(feed.id, key, document);
  }
  await touchFeed(db, feed, options.now, options.requestId);
  return document;
}
