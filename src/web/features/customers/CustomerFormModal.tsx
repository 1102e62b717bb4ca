import { Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { type Customer, REGIONS, type Region } from '../../api/types.ts';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { useSaveEntity } from '../../components/use-save-entity.ts';

const FIELDS = ['name', 'region', 'partnerId'] as const;

/** Create (customer undefined) or edit a customer. `fixedPartnerId` skips the partner picker. */
export function CustomerFormModal({
  opened,
  onClose,
  customer,
  fixedPartnerId,
}: {
  opened: boolean;
  onClose: () => void;
  customer?: Customer;
  fixedPartnerId?: string | null;
}) {
  const { t } = useTranslation();
  const editing = customer !== undefined;
  const pickPartner = !editing && !fixedPartnerId;
  const [name, setName] = useState('');
  const [region, setRegion] = useState<Region | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const mutation = useSaveEntity({
    save: () =>
      editing
        ? api.patch<Customer>(`/customers/${customer.id}`, { name: name.trim(), region })
        : api.post<Customer>(`/partners/${fixedPartnerId ?? partnerId}/customers`, {
            name: name.trim(),
            region,
          }),
    listKey: 'customers',
    message: (saved) =>
      editing ? t('customers.updated', { name: saved.name }) : t('customers.created', { name: saved.name }),
    onClose,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setName(customer?.name ?? '');
    setRegion(customer?.region ?? null);
    setPartnerId(null);
    setLocalErrors({});
    mutation.reset();
  }, [opened, customer]);

  const server = useServerErrors(mutation.error, FIELDS);
  const submit = () => {
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('validation.required');
    if (!region) errors.region = t('validation.required');
    if (pickPartner && !partnerId) errors.partnerId = t('validation.required');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate();
  };
  const err = (field: string) => localErrors[field] ?? server.field(field);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? t('customers.editTitle') : t('customers.createTitle')}
      submitLabel={editing ? t('actions.save') : t('actions.create')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
    >
      {pickPartner && (
        <PartnerPicker
          label={t('fields.partner')}
          required
          value={partnerId}
          onChange={setPartnerId}
          error={err('partnerId')}
        />
      )}
      <TextInput
        label={t('fields.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={err('name')}
        data-autofocus
      />
      <Select
        label={t('fields.region')}
        required
        data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        value={region}
        onChange={(v) => setRegion(v as Region | null)}
        error={err('region')}
        allowDeselect={false}
      />
    </FormModal>
  );
}
