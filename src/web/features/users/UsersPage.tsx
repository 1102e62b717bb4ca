import { Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type User } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useToggleActive } from '../../components/activation.tsx';
import { ActiveBadge, Instant, PageHeader, SearchInput } from '../../components/common.tsx';
import {
  ActionsHeader,
  activeFilter,
  ListBody,
  RowActions,
  StatusFilter,
} from '../../components/directory-list.tsx';
import { PartnerName } from '../../components/entity-name.tsx';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { UserFormModal } from './UserFormModal.tsx';

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = can.manageUsers(me);
  const showPartner = can.seePartners(me);
  const search = useSearch({ strict: false }) as { partnerId?: string };
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState('active');
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<User | undefined>();
  const toggle = useToggleActive('/users', 'users');
  const list = useCursorList<User>(['users', 'list'], '/users', {
    q,
    role,
    partnerId: search.partnerId,
    active: activeFilter(status),
  });
  const onSearch = useCallback((v: string) => setQ(v), []);
  const open = (u?: User) => {
    setEditing(u);
    setFormOpen(true);
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open()}>
              {t('users.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="flex-end">
          <SearchInput value={q} onChange={onSearch} label={t('users.search')} />
          <Select
            aria-label={t('fields.role')}
            placeholder={t('filters.allRoles')}
            clearable
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={setRole}
            w={{ base: '48%', sm: 200 }}
          />
          {showPartner && (
            <PartnerPicker
              aria-label={t('fields.partner')}
              placeholder={t('filters.allPartners')}
              clearable
              includeInactive
              value={search.partnerId ?? null}
              onChange={(v) => void navigate({ to: '/users', search: v ? { partnerId: v } : {} })}
              w={{ base: '48%', sm: 220 }}
            />
          )}
          <StatusFilter value={status} onChange={setStatus} w={{ base: '48%', sm: 170 }} />
        </Group>
        <ListBody
          list={list}
          emptyTitle={t('users.empty')}
          emptyHint={q ? t('list.tryAnotherSearch') : undefined}
          minWidth={720}
          label={t('users.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.role')}</Table.Th>
              {showPartner && <Table.Th>{t('fields.partner')}</Table.Th>}
              <Table.Th>{t('fields.lastLoginAt')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              {manage && <ActionsHeader />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {u.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.email}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                {showPartner && (
                  <Table.Td>
                    {u.partnerId ? <PartnerName id={u.partnerId} /> : t('roles.providerOrg')}
                  </Table.Td>
                )}
                <Table.Td>
                  <Instant value={u.lastLoginAt} size="xs" />
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={u.active} />
                </Table.Td>
                {manage && (
                  <RowActions
                    name={u.name}
                    active={u.active}
                    onEdit={() => open(u)}
                    onToggle={
                      u.id !== me.id ? () => toggle({ id: u.id, active: u.active, label: u.name }) : undefined
                    }
                  />
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      {manage && <UserFormModal opened={formOpen} onClose={() => setFormOpen(false)} user={editing} />}
    </>
  );
}
