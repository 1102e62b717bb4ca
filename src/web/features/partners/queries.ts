import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page, Partner } from '../../api/types.ts';

/** All partners in the caller's scope, for names and pickers (the demo has a handful). */
export function usePartners(enabled = true) {
  return useQuery({
    queryKey: ['partners', 'all'],
    queryFn: () => api.get<Page<Partner>>('/partners', { limit: 200 }),
    staleTime: 60_000,
    enabled,
  });
}

export function usePartnerNames(enabled = true): Map<string, string> {
  const { data } = usePartners(enabled);
  return new Map((data?.items ?? []).map((p) => [p.id, p.name]));
}
