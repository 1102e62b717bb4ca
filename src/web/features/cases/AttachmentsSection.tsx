import { Alert, Anchor, Button, FileButton, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import { Instant } from '../../components/common.tsx';
import { showDone } from '../../components/feedback.ts';
import { IconAlert, IconPaperclip, IconUpload } from '../../components/icons.tsx';
import { FormError } from '../../components/states.tsx';
import { formatBytes } from './format.ts';
import type { Attachment, CaseDetail } from './types.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The file types the server takes (by extension); it checks the content too. */
const ACCEPT = '.txt,.log,.cfg,.conf,.csv,.json,.har,.pdf,.png,.jpg,.jpeg,.zip,.gz,.tgz,.pcap,.pcapng,.cap';

class TooLarge extends Error {}

function useUpload(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      if (file.size > MAX_ATTACHMENT_BYTES) throw new TooLarge(file.name);
      return api.upload<Attachment>(
        `/cases/${caseId}/attachments`,
        { fileName: file.name },
        file,
        file.type || 'application/octet-stream',
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** Why an upload was refused: each of the server's reasons (name, type, content), or the size. */
function UploadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (error instanceof TooLarge) return <FormError error={t('cases.tooLarge', { name: error.message })} />;
  const reasons = isApiError(error) ? (error.problem.errors ?? []) : [];
  if (reasons.length === 0) return <FormError error={error} />;
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert" title={t('cases.uploadRefused')}>
      <List size="sm">
        {reasons.map((r) => (
          <List.Item key={`${r.code}-${r.path}`}>
            {t(`errors.${r.code}`, { defaultValue: r.message })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function AttachmentItem({ caseId, a }: { caseId: string; a: Attachment }) {
  const { t } = useTranslation();
  return (
    <List.Item icon={<IconPaperclip size={16} />}>
      <Anchor
        href={`/api/v1/cases/${caseId}/attachments/${a.id}`}
        download={a.fileName}
        size="sm"
        fw={600}
        aria-label={t('cases.download', { name: a.fileName })}
        style={{ wordBreak: 'break-all' }}
      >
        {a.fileName}
      </Anchor>{' '}
      <Text span size="xs" c="dimmed">
        ({formatBytes(a.size)}) · {a.uploadedBy} · <Instant value={a.uploadedAt} size="xs" />
      </Text>
    </List.Item>
  );
}

/** Files on the case: download links, and an upload button for those who may attach. */
export function AttachmentsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const upload = useUpload(c.id);
  const [uploading, setUploading] = useState<string | null>(null);
  const canAttach = c.allowedActions.includes('attach');
  const send = (file: File | null) => {
    if (!file) return;
    setUploading(file.name);
    upload.mutate(file, {
      onSuccess: (a) => showDone(t('cases.attached', { name: a.fileName })),
      onSettled: () => setUploading(null),
    });
  };
  return (
    <Stack gap="sm">
      {c.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.noAttachments')}
        </Text>
      ) : (
        <List spacing={4} data-testid="attachments">
          {c.attachments.map((a) => (
            <AttachmentItem key={a.id} caseId={c.id} a={a} />
          ))}
        </List>
      )}
      {uploading && (
        <Stack gap={4} aria-live="polite">
          <Text size="xs">{t('cases.uploading', { name: uploading })}</Text>
          <Progress value={100} animated striped aria-label={t('cases.uploading', { name: uploading })} />
        </Stack>
      )}
      {upload.error ? <UploadError error={upload.error} /> : null}
      {canAttach && (
        <Group>
          <FileButton onChange={send} accept={ACCEPT}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} />}
                loading={upload.isPending}
              >
                {t('cases.attach')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('cases.attachHint')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
