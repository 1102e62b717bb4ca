import { Badge, Group, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Swatch } from '../../components/swatch.tsx';
import { EXPANSION_COLOR, EXPANSION_TEXT, LEVEL_COLOR, LEVEL_FILL, LEVEL_TEXT } from './format.ts';
import { CAPACITY_LEVELS, type CapacityLevel, type ExpansionStatus } from './types.ts';

/** The level in words (within capacity, 80 % reached …), so colour is never alone. */
export function LevelBadge({ level }: { level: CapacityLevel }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={LEVEL_COLOR[level]}
      style={{ '--badge-color': LEVEL_TEXT[level], textTransform: 'none' } as CSSProperties}
      data-testid="level-badge"
      data-level={level}
    >
      {t(`capacity.levels.${level}`)}
    </Badge>
  );
}

export function ExpansionStatusBadge({ status }: { status: ExpansionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={EXPANSION_COLOR[status]}
      style={{ '--badge-color': EXPANSION_TEXT[status], textTransform: 'none' } as CSSProperties}
      data-testid="expansion-status"
      data-status={status}
    >
      {t(`capacity.expansionStatus.${status}`)}
    </Badge>
  );
}

export function LevelSwatch({ level }: { level: CapacityLevel }) {
  return <Swatch color={LEVEL_FILL[level]} />;
}

/** The chart's key: the level colours, the entitlement track and the threshold marks. */
export function CapacityLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {CAPACITY_LEVELS.map((level) => (
        <Group key={level} gap={6} wrap="nowrap">
          <LevelSwatch level={level} />
          <Text size="xs">{t(`capacity.levels.${level}`)}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <span
          aria-hidden="true"
          style={{
            width: 18,
            height: 10,
            borderRadius: 2,
            background: 'var(--mantine-color-gray-1)',
            border: '1px solid #6b7280',
            display: 'inline-block',
          }}
        />
        <Text size="xs">{t('capacity.chart.track')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <span
          aria-hidden="true"
          style={{ width: 2, height: 14, background: '#212529', display: 'inline-block' }}
        />
        <Text size="xs">{t('capacity.chart.thresholds')}</Text>
      </Group>
    </Group>
  );
}
