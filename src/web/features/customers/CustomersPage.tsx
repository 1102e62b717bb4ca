import { Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Customer, REGIONS } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useToggleActive } from '../../components/activation.tsx';
import { ActiveBadge, PageHeader, SearchInput } from '../../components/common.tsx';
import {
  ActionsHeader,
  activeFilter,
  ListBody,
  RowActions,
  StatusFilter,
} from '../../components/directory-list.tsx';
import { PartnerName } from '../../components/entity-name.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
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
  const manage = can.manageCustomers(user);
  const toggle = useToggleActive('/customers', 'customers');
  const list = useCursorList<Customer>(['customers', 'list'], '/customers', {
    q,
    region,
    active: activeFilter(status),
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
          <StatusFilter value={status} onChange={setStatus} w={{ base: '48%', sm: 170 }} />
        </Group>
        <ListBody
          list={list}
          emptyTitle={t('customers.empty')}
          emptyHint={q ? t('list.tryAnotherSearch') : undefined}
          minWidth={560}
          label={t('customers.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.region')}</Table.Th>
              {showPartner && <Table.Th>{t('fields.partner')}</Table.Th>}
              <Table.Th>{t('fields.status')}</Table.Th>
              {manage && <ActionsHeader />}
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
                {showPartner && (
                  <Table.Td>
                    <PartnerName id={c.partnerId} />
                  </Table.Td>
                )}
                <Table.Td>
                  <ActiveBadge active={c.active} />
                </Table.Td>
                {manage && (
                  <RowActions
                    name={c.name}
                    active={c.active}
                    onEdit={() => open(c)}
                    onToggle={() => toggle({ id: c.id, active: c.active, label: c.name })}
                  />
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
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
