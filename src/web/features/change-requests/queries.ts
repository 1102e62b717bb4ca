import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type {
  ChangeRequest,
  ChangeRequestDetail,
  ChangeRequestKind,
  ChangeType,
  EmergencyReason,
  UpgradeReason,
} from '../changes/types.ts';

/** Every change-request list and detail hangs off this key; a write refreshes them all. */
export const CR_KEY = 'change-requests';

export interface NewChangeRequest {
  customerId: string;
  kind: ChangeRequestKind;
  title: string;
  description: string;
  preferredStart?: string;
}

export interface ScheduleBody {
  type: ChangeType;
  title?: string;
  start: string;
  end: string;
  reason?: UpgradeReason;
  emergencyReason?: EmergencyReason;
  /** A certificate renewal starts 7 to 3 days before this. */
  certificateExpiresAt?: string;
}

/** One request; polled while the other side may move it, so their notes and decisions appear. */
export function useChangeRequest(id: string) {
  return useQuery({
    queryKey: [CR_KEY, 'one', id],
    queryFn: () => api.get<ChangeRequestDetail>(`/change-requests/${id}`),
    refetchInterval: (q) =>
      q.state.data && q.state.data.status !== 'completed' && q.state.data.status !== 'rejected'
        ? 60_000
        : false,
  });
}

function useCrMutation<B>(call: (body: B) => Promise<ChangeRequestDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (saved) => {
      queryClient.setQueryData([CR_KEY, 'one', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [CR_KEY] });
      // Scheduling creates a change: the change lists and the calendar show it.
      if (saved.changeId) void queryClient.invalidateQueries({ queryKey: ['changes'] });
    },
  });
}

export function useCreateChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewChangeRequest) => api.post<ChangeRequest>('/change-requests', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [CR_KEY] }),
  });
}

export const useAddNote = (id: string) =>
  useCrMutation((body: { body: string }) =>
    api.post<ChangeRequestDetail>(`/change-requests/${id}/notes`, body),
  );

/** The provider takes a submitted request into the joint review (no body). */
export const useTakeIntoReview = (id: string) =>
  useCrMutation((body: Record<string, never>) =>
    api.post<ChangeRequestDetail>(`/change-requests/${id}/review`, body),
  );

export const useDecide = (id: string, decision: 'approve' | 'reject') =>
  useCrMutation((body: { note: string }) =>
    api.post<ChangeRequestDetail>(`/change-requests/${id}/${decision}`, body),
  );

export const useSchedule = (id: string) =>
  useCrMutation((body: ScheduleBody) =>
    api.post<ChangeRequestDetail>(`/change-requests/${id}/schedule`, body),
  );
