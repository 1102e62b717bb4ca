import { Badge, Group, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Swatch } from '../../components/swatch.tsx';
import { TIER_COLOR, TIER_FILL, TIER_TEXT } from './format.ts';
import { type Compliance, VERSION_TIERS, type VersionTier } from './types.ts';

/** n green, n-1 yellow, n-2 orange, unsupported red; the text names the tier, so colour is never alone. */
export function TierBadge({ tier }: { tier: VersionTier }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={TIER_COLOR[tier]}
      style={{ '--badge-color': TIER_TEXT[tier], textTransform: 'none' } as CSSProperties}
      data-testid="tier-badge"
      data-tier={tier}
    >
      {t(`inventory.tiers.${tier}`)}
    </Badge>
  );
}

/** The tier and, when the version must move, the target it must be upgraded to. */
export function ComplianceCell({ compliance }: { compliance: Compliance }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <TierBadge tier={compliance.tier} />
      {compliance.mustUpgrade && compliance.upgradeTo && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('inventory.upgradeTo', { target: compliance.upgradeTo })}
        </Text>
      )}
    </Stack>
  );
}

export function TierSwatch({ tier }: { tier: VersionTier }) {
  return <Swatch color={TIER_FILL[tier]} />;
}

export function TierLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {VERSION_TIERS.map((tier) => (
        <Group key={tier} gap={6} wrap="nowrap">
          <TierSwatch tier={tier} />
          <Text size="xs">{t(`inventory.tiers.${tier}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
