import { Anchor, Button, Group, Paper, Table, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Partner } from '../../api/types.ts';
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
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { useSaveEntity } from '../../components/use-save-entity.ts';

function PartnerFormModal({
  opened,
  onClose,
  partner,
}: {
  opened: boolean;
  onClose: () => void;
  partner?: Partner;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const mutation = useSaveEntity({
    save: () =>
      partner
        ? api.patch<Partner>(`/partners/${partner.id}`, { name: name.trim() })
        : api.post<Partner>('/partners', { name: name.trim() }),
    listKey: 'partners',
    message: (saved) =>
      partner ? t('partners.updated', { name: saved.name }) : t('partners.created', { name: saved.name }),
    onClose,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setName(partner?.name ?? '');
    setLocalError(undefined);
    mutation.reset();
  }, [opened, partner]);
  const server = useServerErrors(mutation.error, ['name']);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={partner ? t('partners.editTitle') : t('partners.createTitle')}
      submitLabel={partner ? t('actions.save') : t('actions.create')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={() => {
        if (!name.trim()) return setLocalError(t('validation.required'));
        setLocalError(undefined);
        mutation.mutate();
      }}
    >
      <TextInput
        label={t('fields.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={localError ?? server.field('name')}
        data-autofocus
      />
    </FormModal>
  );
}

export default function PartnersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can.managePartners(user);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('active');
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Partner | undefined>();
  const toggle = useToggleActive('/partners', 'partners');
  const list = useCursorList<Partner>(['partners', 'list'], '/partners', {
    q,
    active: activeFilter(status),
  });
  const onSearch = useCallback((v: string) => setQ(v), []);
  const open = (p?: Partner) => {
    setEditing(p);
    setFormOpen(true);
  };

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        subtitle={t('partners.subtitle')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open()}>
              {t('partners.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="flex-end">
          <SearchInput value={q} onChange={onSearch} label={t('partners.search')} />
          <StatusFilter value={status} onChange={setStatus} w={{ base: '100%', xs: 170 }} />
        </Group>
        <ListBody
          list={list}
          emptyTitle={t('partners.empty')}
          emptyHint={q ? t('list.tryAnotherSearch') : undefined}
          minWidth={520}
          label={t('partners.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.createdAt')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              {manage && <ActionsHeader />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to="/users" search={{ partnerId: p.id } as never} fw={600}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Instant value={p.createdAt} />
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={p.active} />
                </Table.Td>
                {manage && (
                  <RowActions
                    name={p.name}
                    active={p.active}
                    onEdit={() => open(p)}
                    onToggle={() => toggle({ id: p.id, active: p.active, label: p.name })}
                  />
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      {manage && <PartnerFormModal opened={formOpen} onClose={() => setFormOpen(false)} partner={editing} />}
    </>
  );
}
