import { Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import type { Application } from './types.ts';

/** Pages of 200 (the API's page limit) read at most, so a runaway cursor cannot loop forever. */
const MAX_PAGES = 50;

/** All of a customer's applications, following `nextCursor` past the API's page limit of 200. */
async function allApplicationsOf(customerId: string | null): Promise<Page<Application>> {
  const items: Application[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = await api.get<Page<Application>>('/applications', { customerId, limit: 200, cursor });
    items.push(...page.items);
    if (!page.nextCursor) return { items, nextCursor: null };
    cursor = page.nextCursor;
  }
  return { items, nextCursor: cursor ?? null };
}

/** A customer's applications, for "customer → application" pickers: every page of them. */
export function useCustomerApplications(customerId: string | null) {
  return useQuery({
    queryKey: ['applications', 'of-customer', customerId],
    queryFn: () => allApplicationsOf(customerId),
    enabled: customerId !== null,
    staleTime: 30_000,
  });
}

export interface CustomerApplicationTexts {
  customerPlaceholder: string;
  applicationLabel: string;
  applicationPlaceholder: string;
  /** Shown in the application field until a customer is chosen. */
  customerFirst: string;
  noApplications: string;
}

type ApplicationOption = { value: string; label: string; disabled?: boolean };

/**
 * The customer picker and the select of that customer's applications, side by side. Choosing
 * another customer clears the application. `option` may disable applications a form cannot use.
 */
export function CustomerApplicationFields({
  enabled,
  customerId,
  applicationId,
  onCustomerChange,
  onApplicationChange,
  texts,
  errors,
  option,
  describe,
}: {
  /** Load the applications only while the form is open. */
  enabled: boolean;
  customerId: string | null;
  applicationId: string | null;
  onCustomerChange: (id: string | null) => void;
  onApplicationChange: (id: string | null) => void;
  texts: CustomerApplicationTexts;
  errors: { customer?: ReactNode; application?: ReactNode };
  option?: (application: Application, label: string) => ApplicationOption;
  /** A note under the application field, from the applications listed. */
  describe?: (applications: Application[]) => string | undefined;
}) {
  const { t } = useTranslation();
  const applications = useCustomerApplications(enabled ? customerId : null);
  const items = applications.data?.items ?? [];
  const description = describe?.(items);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <CustomerPicker
        label={t('fields.customer')}
        placeholder={texts.customerPlaceholder}
        required
        activeOnly
        value={customerId}
        onChange={(id) => {
          if (id !== customerId) onApplicationChange(null);
          onCustomerChange(id);
        }}
        error={errors.customer}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <Select
        label={texts.applicationLabel}
        description={description}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        placeholder={
          customerId
            ? applications.isPending
              ? t('states.loading')
              : texts.applicationPlaceholder
            : texts.customerFirst
        }
        required
        searchable
        allowDeselect={false}
        disabled={!customerId}
        data={items.map((a) => {
          const label = `${a.name} (${t(`inventory.kinds.${a.kind}`)})`;
          return option ? option(a, label) : { value: a.id, label };
        })}
        value={applicationId}
        onChange={onApplicationChange}
        nothingFoundMessage={customerId && !applications.isPending ? texts.noApplications : undefined}
        error={errors.application}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}
