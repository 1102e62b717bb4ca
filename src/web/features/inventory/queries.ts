import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { CHANGES_KEY } from '../changes/queries.ts';
import type { Change } from '../changes/types.ts';
import type {
  Application,
  ApplicationBody,
  ApplicationPatch,
  Campaign,
  CampaignChangesBody,
  ComplianceReport,
  ImportResult,
  PublishReleaseBody,
  PublishResult,
  ReleaseHistory,
} from './types.ts';

/** Everything the inventory shows hangs off these keys; a write refreshes them all. */
const INVENTORY_KEYS = [['applications'], ['reports', 'version-compliance'], ['releases']] as const;

function useInvalidateInventory() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of INVENTORY_KEYS) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
  };
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['applications', 'one', id],
    queryFn: () => api.get<Application>(`/applications/${id}`),
  });
}

/** The train in force and the ones before it. */
export function useReleases() {
  return useQuery({
    queryKey: ['releases'],
    queryFn: () => api.get<ReleaseHistory>('/releases'),
    staleTime: 60_000,
  });
}

export function useComplianceReport(partnerId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['reports', 'version-compliance', partnerId],
    queryFn: () => api.get<ComplianceReport>('/reports/version-compliance', { partnerId }),
    enabled,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['upgrade-campaigns', id],
    queryFn: () => api.get<Campaign>(`/upgrade-campaigns/${id}`),
  });
}

/**
 * The campaign's upgrade changes (provider): one per region of the customers not yet covered, each in
 * the earliest slot after the notice period. The campaign (who is covered now) and the change lists
 * are read again.
 */
export function usePlanCampaignChanges(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignChangesBody) =>
      api.post<{ items: Change[] }>(`/upgrade-campaigns/${campaignId}/changes`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['upgrade-campaigns', campaignId] });
      void queryClient.invalidateQueries({ queryKey: [CHANGES_KEY] });
    },
  });
}

export function useCreateApplication() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (body: ApplicationBody) => api.post<Application>('/applications', body),
    onSuccess: invalidate,
  });
}

export function useUpdateApplication(id: string) {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (body: ApplicationPatch) => api.patch<Application>(`/applications/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteApplication() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(`/applications/${id}`),
    onSuccess: invalidate,
  });
}

/** The instance CSV goes up as the raw body (text/csv); one bad line rejects the whole file. */
export function useImportApplications() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (file: File) => api.upload<ImportResult>('/applications/import', {}, file, 'text/csv'),
    onSuccess: invalidate,
  });
}

export function usePublishRelease() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (body: PublishReleaseBody) => api.post<PublishResult>('/releases', body),
    onSuccess: invalidate,
  });
}
