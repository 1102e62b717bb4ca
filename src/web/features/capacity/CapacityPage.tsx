import { Anchor, Button, Checkbox, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { ListFooter } from '../../components/list-footer.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { CapacityChart } from './CapacityChart.tsx';
import { byUse, capacityQuery, hasFilters } from './format.ts';
import { ResourceCell } from './ResourceCell.tsx';
import { type CapacitySearch, parseCapacitySearch } from './search.ts';
import type { Capacity } from './types.ts';

/** The chart shows at most this many customers (those using the most); the table lists them all. */
const CHART_CUSTOMERS = 12;

function FilterBar({
  search,
  onChange,
  onClear,
}: {
  search: CapacitySearch;
  onChange: (patch: Partial<CapacitySearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      {user.role !== 'customer_viewer' && (
        <CustomerPicker
          aria-label={t('fields.customer')}
          placeholder={t('capacity.allCustomers')}
          value={search.customerId ?? null}
          onChange={(id) => onChange({ customerId: id ?? undefined })}
          w={{ base: '100%', sm: 240 }}
        />
      )}
      {provider && (
        <PartnerPicker
          aria-label={t('fields.partner')}
          placeholder={t('filters.allPartners')}
          clearable
          includeInactive
          value={search.partnerId ?? null}
          onChange={(id) => onChange({ partnerId: id ?? undefined })}
          w={{ base: '100%', sm: 220 }}
        />
      )}
      <Checkbox
        label={t('capacity.attentionOnly')}
        checked={search.attention === true}
        onChange={(e) => onChange({ attention: e.currentTarget.checked ? true : undefined })}
      />
      {hasFilters(search) && (
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function CapacityTable({ items, showPartner }: { items: Capacity[]; showPartner: boolean }) {
  const { t } = useTranslation();
  return (
    <TableScroll minWidth={600} label={t('capacity.tableLabel')}>
      <Table verticalSpacing="sm" data-testid="capacity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={170}>{t('fields.customer')}</Table.Th>
            <Table.Th>{t('capacity.resources.knowledge_workers')}</Table.Th>
            <Table.Th>{t('capacity.resources.workspace_devices')}</Table.Th>
            <Table.Th ta="right">{t('capacity.openExpansions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.customerId} data-testid="capacity-row" data-customer={c.customerName}>
              <Table.Th scope="row">
                <Anchor
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/inventory/capacity/$customerId"
                      params={{ customerId: c.customerId }}
                    />
                  )}
                  fw={600}
                  size="sm"
                  style={{ overflowWrap: 'break-word' }}
                >
                  {c.customerName}
                </Anchor>
                {showPartner && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {c.partnerName}
                  </Text>
                )}
              </Table.Th>
              <Table.Td data-resource="knowledge_workers">
                <ResourceCell use={c.knowledgeWorkers} />
              </Table.Td>
              <Table.Td data-resource="workspace_devices">
                <ResourceCell use={c.workspaceDevices} />
              </Table.Td>
              <Table.Td ta="right">{c.openExpansions}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Side by side on wide screens; below that the chart sits above its table. */
function ChartAndTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, xl: 5 }}>{chart}</Grid.Col>
      <Grid.Col span={{ base: 12, xl: 7 }}>{table}</Grid.Col>
    </Grid>
  );
}

/** Capacity use per customer: knowledge workers and workspace devices against their entitlements. */
export default function CapacityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  const navigate = useNavigate();
  const search = parseCapacitySearch(useSearch({ strict: false }));
  const list = useCursorList<Capacity>(['capacity', 'list'], '/capacity', capacityQuery(search));

  const onChange = useCallback(
    (patch: Partial<CapacitySearch>) =>
      void navigate({
        to: '/inventory/capacity',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseCapacitySearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseCapacitySearch(next);
        },
        replace: true,
      }),
    [navigate],
  );
  const onClear = () => void navigate({ to: '/inventory/capacity', search: {}, replace: true });

  const chartRows = byUse(list.items).slice(0, CHART_CUSTOMERS);

  return (
    <>
      <PageHeader
        title={t('capacity.title')}
        subtitle={t(provider ? 'capacity.subtitleProvider' : 'capacity.subtitle')}
        actions={<ResponsibilityLink area="capacity" />}
      />
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-labelledby="capacity-heading"
      >
        <Stack gap={2} mb="md">
          <Title order={2} fz="lg" id="capacity-heading">
            {t('capacity.byCustomer')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('capacity.byCustomerHint')}
            {list.items.length > CHART_CUSTOMERS &&
              ` ${t('capacity.chartLimited', { shown: CHART_CUSTOMERS, total: list.items.length })}`}
          </Text>
        </Stack>
        <FilterBar search={search} onChange={onChange} onClear={onClear} />
        {list.isPending ? (
          <ListSkeleton rows={4} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.items.length === 0 ? (
          <Stack align="center" gap="xs">
            <EmptyState
              title={search.attention ? t('capacity.emptyAttention') : t('capacity.empty')}
              hint={
                search.customerId
                  ? t('capacity.emptyCustomerHint')
                  : provider
                    ? t('capacity.emptyHintProvider')
                    : t('capacity.emptyHint')
              }
            />
            {search.customerId && (
              <Anchor
                renderRoot={(props) => (
                  <Link
                    {...props}
                    to="/inventory/capacity/$customerId"
                    params={{ customerId: search.customerId ?? '' }}
                  />
                )}
                fw={600}
                size="sm"
              >
                {t('capacity.openCustomer')}
              </Anchor>
            )}
          </Stack>
        ) : (
          <>
            <ChartAndTable
              chart={<CapacityChart rows={chartRows} label={t('capacity.chartLabel')} />}
              table={<CapacityTable items={list.items} showPartner={provider} />}
            />
            <ListFooter
              shown={list.items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </Paper>
    </>
  );
}
