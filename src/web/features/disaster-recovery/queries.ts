import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { DeclareDrEventBody, DrEventDetail, DrEventUpdateBody } from './types.ts';

/** Every DR list and detail hangs off this key; a write refreshes them all. */
export const DR_KEY = 'dr-events';

/** One event with its timeline; polled while it is open so new updates appear by themselves. */
export function useDrEvent(id: string) {
  return useQuery({
    queryKey: [DR_KEY, 'one', id],
    queryFn: () => api.get<DrEventDetail>(`/dr-events/${id}`),
    refetchInterval: (q) =>
      q.state.data && q.state.data.status !== 'closed' && q.state.data.status !== 'withdrawn'
        ? 30_000
        : false,
  });
}

export function useDeclareDrEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclareDrEventBody) => api.post<DrEventDetail>('/dr-events', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [DR_KEY] }),
  });
}

export function usePostDrUpdate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DrEventUpdateBody) => api.post<DrEventDetail>(`/dr-events/${id}/updates`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData([DR_KEY, 'one', id], saved);
      void queryClient.invalidateQueries({ queryKey: [DR_KEY] });
    },
  });
}
