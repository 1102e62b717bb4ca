import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/common.tsx';
import { URGENT_TEXT } from '../cases/badges.tsx';
import { formatDuration } from '../cases/format.ts';
import type { TargetState } from './format.ts';
import type { DrKind, DrStatus } from './types.ts';

const STATUS_TONE = { declared: 'red', restoring: 'orange', restored: 'teal' } as const;

/** The status in words; closed and withdrawn are quiet outlines, an event still down is red. */
export function DrStatusBadge({ status }: { status: DrStatus }) {
  const { t } = useTranslation();
  if (status === 'closed' || status === 'withdrawn')
    return (
      <Badge color="gray.7" variant="outline" data-status={status}>
        {t(`disasterRecovery.statuses.${status}`)}
      </Badge>
    );
  return (
    <span data-status={status}>
      <ToneBadge tone={STATUS_TONE[status]}>{t(`disasterRecovery.statuses.${status}`)}</ToneBadge>
    </span>
  );
}

export function DrKindBadge({ kind }: { kind: DrKind }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={kind === 'application_failure' ? 'grape' : 'yellow'}>
      {t(`disasterRecovery.kinds.${kind}`)}
    </ToneBadge>
  );
}

/** Bullet colours of the timeline, by the status an update left the event in. */
export const STATUS_COLOR: Record<DrStatus, string> = {
  declared: 'red.8',
  restoring: 'orange.8',
  restored: 'teal.8',
  closed: 'gray.7',
  withdrawn: 'gray.7',
};

/**
 * "Due in 3 h 05 min", "Overdue" + "by 2 d 4 h", "Target met", "Target missed", "No fixed target",
 * "Withdrawn: no target".
 */
export function TargetStatus({ state }: { state: TargetState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'met':
      return <ToneBadge tone="teal">{t('disasterRecovery.targetMet')}</ToneBadge>;
    case 'missed':
      return <ToneBadge tone="red">{t('disasterRecovery.targetMissed')}</ToneBadge>;
    case 'due':
      return (
        <Text span size="sm" fw={600} c={state.ms < 2 * 3_600_000 ? URGENT_TEXT : undefined}>
          {t('disasterRecovery.dueIn', { duration: formatDuration(state.ms) })}
        </Text>
      );
    case 'overdue':
      return (
        <Group gap={6} wrap="wrap">
          <Badge color="red.9" variant="filled">
            {t('disasterRecovery.overdue')}
          </Badge>
          <Text span size="sm" fw={700} c="red.9">
            {t('disasterRecovery.overdueBy', { duration: formatDuration(state.ms) })}
          </Text>
        </Group>
      );
    case 'withdrawn':
      return (
        <Text span size="sm" c="dimmed">
          {t('disasterRecovery.targetWithdrawn')}
        </Text>
      );
    default:
      return (
        <Text span size="sm" c="dimmed">
          {t('disasterRecovery.noTarget')}
        </Text>
      );
  }
}
