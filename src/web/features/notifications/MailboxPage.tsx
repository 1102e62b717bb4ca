import {
  Button,
  Code,
  Modal,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Mail, MailSummary } from '../../api/types.ts';
import { useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { IconRefresh } from '../../components/icons.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';

/** One kept e-mail: the HTML in a sandboxed frame (no scripts, no same-origin), or the text. */
function MessageModal({ mailId, onClose }: { mailId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const small = useMediaQuery('(max-width: 36em)');
  const [format, setFormat] = useState<'html' | 'text'>('html');
  const mail = useQuery({
    queryKey: ['mailbox', 'one', mailId],
    queryFn: () => api.get<Mail>(`/mailbox/${mailId}`),
    enabled: mailId !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const m = mail.data;
  return (
    <Modal
      opened={mailId !== null}
      onClose={onClose}
      title={m?.subject ?? t('mailbox.subject')}
      size="xl"
      fullScreen={small ?? false}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      {mail.isPending ? (
        <Stack>
          <Skeleton height={20} width="60%" />
          <Skeleton height={300} />
        </Stack>
      ) : mail.isError ? (
        <ErrorState error={mail.error} onRetry={() => void mail.refetch()} />
      ) : m ? (
        <Stack gap="sm">
          <Stack gap={2}>
            <Text size="sm">
              <Text span fw={600}>
                {t('mailbox.recipient')}:
              </Text>{' '}
              {m.recipient}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {t('mailbox.received')}:
              </Text>{' '}
              <Instant value={m.receivedAt} />
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {t('mailbox.messageId')}: <Code>{m.messageId}</Code>
            </Text>
          </Stack>
          <SegmentedControl
            aria-label={t('mailbox.format')}
            value={format}
            onChange={(v) => setFormat(v as 'html' | 'text')}
            data={[
              { value: 'html', label: t('mailbox.html') },
              { value: 'text', label: t('mailbox.text') },
            ]}
            w="fit-content"
          />
          {format === 'html' ? (
            <iframe
              sandbox=""
              srcDoc={m.html}
              title={t('mailbox.htmlFrame')}
              data-testid="mail-html"
              style={{
                width: '100%',
                height: small ? '70vh' : 520,
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 6,
                background: '#fff',
              }}
            />
          ) : (
            <pre className="json-block" data-testid="mail-text" style={{ maxHeight: 520, fontSize: 13 }}>
              {m.text}
            </pre>
          )}
        </Stack>
      ) : null}
    </Modal>
  );
}

export default function MailboxPage() {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useCursorList<MailSummary>(['mailbox', 'list'], '/mailbox', {}, true, 5_000);

  return (
    <>
      <PageHeader
        title={t('mailbox.title')}
        subtitle={t('mailbox.subtitle', { zone })}
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={list.isRefetching && !list.isFetchingNextPage}
            onClick={() => void list.refetch()}
          >
            {t('mailbox.refresh')}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <ListBody
          list={list}
          emptyTitle={t('mailbox.empty')}
          emptyHint={t('mailbox.emptyHint')}
          minWidth={640}
          label={t('mailbox.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mailbox.received')}</Table.Th>
              <Table.Th>{t('mailbox.recipient')}</Table.Th>
              <Table.Th>{t('mailbox.subject')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Instant value={m.receivedAt} size="xs" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {m.recipient}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => setOpenId(m.id)}
                    aria-label={t('mailbox.openMessage', { subject: m.subject })}
                    className="link-button"
                  >
                    {m.subject}
                  </UnstyledButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      <MessageModal mailId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
