import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/common.tsx';
import type { CopStatus } from './types.ts';

const STATUS_TONE = { requested: 'orange', uploaded: 'grape', installed: 'teal', rejected: 'red' } as const;

/** The status in words: waiting on the provider, on the partner, done, turned down or withdrawn. */
export function CopStatusBadge({ status }: { status: CopStatus }) {
  const { t } = useTranslation();
  if (status === 'cancelled')
    return (
      <Badge color="gray.7" variant="outline" data-status={status}>
        {t('copRequests.statuses.cancelled')}
      </Badge>
    );
  return (
    <span data-status={status}>
      <ToneBadge tone={STATUS_TONE[status]}>{t(`copRequests.statuses.${status}`)}</ToneBadge>
    </span>
  );
}
