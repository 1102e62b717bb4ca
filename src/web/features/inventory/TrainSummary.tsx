import { Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TierBadge } from './badges.tsx';
import type { Release, ReleaseTrain } from './types.ts';

function ReleaseCell({
  label,
  release,
  tier,
}: {
  label: string;
  release: Release;
  tier: 'n' | 'n-1' | 'n-2';
}) {
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <TierBadge tier={tier} />
        <Text size="xs" c="dimmed" fw={600}>
          {label}
        </Text>
      </Group>
      <Text fw={700} size="lg" lh={1.2}>
        {release.version}
      </Text>
      <Text size="sm">{release.sus.join(', ')}</Text>
    </Stack>
  );
}

/** The release train in force: n, n-1, n-2 with their service updates, and the upgrade target. */
export function TrainSummary({
  train,
  loading = false,
}: {
  train: ReleaseTrain | undefined;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  if (!train) return loading ? <Skeleton height={96} radius="md" aria-label={t('states.loading')} /> : null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="release-train"
      aria-label={t('inventory.train.label')}
      component="section"
    >
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <ReleaseCell label={t('inventory.train.n')} release={train.n} tier="n" />
        <ReleaseCell label={t('inventory.train.n1')} release={train.n1} tier="n-1" />
        <ReleaseCell label={t('inventory.train.n2')} release={train.n2} tier="n-2" />
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} mt={2}>
            {t('inventory.train.target')}
          </Text>
          <Text fw={700} size="lg" lh={1.2} data-testid="train-target">
            {train.target}
          </Text>
          <Text size="sm">{t('inventory.train.targetHint')}</Text>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
