import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';

/**
 * Picks a customer by typing part of its name: the server is searched as the user types (20 at a
 * time), so it works for a provider with thousands of customers as well as for the demo's 24.
 */
export function CustomerPicker({
  value,
  onChange,
  activeOnly = false,
  ...props
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  activeOnly?: boolean;
} & Omit<SelectProps, 'value' | 'onChange' | 'data' | 'searchable' | 'searchValue' | 'onSearchChange'>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useQuery({
    queryKey: ['customers', 'one', value],
    queryFn: () => api.get<Customer>(`/customers/${value}`),
    enabled: value !== null,
    staleTime: 60_000,
  });
  const results = useQuery({
    queryKey: ['customers', 'search', debounced, activeOnly],
    queryFn: () =>
      api.get<Page<Customer>>('/customers', {
        q: debounced || undefined,
        active: activeOnly || undefined,
        limit: 20,
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  if (selected.data && selected.data.id === value) options.set(selected.data.id, selected.data.name);
  for (const c of results.data?.items ?? []) options.set(c.id, c.name);
  return (
    <Select
      {...props}
      searchable
      clearable
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={results.isFetching ? t('states.loading') : t('list.noMatches')}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
    />
  );
}
