import { Button, Grid, Group, Paper, Select, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { TierSwatch } from './badges.tsx';
import { type ChartRow, ComplianceChart } from './ComplianceChart.tsx';
import { formatShare, shareOnN } from './format.ts';
import { InstancesLink } from './links.tsx';
import { useComplianceReport } from './queries.ts';
import { parseComplianceSearch } from './search.ts';
import { TrainSummary } from './TrainSummary.tsx';
import type { CustomerCompliance, PartnerCompliance, TierCounts } from './types.ts';
import { VERSION_TIERS } from './types.ts';

/** The chart shows at most this many customers (the least compliant); the table lists them all. */
const CHART_CUSTOMERS = 20;

function TierHeaders() {
  const { t } = useTranslation();
  return (
    <>
      {VERSION_TIERS.map((tier) => (
        <Table.Th key={tier} ta="right" style={{ whiteSpace: 'nowrap' }}>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <TierSwatch tier={tier} />
            {t(`inventory.tiers.${tier}`)}
          </Group>
        </Table.Th>
      ))}
    </>
  );
}

function TierCells({ tiers }: { tiers: TierCounts }) {
  return (
    <>
      {VERSION_TIERS.map((tier) => (
        <Table.Td key={tier} ta="right" data-tier={tier}>
          {tiers[tier]}
        </Table.Td>
      ))}
    </>
  );
}

function PartnerTable({
  partners,
  selected,
  onChoose,
}: {
  partners: PartnerCompliance[];
  selected: string | undefined;
  onChoose: ((id: string) => void) | null;
}) {
  const { t } = useTranslation();
  return (
    <TableScroll minWidth={620} label={t('inventory.compliancePage.partnerTable')}>
      <Table verticalSpacing="sm" data-testid="partner-compliance-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.partner')}</Table.Th>
            <Table.Th ta="right">{t('inventory.compliancePage.applications')}</Table.Th>
            <TierHeaders />
            <Table.Th ta="right">{t('inventory.compliancePage.onN')}</Table.Th>
            <Table.Th ta="right">{t('inventory.compliancePage.customersMustUpgrade')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((p) => (
            <Table.Tr
              key={p.partnerId}
              data-testid="partner-compliance-row"
              bg={p.partnerId === selected ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Table.Th scope="row" fw={600}>
                {onChoose ? (
                  <UnstyledButton
                    onClick={() => onChoose(p.partnerId)}
                    aria-pressed={p.partnerId === selected}
                    fz="sm"
                    fw={600}
                    c="var(--mantine-color-anchor)"
                    style={{ textDecoration: 'underline' }}
                  >
                    {p.partnerName}
                  </UnstyledButton>
                ) : (
                  p.partnerName
                )}
              </Table.Th>
              <Table.Td ta="right">{p.applications}</Table.Td>
              <TierCells tiers={p.tiers} />
              <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatShare(p.compliantShare)}
              </Table.Td>
              <Table.Td ta="right">{p.customersMustUpgrade}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function CustomerTable({ customers }: { customers: CustomerCompliance[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll minWidth={660} label={t('inventory.compliancePage.customerTable')}>
      <Table verticalSpacing="sm" data-testid="customer-compliance-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.customer')}</Table.Th>
            <Table.Th ta="right">{t('inventory.compliancePage.applications')}</Table.Th>
            <TierHeaders />
            <Table.Th ta="right">{t('inventory.compliancePage.onN')}</Table.Th>
            <Table.Th>
              <span className="visually-hidden">{t('list.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => {
            const behind = c.applications - c.tiers.n;
            return (
              <Table.Tr key={c.customerId} data-testid="customer-compliance-row">
                <Table.Th scope="row" fw={600}>
                  {c.customerName}
                </Table.Th>
                <Table.Td ta="right">{c.applications}</Table.Td>
                <TierCells tiers={c.tiers} />
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {formatShare(shareOnN(c.tiers))}
                </Table.Td>
                <Table.Td>
                  {behind > 0 ? (
                    <InstancesLink
                      search={{ customerId: c.customerId, mustUpgrade: true }}
                      size="sm"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {t('inventory.compliancePage.showMustUpgrade', { count: behind })}
                    </InstancesLink>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('inventory.compliancePage.compliant')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Side by side on wide screens; below that the chart sits above its table, so neither is squeezed. */
function ChartAndTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, xl: 5 }}>{chart}</Grid.Col>
      <Grid.Col span={{ base: 12, xl: 7 }}>{table}</Grid.Col>
    </Grid>
  );
}

/** Version compliance: applications by tier per partner and, for one partner, per customer. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  const navigate = useNavigate();
  const { partnerId } = parseComplianceSearch(useSearch({ strict: false }));
  const overview = useComplianceReport(null);
  const detail = useComplianceReport(partnerId ?? null, provider && partnerId !== undefined);
  const choose = (id: string | undefined) =>
    void navigate({ to: '/inventory/compliance', search: id ? { partnerId: id } : {}, replace: true });

  const partners = overview.data?.partners ?? [];
  // Partner users get their own customers with the overview; the provider asks for one partner.
  const customerReport = provider ? (partnerId ? detail : null) : overview;
  const chosenName = provider
    ? partners.find((p) => p.partnerId === partnerId)?.partnerName
    : partners[0]?.partnerName;
  const customers = customerReport?.data?.customers ?? [];
  const partnerRows: ChartRow[] = partners.map((p) => ({
    id: p.partnerId,
    label: p.partnerName,
    tiers: p.tiers,
  }));
  const customerRows: ChartRow[] = customers
    .slice(0, CHART_CUSTOMERS)
    .map((c) => ({ id: c.customerId, label: c.customerName, tiers: c.tiers }));

  return (
    <>
      <PageHeader
        title={t('inventory.compliancePage.title')}
        subtitle={t(
          provider ? 'inventory.compliancePage.subtitleProvider' : 'inventory.compliancePage.subtitle',
        )}
        actions={
          <>
            <ResponsibilityLink area="upgrades" />
            <Button component={Link} to="/inventory/releases" variant="default">
              {t('inventory.releasesPage.title')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <TrainSummary train={overview.data?.train} loading={overview.isPending} />
        <Paper
          withBorder
          p={{ base: 'sm', sm: 'md' }}
          radius="md"
          component="section"
          aria-labelledby="partners-heading"
        >
          <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
            <Title order={2} fz="lg" id="partners-heading">
              {provider
                ? t('inventory.compliancePage.byPartner')
                : (chosenName ?? t('inventory.compliancePage.byPartner'))}
            </Title>
            {provider && partners.length > 0 && (
              <Select
                aria-label={t('inventory.compliancePage.choosePartner')}
                placeholder={t('inventory.compliancePage.choosePartner')}
                clearable
                data={partners.map((p) => ({ value: p.partnerId, label: p.partnerName }))}
                value={partnerId ?? null}
                onChange={(id) => choose(id ?? undefined)}
                w={{ base: '100%', sm: 260 }}
              />
            )}
          </Group>
          {overview.isPending ? (
            <ListSkeleton rows={3} />
          ) : overview.isError ? (
            <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
          ) : partners.length === 0 ? (
            <EmptyState title={t('inventory.compliancePage.empty')} />
          ) : (
            <ChartAndTable
              chart={
                <ComplianceChart
                  rows={partnerRows}
                  label={t('inventory.compliancePage.partnerChart')}
                  testId="partner-compliance-chart"
                />
              }
              table={
                <PartnerTable
                  partners={partners}
                  selected={partnerId}
                  onChoose={provider ? (id) => choose(id === partnerId ? undefined : id) : null}
                />
              }
            />
          )}
          {provider && !partnerId && partners.length > 0 && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('inventory.compliancePage.chooseHint')}
            </Text>
          )}
        </Paper>
        {customerReport && (
          <Paper
            withBorder
            p={{ base: 'sm', sm: 'md' }}
            radius="md"
            component="section"
            aria-labelledby="customers-heading"
          >
            <Stack gap={2} mb="md">
              <Title order={2} fz="lg" id="customers-heading">
                {t('inventory.compliancePage.customersOf', { partner: chosenName ?? '' })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('inventory.compliancePage.leastCompliantFirst')}
                {customers.length > CHART_CUSTOMERS &&
                  ` ${t('inventory.compliancePage.chartLimited', { shown: CHART_CUSTOMERS, total: customers.length })}`}
              </Text>
            </Stack>
            {customerReport.isPending ? (
              <ListSkeleton rows={4} />
            ) : customerReport.isError ? (
              <ErrorState error={customerReport.error} onRetry={() => void customerReport.refetch()} />
            ) : customers.length === 0 ? (
              <EmptyState title={t('inventory.compliancePage.noCustomers')} />
            ) : (
              <ChartAndTable
                chart={
                  <ComplianceChart
                    rows={customerRows}
                    label={t('inventory.compliancePage.customerChart', { partner: chosenName ?? '' })}
                    testId="customer-compliance-chart"
                  />
                }
                table={<CustomerTable customers={customers} />}
              />
            )}
          </Paper>
        )}
      </Stack>
    </>
  );
}
