import { Anchor, Group, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { useToggleActive } from '../../components/activation.tsx';
import { ActiveBadge, CivilDate, SearchInput, ToneBadge } from '../../components/common.tsx';
import {
  ActionsHeader,
  activeFilter,
  ListBody,
  RowActions,
  StatusFilter,
} from '../../components/directory-list.tsx';
import { shortId } from '../../components/entity-name.tsx';
import { todayIn } from '../../components/time.ts';
import { useCursorList } from '../../components/use-cursor-list.ts';
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
  const toggle = useToggleActive('/contracts', 'contracts');
  const list = useCursorList<Contract>(['contracts', 'list'], '/contracts', {
    q,
    customerId,
    active: activeFilter(status),
  });
  const onSearch = useCallback((v: string) => setQ(v), []);

  return (
    <>
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput value={q} onChange={onSearch} label={t('contracts.search')} />
        <StatusFilter value={status} onChange={setStatus} w={{ base: '100%', xs: 170 }} />
      </Group>
      <ListBody
        list={list}
        emptyTitle={t('contracts.empty')}
        minWidth={600}
        label={t('contracts.title')}
        skeletonRows={4}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.contractNumber')}</Table.Th>
            {showCustomer && <Table.Th>{t('fields.customer')}</Table.Th>}
            <Table.Th>{t('fields.startsOn')}</Table.Th>
            <Table.Th>{t('fields.endsOn')}</Table.Th>
            <Table.Th>{t('contracts.validity')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            {manage && <ActionsHeader />}
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
                    {c.customerName || shortId(c.customerId)}
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
                <RowActions
                  name={c.number}
                  active={c.active}
                  onEdit={() => setEditing(c)}
                  onToggle={() => toggle({ id: c.id, active: c.active, label: c.number })}
                />
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ListBody>
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
