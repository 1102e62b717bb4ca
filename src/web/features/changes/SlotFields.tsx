import { Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Region } from '../../api/types.ts';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { useRegionZones } from '../calendar/queries.ts';
import { formatWallTime, readWallTime } from './local-time.ts';

/**
 * The zones a slot may be typed in: the viewer's own, then the regions' as the policy sets them
 * (affected ones first).
 */
export function useZoneOptions(regions: readonly Region[]) {
  const { t } = useTranslation();
  const viewer = useTimeZone();
  const zones = useRegionZones();
  const ordered = [...regions, ...REGIONS.filter((r) => !regions.includes(r))];
  const options = [{ value: viewer, label: t('changes.slot.yourZone', { zone: viewer }) }];
  for (const region of ordered) {
    const zone = zones[region];
    if (options.some((o) => o.value === zone)) continue;
    options.push({ value: zone, label: t('changes.slot.regionZone', { region, zone }) });
  }
  return options;
}

/** A word under a date-time input on a daylight-saving night: the hour skipped or repeated. */
function useDstHint(wall: string, zone: string): string | undefined {
  const { t } = useTranslation();
  const locale = useLocale();
  const reading = wall ? readWallTime(wall, zone) : undefined;
  if (!reading || reading.kind === 'ok') return undefined;
  return reading.kind === 'skipped'
    ? t('changes.slot.skipped', { time: formatWallTime(reading.reads, locale), zone })
    : t('changes.slot.repeated', { zone });
}

/** Start and end typed on the wall clock of a chosen zone. */
export function SlotFields({
  start,
  end,
  zone,
  regions,
  onChange,
  errors,
}: {
  start: string;
  end: string;
  zone: string;
  regions: readonly Region[];
  onChange: (patch: { start?: string; end?: string; zone?: string }) => void;
  errors: { start?: string | undefined; end?: string | undefined };
}) {
  const { t } = useTranslation();
  const zones = useZoneOptions(regions);
  const startHint = useDstHint(start, zone);
  const endHint = useDstHint(end, zone);
  return (
    <Stack gap="sm">
      <Select
        label={t('changes.slot.zone')}
        description={t('changes.slot.zoneHint')}
        allowDeselect={false}
        data={zones}
        value={zone}
        onChange={(v) => v && onChange({ zone: v })}
        comboboxProps={{ withinPortal: true }}
        w={{ base: '100%', sm: 360 }}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateTimeField
          label={t('changes.slot.start')}
          description={startHint ?? t('changes.slot.inZone', { zone })}
          required
          value={start}
          onChange={(v) => onChange({ start: v })}
          error={errors.start}
          data-testid="slot-start"
        />
        <DateTimeField
          label={t('changes.slot.end')}
          description={endHint ?? t('changes.slot.inZone', { zone })}
          required
          value={end}
          onChange={(v) => onChange({ end: v })}
          error={errors.end}
          data-testid="slot-end"
        />
      </SimpleGrid>
    </Stack>
  );
}
