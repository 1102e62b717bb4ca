import { Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMERGENCY_REASONS, type EmergencyReason } from './types.ts';

/**
 * A change's title and description, as the new-change form asks them (the title required) and as a
 * dialog that plans a change from something the provider knows does (the title optional: the
 * dialog has a default, shown as the placeholder).
 */
export function ChangeTextFields({
  value,
  onChange,
  err,
  titleRequired = false,
  titleHint,
  titlePlaceholder,
  descriptionHint,
  compact = false,
}: {
  value: { title: string; description: string };
  onChange: (patch: { title?: string; description?: string }) => void;
  err: (field: 'title' | 'description') => string | undefined;
  titleRequired?: boolean;
  titleHint?: string | undefined;
  titlePlaceholder?: string | undefined;
  descriptionHint: string;
  /** Fewer lines for the description, as in a dialog. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('changes.titleField')}
        description={titleHint}
        placeholder={titlePlaceholder}
        required={titleRequired}
        maxLength={200}
        value={value.title}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
        error={err('title')}
      />
      <Textarea
        label={t('changes.description')}
        description={descriptionHint}
        autosize
        minRows={compact ? 2 : 3}
        maxRows={compact ? 8 : 10}
        maxLength={5000}
        value={value.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        error={err('description')}
      />
    </>
  );
}

/** Which emergency it is: required of an emergency change and of an emergency COP install. */
export function EmergencyReasonSelect({
  value,
  onChange,
  error,
}: {
  value: EmergencyReason | null;
  onChange: (reason: EmergencyReason | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('changes.emergencyReason')}
      required
      data={EMERGENCY_REASONS.map((r) => ({ value: r, label: t(`changes.emergencyReasons.${r}`) }))}
      value={value}
      onChange={(v) => onChange(v as EmergencyReason | null)}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
