import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ApiToken } from '../../api/types.ts';
import { confirmAction, Instant, ToneBadge } from '../../components/common.tsx';
import { useServerErrors } from '../../components/forms.tsx';
import { IconCheck, IconCopy } from '../../components/icons.tsx';
import { Section } from '../../components/section.tsx';
import { EmptyState, ErrorState, FormError, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(true);
  const [days, setDays] = useState<number | string>(90);
  const [created, setCreated] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      api.post<{ token: string; apiToken: ApiToken }>('/auth/tokens', {
        name: name.trim(),
        readOnly,
        ...(typeof days === 'number' && days > 0 ? { expiresInDays: days } : {}),
      }),
    onSuccess: (result) => {
      setCreated(result.token);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const server = useServerErrors(mutation.error, ['name', 'expiresInDays']);
  const close = () => {
    setName('');
    setReadOnly(true);
    setDays(90);
    setCreated(null);
    mutation.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) mutation.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('tokens.createTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" title={t('tokens.shownOnce')}>
            {t('tokens.shownOnceHint')}
          </Alert>
          <Code block data-testid="new-token" style={{ wordBreak: 'break-all' }}>
            {created}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={close}>
              {t('actions.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {server.general ? <FormError error={server.general} /> : null}
            <TextInput
              label={t('fields.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={server.field('name')}
              data-autofocus
            />
            <NumberInput
              label={t('tokens.expiresInDays')}
              description={t('tokens.expiresHint')}
              min={1}
              max={730}
              value={days}
              onChange={setDays}
              error={server.field('expiresInDays')}
            />
            <Checkbox
              label={t('tokens.readOnly')}
              checked={readOnly}
              onChange={(e) => setReadOnly(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending} disabled={!name.trim()}>
                {t('actions.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function ApiTokensSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: () => api.get<{ items: ApiToken[] }>('/auth/tokens'),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/auth/tokens/${id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
      notifications.show({ color: 'teal', message: t('tokens.revoked') });
    },
  });
  const status = (tok: ApiToken) => {
    if (tok.revokedAt)
      return (
        <Badge color="gray.7" variant="outline">
          {t('tokens.statusRevoked')}
        </Badge>
      );
    if (tok.expiresAt && tok.expiresAt < new Date().toISOString())
      return <ToneBadge tone="orange">{t('tokens.statusExpired')}</ToneBadge>;
    return <ToneBadge tone="teal">{t('status.active')}</ToneBadge>;
  };
  return (
    <Section title={t('tokens.title')} description={t('tokens.description')}>
      <Group>
        <Button onClick={() => setOpen(true)}>{t('tokens.new')}</Button>
      </Group>
      {revoke.error ? <FormError error={revoke.error} /> : null}
      {tokens.isPending ? (
        <ListSkeleton rows={2} />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title={t('tokens.empty')} />
      ) : (
        <TableScroll minWidth={640} label={t('tokens.title')}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('tokens.prefix')}</Table.Th>
                <Table.Th>{t('tokens.access')}</Table.Th>
                <Table.Th>{t('tokens.expires')}</Table.Th>
                <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('list.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((tok) => (
                <Table.Tr key={tok.id}>
                  <Table.Td fw={600}>{tok.name}</Table.Td>
                  <Table.Td>
                    <Code>{tok.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{tok.readOnly ? t('tokens.readOnlyShort') : t('tokens.readWrite')}</Table.Td>
                  <Table.Td>
                    {tok.expiresAt ? (
                      <Instant value={tok.expiresAt} size="xs" />
                    ) : (
                      <Text size="xs">{t('tokens.never')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Instant value={tok.lastUsedAt} size="xs" />
                  </Table.Td>
                  <Table.Td>{status(tok)}</Table.Td>
                  <Table.Td ta="right">
                    {!tok.revokedAt && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red.9"
                        onClick={() =>
                          confirmAction({
                            title: t('tokens.revokeTitle'),
                            message: t('tokens.revokeMessage', { name: tok.name }),
                            confirmLabel: t('tokens.revoke'),
                            cancelLabel: t('actions.cancel'),
                            danger: true,
                            onConfirm: () => revoke.mutate(tok.id),
                          })
                        }
                      >
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <CreateTokenModal opened={open} onClose={() => setOpen(false)} />
    </Section>
  );
}
