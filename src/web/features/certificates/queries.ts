import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { CHANGES_KEY } from '../changes/queries.ts';
import type { Change } from '../changes/types.ts';
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

/** The open renewal change of a certificate, as its row links to it. */
export interface RenewalChangeLink {
  id: string;
  reference: string;
  start: string;
  end: string;
}

/**
 * The open certificate renewal changes (scheduled, announced or under way) by the certificate they
 * renew: a certificate has at most one, and planning another answers 409. Read for the provider's
 * row actions; under the change lists' key, so a change written anywhere refreshes it.
 */
export function useOpenRenewalChanges(enabled: boolean) {
  return useQuery({
    queryKey: [CHANGES_KEY, 'list', 'open-certificate-renewals'],
    queryFn: async ({ signal }): Promise<Map<string, RenewalChangeLink>> => {
      const bySource = new Map<string, RenewalChangeLink>();
      let cursor: string | null = null;
      for (let page = 0; page < TIMELINE_PAGES; page++) {
        const answer: Page<Change> = await api.get<Page<Change>>(
          '/changes',
          { type: 'certificate_renewal', status: 'open', limit: TIMELINE_PAGE, cursor: cursor ?? undefined },
          signal,
        );
        for (const change of answer.items)
          if (change.source?.type === 'certificate')
            bySource.set(change.source.id, {
              id: change.id,
              reference: change.reference,
              start: change.start,
              end: change.end,
            });
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return bySource;
    },
    enabled,
    staleTime: 30_000,
  });
}

/** Plans the renewal change of a certificate from its proposal (provider); the change lists learn of it. */
export function usePlanRenewalChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (certificateId: string) => api.post<Change>(`/certificates/${certificateId}/renewal-change`),
    // A 409 means another renewal change appeared meanwhile: read the list again to link to it.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [CHANGES_KEY] }),
  });
}
