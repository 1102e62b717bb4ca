import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { formatMinutes, formatRangeIn, formatWallRange, minutesBetween } from './local-time.ts';
import type { ChangeRegionTime } from './types.ts';

/** "Sat, 28 Mar 2026, 21:00 → Sun, 29 Mar 2026, 06:00 (Europe/Madrid)": a window in the viewer's zone. */
export function ViewerRange({ start, end, size = 'sm' }: { start: string; end: string; size?: 'xs' | 'sm' }) {
  const zone = useTimeZone();
  const locale = useLocale();
  return (
    <Text component="span" size={size}>
      <time dateTime={start}>{formatRangeIn(start, end, zone, locale)}</time> ({zone})
    </Text>
  );
}

/** The window as each affected region's clock reads it, and which kind of window holds it there. */
export function RegionTimesTable({ times, testId }: { times: ChangeRegionTime[]; testId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (times.length === 0) return null;
  return (
    <Table withTableBorder={false} verticalSpacing={6} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('fields.region')}</Table.Th>
          <Table.Th>{t('changes.localTime')}</Table.Th>
          <Table.Th>{t('changes.windowKind')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {times.map((r) => (
          <Table.Tr key={r.region} data-region={r.region}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.region}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatWallRange(r.localStart, r.localEnd, locale)}</Text>
              <Text size="xs" c="dimmed">
                {r.timeZone}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {r.windowKind ? t(`changes.windowKinds.${r.windowKind}`) : t('changes.windowKinds.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The viewer's view of the window, how long it lasts, then each region's own clock. */
export function ChangeWindow({
  start,
  end,
  regionTimes,
}: {
  start: string;
  end: string;
  regionTimes: ChangeRegionTime[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <div data-testid="change-window-viewer">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('changes.yourTime')}
        </Text>
        <ViewerRange start={start} end={end} />
        <Text size="xs" c="dimmed">
          {t('changes.lasts', { duration: formatMinutes(minutesBetween(start, end)) })}
        </Text>
      </div>
      <RegionTimesTable times={regionTimes} testId="change-region-times" />
    </Stack>
  );
}
