import { Select, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/forms.tsx';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { CustomerApplicationFields } from '../inventory/CustomerApplicationFields.tsx';
import { useRequestCop } from './queries.ts';
import { COP_APPLICATION_KINDS, COP_PACKAGES, type CopPackage } from './types.ts';

const FIELDS = ['customerId', 'applicationId', 'package', 'fileName', 'reason'] as const;
export const EXAMPLE_FILE = 'cmterm-devicepack14.0.1.14111-1.cop.sha512';

/**
 * The partner asks the provider for a COP file on one of its customer's applications. Expressway
 * takes no COP files, so its applications are listed but cannot be chosen; the file name is checked
 * by the server (.cop, .cop.sgn, .cop.sha512) and its 422 lands on the field.
 */
export function RequestCopModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const request = useRequestCop();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [pkg, setPkg] = useState<CopPackage | null>(null);
  const [fileName, setFileName] = useState('');
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setCustomerId(null);
    setApplicationId(null);
    setPkg(null);
    setFileName('');
    setReason('');
    setLocalErrors({});
    request.reset();
  }, [opened]);

  const server = useFormErrors('copRequests', request.error, FIELDS);
  const err = (field: string) => localErrors[field] ?? server.field(field);

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!customerId) errors.customerId = required;
    if (!applicationId) errors.applicationId = required;
    if (!pkg) errors.package = required;
    if (!fileName.trim()) errors.fileName = required;
    if (!reason.trim()) errors.reason = required;
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !applicationId || !pkg) return;
    request.mutate(
      { applicationId, package: pkg, fileName: fileName.trim(), reason: reason.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('copRequests.requested', { number: saved.number }),
          });
          onClose();
          void navigate({ to: '/inventory/cop-requests/$requestId', params: { requestId: saved.id } });
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('copRequests.requestTitle')}
      submitLabel={t('copRequests.requestSubmit')}
      busy={request.isPending}
      error={null}
      onSubmit={submit}
      size="lg"
    >
      <GeneralErrors errors={server} />
      <CustomerApplicationFields
        enabled={opened}
        customerId={customerId}
        applicationId={applicationId}
        onCustomerChange={setCustomerId}
        onApplicationChange={setApplicationId}
        texts={{
          customerPlaceholder: t('copRequests.customerPlaceholder'),
          applicationLabel: t('copRequests.application'),
          applicationPlaceholder: t('copRequests.applicationPlaceholder'),
          customerFirst: t('copRequests.customerFirst'),
          noApplications: t('copRequests.noApplications'),
        }}
        errors={{ customer: err('customerId'), application: err('applicationId') }}
        option={(a, label) =>
          COP_APPLICATION_KINDS.includes(a.kind)
            ? { value: a.id, label }
            : { value: a.id, label: t('copRequests.noCopFiles', { label }), disabled: true }
        }
        describe={(apps) =>
          apps.some((a) => !COP_APPLICATION_KINDS.includes(a.kind))
            ? t('copRequests.expresswayNote')
            : undefined
        }
      />
      <Select
        label={t('copRequests.package')}
        required
        allowDeselect={false}
        data={COP_PACKAGES.map((p) => ({ value: p, label: t(`copRequests.packages.${p}`) }))}
        value={pkg}
        onChange={(v) => setPkg(v as CopPackage | null)}
        error={err('package')}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('copRequests.fileName')}
        description={t('copRequests.fileNameHint', { example: EXAMPLE_FILE })}
        placeholder={EXAMPLE_FILE}
        required
        spellCheck={false}
        autoComplete="off"
        maxLength={255}
        value={fileName}
        onChange={(e) => setFileName(e.currentTarget.value)}
        error={err('fileName')}
      />
      <Textarea
        label={t('copRequests.reason')}
        description={t('copRequests.reasonHint')}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={err('reason')}
      />
    </FormModal>
  );
}
