import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { formatInstant } from '../../components/time.ts';
import { Span } from '../cases/DueExplanation.tsx';
import type { DrEventDetail } from './types.ts';

/**
 * Why the target is what it is: for an application failure the rule (1 business day in the region's
 * calendar), when it was counted from and, as for a support case, the business hours counted and
 * the nights, weekends, holidays and clock changes skipped. A hardware failure has no fixed target.
 */
export function TargetExplanation({ event }: { event: DrEventDetail }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const explanation = event.targetExplanation;
  if (!explanation)
    return (
      <Text size="sm" data-testid="dr-target-explanation">
        {event.kind === 'hardware_failure'
          ? t('disasterRecovery.explain.hardware')
          : t('disasterRecovery.explain.missing')}
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="dr-target-explanation">
      <Text size="sm">
        {t('disasterRecovery.explain.rule', {
          count: explanation.businessDays,
          hours: explanation.businessDays * explanation.businessDayHours,
          region: t(`regions.${explanation.region}`),
          zone: explanation.timeZone,
        })}
      </Text>
      <Text size="sm">
        {t('disasterRecovery.explain.countedFrom', {
          from: formatInstant(explanation.countedFrom, zone, locale),
          due: formatInstant(explanation.dueAt, zone, locale),
        })}
      </Text>
      <Span span={explanation.businessSpan} />
    </Stack>
  );
}
