import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';

/**
 * Picks many customers by typing part of their names: the server is searched as the user types
 * (20 at a time, active customers only); chosen customers keep their names while the search moves on.
 */
export function CustomerMultiPicker({
  value,
  onChange,
  ...props
}: {
  value: string[];
  onChange: (ids: string[]) => void;
} & Omit<MultiSelectProps, 'value' | 'onChange' | 'data' | 'searchable' | 'searchValue' | 'onSearchChange'>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: ['customers', 'search', debounced, true],
    queryFn: () =>
      api.get<Page<Customer>>('/customers', { q: debounced || undefined, active: true, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  for (const id of value) options.set(id, names.get(id) ?? id);
  for (const c of results.data?.items ?? []) options.set(c.id, `${c.name} (${c.region})`);
  return (
    <MultiSelect
      {...props}
      searchable
      hidePickedOptions
      value={value}
      onChange={(ids) => {
        setNames((old) => {
          const next = new Map(old);
          for (const id of ids) if (!next.has(id)) next.set(id, options.get(id) ?? id);
          return next;
        });
        onChange(ids);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={results.isFetching ? t('states.loading') : t('list.noMatches')}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
