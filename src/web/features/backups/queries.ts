import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { PAGE_SIZE } from '../../components/use-cursor-list.ts';
import { promiseQuery } from './format.ts';
import type { BackupSearch } from './search.ts';
import type { BackupPromise } from './types.ts';

/** The backup promise per customer, page by page; `keepGood` comes with every page. */
export function useBackupPromise(search: BackupSearch, enabled: boolean) {
  const query = promiseQuery(search);
  const result = useInfiniteQuery({
    queryKey: ['reports', 'backup-promise', query],
    queryFn: ({ pageParam, signal }) =>
      api.get<BackupPromise>(
        '/reports/backup-promise',
        { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  const keepGood = result.data?.pages[0]?.keepGood ?? 3;
  return { ...result, items, keepGood };
}
