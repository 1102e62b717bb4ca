import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { Application } from '../inventory/types.ts';
import { TIMELINE_WEEKS, WEEK_MS } from './format.ts';
import type { AddCertificateBody, Certificate, RenewalBody } from './types.ts';

/** The largest page the API gives, and how many of them the timeline reads at most. */
const TIMELINE_PAGE = 200;
const TIMELINE_PAGES = 10;

export interface TimelineData {
  /** The instant the timeline was read at: its axis starts there. */
  now: number;
  /** Every certificate expired or expiring inside the timeline (and the first one after it). */
  items: Certificate[];
  /** True when more certificates than the timeline reads fall inside it. */
  truncated: boolean;
}

/**
 * The certificates the expiry timeline places: the list is ordered by soonest expiry, so pages are
 * read until one reaches past the last week (or the cap is hit).
 */
export function useCertificateTimeline(customerId: string | undefined, applicationId: string | undefined) {
  return useQuery({
    queryKey: ['certificates', 'timeline', customerId ?? null, applicationId ?? null],
    queryFn: async ({ signal }): Promise<TimelineData> => {
      const now = Date.now();
      const horizon = now + TIMELINE_WEEKS * WEEK_MS;
      const items: Certificate[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < TIMELINE_PAGES; page++) {
        const answer: Page<Certificate> = await api.get<Page<Certificate>>(
          '/certificates',
          { customerId, applicationId, limit: TIMELINE_PAGE, cursor: cursor ?? undefined },
          signal,
        );
        items.push(...answer.items);
        cursor = answer.nextCursor;
        const last = answer.items.at(-1);
        if (!cursor || !last || new Date(last.expiresAt).getTime() > horizon)
          return { now, items, truncated: false };
      }
      return { now, items, truncated: true };
    },
    staleTime: 60_000,
  });
}

export function useApplicationName(applicationId: string | undefined) {
  return useQuery({
    queryKey: ['applications', 'one', applicationId],
    queryFn: () => api.get<Application>(`/applications/${applicationId}`),
    enabled: applicationId !== undefined,
    staleTime: 60_000,
    select: (application) => application.name,
  });
}

function useInvalidateCertificates() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['certificates'] });
}

export function useAddCertificate() {
  const invalidate = useInvalidateCertificates();
  return useMutation({
    mutationFn: (body: AddCertificateBody) => api.post<Certificate>('/certificates', body),
    onSuccess: invalidate,
  });
}

export function useRecordRenewal(id: string) {
  const invalidate = useInvalidateCertificates();
  return useMutation({
    mutationFn: (body: RenewalBody) => api.post<Certificate>(`/certificates/${id}/renewal`, body),
    onSuccess: invalidate,
  });
}
