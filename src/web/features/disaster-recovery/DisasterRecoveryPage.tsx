import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { formatDuration, useNow } from '../cases/format.ts';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { DrKindBadge, DrStatusBadge, TargetStatus } from './badges.tsx';
import { DeclareDrEventModal } from './DeclareDrEventModal.tsx';
import { eventName, targetState } from './format.ts';
import { DR_KEY } from './queries.ts';
import { type DrSearch, parseDrSearch } from './search.ts';
import { DR_KINDS, type DrEvent, type DrKind } from './types.ts';

function FilterBar({
  search,
  onChange,
  onClear,
}: {
  search: DrSearch;
  onChange: (patch: Partial<DrSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <Select
        aria-label={t('fields.status')}
        placeholder={t('disasterRecovery.allStatuses')}
        clearable
        data={[
          { value: 'open', label: t('disasterRecovery.statusFilter.open') },
          { value: 'closed', label: t('disasterRecovery.statusFilter.closed') },
        ]}
        value={search.status ?? null}
        onChange={(v) => onChange({ status: (v as DrSearch['status'] | null) ?? undefined })}
        w={{ base: '100%', xs: 200 }}
      />
      <Select
        aria-label={t('disasterRecovery.kind')}
        placeholder={t('disasterRecovery.allKinds')}
        clearable
        data={DR_KINDS.map((k) => ({ value: k, label: t(`disasterRecovery.kinds.${k}`) }))}
        value={search.kind ?? null}
        onChange={(v) => onChange({ kind: (v as DrKind | null) ?? undefined })}
        w={{ base: '100%', xs: 200 }}
      />
      {user.role !== 'customer_viewer' && (
        <CustomerPicker
          aria-label={t('fields.customer')}
          placeholder={t('disasterRecovery.allCustomers')}
          value={search.customerId ?? null}
          onChange={(id) => onChange({ customerId: id ?? undefined })}
          w={{ base: '100%', xs: 240 }}
        />
      )}
      {Object.keys(search).length > 0 && (
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function EventRow({ e, now }: { e: DrEvent; now: number }) {
  const { t } = useTranslation();
  const state = targetState(e, now);
  return (
    <Table.Tr data-testid="dr-row" data-status={e.status}>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {t('disasterRecovery.number', { number: e.number })}
        </Text>
        <Anchor
          component={Link}
          to={`/disaster-recovery/${e.id}`}
          fw={600}
          size="sm"
          style={{ wordBreak: 'break-word' }}
        >
          {eventName(e)}
        </Anchor>
        {e.title && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
            {e.applicationName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{e.customerName}</Text>
        <Text size="xs" c="dimmed">
          {e.region}
        </Text>
      </Table.Td>
      <Table.Td>
        <DrKindBadge kind={e.kind} />
      </Table.Td>
      <Table.Td>
        <DrStatusBadge status={e.status} />
      </Table.Td>
      <Table.Td>
        <Instant value={e.declaredAt} size="xs" />
      </Table.Td>
      <Table.Td data-testid="dr-target">
        <Stack gap={2} align="flex-start">
          {e.targetAt && <Instant value={e.targetAt} size="xs" />}
          <TargetStatus state={state} />
        </Stack>
      </Table.Td>
      <Table.Td data-testid="dr-recovery">
        {e.timeToRecoverMinutes === null ? (
          <Text size="sm" c="dimmed">
            {e.status === 'withdrawn' ? '—' : t('disasterRecovery.notRecovered')}
          </Text>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDuration(e.timeToRecoverMinutes * 60_000)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Disaster-recovery events in scope: open ones first, each against its target, ticking live. */
export default function DisasterRecoveryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const search = parseDrSearch(useSearch({ strict: false }));
  const now = useNow(30_000);
  const [declareOpen, setDeclareOpen] = useState(false);
  // Remounts the filter bar when the filters are cleared, so the customer picker clears too.
  const [generation, setGeneration] = useState(0);
  const declare = can.declareDrEvents(user);

  const onChange = useCallback(
    (patch: Partial<DrSearch>) =>
      void navigate({
        to: '/disaster-recovery',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseDrSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseDrSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );
  const onClear = () => {
    setGeneration((g) => g + 1);
    void navigate({ to: '/disaster-recovery', search: {}, replace: true });
  };

  const list = useCursorList<DrEvent>(
    [DR_KEY, 'list'],
    '/dr-events',
    { status: search.status, kind: search.kind, customerId: search.customerId },
    true,
    60_000,
  );
  const filtered = Object.keys(search).length > 0;

  return (
    <>
      <PageHeader
        title={t('disasterRecovery.title')}
        subtitle={t('disasterRecovery.subtitle', { zone })}
        actions={
          <>
            <ResponsibilityLink area="disaster_recovery" />
            {declare && (
              <Button color="red.9" leftSection={<IconPlus size={16} />} onClick={() => setDeclareOpen(true)}>
                {t('disasterRecovery.declare')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <FilterBar key={generation} search={search} onChange={onChange} onClear={onClear} />
        <ListBody
          list={list}
          emptyTitle={t('disasterRecovery.empty')}
          emptyHint={filtered ? t('list.tryAnotherSearch') : t('disasterRecovery.emptyHint')}
          minWidth={920}
          label={t('disasterRecovery.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('disasterRecovery.event')}</Table.Th>
              <Table.Th>{t('fields.customer')}</Table.Th>
              <Table.Th>{t('disasterRecovery.kind')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('disasterRecovery.declaredAt')}</Table.Th>
              <Table.Th>{t('disasterRecovery.target')}</Table.Th>
              <Table.Th>{t('disasterRecovery.timeToRecover')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((e) => (
              <EventRow key={e.id} e={e} now={now} />
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      {declare && <DeclareDrEventModal opened={declareOpen} onClose={() => setDeclareOpen(false)} />}
    </>
  );
}
