import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customers', 'one', id],
    queryFn: () => api.get<Customer>(`/customers/${id}`),
    enabled: id !== '',
  });
}

export function useCustomerOptions(enabled = true) {
  return useQuery({
    queryKey: ['customers', 'all'],
    queryFn: () => api.get<Page<Customer>>('/customers', { limit: 200 }),
    staleTime: 60_000,
    enabled,
  });
}
