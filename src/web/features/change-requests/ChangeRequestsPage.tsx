import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import type { ChangeRequest, ChangeRequestStatus } from '../changes/types.ts';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { NewChangeRequestModal } from './NewChangeRequestModal.tsx';
import { CR_KEY } from './queries.ts';
import { type ChangeRequestSearch, parseChangeRequestSearch } from './search.ts';

/** The joint review's columns, in the order a request moves through them. */
const COLUMNS: ChangeRequestStatus[] = ['submitted', 'in_review', 'approved', 'scheduled', 'completed'];

function Card({ r }: { r: ChangeRequest }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="li"
      data-testid="cr-card"
      data-status={r.status}
      data-reference={r.reference}
    >
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600}>
          {r.reference}
        </Text>
        <Anchor
          component={Link}
          to={`/change-requests/${r.id}`}
          fw={600}
          size="sm"
          style={{ wordBreak: 'break-word' }}
        >
          {r.title}
        </Anchor>
        <Text size="xs">{r.customerName}</Text>
        <Text size="xs" c="dimmed">
          {t(`changeRequests.kinds.${r.kind}`)}
        </Text>
        {r.changeReference && (
          <Text size="xs" c="dimmed">
            {t('changeRequests.changeIs', { reference: r.changeReference })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <Instant value={r.updatedAt} size="xs" />
        </Text>
      </Stack>
    </Paper>
  );
}

function Column({ status, customerId }: { status: ChangeRequestStatus; customerId: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const list = useCursorList<ChangeRequest>([CR_KEY, 'list'], '/change-requests', { status, customerId });
  const count = list.isPending ? null : `${list.items.length}${list.hasNextPage ? '+' : ''}`;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg="gray.0"
      component="section"
      aria-labelledby={id}
      data-testid="cr-column"
      data-status={status}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} fz="sm" id={id}>
          {t(`changeRequests.statuses.${status}`)}
        </Title>
        {count !== null && (
          <Badge variant="default" size="sm">
            {count}
          </Badge>
        )}
      </Group>
      {list.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('states.loading')}>
          <Skeleton height={72} />
          <Skeleton height={72} />
        </Stack>
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.items.length === 0 ? (
        <Text size="xs" c="dimmed" ta="center" py="md">
          {t('changeRequests.columnEmpty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {list.items.map((r) => (
            <Card key={r.id} r={r} />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          fullWidth
          mt="xs"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('list.loadMore')}
        </Button>
      )}
    </Paper>
  );
}

/**
 * Partner-requested changes on a board with a column per step of the joint review; rejected ones
 * are kept out of the way until asked for. Partners file new requests here.
 */
export default function ChangeRequestsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const search = parseChangeRequestSearch(useSearch({ strict: false }));
  const [newOpen, setNewOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  const ask = can.requestChanges(user);

  const onChange = useCallback(
    (patch: Partial<ChangeRequestSearch>) =>
      void navigate({
        to: '/change-requests',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseChangeRequestSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseChangeRequestSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );

  return (
    <>
      <PageHeader
        title={t('changeRequests.title')}
        subtitle={t('changeRequests.subtitle')}
        actions={
          ask && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setNewOpen(true)}>
              {t('changeRequests.new')}
            </Button>
          )
        }
      />
      <Group mb="md" gap="sm" align="center" wrap="wrap">
        {user.role !== 'customer_viewer' && (
          <CustomerPicker
            key={generation}
            aria-label={t('fields.customer')}
            placeholder={t('changeRequests.allCustomers')}
            value={search.customerId ?? null}
            onChange={(id) => onChange({ customerId: id ?? undefined })}
            w={{ base: '100%', xs: 260 }}
          />
        )}
        <Button
          variant="default"
          size="sm"
          aria-pressed={search.rejected === true}
          onClick={() => onChange({ rejected: search.rejected ? undefined : true })}
        >
          {search.rejected ? t('changeRequests.hideRejected') : t('changeRequests.showRejected')}
        </Button>
        {search.customerId && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setGeneration((g) => g + 1);
              onChange({ customerId: undefined });
            }}
          >
            {t('filters.clear')}
          </Button>
        )}
      </Group>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: search.rejected ? 6 : 5 }}
        spacing="sm"
        data-testid="cr-board"
        style={{ alignItems: 'start' }}
      >
        {[...COLUMNS, ...(search.rejected ? (['rejected'] as const) : [])].map((status) => (
          <Column key={status} status={status} customerId={search.customerId} />
        ))}
      </SimpleGrid>
      {ask && <NewChangeRequestModal opened={newOpen} onClose={() => setNewOpen(false)} />}
    </>
  );
}
