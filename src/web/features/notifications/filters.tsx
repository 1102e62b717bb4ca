import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../api/types.ts';
import { PartnerPicker } from '../../components/entity-picker.tsx';

/** Provider users narrow a notifications list to one partner, or to the provider's own. */
export function OwnerFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <PartnerPicker
      aria-label={t('subscriptions.owner')}
      placeholder={t('subscriptions.allOwners')}
      clearable
      includeInactive
      leadingOptions={[{ value: 'provider', label: t('subscriptions.ownerProvider') }]}
      value={value}
      onChange={onChange}
      w={{ base: '100%', sm: 220 }}
    />
  );
}

export function ChannelFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t('subscriptions.channel')}
      placeholder={t('subscriptions.allChannels')}
      clearable
      data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
      value={value}
      onChange={onChange}
      w={{ base: '48%', sm: 200 }}
    />
  );
}
