import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/common.tsx';
import type { ChangeStatus, ChangeType, RescheduleRequestStatus } from './types.ts';

const TYPE_TONE = {
  routine: 'gray',
  service_interrupting: 'orange',
  certificate_renewal: 'teal',
  upgrade: 'grape',
  cop_install: 'yellow',
  infrastructure: 'gray',
} as const;

/** The type in words; an emergency is the one nobody may miss: filled red. */
export function ChangeTypeBadge({ type }: { type: ChangeType }) {
  const { t } = useTranslation();
  if (type === 'emergency')
    return (
      <Badge color="red.9" variant="filled" data-type={type}>
        {t('changes.types.emergency')}
      </Badge>
    );
  return (
    <span data-type={type}>
      <ToneBadge tone={TYPE_TONE[type]}>{t(`changes.types.${type}`)}</ToneBadge>
    </span>
  );
}

const STATUS_TONE = { scheduled: 'grape', notice_sent: 'orange', completed: 'teal' } as const;

/** Planned, announced, under way (filled), done, or called off (a quiet outline). */
export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  const { t } = useTranslation();
  if (status === 'cancelled')
    return (
      <Badge color="gray.7" variant="outline" data-status={status}>
        {t('changes.statuses.cancelled')}
      </Badge>
    );
  if (status === 'in_progress')
    return (
      <Badge color="brand.8" variant="filled" data-status={status}>
        {t('changes.statuses.in_progress')}
      </Badge>
    );
  return (
    <span data-status={status}>
      <ToneBadge tone={STATUS_TONE[status]}>{t(`changes.statuses.${status}`)}</ToneBadge>
    </span>
  );
}

const REQUEST_TONE = { open: 'orange', granted: 'teal', declined: 'red' } as const;

export function RequestStatusBadge({ status }: { status: RescheduleRequestStatus }) {
  const { t } = useTranslation();
  if (status === 'withdrawn')
    return (
      <Badge color="gray.7" variant="outline" data-status={status}>
        {t('reschedule.statuses.withdrawn')}
      </Badge>
    );
  return (
    <span data-status={status}>
      <ToneBadge tone={REQUEST_TONE[status]}>{t(`reschedule.statuses.${status}`)}</ToneBadge>
    </span>
  );
}

/** Asked more than the allowed business days after the notice: accepted, but late. */
export function LateBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" data-testid="late-badge">
      {t('reschedule.late')}
    </Badge>
  );
}
