import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import type { Page } from '../../api/types.ts';
import type { Case } from '../cases/types.ts';
import type {
  ActivationBody,
  Capacity,
  Expansion,
  ExpansionBody,
  PlanBody,
  ResourceCounts,
} from './types.ts';

/** Everything the capacity screens show hangs off these keys; a write refreshes them all. */
const CAPACITY_KEYS = [['capacity'], ['capacity-expansions']] as const;

function useInvalidateCapacity() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of CAPACITY_KEYS) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
  };
}

/** One customer's capacity; a 404 `not_activated` is an answer (null), not an error. */
export function useCustomerCapacity(customerId: string) {
  return useQuery({
    queryKey: ['capacity', 'one', customerId],
    queryFn: async (): Promise<Capacity | null> => {
      try {
        return await api.get<Capacity>(`/capacity/${customerId}`);
      } catch (error) {
        if (isApiError(error) && error.status === 404 && error.problem.code === 'not_activated') return null;
        throw error;
      }
    },
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });
}

/** The customer's open cases, to cite one when asking for an expansion. */
export function useOpenCases(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'list', 'for-expansion', customerId],
    queryFn: () => api.get<Page<Case>>('/cases', { customerId, status: 'open', sort: 'newest', limit: 100 }),
    enabled,
    staleTime: 30_000,
  });
}

export function useActivateCapacity(customerId: string) {
  const invalidate = useInvalidateCapacity();
  return useMutation({
    mutationFn: (body: ActivationBody) => api.put<Capacity>(`/capacity/${customerId}/activation`, body),
    onSuccess: invalidate,
  });
}

export function useReportProvisioned(customerId: string) {
  const invalidate = useInvalidateCapacity();
  return useMutation({
    mutationFn: (body: ResourceCounts) => api.put<Capacity>(`/capacity/${customerId}/provisioned`, body),
    onSuccess: invalidate,
  });
}

export function useRequestExpansion() {
  const invalidate = useInvalidateCapacity();
  return useMutation({
    mutationFn: (body: ExpansionBody) => api.post<Expansion>('/capacity-expansions', body),
    onSuccess: invalidate,
  });
}

export function usePlanExpansion(id: string) {
  const invalidate = useInvalidateCapacity();
  return useMutation({
    mutationFn: (body: PlanBody) => api.post<Expansion>(`/capacity-expansions/${id}/plan`, body),
    onSuccess: invalidate,
  });
}

export function useCompleteExpansion() {
  const invalidate = useInvalidateCapacity();
  return useMutation({
    mutationFn: (id: string) => api.post<Expansion>(`/capacity-expansions/${id}/complete`),
    onSuccess: invalidate,
  });
}

export function useCancelExpansion(id: string) {
  const invalidate = useInvalidateCapacity();
  return useMutation({
    mutationFn: (body: { reason: string }) => api.post<Expansion>(`/capacity-expansions/${id}/cancel`, body),
    onSuccess: invalidate,
  });
}
