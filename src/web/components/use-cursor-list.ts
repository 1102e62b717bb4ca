import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from '../api/client.ts';
import type { Page } from '../api/types.ts';

export const PAGE_SIZE = 25;

/** A cursor-paginated list; `loadMore` fetches the next page and appends it. */
export function useCursorList<T>(key: readonly unknown[], path: string, query: Query, enabled = true) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
