import { Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Region } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { ChangeStatusBadge, ChangeTypeBadge } from './badges.tsx';
import { ViewerRange } from './ChangeWindow.tsx';
import { CHANGES_KEY } from './queries.ts';
import { type ChangeSearch, parseChangeSearch } from './search.ts';
import { CHANGE_STATUSES, CHANGE_TYPES, type Change, type ChangeType } from './types.ts';

function FilterBar({
  search,
  onChange,
  onClear,
}: {
  search: ChangeSearch;
  onChange: (patch: Partial<ChangeSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <Select
        aria-label={t('fields.status')}
        allowDeselect={false}
        data={[
          { value: 'open', label: t('changes.statusFilter.open') },
          { value: 'all', label: t('changes.statusFilter.all') },
          ...CHANGE_STATUSES.map((s) => ({ value: s, label: t(`changes.statuses.${s}`) })),
        ]}
        value={search.status ?? 'open'}
        onChange={(v) =>
          onChange({ status: v === 'open' || v === null ? undefined : (v as ChangeSearch['status']) })
        }
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        aria-label={t('changes.type')}
        placeholder={t('changes.allTypes')}
        clearable
        data={CHANGE_TYPES.map((type) => ({ value: type, label: t(`changes.types.${type}`) }))}
        value={search.type ?? null}
        onChange={(v) => onChange({ type: (v as ChangeType | null) ?? undefined })}
        w={{ base: '100%', xs: 220 }}
      />
      <Select
        aria-label={t('fields.region')}
        placeholder={t('changes.allRegions')}
        clearable
        data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        value={search.region ?? null}
        onChange={(v) => onChange({ region: (v as Region | null) ?? undefined })}
        w={{ base: '100%', xs: 260 }}
      />
      {user.role !== 'customer_viewer' && (
        <CustomerPicker
          aria-label={t('fields.customer')}
          placeholder={t('changes.allCustomers')}
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

function ChangeRow({ c }: { c: Change }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="change-row" data-status={c.status} data-reference={c.reference}>
      <Table.Td>
        <Anchor component={Link} to={`/changes/${c.id}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {c.reference}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <ChangeTypeBadge type={c.type} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {c.title}
        </Text>
        {c.reschedules > 0 && (
          <Text size="xs" c="dimmed">
            {t('changes.rescheduledTimes', { count: c.reschedules })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <ViewerRange start={c.start} end={c.end} size="xs" />
      </Table.Td>
      <Table.Td>
        <ChangeStatusBadge status={c.status} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{c.customerCount}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{c.regions.join(', ')}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Changes in scope by start time: the open ones unless asked otherwise; the provider plans new ones. */
export default function ChangesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const search = parseChangeSearch(useSearch({ strict: false }));
  // Remounts the filter bar when the filters are cleared, so the customer picker clears too.
  const [generation, setGeneration] = useState(0);

  const onChange = useCallback(
    (patch: Partial<ChangeSearch>) =>
      void navigate({
        to: '/changes',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseChangeSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseChangeSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );
  const onClear = () => {
    setGeneration((g) => g + 1);
    void navigate({ to: '/changes', search: {}, replace: true });
  };

  const status = search.status ?? 'open';
  const list = useCursorList<Change>(
    [CHANGES_KEY, 'list'],
    '/changes',
    {
      status: status === 'all' ? undefined : status,
      type: search.type,
      region: search.region,
      customerId: search.customerId,
    },
    true,
    60_000,
  );
  const filtered = Object.keys(search).length > 0;

  return (
    <>
      <PageHeader
        title={t('changes.title')}
        subtitle={t('changes.subtitle', { zone })}
        actions={
          can.manageChanges(user) && (
            <Button component={Link} to="/changes/new" leftSection={<IconPlus size={16} />}>
              {t('changes.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <FilterBar key={generation} search={search} onChange={onChange} onClear={onClear} />
        <ListBody
          list={list}
          emptyTitle={t('changes.empty')}
          emptyHint={filtered ? t('list.tryAnotherSearch') : t('changes.emptyHint')}
          minWidth={980}
          label={t('changes.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('changes.reference')}</Table.Th>
              <Table.Th>{t('changes.type')}</Table.Th>
              <Table.Th>{t('changes.titleField')}</Table.Th>
              <Table.Th>{t('changes.window')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th ta="right">{t('changes.customers')}</Table.Th>
              <Table.Th>{t('changes.regions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((c) => (
              <ChangeRow key={c.id} c={c} />
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
    </>
  );
}
