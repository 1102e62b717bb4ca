import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Customer } from '../../api/types.ts';

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customers', 'one', id],
    queryFn: () => api.get<Customer>(`/customers/${id}`),
    enabled: id !== '',
  });
}
