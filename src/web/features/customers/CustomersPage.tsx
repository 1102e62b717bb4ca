import { ActionIcon, Anchor, Button, Group, Menu, Paper, Select, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Customer, REGIONS } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useToggleActive } from '../../components/activation.tsx';
import { ActiveBadge, PageHeader, SearchInput } from '../../components/common.tsx';
import { IconDots, IconPlus } from '../../components/icons.tsx';
import { ListFooter } from '../../components/list-footer.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { usePartnerNames } from '../partners/queries.ts';
import { CustomerFormModal } from './CustomerFormModal.tsx';

export function CustomersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [q, setQ] = useState('');
  const [region, setRegion] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('active');
  const [editing, setEditing] = useState<Customer | undefined>(undefined);
  const [formOpen, setFormOpen] = useState(false);
  const showPartner = can.seePartners(user);
  const partnerNames = usePartnerNames(showPartner);
  const manage = can.manageCustomers(user);
  const toggle = useToggleActive('/customers', 'customers');
  const list = useCursorList<Customer>(['customers', 'list'], '/customers', {
    q,
    region,
    active: status === 'all' ? undefined : status === 'active',
  });
  const onSearch = useCallback((v: string) => setQ(v), []);

  const open = (customer?: Customer) => {
    setEditing(customer);
    setFormOpen(true);
  };

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.subtitle')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open()}>
              {t('customers.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="flex-end">
          <SearchInput value={q} onChange={onSearch} label={t('customers.search')} />
          <Select
            aria-label={t('fields.region')}
            placeholder={t('filters.allRegions')}
            clearable
            data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
            value={region}
            onChange={setRegion}
            w={{ base: '48%', sm: 180 }}
          />
          <Select
            aria-label={t('fields.status')}
            data={[
              { value: 'active', label: t('filters.activeOnly') },
              { value: 'inactive', label: t('filters.inactiveOnly') },
              { value: 'all', label: t('filters.all') },
            ]}
            value={status}
            onChange={(v) => setStatus(v ?? 'active')}
            allowDeselect={false}
            w={{ base: '48%', sm: 170 }}
          />
        </Group>
        {list.isPending ? (
          <ListSkeleton />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('customers.empty')} hint={q ? t('list.tryAnotherSearch') : undefined} />
        ) : (
          <>
            <TableScroll minWidth={560} label={t('customers.title')}>
              <Table highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.region')}</Table.Th>
                    {showPartner && <Table.Th>{t('fields.partner')}</Table.Th>}
                    <Table.Th>{t('fields.status')}</Table.Th>
                    {manage && (
                      <Table.Th>
                        <span className="visually-hidden">{t('list.actions')}</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${c.id}`} fw={600}>
                          {c.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`regions.${c.region}`)}</Table.Td>
                      {showPartner && <Table.Td>{partnerNames.get(c.partnerId) ?? '—'}</Table.Td>}
                      <Table.Td>
                        <ActiveBadge active={c.active} />
                      </Table.Td>
                      {manage && (
                        <Table.Td ta="right">
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon
                                variant="subtle"
                                color="gray.8"
                                aria-label={t('list.actionsFor', { name: c.name })}
                              >
                                <IconDots size={20} strokeWidth={3} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => open(c)}>{t('actions.edit')}</Menu.Item>
                              <Menu.Item
                                color={c.active ? 'red.9' : undefined}
                                onClick={() => toggle({ id: c.id, active: c.active, label: c.name })}
                              >
                                {c.active ? t('actions.deactivate') : t('actions.reactivate')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <ListFooter
              shown={list.items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </Paper>
      {manage && (
        <CustomerFormModal
          opened={formOpen}
          onClose={() => setFormOpen(false)}
          customer={editing}
          fixedPartnerId={user.role === 'partner_admin' ? user.partnerId : null}
        />
      )}
      {!manage && list.items.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('customers.readOnlyHint')}
        </Text>
      )}
    </>
  );
}
