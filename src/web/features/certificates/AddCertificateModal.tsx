import { Alert, List, Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal } from '../../components/forms.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { wallTimeToInstant } from '../../components/time.ts';
import { CustomerApplicationFields } from '../inventory/CustomerApplicationFields.tsx';
import { errorText, splitErrors, type Translate } from './format.ts';
import { useAddCertificate } from './queries.ts';
import { CERTIFICATE_KINDS, type CertificateKind } from './types.ts';

const FIELDS = ['customerId', 'applicationId', 'kind', 'subject', 'expiresAt'] as const;

/**
 * Records a certificate of an application (provider roles): the customer first, then one of its
 * applications, the kind, the subject and the expiry as a wall time in the viewer's zone. The
 * server's rules come back as 422 errors and land on their fields.
 */
export function AddCertificateModal({
  opened,
  onClose,
  defaultCustomerId,
  defaultApplicationId,
}: {
  opened: boolean;
  onClose: () => void;
  defaultCustomerId?: string | undefined;
  defaultApplicationId?: string | undefined;
}) {
  const { t } = useTranslation();
  const tr: Translate = (key, options) => t(key, options);
  const zone = useTimeZone();
  const add = useAddCertificate();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [kind, setKind] = useState<CertificateKind | null>(null);
  const [subject, setSubject] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setCustomerId(defaultCustomerId ?? null);
    setApplicationId(defaultCustomerId ? (defaultApplicationId ?? null) : null);
    setKind(null);
    setSubject('');
    setExpiresAt('');
    setLocalErrors({});
    add.reset();
  }, [opened]);

  const problemErrors = isApiError(add.error) ? (add.error.problem.errors ?? []) : [];
  const server = splitErrors(problemErrors, FIELDS);
  const err = (field: string): string | undefined => {
    if (localErrors[field]) return localErrors[field];
    const found = server.byField[field];
    return found ? errorText(found, tr) : undefined;
  };
  const general = add.error && problemErrors.length === 0 ? add.error : null;

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!customerId) errors.customerId = required;
    if (!applicationId) errors.applicationId = required;
    if (!kind) errors.kind = required;
    if (!subject.trim()) errors.subject = required;
    const expiry = wallTimeToInstant(expiresAt, zone);
    if (!expiry) errors.expiresAt = required;
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !applicationId || !kind || !expiry) return;
    add.mutate(
      { applicationId, kind, subject: subject.trim(), expiresAt: expiry },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('certificates.add.added', {
              subject: saved.subject,
              application: saved.applicationName,
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('certificates.add.title')}
      submitLabel={t('certificates.add.submit')}
      busy={add.isPending}
      error={general}
      onSubmit={submit}
      size="lg"
    >
      {server.unmatched.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
          <List size="sm">
            {server.unmatched.map((e) => (
              <List.Item key={`${e.code}:${e.path ?? ''}:${e.message}`}>{errorText(e, tr)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <CustomerApplicationFields
        enabled={opened}
        customerId={customerId}
        applicationId={applicationId}
        onCustomerChange={setCustomerId}
        onApplicationChange={setApplicationId}
        texts={{
          customerPlaceholder: t('certificates.add.customerPlaceholder'),
          applicationLabel: t('certificates.application'),
          applicationPlaceholder: t('certificates.add.applicationPlaceholder'),
          customerFirst: t('certificates.add.customerFirst'),
          noApplications: t('certificates.add.noApplications'),
        }}
        errors={{ customer: err('customerId'), application: err('applicationId') }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('certificates.kind')}
          required
          allowDeselect={false}
          data={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certificates.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as CertificateKind | null)}
          error={err('kind')}
          comboboxProps={{ withinPortal: true }}
        />
        <DateTimeField
          label={t('certificates.expiresAt')}
          description={t('certificates.zoneHint', { zone })}
          required
          value={expiresAt}
          onChange={setExpiresAt}
          error={err('expiresAt')}
        />
      </SimpleGrid>
      <TextInput
        label={t('certificates.subject')}
        description={t('certificates.add.subjectHint')}
        placeholder="cucm-pub.example.com"
        required
        maxLength={255}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        error={err('subject')}
      />
    </FormModal>
  );
}
