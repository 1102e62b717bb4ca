import { Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, useDocumentTitle } from '../../components/common.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useCustomer } from '../customers/queries.ts';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { ActivationPanel } from './ActivationPanel.tsx';
import { LevelBadge } from './badges.tsx';
import { CapacityChart } from './CapacityChart.tsx';
import { ExpansionsSection } from './ExpansionsSection.tsx';
import { formatPercent, resourceUse } from './format.ts';
import { ProvisionedForm } from './ProvisionedForm.tsx';
import { capacityCan } from './permissions.ts';
import { useCustomerCapacity } from './queries.ts';
import { CAPACITY_RESOURCES, type Capacity } from './types.ts';

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function ResourcesSection({ capacity }: { capacity: Capacity }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-labelledby="use-heading"
    >
      <Stack gap="md">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Title order={2} fz="lg" id="use-heading">
            {t('capacity.use')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('capacity.activatedOn')} <Instant value={capacity.activatedAt} />
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {CAPACITY_RESOURCES.map((resource) => {
            const use = resourceUse(capacity, resource);
            return (
              <Stack
                key={resource}
                gap="xs"
                data-testid="resource-panel"
                data-resource={resource}
                data-level={use.level}
              >
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Title order={3} fz="md">
                    {t(`capacity.resources.${resource}`)}
                  </Title>
                  <LevelBadge level={use.level} />
                </Group>
                <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
                  <Figure label={t('capacity.entitled')} value={use.entitled} testId="entitled" />
                  <Figure label={t('capacity.provisioned')} value={use.provisioned} testId="provisioned" />
                  <Figure label={t('capacity.available')} value={use.available} />
                  <Figure label={t('capacity.percentUsed')} value={formatPercent(use.percent)} />
                </SimpleGrid>
              </Stack>
            );
          })}
        </SimpleGrid>
        <CapacityChart
          rows={[capacity]}
          label={t('capacity.chartOne', { customer: capacity.customerName })}
        />
      </Stack>
    </Paper>
  );
}

/** One customer's capacity: use, the provisioned-counts report, and its expansions. */
export default function CapacityDetailPage() {
  const { t } = useTranslation();
  const { customerId } = useParams({ strict: false }) as { customerId: string };
  const user = useCurrentUser();
  const zone = useTimeZone();
  const query = useCustomerCapacity(customerId);
  // The name of a customer without capacity comes from the directory.
  const customer = useCustomer(customerId);
  const name = query.data?.customerName ?? customer.data?.name ?? '';
  useDocumentTitle(name ? `${name} · ${t('capacity.title')}` : t('capacity.title'));

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/inventory/capacity" size="sm">
          {t('capacity.title')}
        </Anchor>
        <Text size="sm">{name || '…'}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 22, sm: 26 }} style={{ wordBreak: 'break-word' }}>
            {name ? t('capacity.detailTitle', { customer: name }) : t('capacity.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('capacity.detailSubtitle')} · {t('capacity.timesIn', { zone })}
          </Text>
        </Stack>
        <ResponsibilityLink area="capacity" />
      </Group>
      {query.isPending ? (
        <Stack aria-busy="true" aria-label={t('states.loading')}>
          <Skeleton height={160} />
          <Skeleton height={120} />
        </Stack>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data === null ? (
        <ActivationPanel customerId={customerId} customerName={name} />
      ) : (
        <>
          <ResourcesSection capacity={query.data} />
          {capacityCan.provision(user) && (
            <ProvisionedForm
              key={`${query.data.knowledgeWorkers.provisioned}:${query.data.workspaceDevices.provisioned}`}
              capacity={query.data}
            />
          )}
          <ExpansionsSection capacity={query.data} />
        </>
      )}
    </Stack>
  );
}
