import { MultiSelect, Stack, TagsInput, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Region } from '../../api/types.ts';
import { usePartners } from '../partners/queries.ts';
import { CustomerMultiPicker } from './CustomerMultiPicker.tsx';

export interface SelectionValue {
  customerIds: string[];
  partnerIds: string[];
  regions: Region[];
  versions: string[];
}

/**
 * Who a change the provider plans from something it knows reaches (a COP install): customers by
 * name, whole partners, whole regions, or customers on a version, as one fieldset for a dialog. The
 * same selectors as the new-change form; "nobody chosen" is the customers field's error.
 */
export function ChangeSelectionFields({
  value,
  onChange,
  err,
}: {
  value: SelectionValue;
  onChange: (patch: Partial<SelectionValue>) => void;
  err: (field: keyof SelectionValue) => string | undefined;
}) {
  const { t } = useTranslation();
  const partners = usePartners();
  const legendId = useId();
  return (
    <Stack
      gap="sm"
      component="fieldset"
      aria-labelledby={legendId}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
    >
      <Text component="legend" id={legendId} fw={600} size="sm" p={0}>
        {t('changes.form.selection')}
      </Text>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('changes.form.selectionHint')}
      </Text>
      <CustomerMultiPicker
        label={t('changes.form.customers')}
        placeholder={value.customerIds.length === 0 ? t('changes.form.customersPlaceholder') : undefined}
        value={value.customerIds}
        onChange={(customerIds) => onChange({ customerIds })}
        error={err('customerIds')}
      />
      <MultiSelect
        label={t('changes.form.partners')}
        searchable
        data={(partners.data?.items ?? [])
          .filter((p) => p.active)
          .map((p) => ({ value: p.id, label: p.name }))}
        value={value.partnerIds}
        onChange={(partnerIds) => onChange({ partnerIds })}
        error={err('partnerIds')}
        nothingFoundMessage={t('list.noMatches')}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label={t('changes.form.regions')}
        data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        value={value.regions}
        onChange={(regions) => onChange({ regions: regions as Region[] })}
        error={err('regions')}
        comboboxProps={{ withinPortal: true }}
      />
      <TagsInput
        label={t('changes.form.versions')}
        description={t('changes.form.versionsHint')}
        placeholder={value.versions.length === 0 ? '12.5 SU7a' : undefined}
        splitChars={[',', ';']}
        acceptValueOnBlur
        maxTags={50}
        value={value.versions}
        onChange={(versions) =>
          onChange({ versions: [...new Set(versions.map((v) => v.trim()).filter(Boolean))] })
        }
        error={err('versions')}
      />
    </Stack>
  );
}
