import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { confirmAction, Instant, useDocumentTitle } from '../../components/common.tsx';
import { showActionError, showDone } from '../../components/feedback.ts';
import { ListFooter } from '../../components/list-footer.tsx';
import { TitledPanel } from '../../components/section.tsx';
import { ErrorState } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { AskedNotice, AskRescheduleForm } from './AskRescheduleForm.tsx';
import { ChangeStatusBadge, ChangeTypeBadge } from './badges.tsx';
import { CancelChangeModal, CompleteChangeModal, DeclineRequestModal } from './ChangeActionModals.tsx';
import { ChangeWindow, ViewerRange } from './ChangeWindow.tsx';
import { CHANGES_KEY, useChange, useStartChange } from './queries.ts';
import { RequestCard } from './RequestCard.tsx';
import { RescheduleModal } from './RescheduleModal.tsx';
import { useRuleText } from './rules.tsx';
import type { ChangeCustomer, ChangeDetail, ChangeHistoryEntry, RescheduleRequest } from './types.ts';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Where the change came from: a certificate, an upgrade campaign, a partner's request, a COP file. */
function SourceLink({ change }: { change: ChangeDetail }) {
  const { t } = useTranslation();
  const source = change.source;
  const requestId = change.changeRequestId ?? (source?.type === 'change_request' ? source.id : null);
  if (requestId)
    return (
      <Anchor component={Link} to={`/change-requests/${requestId}`} size="sm">
        {t('changes.sources.change_request')}
      </Anchor>
    );
  if (!source) return <>{t('changes.sources.none')}</>;
  if (source.type === 'certificate') {
    // The router is not registered for type inference: the page's own parser checks this search.
    const search = { certificateId: source.id } as never;
    return (
      <Anchor component={Link} to="/inventory/certificates" search={search} size="sm">
        {t('changes.sources.certificate')}
      </Anchor>
    );
  }
  const to =
    source.type === 'upgrade_campaign'
      ? `/inventory/campaigns/${source.id}`
      : `/inventory/cop-requests/${source.id}`;
  return (
    <Anchor component={Link} to={to} size="sm">
      {t(`changes.sources.${source.type}`)}
    </Anchor>
  );
}

function Facts({ change }: { change: ChangeDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ChangeWindow start={change.start} end={change.end} regionTimes={change.regionTimes} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Field label={t('changes.noticeSentAt')} testId="change-notice">
              {change.noticeSentAt ? <Instant value={change.noticeSentAt} /> : t('changes.noNotice')}
            </Field>
            <Field label={t('changes.reminderSentAt')}>
              {change.reminderSentAt ? <Instant value={change.reminderSentAt} /> : t('changes.noReminder')}
            </Field>
            {change.reason && (
              <Field label={t('changes.upgradeReason')}>{t(`changes.upgradeReasons.${change.reason}`)}</Field>
            )}
            {change.emergencyReason && (
              <Field label={t('changes.emergencyReason')}>
                {t(`changes.emergencyReasons.${change.emergencyReason}`)}
              </Field>
            )}
            {change.certificateExpiresAt && (
              <Field label={t('changes.certificateExpiresAt')}>
                <Instant value={change.certificateExpiresAt} />
              </Field>
            )}
            <Field label={t('changes.source')}>
              <SourceLink change={change} />
            </Field>
            <Field label={t('changes.customers')}>{change.customerCount}</Field>
            <Field label={t('changes.createdAt')}>
              <Instant value={change.createdAt} />
              <Text size="xs" c="dimmed">
                {t('changes.by', { who: change.createdBy })}
              </Text>
            </Field>
            {change.startedAt && (
              <Field label={t('changes.startedAt')}>
                <Instant value={change.startedAt} />
              </Field>
            )}
            {change.completedAt && (
              <Field label={t('changes.completedAt')}>
                <Instant value={change.completedAt} />
              </Field>
            )}
            {change.reschedules > 0 && (
              <Field label={t('changes.reschedulesField')}>
                {t('changes.rescheduledTimes', { count: change.reschedules })}
              </Field>
            )}
          </SimpleGrid>
        </Grid.Col>
      </Grid>
      {change.cancelledAt && (
        <Alert
          mt="md"
          color="gray"
          variant="light"
          title={t('changes.cancelledTitle')}
          data-testid="change-cancelled"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {change.cancelReason}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            <Instant value={change.cancelledAt} size="xs" />
          </Text>
        </Alert>
      )}
    </Paper>
  );
}

