import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck } from '../../components/icons.tsx';
import { FormError } from '../../components/states.tsx';
import { RegionTimesTable, ViewerRange } from './ChangeWindow.tsx';
import { ViolationList } from './rules.tsx';
import type { ChangeCheck, Slot } from './types.ts';

/** Rules a different slot can satisfy; any other broken rule (a missing reason …) blocks every slot. */
const TIME_RULES = new Set([
  'invalid_interval',
  'outside_window',
  'weekend_requires_infrastructure',
  'notice_period',
  'certificate_window',
  'start_in_past',
]);

const sameSlot = (a: Slot, b: Slot | null | undefined) =>
  !!b && Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);

/**
 * The live verdict on a draft: every broken rule by region, who it would reach, the window in
 * each region's clock, and the next slot that breaks nothing (with a button that takes it).
 */
export function CheckPanel({
  check,
  checking,
  error,
  incomplete,
  onUseSlot,
  current,
  showAudience = true,
}: {
  check: ChangeCheck | undefined;
  checking: boolean;
  error: unknown;
  /** Nothing to check yet: what is still missing, in words. */
  incomplete: string | null;
  onUseSlot: (slot: Slot) => void;
  /** The slot in the form now (no button to take the suggestion when it is the same). */
  current?: Slot | null;
  showAudience?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={id} data-testid="change-check">
      <Group justify="space-between" gap="xs">
        <Title order={2} fz="md" id={id}>
          {t('changes.check.title')}
        </Title>
        {checking && <Loader size="xs" aria-label={t('changes.check.checking')} />}
      </Group>
      <div aria-live="polite">
        {incomplete ? (
          <Text size="sm" c="dimmed" data-testid="check-incomplete">
            {incomplete}
          </Text>
        ) : error ? (
          <FormError error={error} />
        ) : !check ? (
          <Text size="sm" c="dimmed">
            {t('changes.check.checking')}
          </Text>
        ) : check.allowed ? (
          <Alert color="teal" variant="light" icon={<IconCheck />} data-testid="check-allowed">
            <Text size="sm">{t('changes.check.allowed')}</Text>
          </Alert>
        ) : (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlert />}
            title={t('changes.check.broken', { count: check.violations.length })}
            data-testid="check-violations"
          >
            <ViolationList violations={check.violations} testId="violation-list" />
          </Alert>
        )}
      </div>
      {check && !incomplete && (
        <>
          {showAudience && (
            <Text size="sm" data-testid="check-audience">
              {t('changes.check.audience', {
                customers: check.customerCount,
                partners: check.partnerCount,
                regions: check.regions.length > 0 ? check.regions.join(', ') : '—',
              })}
            </Text>
          )}
          <RegionTimesTable times={check.regionTimes} testId="check-region-times" />
          <Stack gap={4} data-testid="next-slot">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('changes.check.nextSlot')}
            </Text>
            {check.nextSlot ? (
              <Group gap="sm" wrap="wrap">
                <ViewerRange start={check.nextSlot.start} end={check.nextSlot.end} />
                {!sameSlot(check.nextSlot, current) && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => check.nextSlot && onUseSlot(check.nextSlot)}
                  >
                    {t('changes.check.useSlot')}
                  </Button>
                )}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {check.violations.some((v) => !TIME_RULES.has(v.code))
                  ? t('changes.check.noSlotUntilFixed')
                  : t('changes.check.noSlot')}
              </Text>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
