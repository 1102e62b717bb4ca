import { Group, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SeverityBadge, URGENT_TEXT } from './badges.tsx';
import { useCaseSummary } from './queries.ts';
import { type CaseSummary, SEVERITIES } from './types.ts';

const COUNTS = ['open', 'unacknowledged', 'overdue', 'planOwed', 'escalated'] as const;
const ALERTING = new Set<string>(['overdue', 'planOwed', 'escalated', 'unacknowledged']);

function Count({ name, value }: { name: (typeof COUNTS)[number]; value: number }) {
  const { t } = useTranslation();
  const alert = value > 0 && ALERTING.has(name);
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`summary-${name}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t(`cases.summary_${name}`)}
      </Text>
      <Text fz={26} fw={700} c={alert ? (name === 'overdue' ? 'red.9' : URGENT_TEXT) : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

function BySeverity({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mt="xs" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('cases.openBySeverity')}:
      </Text>
      {SEVERITIES.map((s) => (
        <Group key={s} gap={4} wrap="nowrap">
          <SeverityBadge severity={s} />
          <Text size="sm" fw={600}>
            {summary.bySeverity[s] ?? 0}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** The counts at the top of the case list: open, unacknowledged, overdue, owing a plan, escalated. */
export function CaseSummaryCards() {
  const { t } = useTranslation();
  const summary = useCaseSummary();
  if (summary.isError) return null;
  return (
    <section aria-label={t('cases.summaryLabel')}>
      {summary.isPending ? (
        <Skeleton height={72} radius="md" />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm">
            {COUNTS.map((name) => (
              <Count key={name} name={name} value={summary.data[name]} />
            ))}
          </SimpleGrid>
          <BySeverity summary={summary.data} />
        </>
      )}
    </section>
  );
}
