import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from './badges.tsx';
import { formatPercent } from './format.ts';
import type { ResourceUse } from './types.ts';

/** "412 of 500", "82.4 % · 88 available" and the level in words. */
export function ResourceCell({ use }: { use: ResourceUse }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('capacity.ofEntitled', { provisioned: use.provisioned, entitled: use.entitled })}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('capacity.percentAvailable', { percent: formatPercent(use.percent), count: use.available })}
      </Text>
      <LevelBadge level={use.level} />
    </Stack>
  );
}
