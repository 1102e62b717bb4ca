/**
 * What the change-request board's URL may carry. Kept apart from the pages (the router imports it
 * eagerly, the pages load lazily) and free of React.
 */
export interface ChangeRequestSearch {
  customerId?: string;
  /** Show the rejected column too. */
  rejected?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseChangeRequestSearch(search: Record<string, unknown>): ChangeRequestSearch {
  const out: ChangeRequestSearch = {};
  if (typeof search.customerId === 'string' && UUID.test(search.customerId))
    out.customerId = search.customerId;
  if (search.rejected === true || search.rejected === 'true') out.rejected = true;
  return out;
}
