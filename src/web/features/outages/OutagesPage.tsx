import { Anchor, Button, Center, Group, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutageListItem } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { IconCheck, IconPlus } from '../../components/icons.tsx';
import { ListFooter } from '../../components/list-footer.tsx';
import { ErrorState, ListSkeleton } from '../../components/states.tsx';
import { formatElapsed } from '../../components/time.ts';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { IMPACT_COLOR, ImpactBadge, OutageStatusBadge } from './badges.tsx';
import { DeclareOutageModal } from './DeclareOutageModal.tsx';

function Scope({ o }: { o: OutageListItem }) {
  const { t } = useTranslation();
  const regions = o.regions.map((r) => t(`regions.${r}`)).join(', ');
  const services = o.services.map((s) => t(`services.${s}`)).join(', ');
  return (
    <Stack gap={2}>
      {regions && (
        <Text size="sm">
          <Text span fw={600}>
            {t('outages.regions')}:
          </Text>{' '}
          {regions}
        </Text>
      )}
      <Text size="sm">
        <Text span fw={600}>
          {t('outages.services')}:
        </Text>{' '}
        {services || t('outages.notSpecified')}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          {t('outages.customers')}:
        </Text>{' '}
        {t('outages.customerCount', { count: o.affectedCustomerCount })}
      </Text>
    </Stack>
  );
}

/** An open outage as a card: impact on its edge, title as the link, how long it has lasted. */
function OpenOutageCard({ o }: { o: OutageListItem }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={`outage-${o.id}`}
      style={{ borderLeft: `6px solid ${IMPACT_COLOR[o.impact]}` }}
      data-testid="open-outage"
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <ImpactBadge impact={o.impact} />
          <OutageStatusBadge status={o.status} />
          <Text size="sm" c="dimmed">
            {t('outages.number', { number: o.number })}
          </Text>
        </Group>
        <Title order={3} fz="lg" id={`outage-${o.id}`}>
          <Anchor component={Link} to={`/outages/${o.id}`} inherit>
            {o.title}
          </Anchor>
        </Title>
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {o.summary}
        </Text>
        <Group gap="xl" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm">
              <Text span fw={600}>
                {t('outages.started')}:
              </Text>{' '}
              <Instant value={o.startedAt} />
            </Text>
            <Text size="sm" fw={600} c="red.9">
              {t('outages.ongoingFor', { duration: formatElapsed(o.startedAt, null) })}
            </Text>
          </Stack>
          <Scope o={o} />
        </Group>
      </Stack>
    </Paper>
  );
}

function OpenOutages() {
  const { t } = useTranslation();
  const list = useCursorList<OutageListItem>(
    ['outages', 'list', 'open'],
    '/outages',
    { status: 'open' },
    true,
    30_000,
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="open-outages-title">
      <Title order={2} fz="lg" id="open-outages-title">
        {t('outages.open')}
        {list.items.length > 0 && ` (${list.items.length}${list.hasNextPage ? '+' : ''})`}
      </Title>
      {list.isPending ? (
        <ListSkeleton rows={2} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Center>
            <Group gap="sm">
              <ThemeIcon size={36} radius="xl" variant="light" color="teal">
                <IconCheck size={20} />
              </ThemeIcon>
              <Stack gap={0}>
                <Text fw={600}>{t('outages.noneOpen')}</Text>
                <Text size="sm" c="dimmed">
                  {t('outages.noneOpenHint')}
                </Text>
              </Stack>
            </Group>
          </Center>
        </Paper>
      ) : (
        <>
          {list.items.map((o) => (
            <OpenOutageCard key={o.id} o={o} />
          ))}
          {list.hasNextPage && (
            <ListFooter
              shown={list.items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function ResolvedOutages() {
  const { t } = useTranslation();
  const list = useCursorList<OutageListItem>(['outages', 'list', 'resolved'], '/outages', {
    status: 'resolved',
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="resolved-outages-title">
      <Title order={2} fz="lg" id="resolved-outages-title">
        {t('outages.resolvedTitle')}
      </Title>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <ListBody
          list={list}
          emptyTitle={t('outages.noneResolved')}
          skeletonRows={3}
          minWidth={760}
          label={t('outages.resolvedTitle')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outages.titleField')}</Table.Th>
              <Table.Th>{t('outages.impact')}</Table.Th>
              <Table.Th>{t('outages.started')}</Table.Th>
              <Table.Th>{t('outages.duration')}</Table.Th>
              <Table.Th>{t('outages.customers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('outages.number', { number: o.number })}
                  </Text>
                  <Anchor component={Link} to={`/outages/${o.id}`} fw={600} size="sm">
                    {o.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ImpactBadge impact={o.impact} />
                </Table.Td>
                <Table.Td>
                  <Instant value={o.startedAt} size="xs" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatElapsed(o.startedAt, o.resolvedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('outages.customerCount', { count: o.affectedCustomerCount })}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
    </Stack>
  );
}

export default function OutagesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const [declareOpen, setDeclareOpen] = useState(false);
  const declare = can.declareOutages(user);
  return (
    <>
      <PageHeader
        title={t('outages.title')}
        subtitle={t('outages.subtitle', { zone })}
        actions={
          <>
            <ResponsibilityLink area="notifications" />
            {declare && (
              <Button color="red.9" leftSection={<IconPlus size={16} />} onClick={() => setDeclareOpen(true)}>
                {t('outages.declare')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="xl">
        <OpenOutages />
        <ResolvedOutages />
      </Stack>
      {declare && <DeclareOutageModal opened={declareOpen} onClose={() => setDeclareOpen(false)} />}
    </>
  );
}
