/**
 * What the disaster-recovery list's URL may carry. Kept apart from the pages (the router imports it
 * eagerly, the pages load lazily) and free of React.
 */
import { DR_KINDS, type DrKind } from './types.ts';

export interface DrSearch {
  status?: 'open' | 'closed';
  kind?: DrKind;
  customerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseDrSearch(search: Record<string, unknown>): DrSearch {
  const out: DrSearch = {};
  if (search.status === 'open' || search.status === 'closed') out.status = search.status;
  if (typeof search.kind === 'string' && (DR_KINDS as readonly string[]).includes(search.kind))
    out.kind = search.kind as DrKind;
  if (typeof search.customerId === 'string' && UUID.test(search.customerId))
    out.customerId = search.customerId;
  return out;
}
