import { Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal } from '../../components/forms.tsx';
import { wallTimeToInstant } from '../../components/time.ts';
import { CustomerApplicationFields } from '../inventory/CustomerApplicationFields.tsx';
import { GeneralErrors, useFormErrors } from './form-errors.tsx';
import { useDeclareDrEvent } from './queries.ts';
import { DR_KINDS, type DrKind } from './types.ts';

const FIELDS = ['customerId', 'applicationId', 'kind', 'title', 'description', 'declaredAt'] as const;

/**
 * The provider declares a DR event on one application: customer, then one of its applications, the
 * kind of failure (which decides the target), what happened and, when it was earlier, since when.
 */
export function DeclareDrEventModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const declare = useDeclareDrEvent();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [kind, setKind] = useState<DrKind | ''>('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [declaredAt, setDeclaredAt] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setCustomerId(null);
    setApplicationId(null);
    setKind('');
    setTitle('');
    setDescription('');
    setDeclaredAt('');
    setLocalErrors({});
    declare.reset();
  }, [opened]);

  const server = useFormErrors('disasterRecovery', declare.error, FIELDS);
  const err = (field: string) => localErrors[field] ?? server.field(field);

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!customerId) errors.customerId = required;
    if (!applicationId) errors.applicationId = required;
    if (!kind) errors.kind = required;
    if (!description.trim()) errors.description = required;
    const at = declaredAt ? wallTimeToInstant(declaredAt, zone) : undefined;
    if (declaredAt && !at) errors.declaredAt = t('disasterRecovery.invalidTime');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !applicationId || !kind) return;
    declare.mutate(
      {
        applicationId,
        kind,
        description: description.trim(),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(at ? { declaredAt: at } : {}),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('disasterRecovery.declared', { number: saved.number }),
          });
          onClose();
          void navigate({ to: '/disaster-recovery/$eventId', params: { eventId: saved.id } });
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('disasterRecovery.declareTitle')}
      submitLabel={t('disasterRecovery.declare')}
      busy={declare.isPending}
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
          customerPlaceholder: t('disasterRecovery.customerPlaceholder'),
          applicationLabel: t('disasterRecovery.application'),
          applicationPlaceholder: t('disasterRecovery.applicationPlaceholder'),
          customerFirst: t('disasterRecovery.customerFirst'),
          noApplications: t('disasterRecovery.noApplications'),
        }}
        errors={{ customer: err('customerId'), application: err('applicationId') }}
      />
      <Radio.Group
        label={t('disasterRecovery.kind')}
        required
        value={kind}
        onChange={(v) => setKind(v as DrKind)}
        error={err('kind')}
      >
        <Stack gap="xs" mt={6}>
          {DR_KINDS.map((k) => (
            <Radio
              key={k}
              value={k}
              label={t(`disasterRecovery.kinds.${k}`)}
              description={t(`disasterRecovery.kindHints.${k}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label={t('disasterRecovery.titleField')}
        description={t('disasterRecovery.titleHint')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={err('title')}
        maxLength={200}
      />
      <Textarea
        label={t('disasterRecovery.description')}
        description={t('disasterRecovery.descriptionHint')}
        required
        autosize
        minRows={3}
        maxRows={10}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={err('description')}
        maxLength={5000}
      />
      <DateTimeField
        label={t('disasterRecovery.declaredAtLabel')}
        description={t('disasterRecovery.declaredAtHint', { zone })}
        value={declaredAt}
        onChange={setDeclaredAt}
        error={err('declaredAt')}
      />
    </FormModal>
  );
}
