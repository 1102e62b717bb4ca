import { Badge, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Instant } from '../../components/common.tsx';
import { IconLock } from '../../components/icons.tsx';
import type { CaseEvent } from './types.ts';

const COLOR: Partial<Record<CaseEvent['kind'], string>> = {
  opened: 'brand.7',
  acknowledged: 'teal.8',
  severity_changed: 'red.8',
  escalated: 'grape.8',
  plan_owed: 'orange.8',
  action_plan: 'teal.8',
  internal_note: 'yellow.8',
  reopened: 'orange.8',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An event's heading: what happened, with the change it made ("Status: In progress → Resolved"). */
function heading(e: CaseEvent, t: TFunction): string {
  const from = text(e.data.from);
  const to = text(e.data.to);
  const label = t(`caseEvent.${e.kind}`);
  if (e.kind === 'status_changed' && to)
    return `${label}: ${from ? `${t(`caseStatus.${from}`)} → ` : ''}${t(`caseStatus.${to}`)}`;
  if (e.kind === 'severity_changed' && to)
    return `${label}: ${from ? `${t(`severity.${from}`)} → ` : ''}${t(`severity.${to}`)}`;
  const fileName = text(e.data.fileName);
  if (e.kind === 'attachment_added' && fileName) return `${label}: ${fileName}`;
  return label;
}

function Side({ side }: { side: CaseEvent['side'] }) {
  const { t } = useTranslation();
  return <>{t(`cases.side_${side}`)}</>;
}

function EventItem({ e }: { e: CaseEvent }) {
  const { t } = useTranslation();
  const body = (
    <>
      {typeof e.data.monitorUntil === 'string' && (
        <Text size="sm" mt={4}>
          {t('cases.monitorUntil')}: <Instant value={e.data.monitorUntil} />
        </Text>
      )}
      {e.body && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {e.body}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        <Instant value={e.at} size="xs" /> · {e.actor} (<Side side={e.side} />)
      </Text>
    </>
  );
  return (
    <>
      <Group gap={6}>
        <Title order={3} fz="sm">
          {heading(e, t)}
        </Title>
        {e.internal && (
          <Badge color="yellow.9" variant="outline" leftSection={<IconLock size={12} />}>
            {t('cases.internalOnly')}
          </Badge>
        )}
      </Group>
      {e.internal ? (
        <Paper bg="yellow.0" p="xs" mt={4} radius="sm" data-testid="internal-note">
          {body}
        </Paper>
      ) : (
        body
      )}
    </>
  );
}

/** The case's history, oldest first (a conversation reads top to bottom). */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  return (
    <Timeline active={events.length - 1} bulletSize={16} lineWidth={2} data-testid="case-timeline">
      {events.map((e) => (
        <Timeline.Item key={e.id} color={COLOR[e.kind] ?? 'gray.6'} data-kind={e.kind}>
          <EventItem e={e} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
