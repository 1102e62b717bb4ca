/**
 * What the COP request list's URL may carry. Kept apart from the pages (the router imports it
 * eagerly, the pages load lazily) and free of React.
 */
import { COP_STATUSES, type CopStatus } from './types.ts';

export interface CopSearch {
  status?: CopStatus | 'open';
  customerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseCopSearch(search: Record<string, unknown>): CopSearch {
  const out: CopSearch = {};
  if (
    typeof search.status === 'string' &&
    (search.status === 'open' || (COP_STATUSES as readonly string[]).includes(search.status))
  )
    out.status = search.status as CopSearch['status'];
  if (typeof search.customerId === 'string' && UUID.test(search.customerId))
    out.customerId = search.customerId;
  return out;
}
