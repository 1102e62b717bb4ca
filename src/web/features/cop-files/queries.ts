import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { CHANGES_KEY } from '../changes/queries.ts';
import type { Change } from '../changes/types.ts';
import type { CopInstallBody, CopRequest, CopRequestBody, UploadBody } from './types.ts';

/** Every COP list and detail hangs off this key; a write refreshes them all. */
export const COP_KEY = 'cop-requests';

/** One request; polled while it is open so the other side's step appears by itself. */
export function useCopRequest(id: string) {
  return useQuery({
    queryKey: [COP_KEY, 'one', id],
    queryFn: () => api.get<CopRequest>(`/cop-requests/${id}`),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'requested' || q.state.data.status === 'uploaded')
        ? 60_000
        : false,
  });
}

function useCopMutation<B>(call: (body: B) => Promise<CopRequest>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (saved) => {
      queryClient.setQueryData([COP_KEY, 'one', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [COP_KEY] });
    },
  });
}

export const useRequestCop = () =>
  useCopMutation((body: CopRequestBody) => api.post<CopRequest>('/cop-requests', body));

export const useRecordUpload = (id: string) =>
  useCopMutation((body: UploadBody) => api.post<CopRequest>(`/cop-requests/${id}/upload`, body));

export const useMarkInstalled = (id: string) =>
  useCopMutation((body: { installedAt?: string }) =>
    api.post<CopRequest>(`/cop-requests/${id}/installed`, body),
  );

export const useRejectCop = (id: string) =>
  useCopMutation((body: { reason: string }) => api.post<CopRequest>(`/cop-requests/${id}/reject`, body));

export const useCancelCop = (id: string) =>
  useCopMutation((body: { reason: string }) => api.post<CopRequest>(`/cop-requests/${id}/cancel`, body));

/**
 * The provider installs a COP file itself: a cop_install change in the earliest slot the rules allow
 * (an emergency: the next provider window, without notice). The change lists learn of it.
 */
export function usePlanCopInstall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CopInstallBody) => api.post<Change>('/cop-installs', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [CHANGES_KEY] }),
  });
}
