import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ResponsibilityList } from './types.ts';

/** The whole matrix (static, small): fetched once and filtered in the browser. */
export function useResponsibilities() {
  return useQuery({
    queryKey: ['responsibilities'],
    queryFn: () => api.get<ResponsibilityList>('/responsibilities'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
