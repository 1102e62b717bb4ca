import { ActionIcon, Badge, Button, Group, Menu, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { CATEGORIES, type CreatedSubscription, type Subscription } from '../../api/types.ts';
import { can, isProvider } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { confirmAction, Instant, PageHeader, SearchInput, ToneBadge } from '../../components/common.tsx';
import { ActionsHeader, ListBody } from '../../components/directory-list.tsx';
import { PartnerName } from '../../components/entity-name.tsx';
import { showActionError, showDone } from '../../components/feedback.ts';
import { IconDots, IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { ContactHealthAlert } from './ContactHealthAlert.tsx';
import { ChannelFilter, OwnerFilter } from './filters.tsx';
import { useContactHealth } from './queries.ts';
import { type RevealedSecret, SecretModal } from './SecretModal.tsx';
import { SubscriptionFormModal } from './SubscriptionFormModal.tsx';

const FAILING_AFTER = 3;

function StateBadge({ s }: { s: Subscription }) {
  const { t } = useTranslation();
  if (s.paused)
    return (
      <Badge color="gray.7" variant="outline">
        {t('subscriptions.statePaused')}
      </Badge>
    );
  if (s.consecutiveFailures >= FAILING_AFTER)
    return <ToneBadge tone="red">{t('subscriptions.stateFailing')}</ToneBadge>;
  return <ToneBadge tone="teal">{t('subscriptions.stateActive')}</ToneBadge>;
}

function LastDelivery({ s }: { s: Subscription }) {
  const { t } = useTranslation();
  const failedLast =
    s.lastFailureAt !== null && (s.lastSuccessAt === null || s.lastFailureAt > s.lastSuccessAt);
  if (!s.lastSuccessAt && !s.lastFailureAt) return <Text size="xs">—</Text>;
  return (
    <Stack gap={2}>
      <Text size="xs">
        {failedLast ? t('subscriptions.lastFailure') : t('subscriptions.lastSuccess')}:{' '}
        <Instant value={failedLast ? s.lastFailureAt : s.lastSuccessAt} size="xs" />
      </Text>
      {s.consecutiveFailures > 0 && (
        <Text size="xs" c="red.9">
          {t('subscriptions.failingCount', { count: s.consecutiveFailures })}
        </Text>
      )}
    </Stack>
  );
}

/** Pause, resume, test, rotate-secret and delete; each refreshes the lists and says what happened. */
function useSubscriptionActions(onSecret: (revealed: RevealedSecret) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
  const action = useMutation({
    mutationFn: ({ s, verb }: { s: Subscription; verb: 'pause' | 'resume' | 'test' | 'rotate-secret' }) =>
      api.post<unknown>(`/subscriptions/${s.id}/${verb}`),
    onSuccess: (result, { s, verb }) => {
      refresh();
      if (verb === 'pause') showDone(t('subscriptions.pausedDone'));
      if (verb === 'resume') showDone(t('subscriptions.resumedDone'));
      if (verb === 'test') {
        showDone(t('subscriptions.testQueued'));
        void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
      }
      if (verb === 'rotate-secret') onSecret({ name: s.name, secret: (result as { secret: string }).secret });
    },
    onError: (error) => showActionError(error, t),
  });
  const remove = useMutation({
    mutationFn: (s: Subscription) => api.delete(`/subscriptions/${s.id}`),
    onSuccess: () => {
      refresh();
      showDone(t('subscriptions.deleted'));
    },
    onError: (error) => showActionError(error, t),
  });
  return {
    test: (s: Subscription) => action.mutate({ s, verb: 'test' }),
    resume: (s: Subscription) => action.mutate({ s, verb: 'resume' }),
    pause: (s: Subscription) =>
      confirmAction({
        title: t('subscriptions.pauseTitle'),
        message: t('subscriptions.pauseMessage', { name: s.name }),
        confirmLabel: t('subscriptions.pause'),
        cancelLabel: t('actions.cancel'),
        onConfirm: () => action.mutate({ s, verb: 'pause' }),
      }),
    rotate: (s: Subscription) =>
      confirmAction({
        title: t('subscriptions.rotateTitle'),
        message: t('subscriptions.rotateMessage', { name: s.name }),
        confirmLabel: t('subscriptions.rotateSecret'),
        cancelLabel: t('actions.cancel'),
        danger: true,
        onConfirm: () => action.mutate({ s, verb: 'rotate-secret' }),
      }),
    remove: (s: Subscription) =>
      confirmAction({
        title: t('subscriptions.deleteTitle'),
        message: t('subscriptions.deleteMessage', { name: s.name }),
        confirmLabel: t('subscriptions.delete'),
        cancelLabel: t('actions.cancel'),
        danger: true,
        onConfirm: () => remove.mutate(s),
      }),
  };
}

export default function SubscriptionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const provider = isProvider(user.role);
  const manage = can.manageSubscriptions(user);
  const [q, setQ] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [editing, setEditing] = useState<Subscription | undefined>(undefined);
  const [formOpen, setFormOpen] = useState(false);
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const actions = useSubscriptionActions(setRevealed);
  const onSearch = useCallback((v: string) => setQ(v), []);

  // Partner users see their own contact hygiene; provider users that of the partner they filter on,
  // or else the provider's own.
  const healthPartner = provider ? (owner ?? 'provider') : user.partnerId;
  const health = useContactHealth(healthPartner, healthPartner !== null);
  const whose = !provider ? 'own' : healthPartner === 'provider' ? 'provider' : 'partner';
  const list = useCursorList<Subscription>(['subscriptions', 'list'], '/subscriptions', {
    q,
    partnerId: owner,
    category,
    channel,
  });

  const open = (s?: Subscription) => {
    setEditing(s);
    setFormOpen(true);
  };
  const onCreated = (created: CreatedSubscription) => {
    if (created.secret) setRevealed({ name: created.name, secret: created.secret });
  };

  return (
    <>
      <PageHeader
        title={t('subscriptions.title')}
        subtitle={t('subscriptions.subtitle')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open()}>
              {t('subscriptions.new')}
            </Button>
          )
        }
      />
      {health.data && <ContactHealthAlert health={health.data} whose={whose} />}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="flex-end">
          <SearchInput value={q} onChange={onSearch} label={t('subscriptions.search')} />
          {provider && <OwnerFilter value={owner} onChange={setOwner} />}
          <Select
            aria-label={t('subscriptions.categories')}
            placeholder={t('subscriptions.allCategories')}
            clearable
            data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            value={category}
            onChange={setCategory}
            w={{ base: '48%', sm: 230 }}
          />
          <ChannelFilter value={channel} onChange={setChannel} />
        </Group>
        <ListBody
          list={list}
          emptyTitle={t('subscriptions.empty')}
          emptyHint={q || category || channel ? t('list.tryAnotherSearch') : t('subscriptions.emptyHint')}
          minWidth={820}
          label={t('subscriptions.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('subscriptions.channel')}</Table.Th>
              <Table.Th>{t('subscriptions.categories')}</Table.Th>
              {provider && <Table.Th>{t('subscriptions.owner')}</Table.Th>}
              <Table.Th>{t('subscriptions.state')}</Table.Th>
              <Table.Th>{t('subscriptions.lastDelivery')}</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {s.target}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`channels.${s.channel}`)}</Text>
                  {s.signed && (
                    <Text size="xs" c="dimmed">
                      {t('subscriptions.signed')} · HMAC-SHA256
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {s.categories.map((c) => (
                      <ToneBadge key={c} tone="gray">
                        {t(`categories.${c}`)}
                      </ToneBadge>
                    ))}
                  </Group>
                </Table.Td>
                {provider && (
                  <Table.Td>
                    <Text size="sm">
                      {s.partnerId ? <PartnerName id={s.partnerId} /> : t('subscriptions.ownerProvider')}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <StateBadge s={s} />
                </Table.Td>
                <Table.Td>
                  <LastDelivery s={s} />
                </Table.Td>
                <Table.Td ta="right">
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray.8"
                        aria-label={t('list.actionsFor', { name: s.name })}
                      >
                        <IconDots size={20} strokeWidth={3} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {manage && <Menu.Item onClick={() => open(s)}>{t('actions.edit')}</Menu.Item>}
                      {manage && (
                        <Menu.Item onClick={() => actions.test(s)}>{t('subscriptions.sendTest')}</Menu.Item>
                      )}
                      {manage &&
                        (s.paused ? (
                          <Menu.Item onClick={() => actions.resume(s)}>{t('subscriptions.resume')}</Menu.Item>
                        ) : (
                          <Menu.Item onClick={() => actions.pause(s)}>{t('subscriptions.pause')}</Menu.Item>
                        ))}
                      {manage && s.channel === 'webhook' && (
                        <Menu.Item onClick={() => actions.rotate(s)}>
                          {t('subscriptions.rotateSecret')}
                        </Menu.Item>
                      )}
                      <Menu.Item
                        onClick={() => void navigate({ to: '/deliveries', search: { subscriptionId: s.id } })}
                      >
                        {t('subscriptions.viewDeliveries')}
                      </Menu.Item>
                      {manage && (
                        <>
                          <Menu.Divider />
                          <Menu.Item color="red.9" onClick={() => actions.remove(s)}>
                            {t('subscriptions.delete')}
                          </Menu.Item>
                        </>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      {!manage && list.items.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('subscriptions.readOnlyHint')}
        </Text>
      )}
      {manage && (
        <SubscriptionFormModal
          opened={formOpen}
          onClose={() => setFormOpen(false)}
          subscription={editing}
          pickOwner={user.role === 'provider_admin'}
          onCreated={onCreated}
        />
      )}
      <SecretModal revealed={revealed} onClose={() => setRevealed(null)} />
    </>
  );
}
