import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Instant, useDocumentTitle } from '../../components/common.tsx';
import { TitledPanel } from '../../components/section.tsx';
import { ErrorState } from '../../components/states.tsx';
import { formatDuration, useNow } from '../cases/format.ts';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { DrKindBadge, DrStatusBadge, STATUS_COLOR, TargetStatus } from './badges.tsx';
import { eventName, targetState } from './format.ts';
import { PostDrUpdateModal } from './PostDrUpdateModal.tsx';
import { useDrEvent } from './queries.ts';
import { TargetExplanation } from './TargetExplanation.tsx';
import type { DrEventDetail, DrEventUpdate } from './types.ts';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function entryTitle(u: DrEventUpdate, t: (key: string, options?: Record<string, unknown>) => string) {
  const status = (s: string) => t(`disasterRecovery.statuses.${s}`);
  if (u.previousStatus === null) return t('disasterRecovery.entry_declared');
  if (u.statusChanged)
    return t('disasterRecovery.entry_moved', { from: status(u.previousStatus), to: status(u.status) });
  return t('disasterRecovery.entry_message', { status: status(u.status) });
}

/** The updates, newest first: what a partner engineer reads first is what happened last. */
function DrTimeline({ updates }: { updates: DrEventUpdate[] }) {
  const { t } = useTranslation();
  const newestFirst = [...updates].reverse();
  return (
    <Timeline active={newestFirst.length - 1} bulletSize={18} lineWidth={2} data-testid="dr-timeline">
      {newestFirst.map((u) => (
        <Timeline.Item
          key={u.id}
          color={STATUS_COLOR[u.status]}
          title={
            <Title order={3} fz="sm">
              {entryTitle(u, t)}
            </Title>
          }
        >
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {u.message}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            <Instant value={u.at} size="xs" /> · {t('disasterRecovery.by', { author: u.author })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Facts({ e }: { e: DrEventDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const now = useNow(15_000);
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Field label={t('fields.customer')}>
          {user.role === 'customer_viewer' ? (
            e.customerName
          ) : (
            <Anchor component={Link} to={`/customers/${e.customerId}`} size="sm">
              {e.customerName}
            </Anchor>
          )}
          <Text size="xs" c="dimmed">
            {t(`regions.${e.region}`)}
          </Text>
        </Field>
        <Field label={t('disasterRecovery.application')}>
          {e.applicationId ? (
            <Anchor component={Link} to={`/inventory/${e.applicationId}`} size="sm">
              {e.applicationName}
            </Anchor>
          ) : (
            t('disasterRecovery.applicationGone', { name: e.applicationName })
          )}
          <Text size="xs" c="dimmed">
            {t(`inventory.kinds.${e.applicationKind}`)}
          </Text>
        </Field>
        <Field label={t('disasterRecovery.declaredAt')}>
          <Instant value={e.declaredAt} />
          <Text size="xs" c="dimmed">
            {t('disasterRecovery.by', { author: e.declaredBy })}
          </Text>
        </Field>
        <Field label={t('disasterRecovery.target')} testId="dr-target">
          {e.targetAt && (
            <div>
              <Instant value={e.targetAt} />
            </div>
          )}
          <TargetStatus state={targetState(e, now)} />
        </Field>
        <Field label={t('disasterRecovery.recoveredAt')} testId="dr-recovered">
          {e.recoveredAt ? (
            <Instant value={e.recoveredAt} />
          ) : e.status === 'withdrawn' ? (
            '—'
          ) : (
            t('disasterRecovery.notRecovered')
          )}
        </Field>
        <Field label={t('disasterRecovery.timeToRecover')} testId="dr-time-to-recover">
          {e.timeToRecoverMinutes === null ? '—' : formatDuration(e.timeToRecoverMinutes * 60_000)}
        </Field>
        {e.closedAt && (
          <Field
            label={
              e.status === 'withdrawn' ? t('disasterRecovery.withdrawnAt') : t('disasterRecovery.closedAt')
            }
            testId="dr-closed"
          >
            <Instant value={e.closedAt} />
          </Field>
        )}
      </SimpleGrid>
    </Paper>
  );
}

/** One DR event: facts, the target and why, the timeline; the provider posts updates from here. */
export default function DrEventDetailPage() {
  const { t } = useTranslation();
  const { eventId } = useParams({ strict: false }) as { eventId: string };
  const user = useCurrentUser();
  const query = useDrEvent(eventId);
  const [updateOpen, setUpdateOpen] = useState(false);
  const e = query.data;
  useDocumentTitle(
    e ? t('disasterRecovery.heading', { number: e.number, name: eventName(e) }) : t('disasterRecovery.title'),
  );

  if (query.isPending) {
    return (
      <Stack aria-busy="true" aria-label={t('states.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={140} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (query.isError || !e) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const manage = can.declareDrEvents(user) && e.nextStatuses.length > 0;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/disaster-recovery" size="sm">
          {t('disasterRecovery.title')}
        </Anchor>
        <Text size="sm">{t('disasterRecovery.number', { number: e.number })}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={6}>
          <Group gap="xs">
            <DrStatusBadge status={e.status} />
            <DrKindBadge kind={e.kind} />
          </Group>
          <Title order={1} fz={{ base: 22, sm: 26 }} style={{ wordBreak: 'break-word' }}>
            {t('disasterRecovery.heading', { number: e.number, name: eventName(e) })}
          </Title>
        </Stack>
        <Group gap="sm">
          <ResponsibilityLink area="disaster_recovery" />
          {manage && <Button onClick={() => setUpdateOpen(true)}>{t('disasterRecovery.postUpdate')}</Button>}
        </Group>
      </Group>
      <Facts e={e} />
      {!can.declareDrEvents(user) && (
        <Alert color="gray" variant="light" data-testid="dr-read-only">
          <Text size="sm">{t('disasterRecovery.readOnly')}</Text>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TitledPanel title={t('disasterRecovery.timeline')} titleGap="md">
            <DrTimeline updates={e.updates} />
          </TitledPanel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <TitledPanel title={t('disasterRecovery.description')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {e.description}
              </Text>
            </TitledPanel>
            <TitledPanel title={t('disasterRecovery.explain.title')}>
              <TargetExplanation event={e} />
            </TitledPanel>
          </Stack>
        </Grid.Col>
      </Grid>
      {manage && <PostDrUpdateModal event={e} opened={updateOpen} onClose={() => setUpdateOpen(false)} />}
    </Stack>
  );
}
