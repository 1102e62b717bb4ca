import {
  Anchor,
  Breadcrumbs,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { confirmAction, Instant, useDocumentTitle } from '../../components/common.tsx';
import { PartnerName } from '../../components/entity-name.tsx';
import { showActionError } from '../../components/feedback.ts';
import { ErrorState } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { ApplicationFormModal } from './ApplicationFormModal.tsx';
import { TierBadge } from './badges.tsx';
import { countNodes } from './format.ts';
import { InstancesLink } from './links.tsx';
import { useApplication, useDeleteApplication } from './queries.ts';
import type { Application } from './types.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function NodesTable({ a }: { a: Application }) {
  const { t } = useTranslation();
  const counts = countNodes(a.nodes);
  const which = (centre: string) =>
    centre === a.primaryDataCentre
      ? t('inventory.form.primary')
      : centre === a.failoverDataCentre
        ? t('inventory.form.failover')
        : null;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2} fz="lg">
          {t('inventory.nodes')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('inventory.nodeSplit', { publishers: counts.publishers, subscribers: counts.subscribers })}
        </Text>
      </Group>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <TableScroll minWidth={520} label={t('inventory.nodes')}>
          <Table verticalSpacing="sm" data-testid="nodes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inventory.host')}</Table.Th>
                <Table.Th>{t('inventory.role')}</Table.Th>
                <Table.Th>{t('inventory.dataCentre')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...a.nodes]
                .sort((x, y) => (x.role === y.role ? 0 : x.role === 'publisher' ? -1 : 1))
                .map((node) => (
                  <Table.Tr key={node.hostname}>
                    <Table.Td>
                      <Code style={{ wordBreak: 'break-all' }}>{node.hostname}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={node.role === 'publisher' ? 600 : undefined}>
                        {t(`inventory.roles.${node.role}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {node.dataCentre}
                        {which(node.dataCentre) && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({which(node.dataCentre)})
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Paper>
    </Stack>
  );
}

function ComplianceSection({ a }: { a: Application }) {
  const { t } = useTranslation();
  const { tier, mustUpgrade, upgradeTo } = a.compliance;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="compliance-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="lg" id="compliance-heading">
            {t('inventory.compliance')}
          </Title>
          <ResponsibilityLink area="upgrades" />
        </Group>
        <Group gap="sm" wrap="wrap">
          <TierBadge tier={tier} />
          <Text size="sm" data-testid="compliance-explanation">
            {t(`inventory.tierMeaning.${tier}`, { version: a.version, target: upgradeTo ?? '' })}
          </Text>
        </Group>
        {mustUpgrade && (
          <InstancesLink search={{ customerId: a.customerId, mustUpgrade: true }} size="sm">
            {t('inventory.customerMustUpgrade', { customer: a.customerName })}
          </InstancesLink>
        )}
      </Stack>
    </Paper>
  );
}

/** One application: facts, compliance, nodes; the provider edits it (the version after an upgrade). */
export default function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  const user = useCurrentUser();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const query = useApplication(applicationId);
  const provider = isProvider(user.role);
  const remove = useDeleteApplication();
  const [editOpen, setEditOpen] = useState(false);
  useDocumentTitle(query.data?.name ?? t('inventory.title'));

  if (query.isPending)
    return (
      <Stack aria-busy="true" aria-label={t('states.loading')}>
        <Skeleton height={32} width="40%" />
        <Skeleton height={140} />
      </Stack>
    );
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;

  const askDelete = () =>
    confirmAction({
      title: t('inventory.deleteTitle', { name: a.name }),
      message: t('inventory.deleteMessage', { name: a.name, customer: a.customerName }),
      confirmLabel: t('inventory.delete'),
      cancelLabel: t('actions.cancel'),
      danger: true,
      onConfirm: () =>
        remove.mutate(a.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('inventory.deleted', { name: a.name }) });
            void navigate({ to: '/inventory', search: { customerId: a.customerId } });
          },
          onError: (error) => showActionError(error, t),
        }),
    });

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/inventory" size="sm">
          {t('inventory.title')}
        </Anchor>
        <InstancesLink search={{ customerId: a.customerId }} size="sm">
          {a.customerName}
        </InstancesLink>
        <Text size="sm">{a.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={1} fz={{ base: 22, sm: 26 }} style={{ wordBreak: 'break-word' }}>
              {a.name}
            </Title>
            <TierBadge tier={a.compliance.tier} />
          </Group>
          <Text c="dimmed" size="sm">
            {t(`inventory.kinds.${a.kind}`)} · {t('inventory.timesIn', { zone })}
          </Text>
        </Stack>
        <Group gap="xs">
          <ResponsibilityLink area="disaster_recovery" />
          {can.manageInventory(user) && (
            <Button variant="default" onClick={() => setEditOpen(true)}>
              {t('actions.edit')}
            </Button>
          )}
          {can.deleteApplications(user) && (
            <Button variant="outline" color="red.9" onClick={askDelete}>
              {t('inventory.delete')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="md" radius="md" data-testid="application-facts">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t('fields.customer')}>
            {can.seeCustomers(user) || user.customerId === a.customerId ? (
              <Anchor component={Link} to={`/customers/${a.customerId}`} size="sm">
                {a.customerName}
              </Anchor>
            ) : (
              a.customerName
            )}
          </Field>
          {provider && (
            <Field label={t('fields.partner')}>
              <PartnerName id={a.partnerId} />
            </Field>
          )}
          <Field label={t('inventory.kind')}>{t(`inventory.kinds.${a.kind}`)}</Field>
          <Field label={t('fields.region')}>{t(`regions.${a.region}`)}</Field>
          <Field label={t('inventory.version')}>
            <Text span fw={700} size="sm" data-testid="application-version">
              {a.version}
            </Text>
          </Field>
          <Field label={t('inventory.sso')}>
            {a.ssoEnabled ? t('inventory.ssoOn') : t('inventory.ssoOff')}
          </Field>
          <Field label={t('inventory.primaryDataCentre')}>{a.primaryDataCentre}</Field>
          <Field label={t('inventory.failoverDataCentre')}>{a.failoverDataCentre ?? '—'}</Field>
          <Field label={t('fields.createdAt')}>
            <Instant value={a.createdAt} />
          </Field>
          <Field label={t('fields.updatedAt')}>
            <Instant value={a.updatedAt} />
          </Field>
        </SimpleGrid>
      </Paper>
      <ComplianceSection a={a} />
      <NodesTable a={a} />
      {can.manageInventory(user) && (
        <ApplicationFormModal opened={editOpen} onClose={() => setEditOpen(false)} application={a} />
      )}
    </Stack>
  );
}
