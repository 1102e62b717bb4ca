import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Delivery, DeliveryAttempt, DeliveryStatus } from '../../api/types.ts';
import { ToneBadge } from '../../components/common.tsx';

const STATUS_TONE = {
  pending: 'grape',
  sending: 'orange',
  delivered: 'teal',
  dead: 'red',
} as const;

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  if (status === 'cancelled')
    return (
      <Badge color="gray.7" variant="outline">
        {t('deliveryStatus.cancelled')}
      </Badge>
    );
  return <ToneBadge tone={STATUS_TONE[status]}>{t(`deliveryStatus.${status}`)}</ToneBadge>;
}

const RESULT_TONE = {
  sending: 'orange',
  delivered: 'teal',
  failed: 'red',
  refused: 'red',
  interrupted: 'gray',
} as const;

export function AttemptResultBadge({ result }: { result: DeliveryAttempt['result'] }) {
  const { t } = useTranslation();
  return <ToneBadge tone={RESULT_TONE[result]}>{t(`attemptResult.${result}`)}</ToneBadge>;
}

/** Who a delivery went to: its subscription, a user reminded directly, or a since-deleted subscription. */
export function recipientName(d: Delivery, t: TFunction): string {
  if (d.subscriptionName) return d.subscriptionName;
  return d.kind === 'contact.reminder' ? t('deliveries.direct') : t('deliveries.deletedSubscription');
}
