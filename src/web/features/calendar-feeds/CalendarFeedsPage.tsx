import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { confirmAction, Instant, PageHeader, ToneBadge } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { showActionError, showDone } from '../../components/feedback.ts';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import type { CalendarFeed } from '../changes/types.ts';
import { CreateFeedModal, FEEDS_KEY } from './CreateFeedModal.tsx';

function useRevoke() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (feed: CalendarFeed) => api.post<CalendarFeed>(`/calendar-feeds/${feed.id}/revoke`),
    onSuccess: (feed) => {
      void queryClient.invalidateQueries({ queryKey: [FEEDS_KEY] });
      showDone(t('calendarFeeds.revoked', { label: feed.label }));
    },
    onError: (error) => showActionError(error, t),
  });
  return (feed: CalendarFeed) =>
    confirmAction({
      title: t('calendarFeeds.revokeTitle', { label: feed.label }),
      message: t('calendarFeeds.revokeMessage'),
      confirmLabel: t('calendarFeeds.revoke'),
      cancelLabel: t('actions.cancel'),
      danger: true,
      onConfirm: () => revoke.mutate(feed),
    });
}

/**
 * The iCalendar feeds of the caller's changes and maintenance windows: a secret address per feed,
 * partner-wide or for one customer, shown once when made and revoked here when no longer needed.
 * The provider, who sees every partner's feeds, gets a partner column.
 */
export default function CalendarFeedsPage() {
  const { t } = useTranslation();
  const provider = isProvider(useCurrentUser().role);
  const [createOpen, setCreateOpen] = useState(false);
  const list = useCursorList<CalendarFeed>([FEEDS_KEY, 'list'], '/calendar-feeds', {});
  const revoke = useRevoke();
  return (
    <>
      <PageHeader
        title={t('calendarFeeds.title')}
        subtitle={t('calendarFeeds.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreateOpen(true)}>
            {t('calendarFeeds.new')}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <ListBody
          list={list}
          emptyTitle={t('calendarFeeds.empty')}
          emptyHint={t('calendarFeeds.emptyHint')}
          minWidth={provider ? 980 : 820}
          label={t('calendarFeeds.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calendarFeeds.label')}</Table.Th>
              {provider && <Table.Th>{t('fields.partner')}</Table.Th>}
              <Table.Th>{t('calendarFeeds.scope')}</Table.Th>
              <Table.Th>{t('calendarFeeds.createdAt')}</Table.Th>
              <Table.Th>{t('calendarFeeds.lastUsed')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('list.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((feed) => (
              <Table.Tr key={feed.id} data-testid="feed-row" data-revoked={feed.revokedAt !== null}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                    {feed.label}
                  </Text>
                </Table.Td>
                {provider && (
                  <Table.Td>
                    <Text size="sm" data-testid="feed-partner">
                      {feed.partnerName}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm">{feed.customerName ?? t('calendarFeeds.partnerWide')}</Text>
                </Table.Td>
                <Table.Td>
                  <Instant value={feed.createdAt} size="xs" />
                  <Text size="xs" c="dimmed">
                    {t('calendarFeeds.by', { who: feed.createdBy })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {feed.lastUsedAt ? (
                    <Instant value={feed.lastUsedAt} size="xs" />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('calendarFeeds.neverUsed')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {feed.revokedAt ? (
                    <>
                      <Badge color="gray.7" variant="outline">
                        {t('calendarFeeds.statusRevoked')}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        <Instant value={feed.revokedAt} size="xs" />
                      </Text>
                    </>
                  ) : (
                    <ToneBadge tone="teal">{t('calendarFeeds.statusActive')}</ToneBadge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!feed.revokedAt && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => revoke(feed)}
                      aria-label={t('calendarFeeds.revokeLabel', { label: feed.label })}
                    >
                      {t('calendarFeeds.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      <CreateFeedModal opened={createOpen} onClose={() => setCreateOpen(false)} />
    </>
  );
}
