import {
  Alert,
  Button,
  Code,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { DeliveryDetail } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Instant } from '../../components/common.tsx';
import { showActionError, showDone } from '../../components/feedback.ts';
import { IconAlert } from '../../components/icons.tsx';
import { ErrorState } from '../../components/states.tsx';
import { AttemptResultBadge, DeliveryStatusBadge, recipientName } from './badges.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

const live = (d: DeliveryDetail | undefined) => d?.status === 'pending' || d?.status === 'sending';

/** One delivery with every attempt; a failed ("dead") one can be retried by admins. */
export function DeliveryDrawer({ deliveryId, onClose }: { deliveryId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const delivery = useQuery({
    queryKey: ['deliveries', 'one', deliveryId],
    queryFn: () => api.get<DeliveryDetail>(`/deliveries/${deliveryId}`),
    enabled: deliveryId !== null,
    refetchInterval: (q) => (live(q.state.data) ? 3_000 : false),
  });
  const retry = useMutation({
    mutationFn: (id: string) => api.post<DeliveryDetail>(`/deliveries/${id}/retry`),
    onSuccess: (updated) => {
      queryClient.setQueryData(['deliveries', 'one', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['deliveries', 'list'] });
      showDone(t('deliveries.retried'));
    },
    onError: (error) => showActionError(error, t),
  });
  const d = delivery.data;

  return (
    <Drawer
      opened={deliveryId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('deliveries.drawerTitle')}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      {delivery.isPending ? (
        <Stack>
          <Skeleton height={24} width="50%" />
          <Skeleton height={120} />
        </Stack>
      ) : delivery.isError ? (
        <ErrorState error={delivery.error} onRetry={() => void delivery.refetch()} />
      ) : d ? (
        <Stack gap="md">
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <DeliveryStatusBadge status={d.status} />
              <Text fw={600}>{t(`eventKinds.${d.kind}`, { defaultValue: d.kind })}</Text>
            </Group>
            {d.status === 'dead' && can.retryDeliveries(user) && (
              <Button size="xs" loading={retry.isPending} onClick={() => retry.mutate(d.id)}>
                {t('deliveries.retry')}
              </Button>
            )}
          </Group>
          {d.status === 'dead' && (
            <Alert color="red" variant="light" icon={<IconAlert />}>
              <Text size="sm">{t('deliveries.deadHint')}</Text>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Fact label={t('deliveries.recipient')}>
              {recipientName(d, t)}
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {t(`channels.${d.channel}`)} · {d.target}
              </Text>
            </Fact>
            <Fact label={t('subscriptions.categories')}>
              {t(`categories.${d.category}`, { defaultValue: d.category })}
            </Fact>
            <Fact label={t('deliveries.queued')}>
              <Instant value={d.createdAt} />
            </Fact>
            <Fact label={t('deliveries.attempts')}>
              {t('deliveries.attemptsValue', { attempts: d.attempts, max: d.maxAttempts })}
            </Fact>
            {d.nextAttemptAt && (
              <Fact label={t('deliveries.next')}>
                <Instant value={d.nextAttemptAt} />
              </Fact>
            )}
            {d.deliveredAt && (
              <Fact label={t('deliveries.deliveredAt')}>
                <Instant value={d.deliveredAt} />
              </Fact>
            )}
            <Fact label={t('deliveries.messageId')}>
              <Code>{d.id}</Code>
            </Fact>
            <Fact label={t('deliveries.eventId')}>
              <Code>{d.eventId}</Code>
            </Fact>
          </SimpleGrid>
          {d.lastError && (
            <Fact label={t('deliveries.lastError')}>
              {d.lastStatusCode !== null && <Code mr={6}>HTTP {d.lastStatusCode}</Code>}
              {d.lastError}
            </Fact>
          )}
          <Title order={3} fz="md" mt="xs">
            {t('deliveries.attemptLog')}
          </Title>
          {d.attemptLog.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('deliveries.noAttempts')}
            </Text>
          ) : (
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {d.attemptLog.map((a) => (
                <Paper key={a.number} withBorder p="sm" radius="md" component="li">
                  <Group justify="space-between" gap="xs" mb={6}>
                    <Text size="sm" fw={600}>
                      {t('deliveries.attemptNumber', { number: a.number })}
                    </Text>
                    <AttemptResultBadge result={a.result} />
                  </Group>
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6}>
                    <Text size="xs">
                      {t('deliveries.started')}: <Instant value={a.startedAt} size="xs" />
                    </Text>
                    <Text size="xs">
                      {t('deliveries.finished')}: <Instant value={a.finishedAt} size="xs" />
                    </Text>
                  </SimpleGrid>
                  {a.statusCode !== null && (
                    <Text size="xs" mt={4}>
                      {t('deliveries.statusCode')}: <Code>{a.statusCode}</Code>
                    </Text>
                  )}
                  {a.error && (
                    <Text size="xs" mt={4} c="red.9" style={{ wordBreak: 'break-word' }}>
                      {t('deliveries.error')}: {a.error}
                    </Text>
                  )}
                  {a.responseExcerpt && (
                    <Stack gap={2} mt={4}>
                      <Text size="xs" c="dimmed">
                        {t('deliveries.response')}
                      </Text>
                      <pre className="json-block">{a.responseExcerpt}</pre>
                    </Stack>
                  )}
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
