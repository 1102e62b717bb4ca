import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from '../api/client.ts';
import type { Page } from '../api/types.ts';

export const PAGE_SIZE = 25;

/**
 * A cursor-paginated list; `loadMore` fetches the next page and appends it. `refetchInterval`
 * (milliseconds, or a function of the items shown) keeps a live list fresh, e.g. while messages
 * are still being delivered.
 */
export function useCursorList<T>(
  key: readonly unknown[],
  path: string,
  query: Query,
  enabled = true,
  refetchInterval?: number | ((items: T[]) => number | false),
) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    ...(refetchInterval === undefined
      ? {}
      : {
          refetchInterval: (q: { state: { data?: { pages: Page<T>[] } | undefined } }) =>
            typeof refetchInterval === 'function'
              ? refetchInterval(q.state.data?.pages.flatMap((p) => p.items) ?? [])
              : refetchInterval,
        }),
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
