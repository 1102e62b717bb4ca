import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import type { Region } from '../../db/schema.ts';
import type { FeedChange } from './ics.ts';

/** The feed a token opened: whose changes it shows. */
export interface FeedOwner {
  id: string;
  partner_id: string;
  customer_id: string | null;
  last_used_at: Date | null;
  partner_name: string;
  customer_name: string | null;
  customer_region: Region | null;
}

/** The feed's own scope: the partner's, or the one customer's, so row-level security checks the read. */
export function feedScope(feed: FeedOwner, requestId: string | null): Scope {
  return {
    kind: feed.customer_id ? 'customer' : 'partner',
    userId: null,
    role: null,
    partnerId: feed.partner_id,
    customerId: feed.customer_id,
    label: `calendar feed ${feed.id}`,
    readOnly: true,
    requestId,
  };
}

/** Regions whose maintenance windows the feed shows: its customer's, or its partner's active ones. */
export async function windowRegions(tx: Tx, feed: FeedOwner): Promise<Region[]> {
  if (feed.customer_region) return [feed.customer_region];
  const rows = await tx
    .selectFrom('customers')
    .select('region')
    .distinct()
    .where('partner_id', '=', feed.partner_id)
    .where('active', '=', true)
    .orderBy('region')
    .execute();
  return rows.map((r) => r.region);
}

// Instants as epoch-ms numbers (whole seconds, as iCalendar writes them) and regions as text: far
// cheaper for Node to parse, 2,000 rows at a time, than timestamptz and text[].
const epochMs = (column: string) => sql<number>`floor(date_part('epoch', ${sql.ref(column)})) * 1000`;

/**
 * The version of a change as the feed sees it: its row's xmin and those of its affected-customer
 * rows in the feed's scope. Every committed UPDATE writes a new row version with a new xmin (the
 * writing transaction), so this text changes whenever anything the change's event is written from
 * does.
 */
const ROW_VERSION = sql<string>`c.xmin::text || '/' || string_agg(cc.xmin::text || cc.region, ',' ORDER BY cc.customer_id)`;

/** The affected-customer rows of the feed's partner (or customer) whose change ends at or after `from`. */
function inFeed(tx: Tx, feed: FeedOwner, from: number) {
  return tx
    .selectFrom('change_customers as cc')
    .innerJoin('changes as c', 'c.id', 'cc.change_id')
    .where('cc.partner_id', '=', feed.partner_id)
    .$if(feed.customer_id !== null, (qb) => qb.where('cc.customer_id', '=', feed.customer_id ?? ''))
    .where('c.end_at', '>=', new Date(from));
}

/** The change's regions in the feed's scope, in the change's own order (its first names the zone). */
function scopedRegions(changeRegions: string, scopeRegions: string): Region[] {
  const inScope = scopeRegions.split(',') as Region[];
  const regions = (changeRegions.split(',') as Region[]).filter((r) => inScope.includes(r));
  for (const r of inScope) if (!regions.includes(r)) regions.push(r);
  return regions;
}

/** A change of the feed, as much as placing its event and knowing whether it changed needs. */
export interface ChangeVersion {
  id: string;
  version: string;
  start: number;
  end: number;
  regions: Region[];
}

/** Every change of the feed with its version, earliest first: short rows, whatever the descriptions. */
export async function feedVersions(tx: Tx, feed: FeedOwner, from: number): Promise<ChangeVersion[]> {
  const rows = await inFeed(tx, feed, from)
    .select([
      'c.id',
      ROW_VERSION.as('version'),
      epochMs('c.start_at').as('start_ms'),
      epochMs('c.end_at').as('end_ms'),
      sql<string>`array_to_string(c.regions, ',')`.as('regions'),
      sql<string>`string_agg(DISTINCT cc.region, ',')`.as('scope_regions'),
    ])
    .groupBy('c.id')
    .orderBy('c.start_at')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    start: row.start_ms,
    end: row.end_ms,
    regions: scopedRegions(row.regions, row.scope_regions),
  }));
}

/** The given changes of the feed in full, each with its version (which may be newer than asked). */
export async function feedChangeDetails(
  tx: Tx,
  feed: FeedOwner,
  from: number,
  ids: readonly string[],
): Promise<(FeedChange & { version: string })[]> {
  if (ids.length === 0) return [];
  const rows = await inFeed(tx, feed, from)
    .where('c.id', 'in', ids)
    .select([
      'c.id',
      'c.number',
      'c.type',
      'c.title',
      'c.description',
      'c.status',
      epochMs('c.start_at').as('start_ms'),
      epochMs('c.end_at').as('end_ms'),
      'c.sequence',
      epochMs('c.updated_at').as('updated_ms'),
      sql<string>`array_to_string(c.regions, ',')`.as('regions'),
      sql<string>`string_agg(DISTINCT cc.region, ',')`.as('scope_regions'),
      ROW_VERSION.as('version'),
    ])
    .groupBy('c.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    type: row.type,
    title: row.title,
    description: row.description,
    status: row.status,
    start: row.start_ms,
    end: row.end_ms,
    sequence: row.sequence,
    updatedAt: row.updated_ms,
    regions: scopedRegions(row.regions, row.scope_regions),
    version: row.version,
  }));
}
