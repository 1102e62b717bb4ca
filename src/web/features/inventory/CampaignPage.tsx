import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, useDocumentTitle } from '../../components/common.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { ChangeStatusBadge } from '../changes/badges.tsx';
import { IconChange } from '../changes/icons.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { type PlannedUpgrades, PlannedUpgradesResult, PlanUpgradesModal } from './CampaignChanges.tsx';
import { campaignPlan } from './campaign-plan.ts';
import { InstancesLink } from './links.tsx';
import { useCampaign } from './queries.ts';

/** An upgrade campaign: the customers a publication left out of compliance (those in the caller's scope). */
export default function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const user = useCurrentUser();
  const zone = useTimeZone();
  const provider = isProvider(user.role);
  const campaign = useCampaign(campaignId);
  const manage = can.manageChanges(user);
  const [planning, setPlanning] = useState(false);
  const [planned, setPlanned] = useState<PlannedUpgrades | null>(null);
  useDocumentTitle(t('inventory.campaign.title'));

  if (campaign.isPending)
    return (
      <Stack aria-busy="true" aria-label={t('states.loading')}>
        <Skeleton height={32} width="40%" />
        <Skeleton height={140} />
      </Stack>
    );
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const applications = c.customers.reduce((sum, x) => sum + x.applicationIds.length, 0);
  const toPlan = campaignPlan(c.customers).customerCount;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/inventory/releases" size="sm">
          {t('inventory.releasesPage.title')}
        </Anchor>
        <Text size="sm">{t('inventory.campaign.title')}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {t('inventory.campaign.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('inventory.campaign.subtitle', { zone })}
          </Text>
        </Stack>
        <Group gap="sm">
          <ResponsibilityLink area="upgrades" />
          {manage && toPlan > 0 && (
            <Button leftSection={<IconChange size={16} />} onClick={() => setPlanning(true)}>
              {t('inventory.campaign.plan.open')}
            </Button>
          )}
        </Group>
      </Group>
      {planned && (
        <PlannedUpgradesResult
          key={planned.changes.map((x) => x.id).join()}
          result={planned}
          onDismiss={() => setPlanned(null)}
        />
      )}
      {manage && c.customers.length > 0 && toPlan === 0 && !planned && (
        <Text size="sm" c="dimmed" data-testid="campaign-all-planned">
          {t('inventory.campaign.plan.allPlanned')}
        </Text>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('inventory.train.target')}
            </Text>
            <Text fw={700} data-testid="campaign-target">
              {c.target}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('fields.createdAt')}
            </Text>
            <Instant value={c.createdAt} />
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('inventory.campaign.customers')}
            </Text>
            <Text fw={700}>{c.customers.length}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('inventory.campaign.applications')}
            </Text>
            <Text fw={700}>{applications}</Text>
          </Stack>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        {c.customers.length === 0 ? (
          <EmptyState title={t('inventory.campaign.empty')} />
        ) : (
          <TableScroll minWidth={760} label={t('inventory.campaign.customers')}>
            <Table verticalSpacing="sm" data-testid="campaign-customers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.customer')}</Table.Th>
                  {provider && <Table.Th>{t('fields.partner')}</Table.Th>}
                  <Table.Th>{t('fields.region')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.campaign.applicationsToUpgrade')}</Table.Th>
                  <Table.Th>{t('inventory.campaign.upgradeChange')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('list.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.customers.map((x) => (
                  <Table.Tr key={x.customerId} data-testid="campaign-customer">
                    <Table.Th scope="row" fw={600}>
                      {x.customerName}
                    </Table.Th>
                    {provider && <Table.Td>{x.partnerName}</Table.Td>}
                    <Table.Td>{x.region}</Table.Td>
                    <Table.Td ta="right">{x.applicationIds.length}</Table.Td>
                    <Table.Td data-testid="campaign-customer-change">
                      {x.upgradeChange ? (
                        <Group gap={6} wrap="nowrap">
                          <Anchor
                            component={Link}
                            to={`/changes/${x.upgradeChange.id}`}
                            size="sm"
                            style={{ whiteSpace: 'nowrap' }}
                          >
                            {x.upgradeChange.reference}
                          </Anchor>
                          <ChangeStatusBadge status={x.upgradeChange.status} />
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('inventory.campaign.notPlanned')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <InstancesLink search={{ customerId: x.customerId, mustUpgrade: true }} size="sm">
                        {t('inventory.campaign.showApplications')}
                      </InstancesLink>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
      {manage && (
        <PlanUpgradesModal
          campaign={c}
          opened={planning}
          onClose={() => setPlanning(false)}
          onPlanned={setPlanned}
        />
      )}
    </Stack>
  );
}
