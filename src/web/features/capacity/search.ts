/**
 * What the capacity page's URL may carry. Kept apart from the pages (the router imports it
 * eagerly, the pages load lazily) and free of React.
 */

export interface CapacitySearch {
  customerId?: string;
  partnerId?: string;
  /** Only customers with a resource at 80 % or more of its entitlement. */
  attention?: true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseCapacitySearch(search: Record<string, unknown>): CapacitySearch {
  const out: CapacitySearch = {};
  if (isUuid(search.customerId)) out.customerId = search.customerId;
  if (isUuid(search.partnerId)) out.partnerId = search.partnerId;
  if (search.attention === true || search.attention === 'true') out.attention = true;
  return out;
}
