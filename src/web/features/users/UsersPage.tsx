import { ActionIcon, Button, Group, Menu, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type User } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useToggleActive } from '../../components/activation.tsx';
import { ActiveBadge, Instant, PageHeader, SearchInput } from '../../components/common.tsx';
import { IconDots, IconPlus } from '../../components/icons.tsx';
import { ListFooter } from '../../components/list-footer.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { usePartnerNames, usePartners } from '../partners/queries.ts';
import { UserFormModal } from './UserFormModal.tsx';

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = can.manageUsers(me);
  const showPartner = can.seePartners(me);
  const search = useSearch({ strict: false }) as { partnerId?: string };
  const navigate = useNavigate();
  const partners = usePartners(showPartner);
  const partnerNames = usePartnerNames(showPartner);
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
    active: status === 'all' ? undefined : status === 'active',
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
            <Select
              aria-label={t('fields.partner')}
              placeholder={t('filters.allPartners')}
              clearable
              data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={search.partnerId ?? null}
              onChange={(v) => void navigate({ to: '/users', search: v ? { partnerId: v } : {} })}
              w={{ base: '48%', sm: 220 }}
            />
          )}
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
          <EmptyState title={t('users.empty')} hint={q ? t('list.tryAnotherSearch') : undefined} />
        ) : (
          <>
            <TableScroll minWidth={720} label={t('users.title')}>
              <Table highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.role')}</Table.Th>
                    {showPartner && <Table.Th>{t('fields.partner')}</Table.Th>}
                    <Table.Th>{t('fields.lastLoginAt')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    {manage && (
                      <Table.Th>
                        <span className="visually-hidden">{t('list.actions')}</span>
                      </Table.Th>
                    )}
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
                          {u.partnerId ? (partnerNames.get(u.partnerId) ?? '—') : t('roles.providerOrg')}
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Instant value={u.lastLoginAt} size="xs" />
                      </Table.Td>
                      <Table.Td>
                        <ActiveBadge active={u.active} />
                      </Table.Td>
                      {manage && (
                        <Table.Td ta="right">
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <ActionIcon
                                variant="subtle"
                                color="gray.8"
                                aria-label={t('list.actionsFor', { name: u.name })}
                              >
                                <IconDots size={20} strokeWidth={3} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => open(u)}>{t('actions.edit')}</Menu.Item>
                              {u.id !== me.id && (
                                <Menu.Item
                                  color={u.active ? 'red.9' : undefined}
                                  onClick={() => toggle({ id: u.id, active: u.active, label: u.name })}
                                >
                                  {u.active ? t('actions.deactivate') : t('actions.reactivate')}
                                </Menu.Item>
                              )}
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
      {manage && <UserFormModal opened={formOpen} onClose={() => setFormOpen(false)} user={editing} />}
    </>
  );
}
