import { Button, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { NetworkActivity } from '../../api/types.ts';
import { can, isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { confirmAction, Instant, PageHeader } from '../../components/common.tsx';
import { ActionsHeader, ListBody } from '../../components/directory-list.tsx';
import { shortId } from '../../components/entity-name.tsx';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { showActionError, showDone } from '../../components/feedback.ts';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { ActivityStateBadge } from './badges.tsx';
import { NetworkActivityFormModal } from './NetworkActivityFormModal.tsx';

export default function NetworkActivitiesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  const provider = isProvider(user.role);
  const declare = can.declareNetworkActivity(user);
  const [includeCancelled, setIncludeCancelled] = useState(false);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  // The activity announced again, its words and customers filled in; none for a new one.
  const [again, setAgain] = useState<NetworkActivity | undefined>(undefined);
  const announce = (from?: NetworkActivity) => {
    setAgain(from);
    setFormOpen(true);
  };
  const list = useCursorList<NetworkActivity>(['network-activities', 'list'], '/network-activities', {
    includeCancelled: includeCancelled || undefined,
    partnerId,
  });
  const cancel = useMutation({
    mutationFn: (a: NetworkActivity) => api.post<NetworkActivity>(`/network-activities/${a.id}/cancel`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['network-activities'] });
      showDone(t('network.cancelledDone'));
    },
    onError: (error) => showActionError(error, t),
  });
  const askCancel = (a: NetworkActivity) =>
    confirmAction({
      title: t('network.cancelTitle'),
      message: t('network.cancelMessage', { title: a.title }),
      confirmLabel: t('network.cancel'),
      cancelLabel: t('network.keep'),
      danger: true,
      onConfirm: () => cancel.mutate(a),
    });

  return (
    <>
      <PageHeader
        title={t('network.title')}
        subtitle={provider ? t('network.subtitleProvider', { zone }) : t('network.subtitlePartner', { zone })}
        actions={
          declare && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => announce()}>
              {t('network.declare')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="md" align="center">
          {provider && (
            <PartnerPicker
              aria-label={t('fields.partner')}
              placeholder={t('filters.allPartners')}
              clearable
              includeInactive
              value={partnerId}
              onChange={setPartnerId}
              w={{ base: '100%', sm: 240 }}
            />
          )}
          <Checkbox
            label={t('network.includeCancelled')}
            checked={includeCancelled}
            onChange={(e) => setIncludeCancelled(e.currentTarget.checked)}
          />
        </Group>
        <ListBody
          list={list}
          emptyTitle={t('network.empty')}
          emptyHint={declare ? t('network.emptyHintPartner') : undefined}
          minWidth={820}
          label={t('network.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('network.titleField')}</Table.Th>
              {provider && <Table.Th>{t('fields.partner')}</Table.Th>}
              <Table.Th>{t('network.when')}</Table.Th>
              <Table.Th>{t('network.state')}</Table.Th>
              <Table.Th>{t('network.expectedAlarms')}</Table.Th>
              <Table.Th>{t('network.customers')}</Table.Th>
              {declare && <ActionsHeader />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td maw={320}>
                  <Text size="sm" fw={600}>
                    {a.title}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                    {a.description}
                  </Text>
                </Table.Td>
                {provider && (
                  <Table.Td>
                    <Text size="sm">{a.partnerName}</Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="xs">
                      {t('network.startsAt')}: <Instant value={a.startsAt} size="xs" />
                    </Text>
                    <Text size="xs">
                      {t('network.endsAt')}: <Instant value={a.endsAt} size="xs" />
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ActivityStateBadge state={a.state} />
                </Table.Td>
                <Table.Td maw={240}>
                  <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {a.expectedAlarms ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {a.customers.length === 0
                      ? t('network.allCustomers')
                      : a.customers.map((c) => c.name || shortId(c.id)).join(', ')}
                  </Text>
                </Table.Td>
                {declare && (
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={t('network.againFor', { title: a.title })}
                        onClick={() => announce(a)}
                      >
                        {t('network.again')}
                      </Button>
                      {(a.state === 'planned' || a.state === 'in_progress') && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red.9"
                          aria-label={t('network.cancelFor', { title: a.title })}
                          onClick={() => askCancel(a)}
                        >
                          {t('network.cancel')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      {declare && (
        <NetworkActivityFormModal opened={formOpen} onClose={() => setFormOpen(false)} from={again} />
      )}
    </>
  );
}
