import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { NetworkActivity } from '../../api/types.ts';
import { useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { CustomerMultiPicker } from '../../components/entity-multi-picker.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { instantToWallTime, wallTimeToInstant } from '../../components/time.ts';
import { useSaveEntity } from '../../components/use-save-entity.ts';

const FIELDS = ['title', 'description', 'expectedAlarms', 'customerIds', 'startsAt', 'endsAt'] as const;

/** The next whole hour from now, plus `hours`, as a wall time in the zone. */
function nextHour(zone: string, hours: number): string {
  const d = new Date();
  d.setUTCMinutes(0, 0, 0);
  return instantToWallTime(new Date(d.getTime() + (hours + 1) * 3_600_000), zone);
}

/**
 * A partner announces planned work in its own network that may raise alarms on the platform.
 * `from` announces an earlier activity again: its words and customers are filled in, new times.
 */
export function NetworkActivityFormModal({
  opened,
  onClose,
  from,
}: {
  opened: boolean;
  onClose: () => void;
  from?: NetworkActivity | undefined;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [expectedAlarms, setExpectedAlarms] = useState('');
  const [customerIds, setCustomerIds] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const mutation = useSaveEntity({
    save: () =>
      api.post<NetworkActivity>('/network-activities', {
        title: title.trim(),
        description: description.trim(),
        ...(expectedAlarms.trim() ? { expectedAlarms: expectedAlarms.trim() } : {}),
        ...(customerIds.length ? { customerIds } : {}),
        startsAt: wallTimeToInstant(startsAt, zone),
        endsAt: wallTimeToInstant(endsAt, zone),
      }),
    listKey: 'network-activities',
    message: () => t('network.declared'),
    onClose,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setTitle(from?.title ?? '');
    setDescription(from?.description ?? '');
    setExpectedAlarms(from?.expectedAlarms ?? '');
    setCustomerIds(from ? [...from.customerIds] : []);
    setStartsAt(nextHour(zone, 0));
    setEndsAt(nextHour(zone, 2));
    setLocalErrors({});
    mutation.reset();
  }, [opened]);

  const server = useServerErrors(mutation.error, FIELDS);
  const submit = () => {
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = t('validation.required');
    if (!description.trim()) errors.description = t('validation.required');
    if (!wallTimeToInstant(startsAt, zone)) errors.startsAt = t('validation.required');
    if (!wallTimeToInstant(endsAt, zone)) errors.endsAt = t('validation.required');
    else if (startsAt && endsAt <= startsAt) errors.endsAt = t('validation.endBeforeStart');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate();
  };
  const err = (field: string) => localErrors[field] ?? server.field(field);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('network.declareTitle')}
      submitLabel={t('network.declare')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
      size="lg"
    >
      <TextInput
        label={t('network.titleField')}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={err('title')}
        data-autofocus
      />
      <Textarea
        label={t('network.description')}
        required
        autosize
        minRows={3}
        maxRows={10}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={err('description')}
      />
      <Textarea
        label={t('network.expectedAlarms')}
        description={t('network.expectedAlarmsHint')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        value={expectedAlarms}
        onChange={(e) => setExpectedAlarms(e.currentTarget.value)}
        error={err('expectedAlarms')}
      />
      <CustomerMultiPicker
        label={t('network.customers')}
        description={t('network.customersHint')}
        showRegion
        value={customerIds}
        onChange={setCustomerIds}
        error={err('customerIds')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateTimeField
          label={t('network.startsAt')}
          description={t('network.zoneHint', { zone })}
          required
          value={startsAt}
          onChange={setStartsAt}
          error={err('startsAt')}
        />
        <DateTimeField
          label={t('network.endsAt')}
          description={t('network.zoneHint', { zone })}
          required
          value={endsAt}
          onChange={setEndsAt}
          error={err('endsAt')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
