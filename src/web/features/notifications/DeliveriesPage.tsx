import { Alert, Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUSES, type Delivery } from '../../api/types.ts';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { DeliveryStatusBadge, recipientName } from './badges.tsx';
import { DeliveryDrawer } from './DeliveryDrawer.tsx';
import { ChannelFilter, OwnerFilter } from './filters.tsx';

const inFlight = (items: Delivery[]) =>
  items.some((d) => d.status === 'pending' || d.status === 'sending') ? 5_000 : false;

function When({ d }: { d: Delivery }) {
  const { t } = useTranslation();
  if (d.status === 'delivered' && d.deliveredAt)
    return (
      <Text size="xs">
        {t('deliveries.deliveredAt')}: <Instant value={d.deliveredAt} size="xs" />
      </Text>
    );
  if (d.nextAttemptAt)
    return (
      <Text size="xs">
        {t('deliveries.next')}: <Instant value={d.nextAttemptAt} size="xs" />
      </Text>
    );
  if (d.lastError)
    return (
      <Text size="xs" c="red.9" lineClamp={2} style={{ wordBreak: 'break-word' }}>
        {d.lastError}
      </Text>
    );
  return <Text size="xs">—</Text>;
}

export default function DeliveriesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const { subscriptionId } = useSearch({ strict: false }) as { subscriptionId?: string };
  const provider = isProvider(user.role);
  const [status, setStatus] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useCursorList<Delivery>(
    ['deliveries', 'list'],
    '/deliveries',
    { status, channel, partnerId: owner, subscriptionId },
    true,
    inFlight,
  );

  return (
    <>
      <PageHeader title={t('deliveries.title')} subtitle={t('deliveries.subtitle', { zone })} />
      {subscriptionId && (
        <Alert color="blue" variant="light" py={8} mb="md" role="status">
          <Group gap="sm">
            <Text size="sm">{t('deliveries.oneSubscription')}</Text>
            <Anchor component={Link} to="/deliveries" size="sm" fw={600}>
              {t('deliveries.showAll')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="flex-end">
          <Select
            aria-label={t('fields.status')}
            placeholder={t('deliveries.allStatuses')}
            clearable
            data={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`deliveryStatus.${s}`) }))}
            value={status}
            onChange={setStatus}
            w={{ base: '48%', sm: 180 }}
          />
          <ChannelFilter value={channel} onChange={setChannel} />
          {provider && <OwnerFilter value={owner} onChange={setOwner} />}
        </Group>
        <ListBody
          list={list}
          emptyTitle={t('deliveries.empty')}
          emptyHint={status || channel || owner ? t('list.tryAnotherSearch') : t('deliveries.emptyHint')}
          minWidth={860}
          label={t('deliveries.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries.queued')}</Table.Th>
              <Table.Th>{t('deliveries.event')}</Table.Th>
              <Table.Th>{t('deliveries.recipient')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('deliveries.attempts')}</Table.Th>
              <Table.Th>{t('deliveries.next')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('deliveries.details')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Instant value={d.createdAt} size="xs" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`eventKinds.${d.kind}`, { defaultValue: d.kind })}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`categories.${d.category}`, { defaultValue: d.category })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{recipientName(d, t)}</Text>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {t(`channels.${d.channel}`)} · {d.target}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DeliveryStatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t('deliveries.attemptsValue', { attempts: d.attempts, max: d.maxAttempts })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <When d={d} />
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={t('deliveries.detailsFor', { target: d.target })}
                    onClick={() => setOpenId(d.id)}
                  >
                    {t('deliveries.details')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      <DeliveryDrawer deliveryId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
