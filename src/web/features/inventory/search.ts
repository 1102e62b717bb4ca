/**
 * What the inventory pages' URLs may carry. Kept apart from the pages (the router imports it
 * eagerly, the pages load lazily) and free of React.
 */
import { APPLICATION_KINDS, type ApplicationKind, VERSION_TIERS, type VersionTier } from './types.ts';

export interface InventorySearch {
  customerId?: string;
  partnerId?: string;
  kind?: ApplicationKind;
  tier?: VersionTier;
  mustUpgrade?: true;
  q?: string;
}

export interface ComplianceSearch {
  partnerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const isApplicationKind = (value: unknown): value is ApplicationKind =>
  typeof value === 'string' && (APPLICATION_KINDS as readonly string[]).includes(value);

export const isVersionTier = (value: unknown): value is VersionTier =>
  typeof value === 'string' && (VERSION_TIERS as readonly string[]).includes(value);

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseInventorySearch(search: Record<string, unknown>): InventorySearch {
  const out: InventorySearch = {};
  if (isUuid(search.customerId)) out.customerId = search.customerId;
  if (isUuid(search.partnerId)) out.partnerId = search.partnerId;
  if (isApplicationKind(search.kind)) out.kind = search.kind;
  if (isVersionTier(search.tier)) out.tier = search.tier;
  if (search.mustUpgrade === true || search.mustUpgrade === 'true') out.mustUpgrade = true;
  // A hand-typed ?q=15 arrives as a number (the router reads values as JSON).
  const q = typeof search.q === 'number' ? String(search.q) : search.q;
  if (typeof q === 'string' && q.trim() !== '') out.q = q.trim().slice(0, 100);
  return out;
}

export function parseComplianceSearch(search: Record<string, unknown>): ComplianceSearch {
  return isUuid(search.partnerId) ? { partnerId: search.partnerId } : {};
}
