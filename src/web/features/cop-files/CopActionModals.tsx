import { Select, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { showDone } from '../../components/feedback.ts';
import { FormModal } from '../../components/forms.tsx';
import { ReasonModal } from '../../components/reason-modal.tsx';
import { wallTimeToInstant } from '../../components/time.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { useCancelCop, useMarkInstalled, useRecordUpload, useRejectCop } from './queries.ts';
import { CHECKSUM_ALGORITHMS, CHECKSUM_LENGTH, type ChecksumAlgorithm, type CopRequest } from './types.ts';

interface ModalProps {
  request: CopRequest;
  opened: boolean;
  onClose: () => void;
}

const UPLOAD_FIELDS = ['fileName', 'sftpPath', 'checksumAlgorithm', 'checksum'] as const;

/**
 * The provider has put the file on the instance's SFTP server: which file (the requested name unless
 * another was uploaded), where, and its checksum so the partner can verify the download.
 */
export function RecordUploadModal({ request, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const upload = useRecordUpload(request.id);
  const [fileName, setFileName] = useState(request.fileName);
  const [sftpPath, setSftpPath] = useState('');
  const [algorithm, setAlgorithm] = useState<ChecksumAlgorithm>('sha256');
  const [checksum, setChecksum] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setFileName(request.fileName);
    setSftpPath('');
    setAlgorithm('sha256');
    setChecksum('');
    setLocalErrors({});
    upload.reset();
  }, [opened]);

  const server = useFormErrors('copRequests', upload.error, UPLOAD_FIELDS);
  // The schema's length rules on the checksum read better as the checksum rule.
  const checksumError = () => {
    const found = server.field('checksum');
    if (!found || !upload.error) return found;
    return t('copRequests.errors.checksum_format');
  };
  const err = (field: string) =>
    localErrors[field] ?? (field === 'checksum' ? checksumError() : server.field(field));

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!fileName.trim()) errors.fileName = required;
    if (!sftpPath.trim()) errors.sftpPath = required;
    if (!checksum.trim()) errors.checksum = required;
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const name = fileName.trim();
    upload.mutate(
      {
        ...(name !== request.fileName ? { fileName: name } : {}),
        sftpPath: sftpPath.trim(),
        checksumAlgorithm: algorithm,
        checksum: checksum.trim(),
      },
      {
        onSuccess: (saved) => {
          showDone(t('copRequests.uploadDone', { number: saved.number }));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('copRequests.uploadTitle', { number: request.number })}
      submitLabel={t('copRequests.recordUpload')}
      busy={upload.isPending}
      error={null}
      onSubmit={submit}
      size="lg"
    >
      <Text size="sm">{t('copRequests.uploadText')}</Text>
      <GeneralErrors errors={server} />
      <TextInput
        label={t('copRequests.fileName')}
        description={t('copRequests.fileNameUploadHint')}
        required
        spellCheck={false}
        autoComplete="off"
        maxLength={255}
        value={fileName}
        onChange={(e) => setFileName(e.currentTarget.value)}
        error={err('fileName')}
      />
      <TextInput
        label={t('copRequests.sftpPath')}
        description={t('copRequests.sftpPathHint')}
        placeholder={`/upload/cop/${fileName.trim() || request.fileName}`}
        required
        spellCheck={false}
        autoComplete="off"
        maxLength={500}
        value={sftpPath}
        onChange={(e) => setSftpPath(e.currentTarget.value)}
        error={err('sftpPath')}
        data-autofocus
      />
      <Select
        label={t('copRequests.checksumAlgorithm')}
        required
        allowDeselect={false}
        data={CHECKSUM_ALGORITHMS.map((a) => ({ value: a, label: t(`copRequests.algorithms.${a}`) }))}
        value={algorithm}
        onChange={(v) => v && setAlgorithm(v as ChecksumAlgorithm)}
        error={err('checksumAlgorithm')}
        comboboxProps={{ withinPortal: true }}
        w={{ base: '100%', sm: 220 }}
      />
      <TextInput
        label={t('copRequests.checksum')}
        description={t('copRequests.checksumHint', { count: CHECKSUM_LENGTH[algorithm] })}
        required
        spellCheck={false}
        autoComplete="off"
        maxLength={128}
        value={checksum}
        onChange={(e) => setChecksum(e.currentTarget.value)}
        error={err('checksum')}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
    </FormModal>
  );
}

/** The partner installed the uploaded file: final, so the dialog asks and says what it means. */
export function MarkInstalledModal({ request, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const installed = useMarkInstalled(request.id);
  const [installedAt, setInstalledAt] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setInstalledAt('');
    setLocalError(undefined);
    installed.reset();
  }, [opened]);

  const server = useFormErrors('copRequests', installed.error, ['installedAt']);
  const submit = () => {
    const at = installedAt ? wallTimeToInstant(installedAt, zone) : undefined;
    if (installedAt && !at) {
      setLocalError(t('copRequests.invalidTime'));
      return;
    }
    setLocalError(undefined);
    installed.mutate(at ? { installedAt: at } : {}, {
      onSuccess: (saved) => {
        showDone(t('copRequests.installedDone', { number: saved.number }));
        onClose();
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('copRequests.installedTitle', { number: request.number })}
      submitLabel={t('copRequests.markInstalled')}
      busy={installed.isPending}
      error={null}
      onSubmit={submit}
    >
      <Text size="sm">
        {t('copRequests.installedText', {
          fileName: request.fileName,
          application: request.applicationName,
        })}
      </Text>
      <GeneralErrors errors={server} />
      <DateTimeField
        label={t('copRequests.installedAtLabel')}
        description={t('copRequests.installedAtHint', { zone })}
        value={installedAt}
        onChange={setInstalledAt}
        error={localError ?? server.field('installedAt')}
        data-autofocus
      />
    </FormModal>
  );
}

/** Turn down (provider) or withdraw (either side): final, with the reason the other side reads. */
export function CloseRequestModal({
  request,
  opened,
  onClose,
  mode,
}: ModalProps & { mode: 'reject' | 'cancel' }) {
  const { t } = useTranslation();
  const reject = useRejectCop(request.id);
  const cancel = useCancelCop(request.id);
  const mutation = mode === 'reject' ? reject : cancel;
  const server = useFormErrors('copRequests', mutation.error, ['reason']);
  const confirm = (reason: string) =>
    mutation.mutate(
      { reason },
      {
        onSuccess: (saved) => {
          showDone(t(`copRequests.${mode}Done`, { number: saved.number }));
          onClose();
        },
      },
    );

  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title={t(`copRequests.${mode}Title`, { number: request.number })}
      submitLabel={t(`copRequests.${mode}`)}
      busy={mutation.isPending}
      label={t('copRequests.closingReasonLabel')}
      error={server.field('reason')}
      resets={[reject.reset, cancel.reset]}
      onConfirm={confirm}
    >
      <Text size="sm">{t(`copRequests.${mode}Text`)}</Text>
      <GeneralErrors errors={server} />
    </ReasonModal>
  );
}
