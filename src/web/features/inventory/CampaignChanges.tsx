import { Alert, Anchor, CloseButton, Group, List, NumberInput, Select, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.ts';
import { useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal } from '../../components/forms.tsx';
import { ViewerRange } from '../changes/ChangeWindow.tsx';
import { readWallTime } from '../changes/local-time.ts';
import { usePlanErrors } from '../changes/plan-errors.ts';
import { type Change, UPGRADE_REASONS, type UpgradeReason } from '../changes/types.ts';
import { GeneralErrors } from '../disaster-recovery/form-errors.tsx';
import { type CampaignPlan, campaignPlan, skippedCustomers } from './campaign-plan.ts';
import { usePlanCampaignChanges } from './queries.ts';
import type { Campaign } from './types.ts';

const FIELDS = ['reason', 'durationMinutes', 'after'] as const;
const DURATION = { min: 30, max: 600, initial: 240 } as const;

/** What the provider's "Create upgrade changes" did, kept on the page until dismissed. */
export interface PlannedUpgrades {
  changes: Change[];
  /** The plan the provider confirmed (who was covered before). */
  plan: CampaignPlan;
  total: number;
}

/**
 * Asks before the campaign's upgrade changes are created, saying what will happen: how many
 * customers in which regions get a change (one per region, in the earliest slot after the notice
 * period), and who is skipped because a change of this campaign already covers them. The reason,
 * length and "not before" may be changed; the server's refusal (nothing left, no slot in a region)
 * is shown in the dialog.
 */
export function PlanUpgradesModal({
  campaign,
  opened,
  onClose,
  onPlanned,
}: {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  onPlanned: (result: PlannedUpgrades) => void;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const policy = usePolicy();
  const plan = usePlanCampaignChanges(campaign.id);
  const [reason, setReason] = useState<UpgradeReason>('below_n_minus_1');
  const [duration, setDuration] = useState<number | ''>(DURATION.initial);
  const [after, setAfter] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setReason('below_n_minus_1');
    setDuration(DURATION.initial);
    setAfter('');
    setLocalErrors({});
    plan.reset();
  }, [opened]);

  const summary = campaignPlan(campaign.customers);
  const limits = { min: DURATION.min, max: DURATION.max };
  const server = usePlanErrors('inventory.campaign.plan', plan.error, FIELDS, { values: limits });
  const err = (field: string) => localErrors[field] ?? server.field(field);

  const submit = () => {
    const errors: Record<string, string> = {};
    if (duration === '') errors.durationMinutes = t('validation.required');
    else if (duration < DURATION.min || duration > DURATION.max)
      errors.durationMinutes = t('inventory.campaign.plan.errors.minimum', limits);
    const reading = after ? readWallTime(after, zone) : undefined;
    if (after && !reading) errors.after = t('changes.form.invalidTime');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || duration === '') return;
    plan.mutate(
      { reason, durationMinutes: duration, ...(reading ? { after: reading.instant } : {}) },
      {
        onSuccess: (answer) => {
          onPlanned({ changes: answer.items, plan: summary, total: campaign.customers.length });
          onClose();
        },
      },
    );
  };

  const regionCount = summary.regions.length;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('inventory.campaign.plan.confirmTitle', { target: campaign.target })}
      submitLabel={t('inventory.campaign.plan.confirm', { count: regionCount })}
      busy={plan.isPending}
      error={null}
      onSubmit={submit}
      size="lg"
    >
      <Stack gap="xs" data-testid="campaign-plan-summary">
        <Text size="sm">
          {t('inventory.campaign.plan.summary', {
            count: summary.customerCount,
            regions: t('inventory.campaign.plan.regionCount', { count: regionCount }),
            target: campaign.target,
            days: policy.data?.changes.noticeBusinessDays ?? 10,
          })}
        </Text>
        <List size="sm" spacing={2}>
          {summary.regions.map((r) => (
            <List.Item key={r.region} data-region={r.region}>
              {t('inventory.campaign.plan.regionLine', {
                region: t(`regions.${r.region}`),
                count: r.customers.length,
              })}
            </List.Item>
          ))}
        </List>
        {summary.covered.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="campaign-plan-covered">
            {t('inventory.campaign.plan.coveredBefore', { count: summary.covered.length })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('inventory.campaign.plan.notify')}
        </Text>
      </Stack>
      <GeneralErrors errors={server} />
      <Group grow align="flex-start" wrap="wrap" gap="sm">
        <Select
          label={t('changes.upgradeReason')}
          required
          allowDeselect={false}
          data={UPGRADE_REASONS.map((r) => ({ value: r, label: t(`changes.upgradeReasons.${r}`) }))}
          value={reason}
          onChange={(v) => v && setReason(v as UpgradeReason)}
          error={err('reason')}
          comboboxProps={{ withinPortal: true }}
          miw={200}
        />
        <NumberInput
          label={t('inventory.campaign.plan.duration')}
          description={t('inventory.campaign.plan.durationHint', limits)}
          required
          min={DURATION.min}
          max={DURATION.max}
          step={30}
          allowDecimal={false}
          allowNegative={false}
          value={duration}
          onChange={(v) => setDuration(v === '' ? '' : Number(v))}
          error={err('durationMinutes')}
          miw={200}
        />
      </Group>
      <DateTimeField
        label={t('inventory.campaign.plan.after')}
        description={t('inventory.campaign.plan.afterHint', { zone })}
        value={after}
        onChange={setAfter}
        error={err('after')}
      />
    </FormModal>
  );
}

/** The changes just created, each linked with its region, reach and window; and who was skipped. */
export function PlannedUpgradesResult({
  result,
  onDismiss,
}: {
  result: PlannedUpgrades;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const skipped = skippedCustomers(result.plan, result.total, result.changes);
  const box = useRef<HTMLDivElement>(null);
  // Focus lands here once the dialog has closed (its button may be gone: nothing left to plan). The
  // dialog hands focus back to its opener 10 ms after closing; this comes after that.
  useEffect(() => {
    const timer = window.setTimeout(() => box.current?.focus(), 50);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Alert
      ref={box}
      tabIndex={-1}
      color="teal"
      variant="light"
      role="status"
      data-testid="campaign-changes-result"
      title={t('inventory.campaign.plan.doneTitle', { count: result.changes.length })}
      withCloseButton={false}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap="xs">
          <List size="sm" spacing={6}>
            {result.changes.map((change) => (
              <List.Item key={change.id} data-testid="campaign-created-change">
                <Anchor component={Link} to={`/changes/${change.id}`} size="sm" fw={600}>
                  {change.reference} · {change.title}
                </Anchor>
                <Text size="xs">
                  {t('inventory.campaign.plan.changeReach', {
                    count: change.customerCount,
                    regions: change.regions.join(', '),
                  })}{' '}
                  <ViewerRange start={change.start} end={change.end} size="xs" />
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="sm" data-testid="campaign-skipped">
            {skipped.covered.length === 0 && skipped.others === 0
              ? t('inventory.campaign.plan.noneSkipped')
              : skipped.covered.length > 0
                ? t('inventory.campaign.plan.skippedCovered', {
                    count: skipped.covered.length,
                    names: skipped.covered.join(', '),
                  })
                : null}
            {skipped.others > 0 &&
              ` ${t('inventory.campaign.plan.skippedOthers', { count: skipped.others })}`}
          </Text>
        </Stack>
        <CloseButton
          aria-label={t('inventory.campaign.plan.dismiss')}
          onClick={onDismiss}
          style={{ flex: 'none' }}
        />
      </Group>
    </Alert>
  );
}
