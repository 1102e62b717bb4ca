import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Instant, useDocumentTitle } from '../../components/common.tsx';
import { IconCheck, IconCopy } from '../../components/icons.tsx';
import { TitledPanel } from '../../components/section.tsx';
import { ErrorState } from '../../components/states.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { CopStatusBadge } from './badges.tsx';
import { CloseRequestModal, MarkInstalledModal, RecordUploadModal } from './CopActionModals.tsx';
import { CopStepper } from './CopStepper.tsx';
import { useCopRequest } from './queries.ts';
import type { CopRequest } from './types.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** A value to paste elsewhere (an SFTP path, a checksum), with its copy button. */
function Copyable({ value, label, testId }: { value: string; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant="default"
            onClick={copy}
            aria-label={label}
            leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          >
            {copied ? t('copRequests.copied') : t('copRequests.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function UploadSection({ r }: { r: CopRequest }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const upload = r.upload;
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby="cop-upload-title"
    >
      <Stack gap="sm">
        <Title order={2} fz="lg" id="cop-upload-title">
          {t('copRequests.uploadSection')}
        </Title>
        {upload ? (
          <>
            <Field label={t('copRequests.sftpPath')}>
              <Copyable value={upload.sftpPath} label={t('copRequests.copyPath')} testId="cop-sftp-path" />
            </Field>
            <Field
              label={`${t('copRequests.checksum')} (${t(`copRequests.algorithms.${upload.checksumAlgorithm}`)})`}
            >
              <Copyable value={upload.checksum} label={t('copRequests.copyChecksum')} testId="cop-checksum" />
            </Field>
            {r.status === 'uploaded' && user.role !== 'customer_viewer' && (
              <Alert color="brand" variant="light" data-testid="cop-partner-duty">
                <Text size="sm">{t('copRequests.partnerDuty', { application: r.applicationName })}</Text>
              </Alert>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('copRequests.notUploaded')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

type Dialog = 'upload' | 'installed' | 'reject' | 'cancel' | null;

/** One COP request: its three steps, the SFTP path and checksum, and the moves open to the caller. */
export default function CopRequestDetailPage() {
  const { t } = useTranslation();
  const { requestId } = useParams({ strict: false }) as { requestId: string };
  const user = useCurrentUser();
  const query = useCopRequest(requestId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const r = query.data;
  useDocumentTitle(
    r ? t('copRequests.heading', { number: r.number, fileName: r.fileName }) : t('copRequests.title'),
  );

  if (query.isPending) {
    return (
      <Stack aria-busy="true" aria-label={t('states.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={120} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (query.isError || !r) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const upload = can.recordCopUploads(user) && r.status === 'requested';
  const reject = can.recordCopUploads(user) && r.status === 'requested';
  const install = can.markCopInstalled(user) && r.status === 'uploaded';
  const cancel = can.withdrawCopRequests(user) && (r.status === 'requested' || r.status === 'uploaded');
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/inventory/cop-requests" size="sm">
          {t('copRequests.title')}
        </Anchor>
        <Text size="sm">{t('copRequests.number', { number: r.number })}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={6}>
          <Group gap="xs">
            <CopStatusBadge status={r.status} />
          </Group>
          <Title order={1} fz={{ base: 20, sm: 26 }} style={{ wordBreak: 'break-all' }}>
            {t('copRequests.heading', { number: r.number, fileName: r.fileName })}
          </Title>
        </Stack>
        <Group gap="xs">
          <ResponsibilityLink area="patches" />
          {upload && <Button onClick={() => setDialog('upload')}>{t('copRequests.recordUpload')}</Button>}
          {install && (
            <Button onClick={() => setDialog('installed')}>{t('copRequests.markInstalled')}</Button>
          )}
          {reject && (
            <Button variant="outline" color="red.9" onClick={() => setDialog('reject')}>
              {t('copRequests.reject')}
            </Button>
          )}
          {cancel && (
            <Button variant="outline" color="red.9" onClick={() => setDialog('cancel')}>
              {t('copRequests.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      <TitledPanel title={t('copRequests.progress')} titleGap="md">
        <CopStepper request={r} />
        {r.closingReason && (r.status === 'rejected' || r.status === 'cancelled') && (
          <Alert
            mt="md"
            color={r.status === 'rejected' ? 'red' : 'gray'}
            variant="light"
            title={t(`copRequests.closed_${r.status}`)}
            data-testid="cop-closing-reason"
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {r.closingReason}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              <Instant value={r.updatedAt} size="xs" />
            </Text>
          </Alert>
        )}
      </TitledPanel>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t('fields.customer')}>
            {user.role === 'customer_viewer' ? (
              r.customerName
            ) : (
              <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm">
                {r.customerName}
              </Anchor>
            )}
          </Field>
          <Field label={t('copRequests.application')}>
            <Anchor component={Link} to={`/inventory/${r.applicationId}`} size="sm">
              {r.applicationName}
            </Anchor>
          </Field>
          <Field label={t('copRequests.package')}>{t(`copRequests.packages.${r.package}`)}</Field>
          <Field label={t('copRequests.requestedAt')}>
            <Instant value={r.createdAt} />
            <Text size="xs" c="dimmed">
              {t('copRequests.by', { who: r.requestedBy })}
            </Text>
          </Field>
        </SimpleGrid>
        <Stack gap={2} mt="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('copRequests.reason')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {r.reason}
          </Text>
        </Stack>
      </Paper>
      <UploadSection r={r} />
      {upload && <RecordUploadModal request={r} opened={dialog === 'upload'} onClose={close} />}
      {install && <MarkInstalledModal request={r} opened={dialog === 'installed'} onClose={close} />}
      {reject && <CloseRequestModal mode="reject" request={r} opened={dialog === 'reject'} onClose={close} />}
      {cancel && <CloseRequestModal mode="cancel" request={r} opened={dialog === 'cancel'} onClose={close} />}
    </Stack>
  );
}
