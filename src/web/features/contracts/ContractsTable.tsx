import { ActionIcon, Anchor, Group, Menu, Select, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { useToggleActive } from '../../components/activation.tsx';
import { ActiveBadge, CivilDate, SearchInput, ToneBadge } from '../../components/common.tsx';
import { IconDots } from '../../components/icons.tsx';
import { ListFooter } from '../../components/list-footer.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { todayIn } from '../../components/time.ts';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { useCustomerOptions } from '../customers/queries.ts';
import { ContractFormModal } from './ContractFormModal.tsx';

function Validity({ contract, today }: { contract: Contract; today: string }) {
  const { t } = useTranslation();
  if (contract.endsOn < today) return <ToneBadge tone="orange">{t('contracts.expired')}</ToneBadge>;
  if (contract.startsOn > today) return <ToneBadge tone="grape">{t('contracts.upcoming')}</ToneBadge>;
  return <ToneBadge tone="teal">{t('contracts.current')}</ToneBadge>;
}

/** Contracts in scope, optionally of one customer; edit and deactivate for the provider admin. */
export function ContractsTable({ customerId }: { customerId?: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const today = todayIn(zone);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('active');
  const [editing, setEditing] = useState<Contract | undefined>(undefined);
  const manage = can.manageContracts(user);
  const showCustomer = !customerId;
  const customers = useCustomerOptions(showCustomer);
  const names = new Map((customers.data?.items ?? []).map((c) => [c.id, c.name]));
  const toggle = useToggleActive('/contracts', 'contracts');
  const list = useCursorList<Contract>(['contracts', 'list'], '/contracts', {
    q,
    customerId,
    active: status === 'all' ? undefined : status === 'active',
  });
  const onSearch = useCallback((v: string) => setQ(v), []);

  return (
    <>
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput value={q} onChange={onSearch} label={t('contracts.search')} />
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
          w={{ base: '100%', xs: 170 }}
        />
      </Group>
      {list.isPending ? (
        <ListSkeleton rows={4} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('contracts.empty')} />
      ) : (
        <>
          <TableScroll minWidth={600} label={t('contracts.title')}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.contractNumber')}</Table.Th>
                  {showCustomer && <Table.Th>{t('fields.customer')}</Table.Th>}
                  <Table.Th>{t('fields.startsOn')}</Table.Th>
                  <Table.Th>{t('fields.endsOn')}</Table.Th>
                  <Table.Th>{t('contracts.validity')}</Table.Th>
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
                    <Table.Td fw={600} ff="monospace">
                      {c.number}
                    </Table.Td>
                    {showCustomer && (
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${c.customerId}`}>
                          {names.get(c.customerId) ?? '—'}
                        </Anchor>
                      </Table.Td>
                    )}
                    <Table.Td>
                      <CivilDate value={c.startsOn} />
                    </Table.Td>
                    <Table.Td>
                      <CivilDate value={c.endsOn} />
                    </Table.Td>
                    <Table.Td>
                      <Validity contract={c} today={today} />
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={c.active} />
                    </Table.Td>
                    {manage && (
                      <Table.Td ta="right">
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray.8"
                              aria-label={t('list.actionsFor', { name: c.number })}
                            >
                              <IconDots size={20} strokeWidth={3} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setEditing(c)}>{t('actions.edit')}</Menu.Item>
                            <Menu.Item
                              color={c.active ? 'red.9' : undefined}
                              onClick={() => toggle({ id: c.id, active: c.active, label: c.number })}
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
      {manage && (
        <ContractFormModal
          opened={editing !== undefined}
          onClose={() => setEditing(undefined)}
          contract={editing}
        />
      )}
    </>
  );
}
