import { Group, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/types.ts';
import { CHANGE_TYPES } from '../changes/types.ts';
import { regionStyle, typeStyle } from './colors.ts';

function Item({ sample, children }: { sample: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" component="li">
      {sample}
      <Text size="xs">{children}</Text>
    </Group>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="center" wrap="wrap">
      <Text size="xs" fw={600} c="dimmed" miw={110}>
        {label}
      </Text>
      <Group component="ul" gap="md" wrap="wrap" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {children}
      </Group>
    </Group>
  );
}

/** What the colours and patterns mean: regions, weekday vs weekend windows, change types, cancelled. */
export function Legend({ regions, zones }: { regions: Region[]; zones: Record<Region, string> }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('calendar.legend')} data-testid="calendar-legend">
      <Group gap={6} align="flex-start" style={{ flexDirection: 'column' }}>
        {regions.length > 0 && (
          <Row label={t('calendar.legendWindows')}>
            {regions.map((region) => (
              <Item
                key={region}
                sample={
                  <span
                    aria-hidden="true"
                    className="cal-swatch cal-window"
                    style={regionStyle(region) as CSSProperties}
                  />
                }
              >
                {t('calendar.regionZone', { region, zone: zones[region] })}
              </Item>
            ))}
            <Item
              sample={
                <span
                  aria-hidden="true"
                  className="cal-swatch cal-window cal-swatch-neutral"
                  data-kind="weekday"
                />
              }
            >
              {t('calendar.kinds.weekday')}
            </Item>
            <Item
              sample={
                <span
                  aria-hidden="true"
                  className="cal-swatch cal-window cal-swatch-neutral"
                  data-kind="weekend"
                />
              }
            >
              {t('calendar.weekendHint')}
            </Item>
          </Row>
        )}
        <Row label={t('calendar.legendChanges')}>
          {CHANGE_TYPES.map((type) => (
            <Item
              key={type}
              sample={
                <span
                  aria-hidden="true"
                  className="cal-swatch cal-change"
                  style={typeStyle(type) as CSSProperties}
                />
              }
            >
              {t(`calendar.changeTypes.${type}`)}
            </Item>
          ))}
          <Item
            sample={
              <span
                aria-hidden="true"
                className="cal-swatch cal-change"
                data-status="cancelled"
                style={typeStyle('routine') as CSSProperties}
              />
            }
          >
            <s>{t('calendar.changeStatuses.cancelled')}</s>
          </Item>
        </Row>
      </Group>
    </section>
  );
}
