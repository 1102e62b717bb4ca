import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Contract, Page } from '../../api/types.ts';
import type { CaseDetail, CaseSummary, ImpactInput, SeverityResult, Urgency } from './types.ts';

/** One case with its timeline; polled so acknowledgements and comments appear by themselves. */
export function useCase(id: string) {
  return useQuery({
    queryKey: ['cases', 'one', id],
    queryFn: () => api.get<CaseDetail>(`/cases/${id}`),
    refetchInterval: 30_000,
  });
}

export function useCaseSummary() {
  return useQuery({
    queryKey: ['cases', 'summary'],
    queryFn: () => api.get<CaseSummary>('/cases/summary'),
    refetchInterval: 30_000,
  });
}

/** The severity the policy gives an impact (or affected share) and urgency, asked as they change. */
export function useSeverityPreview(input: ImpactInput | null, urgency: Urgency | null) {
  const body = input && urgency ? { ...input, urgency } : null;
  return useQuery({
    queryKey: ['policy', 'severity', body],
    queryFn: () => api.post<SeverityResult>('/policy/severity', body),
    enabled: body !== null,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

/** A customer's contracts valid on `today`, to suggest the contract number. */
export function useActiveContracts(customerId: string | null, today: string) {
  return useQuery({
    queryKey: ['contracts', 'of', customerId, today],
    queryFn: () =>
      api.get<Page<Contract>>('/contracts', { customerId, activeOn: today, active: true, limit: 50 }),
    enabled: customerId !== null,
    staleTime: 60_000,
  });
}

/**
 * A POST on one case (acknowledge, status, severity …): on success the case and the lists are
 * fetched again, and `onDone` runs (close the dialog, say so).
 */
export function useCaseCommand<B>(caseId: string, path: string, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<unknown>(`/cases/${caseId}/${path}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      onDone();
    },
  });
}
