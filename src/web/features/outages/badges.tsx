import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Impact, NetworkActivityState, OutageStatus } from '../../api/types.ts';
import { ToneBadge } from '../../components/common.tsx';

/** "Service down" is the one a tired engineer must not miss: a filled red badge. */
export function ImpactBadge({ impact }: { impact: Impact }) {
  const { t } = useTranslation();
  if (impact === 'down')
    return (
      <Badge color="red.9" variant="filled">
        {t('impact.down')}
      </Badge>
    );
  return <ToneBadge tone={impact === 'degraded' ? 'orange' : 'yellow'}>{t(`impact.${impact}`)}</ToneBadge>;
}

const STATUS_TONE = {
  investigating: 'red',
  identified: 'orange',
  monitoring: 'grape',
  resolved: 'teal',
} as const;

export function OutageStatusBadge({ status }: { status: OutageStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={STATUS_TONE[status]}>{t(`outageStatus.${status}`)}</ToneBadge>;
}

/** The colour of an outage's edge and timeline bullets, by impact or status. */
export const IMPACT_COLOR: Record<Impact, string> = {
  down: 'var(--mantine-color-red-8)',
  degraded: 'var(--mantine-color-orange-7)',
  at_risk: 'var(--mantine-color-yellow-6)',
};

export const STATUS_COLOR: Record<OutageStatus, string> = {
  investigating: 'red.8',
  identified: 'orange.8',
  monitoring: 'grape.8',
  resolved: 'teal.8',
};

const STATE_TONE = { planned: 'grape', in_progress: 'orange', finished: 'teal' } as const;

export function ActivityStateBadge({ state }: { state: NetworkActivityState }) {
  const { t } = useTranslation();
  if (state === 'cancelled')
    return (
      <Badge color="gray.7" variant="outline">
        {t('network.state_cancelled')}
      </Badge>
    );
  return <ToneBadge tone={STATE_TONE[state]}>{t(`network.state_${state}`)}</ToneBadge>;
}
