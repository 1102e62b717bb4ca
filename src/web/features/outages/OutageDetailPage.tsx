import {
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import {
  OPEN_OUTAGE_STATUSES,
  type OpenOutageStatus,
  type OutageDetail,
  type OutageUpdate,
} from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, useDocumentTitle } from '../../components/common.tsx';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { TitledPanel } from '../../components/section.tsx';
import { ErrorState } from '../../components/states.tsx';
import { formatElapsed, wallTimeToInstant } from '../../components/time.ts';
import { useSaveEntity } from '../../components/use-save-entity.ts';
import { ImpactBadge, OutageStatusBadge, STATUS_COLOR } from './badges.tsx';
import { useOutage } from './queries.ts';

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

function PostUpdateModal({
  outage,
  opened,
  onClose,
}: {
  outage: OutageDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState<OpenOutageStatus>('investigating');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const mutation = useSaveEntity({
    save: () => api.post<OutageUpdate>(`/outages/${outage.id}/updates`, { message: message.trim(), status }),
    listKey: 'outages',
    message: () => t('outages.updatePosted'),
    onClose,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setMessage('');
    setStatus(outage.status === 'resolved' ? 'monitoring' : outage.status);
    setLocalError(undefined);
    mutation.reset();
  }, [opened]);
  const server = useServerErrors(mutation.error, ['message', 'status']);
  const submit = () => {
    const missing = message.trim() ? undefined : t('validation.required');
    setLocalError(missing);
    if (!missing) mutation.mutate();
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('outages.updateTitle')}
      submitLabel={t('outages.postUpdate')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <Textarea
        label={t('outages.message')}
        description={t('outages.updateHint')}
        required
        autosize
        minRows={4}
        maxRows={12}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={localError ?? server.field('message')}
        data-autofocus
      />
      <Select
        label={t('outages.newStatus')}
        data={OPEN_OUTAGE_STATUSES.map((s) => ({ value: s, label: t(`outageStatus.${s}`) }))}
        value={status}
        onChange={(v) => v && setStatus(v as OpenOutageStatus)}
        allowDeselect={false}
        error={server.field('status')}
      />
    </FormModal>
  );
}

/** Resolving is final and tells every affected partner: the dialog asks, and takes the closing note. */
function ResolveModal({
  outage,
  opened,
  onClose,
}: {
  outage: OutageDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const [message, setMessage] = useState('');
  const [resolvedAt, setResolvedAt] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const mutation = useSaveEntity({
    save: () =>
      api.post<OutageDetail>(`/outages/${outage.id}/resolve`, {
        message: message.trim(),
        ...(resolvedAt ? { resolvedAt: wallTimeToInstant(resolvedAt, zone) } : {}),
      }),
    listKey: 'outages',
    message: () => t('outages.resolvedDone'),
    onClose,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setMessage('');
    setResolvedAt('');
    setLocalError(undefined);
    mutation.reset();
  }, [opened]);
  const server = useServerErrors(mutation.error, ['message', 'resolvedAt']);
  const submit = () => {
    const missing = message.trim() ? undefined : t('validation.required');
    setLocalError(missing);
    if (!missing) mutation.mutate();
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('outages.resolveTitle', { number: outage.number })}
      submitLabel={t('outages.resolveConfirm')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <Text size="sm">{t('outages.resolveMessage')}</Text>
      <Textarea
        label={t('outages.resolveNote')}
        required
        autosize
        minRows={3}
        maxRows={10}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={localError ?? server.field('message')}
        data-autofocus
      />
      <DateTimeField
        label={t('outages.resolvedAtLabel')}
        description={t('outages.resolvedAtHint', { zone })}
        value={resolvedAt}
        onChange={setResolvedAt}
        error={server.field('resolvedAt')}
      />
    </FormModal>
  );
}

/** The updates, newest first: what a partner engineer reads first is what happened last. */
function OutageTimeline({ updates }: { updates: OutageUpdate[] }) {
  const { t } = useTranslation();
  const newestFirst = [...updates].reverse();
  return (
    <Timeline active={newestFirst.length - 1} bulletSize={18} lineWidth={2} data-testid="outage-timeline">
      {newestFirst.map((u) => (
        <Timeline.Item
          key={u.id}
          color={STATUS_COLOR[u.status]}
          title={
            <Title order={3} fz="sm">
              {t(`outages.kind_${u.kind}`)} · {t(`outageStatus.${u.status}`)}
            </Title>
          }
        >
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {u.message}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            <Instant value={u.at} size="xs" /> · {t('outages.by', { author: u.author })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export default function OutageDetailPage() {
  const { t } = useTranslation();
  const { outageId } = useParams({ strict: false }) as { outageId: string };
  const user = useCurrentUser();
  const outage = useOutage(outageId);
  const [updateOpen, setUpdateOpen] = useState(false);
  const [resolveOpen, setResolveOpen] = useState(false);
  const o = outage.data;
  useDocumentTitle(o ? t('outages.heading', { number: o.number, title: o.title }) : t('outages.title'));

  if (outage.isPending) {
    return (
      <Stack>
        <Skeleton height={32} width="50%" />
        <Skeleton height={140} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (outage.isError || !o) return <ErrorState error={outage.error} onRetry={() => void outage.refetch()} />;

  const manage = can.declareOutages(user) && o.resolvedAt === null;
  const regions = o.regions.map((r) => t(`regions.${r}`)).join(', ');
  const services = o.services.map((s) => t(`services.${s}`)).join(', ');

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/outages" size="sm">
          {t('outages.title')}
        </Anchor>
        <Text size="sm">{t('outages.number', { number: o.number })}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={6}>
          <Group gap="xs">
            <ImpactBadge impact={o.impact} />
            <OutageStatusBadge status={o.status} />
          </Group>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {t('outages.heading', { number: o.number, title: o.title })}
          </Title>
        </Stack>
        {manage && (
          <Group gap="xs">
            <Button onClick={() => setUpdateOpen(true)}>{t('outages.postUpdate')}</Button>
            <Button variant="outline" color="red.9" onClick={() => setResolveOpen(true)}>
              {t('outages.resolve')}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t('outages.started')}>
            <Instant value={o.startedAt} />
          </Field>
          {o.resolvedAt ? (
            <Field label={t('outages.resolvedAt')}>
              <Instant value={o.resolvedAt} />
              <Text size="xs" c="dimmed">
                {t('outages.duration')}: {formatElapsed(o.startedAt, o.resolvedAt)}
              </Text>
            </Field>
          ) : (
            <Field label={t('outages.duration')}>
              <Text size="sm" fw={600} c="red.9">
                {t('outages.ongoingFor', { duration: formatElapsed(o.startedAt, null) })}
              </Text>
            </Field>
          )}
          <Field label={t('outages.regions')}>{regions || '—'}</Field>
          <Field label={t('outages.services')}>{services || t('outages.notSpecified')}</Field>
        </SimpleGrid>
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TitledPanel title={t('outages.timeline')} titleGap="md">
            <OutageTimeline updates={o.updates} />
          </TitledPanel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <TitledPanel title={t('outages.summary')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {o.summary}
              </Text>
            </TitledPanel>
            <Paper
              withBorder
              p={{ base: 'md', sm: 'lg' }}
              radius="md"
              component="section"
              aria-labelledby="customers-title"
            >
              <Title order={2} fz="lg" mb={4} id="customers-title">
                {t('outages.customers')}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('outages.customerCount', { count: o.affectedCustomers.length })}
                {o.affectedPartnerCount !== null &&
                  ` · ${t('outages.partnerCount', { count: o.affectedPartnerCount })}`}
              </Text>
              {o.affectedCustomers.length > 0 && (
                <List size="sm" spacing={2} data-testid="affected-customers">
                  {o.affectedCustomers.map((c) => (
                    <List.Item key={c.id}>
                      {user.role === 'customer_viewer' ? (
                        c.name
                      ) : (
                        <Anchor component={Link} to={`/customers/${c.id}`} size="sm">
                          {c.name}
                        </Anchor>
                      )}{' '}
                      <Text span size="xs" c="dimmed">
                        ({c.region})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
              {o.affectedPartnerCount === null && (
                <Text size="xs" c="dimmed" mt="xs">
                  {t('outages.ownCustomersOnly')}
                </Text>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      {manage && (
        <>
          <PostUpdateModal outage={o} opened={updateOpen} onClose={() => setUpdateOpen(false)} />
          <ResolveModal outage={o} opened={resolveOpen} onClose={() => setResolveOpen(false)} />
        </>
      )}
    </Stack>
  );
}
