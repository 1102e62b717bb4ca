import { useQuery } from '@tanstack/react-query';
import type { CasePolicy } from '../features/cases/types.ts';
import type { ChangePolicy } from '../features/changes/queries.ts';
import { api } from './client.ts';

/**
 * The active policy document (`GET /policy`), as the screens read it: one type and one query for
 * every feature, so the cache under `['policy']` always holds the same thing.
 */
export type PolicyDocument = CasePolicy & ChangePolicy;

export function usePolicy() {
  return useQuery({
    queryKey: ['policy'],
    queryFn: () => api.get<PolicyDocument>('/policy'),
    // The policy changes with a deployment, not during a session.
    staleTime: 10 * 60_000,
  });
}
