import { MultiSelect, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Region } from '../../api/types.ts';
import { CustomerMultiPicker, PartnerMultiPicker } from '../../components/entity-multi-picker.tsx';

export interface SelectionValue {
  customerIds: string[];
  partnerIds: string[];
  regions: Region[];
  versions: string[];
}

/**
 * Who a change reaches: customers by name, whole partners, whole regions, or customers on a
 * version, as one fieldset. The new-change form shows it as one of its sections, with "nobody
 * chosen" as `error` above the selectors; a dialog (a COP install) shows it as a field group and
 * puts "nobody chosen" on the customers field.
 */
export function ChangeSelectionFields({
  value,
  onChange,
  err,
  error,
  section = false,
}: {
  value: SelectionValue;
  onChange: (patch: Partial<SelectionValue>) => void;
  err: (field: keyof SelectionValue) => string | undefined;
  /** A word on the selection as a whole. */
  error?: string | undefined;
  /** Titled as a section of a page rather than as a group of a dialog's fields. */
  section?: boolean;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  return (
    <Stack
      gap="sm"
      component="fieldset"
      aria-labelledby={legendId}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
    >
      {section ? (
        <Title order={2} fz="md" component="legend" id={legendId} mb={4}>
          {t('changes.form.selection')}
        </Title>
      ) : (
        <Text component="legend" id={legendId} fw={600} size="sm" p={0}>
          {t('changes.form.selection')}
        </Text>
      )}
      <Text size={section ? 'sm' : 'xs'} c="dimmed" mt={section ? undefined : -8}>
        {t('changes.form.selectionHint')}
      </Text>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
      <CustomerMultiPicker
        label={t('changes.form.customers')}
        placeholder={t('changes.form.customersPlaceholder')}
        showRegion
        value={value.customerIds}
        onChange={(customerIds) => onChange({ customerIds })}
        error={err('customerIds')}
      />
      <PartnerMultiPicker
        label={t('changes.form.partners')}
        value={value.partnerIds}
        onChange={(partnerIds) => onChange({ partnerIds })}
        error={err('partnerIds')}
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
