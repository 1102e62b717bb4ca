import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Contract } from '../../api/types.ts';
import { DateField } from '../../components/date-field.tsx';
import { CustomerPicker } from '../../components/entity-picker.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { useSaveEntity } from '../../components/use-save-entity.ts';

const FIELDS = ['customerId', 'number', 'startsOn', 'endsOn'] as const;

export function ContractFormModal({
  opened,
  onClose,
  contract,
  customerId: fixedCustomerId,
}: {
  opened: boolean;
  onClose: () => void;
  contract?: Contract;
  customerId?: string;
}) {
  const { t } = useTranslation();
  const editing = contract !== undefined;
  const pickCustomer = !editing && !fixedCustomerId;
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const mutation = useSaveEntity({
    save: () =>
      editing
        ? api.patch<Contract>(`/contracts/${contract.id}`, { startsOn, endsOn })
        : api.post<Contract>('/contracts', {
            customerId: fixedCustomerId ?? customerId,
            number: number.trim(),
            startsOn,
            endsOn,
          }),
    listKey: 'contracts',
    message: (saved) =>
      editing
        ? t('contracts.updated', { number: saved.number })
        : t('contracts.created', { number: saved.number }),
    onClose,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setCustomerId(null);
    setNumber(contract?.number ?? '');
    setStartsOn(contract?.startsOn ?? '');
    setEndsOn(contract?.endsOn ?? '');
    setLocalErrors({});
    mutation.reset();
  }, [opened, contract]);

  const server = useServerErrors(mutation.error, FIELDS);
  const submit = () => {
    const errors: Record<string, string> = {};
    if (pickCustomer && !customerId) errors.customerId = t('validation.required');
    if (!editing && !number.trim()) errors.number = t('validation.required');
    if (!startsOn) errors.startsOn = t('validation.required');
    if (!endsOn) errors.endsOn = t('validation.required');
    if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = t('validation.endBeforeStart');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate();
  };
  const err = (field: string) => localErrors[field] ?? server.field(field);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? t('contracts.editTitle', { number: contract.number }) : t('contracts.createTitle')}
      submitLabel={editing ? t('actions.save') : t('actions.create')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
    >
      {pickCustomer && (
        <CustomerPicker
          label={t('fields.customer')}
          required
          value={customerId}
          onChange={setCustomerId}
          error={err('customerId')}
        />
      )}
      {!editing && (
        <TextInput
          label={t('fields.contractNumber')}
          required
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={err('number')}
          description={t('contracts.numberHint')}
        />
      )}
      <DateField
        label={t('fields.startsOn')}
        required
        value={startsOn}
        onChange={setStartsOn}
        error={err('startsOn')}
      />
      <DateField
        label={t('fields.endsOn')}
        required
        value={endsOn}
        onChange={setEndsOn}
        error={err('endsOn')}
      />
    </FormModal>
  );
}
