/**
 * What the follow-up task list's URL may carry. Kept apart from the page (the router imports it
 * eagerly, the page loads lazily) and free of React.
 */
export interface ChangeTaskSearch {
  /** Open (the default), finished, or every customer's steps. */
  status?: 'done' | 'all';
  customerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseChangeTaskSearch(search: Record<string, unknown>): ChangeTaskSearch {
  const out: ChangeTaskSearch = {};
  if (search.status === 'done' || search.status === 'all') out.status = search.status;
  if (typeof search.customerId === 'string' && UUID.test(search.customerId))
    out.customerId = search.customerId;
  return out;
}
