import { Anchor, Badge, Checkbox, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useLocale, useTimeZone } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { showActionError } from '../../components/feedback.ts';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { formatInstant } from '../../components/time.ts';
import type { ChangeTask } from '../changes/types.ts';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { type ChangeTaskSearch, parseChangeTaskSearch } from './search.ts';
import {
  applyToggle,
  type CustomerTasks,
  canToggle,
  groupKey,
  groupTasks,
  type TaskFilter,
} from './tasks.ts';

export const TASKS_KEY = 'change-tasks';
const MAX_PAGES = 10;
const FILTERS: TaskFilter[] = ['open', 'done', 'all'];

/** Every task in scope (optionally of one customer): few per renewal, so all are read at once. */
function useAllTasks(customerId: string | undefined) {
  return useQuery({
    queryKey: [TASKS_KEY, 'all', customerId ?? null],
    queryFn: async ({ signal }) => {
      const items: ChangeTask[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer: Page<ChangeTask> = await api.get<Page<ChangeTask>>(
          '/change-tasks',
          { customerId, limit: 200, cursor: cursor ?? undefined },
          signal,
        );
        items.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}

/**
 * Ticks or unticks a step at once: the box follows the click before the server answers (kept in
 * state, so the very next render shows it), and the server's refusal puts that step back as it was
 * and says why. `shown` lays the ticks still in flight over the list.
 */
function useToggleTask(customerId: string | undefined) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const key = [TASKS_KEY, 'all', customerId ?? null];
  const [inFlight, setInFlight] = useState<ReadonlyMap<string, ChangeTask>>(new Map());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const settle = (id: string) =>
    setInFlight((old) => {
      const next = new Map(old);
      next.delete(id);
      return next;
    });
  const replace = (task: ChangeTask) =>
    queryClient.setQueryData<ChangeTask[]>(key, (old) => old?.map((x) => (x.id === task.id ? task : x)));
  const mutation = useMutation({
    mutationKey: [TASKS_KEY, 'toggle'],
    mutationFn: ({ task, done }: { task: ChangeTask; done: boolean }) =>
      api.post<ChangeTask>(`/change-tasks/${task.id}/${done ? 'done' : 'reopen'}`),
    onError: (error, { task }) => {
      replace(task);
      settle(task.id);
      showActionError(error, t);
    },
    onSuccess: (saved) => {
      replace(saved);
      settle(saved.id);
    },
    onSettled: () => {
      // Refetched once the last tick in flight has landed, so an earlier answer cannot undo a later tick.
      if (queryClient.isMutating({ mutationKey: [TASKS_KEY, 'toggle'] }) > 1) return;
      void queryClient.invalidateQueries({ queryKey: [TASKS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['changes'] });
    },
  });
  const toggle = (task: ChangeTask, done: boolean) => {
    const [next] = applyToggle([task], task.id, done, new Date().toISOString(), user.email);
    if (!next) return;
    void queryClient.cancelQueries({ queryKey: key });
    setInFlight((old) => new Map(old).set(task.id, next));
    setTouched((old) => new Set(old).add(groupKey(task.changeId, task.customerId)));
    queryClient.setQueryData<ChangeTask[]>(key, (old) => old?.map((x) => (x.id === task.id ? next : x)));
    mutation.mutate({ task, done });
  };
  const shown = (tasks: readonly ChangeTask[]) => tasks.map((x) => inFlight.get(x.id) ?? x);
  return { toggle, shown, touched };
}

function CustomerSteps({
  group,
  changeId,
  editable,
  onToggle,
}: {
  group: CustomerTasks;
  changeId: string;
  editable: boolean;
  onToggle: (task: ChangeTask, done: boolean) => void;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const id = useId();
  const doneCount = group.tasks.filter((x) => x.doneAt !== null).length;
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="section"
      aria-labelledby={id}
      data-testid="task-group"
      data-change-id={changeId}
      data-customer={group.customerName}
      data-done={group.done}
    >
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={3} fz="sm" id={id}>
          {group.customerName}
        </Title>
        <Badge variant="light" color={group.done ? 'teal' : 'orange'} data-testid="task-progress">
          {t('changeTasks.progress', { done: doneCount, total: group.tasks.length })}
        </Badge>
      </Group>
      <Stack component="ol" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {group.tasks.map((task) => {
          const inOrder = canToggle(group.tasks, task);
          const doneText = task.doneAt
            ? t('changeTasks.doneBy', {
                who: task.doneBy ?? '—',
                at: formatInstant(task.doneAt, zone, locale),
              })
            : editable && !inOrder
              ? t('changeTasks.previousFirst')
              : t(`changeTasks.hints.${task.kind}`);
          return (
            <li key={task.id} data-testid="task-step" data-kind={task.kind} data-done={task.doneAt !== null}>
              <Checkbox
                checked={task.doneAt !== null}
                disabled={!editable || !inOrder}
                onChange={(e) => onToggle(task, e.currentTarget.checked)}
                label={`${task.position}. ${t(`changeTasks.kinds.${task.kind}`)}`}
                description={doneText}
              />
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}

/**
 * The SSO follow-up after a certificate renewal: per change and customer, disable SSO, re-import
 * the IdP metadata, re-enable SSO and validate sign-in, ticked off in order by partner support. The
 * provider sees every partner's progress, read-only.
 */
export default function ChangeTasksPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const search = parseChangeTaskSearch(useSearch({ strict: false }));
  const filter = search.status ?? 'open';
  const editable = can.completeChangeTasks(user);
  const tasks = useAllTasks(search.customerId);
  const toggle = useToggleTask(search.customerId);

  const onChange = useCallback(
    (patch: Partial<ChangeTaskSearch>) =>
      void navigate({
        to: '/change-tasks',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseChangeTaskSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseChangeTaskSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );

  const groups = groupTasks(toggle.shown(tasks.data ?? []), filter, toggle.touched);
  return (
    <>
      <PageHeader title={t('changeTasks.title')} subtitle={t('changeTasks.subtitle')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="center" wrap="wrap">
          <SegmentedControl
            aria-label={t('changeTasks.filter')}
            value={filter}
            onChange={(v) => onChange({ status: v === 'open' ? undefined : (v as 'done' | 'all') })}
            data={FILTERS.map((f) => ({ value: f, label: t(`changeTasks.filters.${f}`) }))}
          />
          {user.role !== 'customer_viewer' && (
            <CustomerPicker
              aria-label={t('fields.customer')}
              placeholder={t('changeTasks.allCustomers')}
              value={search.customerId ?? null}
              onChange={(id) => onChange({ customerId: id ?? undefined })}
              w={{ base: '100%', xs: 260 }}
            />
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {editable ? t('changeTasks.inOrder') : t('changeTasks.readOnly')}
        </Text>
        {tasks.isPending ? (
          <ListSkeleton rows={4} />
        ) : tasks.isError ? (
          <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : groups.length === 0 ? (
          <EmptyState title={t(`changeTasks.empty.${filter}`)} hint={t('changeTasks.emptyHint')} />
        ) : (
          <Stack gap="lg">
            {groups.map((change) => (
              <Stack
                key={change.changeId}
                gap="xs"
                component="section"
                aria-label={`${change.changeReference}: ${change.changeTitle}`}
              >
                <Title order={2} fz="md">
                  <Anchor component={Link} to={`/changes/${change.changeId}`} inherit underline="always">
                    {change.changeReference}
                  </Anchor>{' '}
                  <Text span inherit fw={400}>
                    {change.changeTitle}
                  </Text>
                </Title>
                {change.customers.map((group) => (
                  <CustomerSteps
                    key={group.customerId}
                    group={group}
                    changeId={change.changeId}
                    editable={editable}
                    onToggle={toggle.toggle}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </Paper>
    </>
  );
}
