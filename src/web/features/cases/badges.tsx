import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/common.tsx';
import { type DueState, formatDuration } from './format.ts';
import type { Case, CaseStatus, Severity } from './types.ts';

/** A dark orange that keeps 4.5:1 contrast on white, for text that must be noticed soon. */
export const URGENT_TEXT = '#8f3108';

/** S1 is the one nobody may miss: filled red. S2 orange, S3 yellow, S4 gray. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  if (severity === 'S1')
    return (
      <Badge color="red.9" variant="filled" data-severity={severity}>
        {t('severity.S1')}
      </Badge>
    );
  const tone = severity === 'S2' ? 'orange' : severity === 'S3' ? 'yellow' : 'gray';
  return (
    <span data-severity={severity}>
      <ToneBadge tone={tone}>{t(`severity.${severity}`)}</ToneBadge>
    </span>
  );
}

const STATUS_TONE = {
  new: 'red',
  acknowledged: 'orange',
  in_progress: 'orange',
  awaiting_partner: 'grape',
  monitoring: 'grape',
  resolved: 'teal',
} as const;

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  if (status === 'closed')
    return (
      <Badge color="gray.7" variant="outline">
        {t('caseStatus.closed')}
      </Badge>
    );
  return <ToneBadge tone={STATUS_TONE[status]}>{t(`caseStatus.${status}`)}</ToneBadge>;
}

/** "Due in 12 min", "Overdue by 3 h 05 min", "Met", "Missed". */
export function DueText({ state, seconds = false }: { state: DueState; seconds?: boolean }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'met':
      return <ToneBadge tone="teal">{t('cases.met')}</ToneBadge>;
    case 'missed':
      return <ToneBadge tone="red">{t('cases.missed')}</ToneBadge>;
    case 'due':
      return (
        <Text span size="sm" fw={600} c={state.ms < 15 * 60_000 ? URGENT_TEXT : undefined}>
          {t('cases.dueIn', { duration: formatDuration(state.ms, seconds) })}
        </Text>
      );
    case 'overdue':
      return (
        <Text span size="sm" fw={700} c="red.9">
          {t('cases.overdueBy', { duration: formatDuration(state.ms, seconds) })}
        </Text>
      );
    default:
      return <>—</>;
  }
}

/** Overdue, plan owed, escalated: what needs someone's attention. */
export function CaseFlags({ c, overdue }: { c: Case; overdue: boolean }) {
  const { t } = useTranslation();
  const flags = [
    overdue && (
      <ToneBadge key="overdue" tone="red">
        {t('cases.flag_overdue')}
      </ToneBadge>
    ),
    c.planOwedSince && (
      <ToneBadge key="plan" tone="orange">
        {t('cases.flag_planOwed')}
      </ToneBadge>
    ),
    c.escalatedAt && (
      <ToneBadge key="escalated" tone="grape">
        {t('cases.flag_escalated')}
      </ToneBadge>
    ),
  ].filter(Boolean);
  if (flags.length === 0) return <Text size="sm">—</Text>;
  return <Group gap={4}>{flags}</Group>;
}
