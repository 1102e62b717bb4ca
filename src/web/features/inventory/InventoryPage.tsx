import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, isProvider } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { confirmAction, PageHeader, SearchInput } from '../../components/common.tsx';
import { ActionsHeader, ListBody } from '../../components/directory-list.tsx';
import { PartnerName } from '../../components/entity-name.tsx';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { showActionError } from '../../components/feedback.ts';
import { IconDots, IconDownload, IconPlus, IconUpload } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { ApplicationFormModal } from './ApplicationFormModal.tsx';
import { ComplianceCell } from './badges.tsx';
import { CustomerPicker } from './CustomerPicker.tsx';
import { applicationsQuery, countNodes, exportHref, hasFilters } from './format.ts';
import { ImportCsvModal } from './ImportCsvModal.tsx';
import { useDeleteApplication, useReleases } from './queries.ts';
import { type InventorySearch, parseInventorySearch } from './search.ts';
import {
  APPLICATION_KINDS,
  type Application,
  type ApplicationKind,
  VERSION_TIERS,
  type VersionTier,
} from './types.ts';

function FilterBar({
  search,
  onChange,
  onClear,
}: {
  search: InventorySearch;
  onChange: (patch: Partial<InventorySearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  const viewer = user.role === 'customer_viewer';
  const onSearch = useCallback((q: string) => onChange({ q: q || undefined }), [onChange]);
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <SearchInput value={search.q ?? ''} onChange={onSearch} label={t('inventory.search')} />
      {!viewer && (
        <CustomerPicker
          aria-label={t('fields.customer')}
          placeholder={t('inventory.allCustomers')}
          value={search.customerId ?? null}
          onChange={(id) => onChange({ customerId: id ?? undefined })}
          w={{ base: '100%', sm: 220 }}
        />
      )}
      {provider && (
        <PartnerPicker
          aria-label={t('fields.partner')}
          placeholder={t('filters.allPartners')}
          clearable
          includeInactive
          value={search.partnerId ?? null}
          onChange={(id) => onChange({ partnerId: id ?? undefined })}
          w={{ base: '100%', sm: 220 }}
        />
      )}
      <Select
        aria-label={t('inventory.kind')}
        placeholder={t('inventory.allKinds')}
        clearable
        data={APPLICATION_KINDS.map((k) => ({ value: k, label: t(`inventory.kinds.${k}`) }))}
        value={search.kind ?? null}
        onChange={(kind) => onChange({ kind: (kind as ApplicationKind | null) ?? undefined })}
        w={{ base: '48%', sm: 210 }}
      />
      <Select
        aria-label={t('inventory.tier')}
        placeholder={t('inventory.allTiers')}
        clearable
        data={VERSION_TIERS.map((tier) => ({ value: tier, label: t(`inventory.tiers.${tier}`) }))}
        value={search.tier ?? null}
        onChange={(tier) => onChange({ tier: (tier as VersionTier | null) ?? undefined })}
        w={{ base: '48%', sm: 170 }}
      />
      <Checkbox
        label={t('inventory.mustUpgradeOnly')}
        checked={search.mustUpgrade === true}
        onChange={(e) => onChange({ mustUpgrade: e.currentTarget.checked ? true : undefined })}
      />
      {hasFilters(search) && (
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function RowMenu({
  application,
  onEdit,
  onDelete,
}: {
  application: Application;
  onEdit?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  if (!onEdit && !onDelete) return null;
  return (
    <Table.Td ta="right">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            aria-label={t('list.actionsFor', { name: application.name })}
          >
            <IconDots size={20} strokeWidth={3} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {onEdit && <Menu.Item onClick={onEdit}>{t('actions.edit')}</Menu.Item>}
          {onDelete && (
            <Menu.Item color="red.9" onClick={onDelete}>
              {t('inventory.delete')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Table.Td>
  );
}

function ApplicationRow({
  a,
  showPartner,
  onEdit,
  onDelete,
  withActions,
}: {
  a: Application;
  /** The provider sees whose customer it is. */
  showPartner: boolean;
  onEdit?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
  withActions: boolean;
}) {
  const { t } = useTranslation();
  const nodes = countNodes(a.nodes);
  return (
    <Table.Tr data-testid="application-row">
      <Table.Td>
        <Anchor
          component={Link}
          to={`/inventory/${a.id}`}
          fw={600}
          size="sm"
          style={{ wordBreak: 'break-word' }}
        >
          {a.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t(`inventory.kinds.${a.kind}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{a.customerName}</Text>
        {showPartner && (
          <Text size="xs" c="dimmed">
            <PartnerName id={a.partnerId} />
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {a.version}
        </Text>
      </Table.Td>
      <Table.Td>
        <ComplianceCell compliance={a.compliance} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t('inventory.nodeCount', { count: a.nodes.length })}</Text>
        <Text size="xs" c="dimmed">
          {t('inventory.nodeSplit', { publishers: nodes.publishers, subscribers: nodes.subscribers })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {a.failoverDataCentre
            ? t('inventory.centres', { primary: a.primaryDataCentre, failover: a.failoverDataCentre })
            : a.primaryDataCentre}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{a.ssoEnabled ? t('inventory.yes') : t('inventory.no')}</Text>
      </Table.Td>
      {withActions && <RowMenu application={a} onEdit={onEdit} onDelete={onDelete} />}
    </Table.Tr>
  );
}

/** Every customer's UC applications: versions against the release train, nodes, data centres, SSO. */
export default function InventoryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  const navigate = useNavigate();
  const search = parseInventorySearch(useSearch({ strict: false }));
  const releases = useReleases();
  const remove = useDeleteApplication();
  const [editing, setEditing] = useState<Application | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  // Remounts the search box when the filters are cleared, so its text clears too.
  const [generation, setGeneration] = useState(0);

  const onChange = useCallback(
    (patch: Partial<InventorySearch>) =>
      void navigate({
        to: '/inventory',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseInventorySearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseInventorySearch(next);
        },
        replace: true,
      }),
    [navigate],
  );
  const onClear = () => {
    setGeneration((g) => g + 1);
    void navigate({ to: '/inventory', search: {}, replace: true });
  };

  const list = useCursorList<Application>(
    ['applications', 'list'],
    '/applications',
    applicationsQuery(search),
  );
  const manage = can.manageInventory(user);
  const deletable = can.deleteApplications(user);
  const train = releases.data?.active.train;

  const askDelete = (a: Application) =>
    confirmAction({
      title: t('inventory.deleteTitle', { name: a.name }),
      message: t('inventory.deleteMessage', { name: a.name, customer: a.customerName }),
      confirmLabel: t('inventory.delete'),
      cancelLabel: t('actions.cancel'),
      danger: true,
      onConfirm: () =>
        remove.mutate(a.id, {
          onSuccess: () =>
            notifications.show({ color: 'teal', message: t('inventory.deleted', { name: a.name }) }),
          onError: (error) => showActionError(error, t),
        }),
    });

  return (
    <>
      <PageHeader
        title={t('inventory.title')}
        subtitle={
          train
            ? t('inventory.subtitleTrain', {
                n: `${train.n.version} (${train.n.sus.join(', ')})`,
                target: train.target,
              })
            : t('inventory.subtitle')
        }
        actions={
          <>
            <ResponsibilityLink area="disaster_recovery" />
            <Button
              component="a"
              href={exportHref(search)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              title={t('inventory.exportHint')}
            >
              {t('inventory.export')}
            </Button>
            {can.importApplications(user) && (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} />}
                onClick={() => setImportOpen(true)}
              >
                {t('inventory.import.open')}
              </Button>
            )}
            {manage && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => {
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {t('inventory.add')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <FilterBar key={generation} search={search} onChange={onChange} onClear={onClear} />
          <ListBody
            list={list}
            emptyTitle={t('inventory.empty')}
            emptyHint={
              hasFilters(search)
                ? t('list.tryAnotherSearch')
                : manage
                  ? t('inventory.emptyHintProvider')
                  : undefined
            }
            minWidth={manage ? 1000 : 940}
            label={t('inventory.title')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inventory.application')}</Table.Th>
                <Table.Th>{provider ? t('inventory.customerAndPartner') : t('fields.customer')}</Table.Th>
                <Table.Th>{t('inventory.version')}</Table.Th>
                <Table.Th>{t('inventory.compliance')}</Table.Th>
                <Table.Th>{t('inventory.nodes')}</Table.Th>
                <Table.Th>{t('inventory.dataCentres')}</Table.Th>
                <Table.Th>{t('inventory.ssoShort')}</Table.Th>
                {manage && <ActionsHeader />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((a) => (
                <ApplicationRow
                  key={a.id}
                  a={a}
                  showPartner={provider}
                  withActions={manage}
                  onEdit={
                    manage
                      ? () => {
                          setEditing(a);
                          setFormOpen(true);
                        }
                      : undefined
                  }
                  onDelete={deletable ? () => askDelete(a) : undefined}
                />
              ))}
            </Table.Tbody>
          </ListBody>
        </Paper>
      </Stack>
      {manage && (
        <ApplicationFormModal
          opened={formOpen}
          onClose={() => setFormOpen(false)}
          application={editing}
          defaultCustomerId={search.customerId}
        />
      )}
      {can.importApplications(user) && (
        <ImportCsvModal opened={importOpen} onClose={() => setImportOpen(false)} />
      )}
    </>
  );
}
