import './calendar.css';
import {
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Region } from '../../api/types.ts';
import { useCurrentUser, useLocale, useTimeZone } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { ErrorState } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { todayIn } from '../../components/time.ts';
import { periodTitle } from './format.ts';
import { Legend } from './Legend.tsx';
import {
  type CalendarView,
  monthWeeks,
  shiftAnchor,
  viewRange,
  weekDays,
  windowsQueryRange,
} from './layout.ts';
import { MonthView } from './MonthView.tsx';
import { useChangesBetween, useRegionZones, useViewerRegions, useWindows } from './queries.ts';
import { type CalendarSearch, parseCalendarSearch, parseRegions } from './search.ts';
import { WeekView } from './WeekView.tsx';

const VIEWS: CalendarView[] = ['month', 'week'];

function ZoneSelect({
  value,
  own,
  zones,
  onChange,
}: {
  value: string;
  own: string;
  zones: Record<Region, string>;
  onChange: (zone: string) => void;
}) {
  const { t } = useTranslation();
  const options = [{ value: own, label: t('calendar.zoneOwn', { zone: own }) }];
  for (const region of REGIONS) {
    const zone = zones[region];
    if (!options.some((o) => o.value === zone))
      options.push({ value: zone, label: t('calendar.zoneRegion', { zone, region }) });
  }
  if (!options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <Select
      label={t('calendar.zone')}
      data={options}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={{ base: '100%', xs: 300 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * The maintenance calendar: each shown region's windows and the changes on them, by month or week,
 * on the wall clock of the viewer's zone (or of a region's, to see it as the region does).
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = useLocale();
  const ownZone = useTimeZone();
  const navigate = useNavigate();
  const search = parseCalendarSearch(useSearch({ strict: false }));
  const zones = useRegionZones();
  const viewer = useViewerRegions(user);

  const view: CalendarView = search.view ?? 'month';
  const zone = search.zone ?? ownZone;
  const today = todayIn(zone);
  const date = search.date ?? today;
  const regions = parseRegions(search.regions) ?? viewer.regions;

  const onChange = useCallback(
    (patch: Partial<CalendarSearch>) =>
      void navigate({
        to: '/calendar',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseCalendarSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseCalendarSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );

  const range = viewRange(view, date, zone);
  const windowsRange = windowsQueryRange(view, date, zone);
  const windows = useWindows(regions, windowsRange.from, windowsRange.to);
  const changes = useChangesBetween(range.from, range.to);
  const shown = (changes.data ?? []).filter((c) => c.regions.some((r) => regions.includes(r)));
  const loading = windows.isPending || changes.isPending || viewer.pending;
  const title = periodTitle(view, date, locale);
  const unit = view === 'month' ? 'Month' : 'Week';

  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle', { zone })} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
            <Group gap="xs" wrap="wrap">
              <Button variant="default" onClick={() => onChange({ date: shiftAnchor(view, date, -1) })}>
                {t(`calendar.previous${unit}`)}
              </Button>
              <Button
                variant="default"
                onClick={() => onChange({ date: undefined })}
                disabled={date === today}
              >
                {t('calendar.today')}
              </Button>
              <Button variant="default" onClick={() => onChange({ date: shiftAnchor(view, date, 1) })}>
                {t(`calendar.next${unit}`)}
              </Button>
            </Group>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SegmentedControl
                aria-label={t('calendar.view')}
                value={view}
                onChange={(v) => onChange({ view: v as CalendarView })}
                data={VIEWS.map((v) => ({ value: v, label: t(`calendar.views.${v}`) }))}
              />
              <ZoneSelect
                value={zone}
                own={ownZone}
                zones={zones}
                onChange={(z) => onChange({ zone: z === ownZone ? undefined : z })}
              />
            </Group>
          </Group>
          <Checkbox.Group
            label={t('calendar.regionsShown')}
            value={regions}
            onChange={(v) => {
              const picked = REGIONS.filter((r) => v.includes(r));
              onChange({ regions: picked.length === 0 ? 'none' : picked.join(',') });
            }}
          >
            <Group gap="md" mt={6} wrap="wrap">
              {REGIONS.map((region) => (
                <Checkbox
                  key={region}
                  value={region}
                  label={t('calendar.regionZone', { region, zone: zones[region] })}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Legend regions={regions} zones={zones} />
          <Group justify="space-between" align="center" gap="sm">
            <Group gap="sm" align="baseline">
              <Title order={2} fz="lg" aria-live="polite" data-testid="calendar-period">
                {title}
              </Title>
              <Text size="sm" c="dimmed">
                {t('calendar.timesIn', { zone })}
              </Text>
            </Group>
            {loading && (
              <Group gap={6} aria-busy="true">
                <Loader size="xs" aria-hidden="true" />
                <Text size="sm" c="dimmed">
                  {t('states.loading')}
                </Text>
              </Group>
            )}
          </Group>
          {windows.error ? <ErrorState error={windows.error} onRetry={windows.refetch} /> : null}
          {changes.isError ? (
            <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
          ) : null}
          {regions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('calendar.noRegions')}
            </Text>
          )}
          {!loading && !changes.isError && shown.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="calendar-empty">
              {t(`calendar.noChanges${unit}`)}
            </Text>
          )}
          <TableScroll minWidth={760} label={t('calendar.gridLabel', { period: title, zone })}>
            {view === 'month' ? (
              <MonthView
                weeks={monthWeeks(date)}
                month={date.slice(0, 7)}
                today={today}
                zone={zone}
                regions={regions}
                windows={windows.windows}
                changes={shown}
                caption={t('calendar.gridLabel', { period: title, zone })}
                onShowWeek={(day) => onChange({ view: 'week', date: day })}
              />
            ) : (
              <WeekView
                days={weekDays(date)}
                today={today}
                zone={zone}
                regions={regions}
                windows={windows.windows}
                changes={shown}
              />
            )}
          </TableScroll>
        </Stack>
      </Paper>
    </>
  );
}
