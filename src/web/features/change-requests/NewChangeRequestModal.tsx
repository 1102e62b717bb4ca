import { Select, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal } from '../../components/forms.tsx';
import { wallTimeToInstant } from '../../components/time.ts';
import { CHANGE_REQUEST_KINDS, type ChangeRequestKind } from '../changes/types.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { useCreateChangeRequest } from './queries.ts';

const FIELDS = ['customerId', 'kind', 'title', 'description', 'preferredStart'] as const;

/**
 * The partner asks for a change on one of its customers (boundary devices, an integration, a
 * deactivation …); the provider reviews it with them and, once approved, schedules it.
 */
export function NewChangeRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const create = useCreateChangeRequest();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [kind, setKind] = useState<ChangeRequestKind | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [preferredStart, setPreferredStart] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setCustomerId(null);
    setKind(null);
    setTitle('');
    setDescription('');
    setPreferredStart('');
    setLocalErrors({});
    create.reset();
  }, [opened]);

  const server = useFormErrors('changeRequests', create.error, FIELDS);
  const err = (field: string) => localErrors[field] ?? server.field(field);

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!customerId) errors.customerId = required;
    if (!kind) errors.kind = required;
    if (!title.trim()) errors.title = required;
    if (!description.trim()) errors.description = required;
    const start = preferredStart ? wallTimeToInstant(preferredStart, zone) : undefined;
    if (preferredStart && !start) errors.preferredStart = t('changeRequests.invalidTime');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !customerId || !kind) return;
    create.mutate(
      {
        customerId,
        kind,
        title: title.trim(),
        description: description.trim(),
        ...(start ? { preferredStart: start } : {}),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('changeRequests.created', { reference: saved.reference }),
          });
          onClose();
          void navigate({ to: '/change-requests/$requestId', params: { requestId: saved.id } });
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('changeRequests.newTitle')}
      submitLabel={t('changeRequests.submit')}
      busy={create.isPending}
      error={null}
      onSubmit={submit}
      size="lg"
    >
      <GeneralErrors errors={server} />
      <CustomerPicker
        label={t('fields.customer')}
        placeholder={t('changeRequests.customerPlaceholder')}
        required
        activeOnly
        value={customerId}
        onChange={setCustomerId}
        error={err('customerId')}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <Select
        label={t('changeRequests.kind')}
        required
        allowDeselect={false}
        data={CHANGE_REQUEST_KINDS.map((k) => ({ value: k, label: t(`changeRequests.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v as ChangeRequestKind | null)}
        error={err('kind')}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('changeRequests.titleField')}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={err('title')}
      />
      <Textarea
        label={t('changeRequests.description')}
        description={t('changeRequests.descriptionHint')}
        required
        autosize
        minRows={4}
        maxRows={10}
        maxLength={5000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={err('description')}
      />
      <DateTimeField
        label={t('changeRequests.preferredStart')}
        description={t('changeRequests.preferredStartHint', { zone })}
        value={preferredStart}
        onChange={setPreferredStart}
        error={err('preferredStart')}
      />
    </FormModal>
  );
}
