import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/common.tsx';
import type { ChangeRequestStatus } from '../changes/types.ts';

const STATUS_TONE = {
  submitted: 'orange',
  in_review: 'yellow',
  approved: 'teal',
  scheduled: 'grape',
  rejected: 'red',
} as const;

/** The request's status in words; completed reads as done, rejected in red. */
export function ChangeRequestStatusBadge({ status }: { status: ChangeRequestStatus }) {
  const { t } = useTranslation();
  if (status === 'completed')
    return (
      <Badge color="gray.7" variant="outline" data-status={status}>
        {t('changeRequests.statuses.completed')}
      </Badge>
    );
  return (
    <span data-status={status}>
      <ToneBadge tone={STATUS_TONE[status]}>{t(`changeRequests.statuses.${status}`)}</ToneBadge>
    </span>
  );
}
