import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Region } from '../../api/types.ts';
import type { Change, ChangeCheck, ChangeDetail, ChangeInput, RescheduleRequest, Slot } from './types.ts';

/** Every change list and detail hangs off this key; a write refreshes them all. */
export const CHANGES_KEY = 'changes';
/** The reschedule request lists (the queue, and the requests on a change's page). */
export const RESCHEDULE_KEY = 'reschedule-requests';

/** One change with its customers, history and requests; polled while it may still move. */
export function useChange(id: string) {
  return useQuery({
    queryKey: [CHANGES_KEY, 'one', id],
    queryFn: () => api.get<ChangeDetail>(`/changes/${id}`),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'completed' || q.state.data.status === 'cancelled')
        ? false
        : 60_000,
  });
}

/** The earliest slot of the same length that breaks no rule (provider), asked when the form opens. */
export function useNextSlot(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [CHANGES_KEY, 'next-slot', id],
    queryFn: () => api.get<{ slot: Slot | null }>(`/changes/${id}/next-slot`),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * The scheduling rules for a draft, without writing anything. `input` null asks nothing; the last
 * answer stays on screen while the next one is on its way.
 */
export function useChangeCheck(input: ChangeInput | null) {
  return useQuery({
    queryKey: [CHANGES_KEY, 'check', input],
    queryFn: () => api.post<ChangeCheck>('/changes/check', input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

/** Policy numbers the change screens quote (the same document the cases screens read). */
export interface ChangePolicy {
  regions: Record<Region, { timeZone: string; windows: { start: string; end: string } }>;
  changes: {
    noticeBusinessDays: number;
    certificateWindowDays: { min: number; max: number };
    reschedule: {
      minReasonLength: number;
      lateAfterBusinessDays: number;
      upgradeMinDaysAhead: number;
      upgradeMaxReschedules: number;
    };
    weekendTypes: string[];
    interruptingTypes: string[];
  };
}

function useChangeWrite<B, R extends { id: string }>(
  call: (body: B) => Promise<R>,
  changeId?: (r: R) => string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (saved) => {
      const id = changeId ? changeId(saved) : saved.id;
      void queryClient.invalidateQueries({ queryKey: [CHANGES_KEY, 'one', id] });
      void queryClient.invalidateQueries({ queryKey: [CHANGES_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [CHANGES_KEY, 'customers', id] });
      void queryClient.invalidateQueries({ queryKey: [RESCHEDULE_KEY] });
    },
  });
}

export const useCreateChange = () =>
  useChangeWrite((body: ChangeInput) => api.post<Change>('/changes', body));

export const useStartChange = (id: string) =>
  useChangeWrite((_: undefined) => api.post<Change>(`/changes/${id}/start`, {}));

export const useCompleteChange = (id: string) =>
  useChangeWrite((body: { note?: string }) => api.post<Change>(`/changes/${id}/complete`, body));

export const useCancelChange = (id: string) =>
  useChangeWrite((body: { reason: string }) => api.post<Change>(`/changes/${id}/cancel`, body));

export const useRescheduleChange = (id: string) =>
  useChangeWrite((body: { start: string; end: string; note?: string }) =>
    api.post<Change>(`/changes/${id}/reschedule`, body),
  );

export const useAskReschedule = (id: string) =>
  useChangeWrite(
    (body: { reason: string }) => api.post<RescheduleRequest>(`/changes/${id}/reschedule-requests`, body),
    (r) => r.changeId,
  );

export const useDeclineRequest = () =>
  useChangeWrite(
    ({ id, note }: { id: string; note: string }) =>
      api.post<RescheduleRequest>(`/reschedule-requests/${id}/decline`, { note }),
    (r) => r.changeId,
  );

export const useWithdrawRequest = () =>
  useChangeWrite(
    ({ id }: { id: string }) => api.post<RescheduleRequest>(`/reschedule-requests/${id}/withdraw`, {}),
    (r) => r.changeId,
  );