/** The affected customers: the first 200 come with the change, the rest page in from /customers. */
function CustomersPanel({ change }: { change: ChangeDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [more, setMore] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: [CHANGES_KEY, 'customers', change.id, 'pages'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ChangeCustomer>>(
        `/changes/${change.id}/customers`,
        { limit: 200, cursor: pageParam ?? undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: more,
  });
  const paged = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const items = paged.length > change.customers.length ? paged : change.customers;
  // The first page repeats what the change already carried: go straight on to the next one.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (
      more &&
      paged.length > 0 &&
      paged.length <= change.customers.length &&
      hasNextPage &&
      !isFetchingNextPage
    )
      void fetchNextPage();
  }, [more, paged.length, change.customers.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const hasMore = more ? hasNextPage : change.customerCount > change.customers.length;
  const partnerColumn = can.manageChanges(user);
  return (
    <TitledPanel title={t('changes.affectedCustomers', { count: change.customerCount })} titleGap="md">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('changes.noCustomersInScope')}
        </Text>
      ) : (
        <>
          <TableScroll minWidth={420} label={t('changes.affectedCustomersLabel')}>
            <Table verticalSpacing={6} data-testid="change-customers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.customer')}</Table.Th>
                  <Table.Th>{t('fields.region')}</Table.Th>
                  {partnerColumn && <Table.Th>{t('fields.partner')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {user.role === 'customer_viewer' ? (
                        <Text size="sm">{c.name}</Text>
                      ) : (
                        <Anchor component={Link} to={`/customers/${c.id}`} size="sm">
                          {c.name}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.region}</Text>
                    </Table.Td>
                    {partnerColumn && (
                      <Table.Td>
                        <Text size="sm">{c.partnerName}</Text>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {pages.isError && <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />}
          <ListFooter
            shown={items.length}
            hasMore={hasMore}
            loading={pages.isFetching}
            onMore={() => (more ? void fetchNextPage() : setMore(true))}
          />
        </>
      )}
    </TitledPanel>
  );
}

function entryText(entry: ChangeHistoryEntry, t: (key: string, options?: Record<string, unknown>) => string) {
  return t(`changes.history.${entry.kind}`, { defaultValue: entry.kind });
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** What happened to the change, newest first. */
function HistoryTimeline({ history }: { history: ChangeHistoryEntry[] }) {
  const { t } = useTranslation();
  const newestFirst = [...history].reverse();
  if (newestFirst.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('changes.noHistory')}
      </Text>
    );
  return (
    <Timeline active={newestFirst.length - 1} bulletSize={16} lineWidth={2} data-testid="change-history">
      {newestFirst.map((entry) => {
        const d = entry.detail;
        const previousStart = str(d.previousStart);
        const previousEnd = str(d.previousEnd);
        const start = str(d.start);
        const end = str(d.end);
        const text = str(d.reason) ?? str(d.note);
        return (
          <Timeline.Item
            key={entry.id}
            data-kind={entry.kind}
            title={
              <Title order={3} fz="sm">
                {entryText(entry, t)}
              </Title>
            }
          >
            {previousStart && previousEnd && start && end && (
              <Stack gap={0} mt={4}>
                <Text size="xs">
                  {t('changes.historyFrom')} <ViewerRange start={previousStart} end={previousEnd} size="xs" />
                </Text>
                <Text size="xs">
                  {t('changes.historyTo')} <ViewerRange start={start} end={end} size="xs" />
                </Text>
              </Stack>
            )}
            {text && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {text}
              </Text>
            )}
            {d.late === true && (
              <Badge color="red.9" variant="filled" size="sm" mt={4}>
                {t('reschedule.late')}
              </Badge>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              <Instant value={entry.at} size="xs" /> · {t('changes.by', { who: entry.actor })}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** The SSO follow-up steps after a certificate renewal: a summary; the work happens on /change-tasks. */
function TasksPanel({ change }: { change: ChangeDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const done = change.tasks.filter((task) => task.doneAt).length;
  const sorted = [...change.tasks].sort(
    (a, b) => a.customerName.localeCompare(b.customerName) || a.position - b.position,
  );
  return (
    <TitledPanel title={t('changes.tasks.title')}>
      <Text size="sm" mb="xs" data-testid="change-tasks-summary">
        {t('changes.tasks.summary', { done, total: change.tasks.length })}
      </Text>
      <List size="sm" spacing={4}>
        {sorted.map((task) => (
          <List.Item key={task.id}>
            {task.customerName}: {t(`changes.tasks.kinds.${task.kind}`)} —{' '}
            {task.doneAt ? t('changes.tasks.done') : t('changes.tasks.open')}
          </List.Item>
        ))}
      </List>
      {can.seeChangeTasks(user) && (
        <Anchor component={Link} to="/change-tasks" size="sm" mt="sm" display="inline-block">
          {t('changes.tasks.openAll')}
        </Anchor>
      )}
    </TitledPanel>
  );
}

/** Reschedule requests on the change, and (partners) the form to ask for one. */
function ReschedulePanel({
  change,
  onDecline,
  onPickSlot,
}: {
  change: ChangeDetail;
  onDecline: (r: RescheduleRequest) => void;
  onPickSlot: (r: RescheduleRequest) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const ruleText = useRuleText();
  const [asked, setAsked] = useState<RescheduleRequest | null>(null);
  const partner = can.askReschedule(user);
  const finished =
    change.status === 'completed' || change.status === 'cancelled' || change.status === 'in_progress';
  if (user.role === 'customer_viewer' && change.rescheduleRequests.length === 0) return null;
  return (
    <TitledPanel title={t('reschedule.panelTitle')} titleGap="md">
      <Stack gap="md">
        {asked && <AskedNotice request={asked} />}
        {partner &&
          !finished &&
          (change.reschedule.allowed
            ? !asked && <AskRescheduleForm change={change} onAsked={setAsked} />
            : !asked && (
                <Alert
                  color="gray"
                  variant="light"
                  data-testid="reschedule-not-allowed"
                  data-code={change.reschedule.code}
                >
                  <Text size="sm">
                    {ruleText({
                      code: change.reschedule.code ?? 'not_reschedulable',
                      message: change.reschedule.message ?? '',
                    })}
                  </Text>
                </Alert>
              ))}
        {change.rescheduleRequests.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reschedule.noneOnChange')}
          </Text>
        ) : (
          change.rescheduleRequests.map((r) => (
            <RequestCard
              key={r.id}
              request={r}
              onDecline={() => onDecline(r)}
              onPickSlot={() => onPickSlot(r)}
            />
          ))
        )}
      </Stack>
    </TitledPanel>
  );
}

type Dialog =
  | { kind: 'complete' }
  | { kind: 'cancel' }
  | { kind: 'reschedule'; request?: RescheduleRequest }
  | { kind: 'decline'; request: RescheduleRequest }
  | null;

/** One change: its window everywhere it lands, who it reaches, its history, and the moves open to the caller. */
export default function ChangeDetailPage() {
  const { t } = useTranslation();
  const { changeId } = useParams({ strict: false }) as { changeId: string };
  const user = useCurrentUser();
  const query = useChange(changeId);
  const start = useStartChange(changeId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const change = query.data;
  useDocumentTitle(change ? `${change.reference} · ${change.title}` : t('changes.title'));

  if (query.isPending) {
    return (
      <Stack aria-busy="true" aria-label={t('states.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={160} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (query.isError || !change)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const manage = can.manageChanges(user);
  const notStarted = change.status === 'scheduled' || change.status === 'notice_sent';
  const close = () => setDialog(null);
  const confirmStart = () =>
    confirmAction({
      title: t('changes.actions.startTitle', { reference: change.reference }),
      message: t('changes.actions.startText'),
      confirmLabel: t('changes.actions.start'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        start.mutate(undefined, {
          onSuccess: (saved) => showDone(t('changes.actions.started', { reference: saved.reference })),
          onError: (error) => showActionError(error, t),
        }),
    });

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/changes" size="sm">
          {t('changes.title')}
        </Anchor>
        <Text size="sm">{change.reference}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={6}>
          <Group gap="xs">
            <ChangeTypeBadge type={change.type} />
            <ChangeStatusBadge status={change.status} />
            {change.emergency && (
              <Badge color="red.9" variant="outline">
                {t('changes.flags.emergency')}
              </Badge>
            )}
            {change.noImpact && (
              <Badge color="gray.8" variant="outline">
                {t('changes.flags.noImpact')}
              </Badge>
            )}
          </Group>
          <Title order={1} fz={{ base: 20, sm: 26 }} style={{ wordBreak: 'break-word' }}>
            {change.reference} · {change.title}
          </Title>
        </Stack>
        {manage && (
          <Group gap="xs" data-testid="change-actions">
            {notStarted && (
              <Button variant="default" onClick={() => setDialog({ kind: 'reschedule' })}>
                {t('reschedule.pickSlot')}
              </Button>
            )}
            {notStarted && <Button onClick={confirmStart}>{t('changes.actions.start')}</Button>}
            {change.status === 'in_progress' && (
              <Button onClick={() => setDialog({ kind: 'complete' })}>{t('changes.actions.complete')}</Button>
            )}
            {notStarted && (
              <Button variant="outline" color="red.9" onClick={() => setDialog({ kind: 'cancel' })}>
                {t('changes.actions.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Facts change={change} />
      {user.role === 'customer_viewer' && (
        <Alert color="gray" variant="light" data-testid="change-read-only">
          <Text size="sm">{t('changes.readOnly')}</Text>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <TitledPanel title={t('changes.description')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {change.description || t('changes.noDescription')}
              </Text>
            </TitledPanel>
            <ReschedulePanel
              change={change}
              onDecline={(request) => setDialog({ kind: 'decline', request })}
              onPickSlot={(request) => setDialog({ kind: 'reschedule', request })}
            />
            {change.tasks.length > 0 && <TasksPanel change={change} />}
            <CustomersPanel change={change} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TitledPanel title={t('changes.historyTitle')} titleGap="md">
            <HistoryTimeline history={change.history} />
          </TitledPanel>
        </Grid.Col>
      </Grid>
      {manage && (
        <>
          <CompleteChangeModal change={change} opened={dialog?.kind === 'complete'} onClose={close} />
          <CancelChangeModal change={change} opened={dialog?.kind === 'cancel'} onClose={close} />
          <RescheduleModal
            changeId={change.id}
            request={dialog?.kind === 'reschedule' ? dialog.request : undefined}
            opened={dialog?.kind === 'reschedule'}
            onClose={close}
          />
          {dialog?.kind === 'decline' && (
            <DeclineRequestModal request={dialog.request} opened onClose={close} />
          )}
        </>
      )}
    </Stack>
  );
}
