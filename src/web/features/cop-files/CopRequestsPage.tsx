import { Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { IconChange } from '../changes/icons.tsx';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { CopStatusBadge } from './badges.tsx';
import { CopInstallModal } from './CopInstallModal.tsx';
import { COP_KEY } from './queries.ts';
import { RequestCopModal } from './RequestCopModal.tsx';
import { type CopSearch, parseCopSearch } from './search.ts';
import { COP_STATUSES, type CopRequest } from './types.ts';

function FilterBar({
  search,
  onChange,
  onClear,
}: {
  search: CopSearch;
  onChange: (patch: Partial<CopSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <Select
        aria-label={t('fields.status')}
        placeholder={t('copRequests.allStatuses')}
        clearable
        data={[
          { value: 'open', label: t('copRequests.openFilter') },
          ...COP_STATUSES.map((s) => ({ value: s, label: t(`copRequests.statuses.${s}`) })),
        ]}
        value={search.status ?? null}
        onChange={(v) => onChange({ status: (v as CopSearch['status'] | null) ?? undefined })}
        w={{ base: '100%', xs: 260 }}
      />
      {user.role !== 'customer_viewer' && (
        <CustomerPicker
          aria-label={t('fields.customer')}
          placeholder={t('copRequests.allCustomers')}
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

/** The step a request last reached, and when. */
function LastStep({ r }: { r: CopRequest }) {
  const { t } = useTranslation();
  const at =
    r.status === 'installed'
      ? r.installedAt
      : r.status === 'uploaded'
        ? (r.upload?.uploadedAt ?? null)
        : r.status === 'requested'
          ? null
          : r.updatedAt;
  if (!at)
    return (
      <Text size="sm" c="dimmed">
        {t('copRequests.waitingProvider')}
      </Text>
    );
  return <Instant value={at} size="xs" />;
}

function RequestRow({ r }: { r: CopRequest }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="cop-row" data-status={r.status}>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {t('copRequests.number', { number: r.number })}
        </Text>
        <Anchor
          component={Link}
          to={`/inventory/cop-requests/${r.id}`}
          fw={600}
          size="sm"
          style={{ wordBreak: 'break-all' }}
        >
          {r.fileName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.customerName}</Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {r.applicationName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`copRequests.packages.${r.package}`)}</Text>
      </Table.Td>
      <Table.Td>
        <CopStatusBadge status={r.status} />
      </Table.Td>
      <Table.Td>
        <Instant value={r.createdAt} size="xs" />
        <Text size="xs" c="dimmed">
          {t('copRequests.by', { who: r.requestedBy })}
        </Text>
      </Table.Td>
      <Table.Td>
        <LastStep r={r} />
      </Table.Td>
    </Table.Tr>
  );
}

/** COP file service requests in scope, newest first; partners ask here, the provider works the queue. */
export default function CopRequestsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const search = parseCopSearch(useSearch({ strict: false }));
  const [requestOpen, setRequestOpen] = useState(false);
  const [installOpen, setInstallOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  const ask = can.requestCopFiles(user);
  // The provider may also install a file itself, as a change it plans (no partner request needed).
  const install = can.manageChanges(user);

  const onChange = useCallback(
    (patch: Partial<CopSearch>) =>
      void navigate({
        to: '/inventory/cop-requests',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseCopSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseCopSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );
  const onClear = () => {
    setGeneration((g) => g + 1);
    void navigate({ to: '/inventory/cop-requests', search: {}, replace: true });
  };

  const list = useCursorList<CopRequest>([COP_KEY, 'list'], '/cop-requests', {
    status: search.status,
    customerId: search.customerId,
  });
  const filtered = Object.keys(search).length > 0;

  return (
    <>
      <PageHeader
        title={t('copRequests.title')}
        subtitle={t('copRequests.subtitle')}
        actions={
          <>
            <ResponsibilityLink area="patches" />
            {install && (
              <Button
                variant="default"
                leftSection={<IconChange size={16} />}
                onClick={() => setInstallOpen(true)}
              >
                {t('copRequests.install.open')}
              </Button>
            )}
            {ask && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setRequestOpen(true)}>
                {t('copRequests.request')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <FilterBar key={generation} search={search} onChange={onChange} onClear={onClear} />
        <ListBody
          list={list}
          emptyTitle={t('copRequests.empty')}
          emptyHint={filtered ? t('list.tryAnotherSearch') : t('copRequests.emptyHint')}
          minWidth={900}
          label={t('copRequests.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('copRequests.fileName')}</Table.Th>
              <Table.Th>{t('copRequests.customerAndApplication')}</Table.Th>
              <Table.Th>{t('copRequests.package')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('copRequests.requestedAt')}</Table.Th>
              <Table.Th>{t('copRequests.lastStep')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((r) => (
              <RequestRow key={r.id} r={r} />
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      {ask && <RequestCopModal opened={requestOpen} onClose={() => setRequestOpen(false)} />}
      {install && <CopInstallModal opened={installOpen} onClose={() => setInstallOpen(false)} />}
    </>
  );
}
