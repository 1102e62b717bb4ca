import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { OutageDetail } from '../../api/types.ts';

/** One outage with its timeline; polled while it is open so new updates appear by themselves. */
export function useOutage(id: string) {
  return useQuery({
    queryKey: ['outages', 'one', id],
    queryFn: () => api.get<OutageDetail>(`/outages/${id}`),
    refetchInterval: (q) => (q.state.data && q.state.data.resolvedAt === null ? 30_000 : false),
  });
}
