import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ContactHealth } from '../../api/types.ts';

/** Contact hygiene of one partner: categories nobody receives, channels that keep failing. */
export function useContactHealth(partnerId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['subscriptions', 'health', partnerId ?? 'own'],
    queryFn: () => api.get<ContactHealth>('/notifications/contact-health', { partnerId }),
    staleTime: 60_000,
    enabled,
  });
}

export function hasContactProblems(health: ContactHealth | undefined): boolean {
  return !!health && (health.missingCategories.length > 0 || health.failingSubscriptions.length > 0);
}
