import { Alert, Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { type FieldError, isApiError } from '../../api/problem.ts';
import type { Customer } from '../../api/types.ts';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal } from '../../components/forms.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { formatInstant, instantToWallTime, wallTimeToInstant } from '../../components/time.ts';
import { type MaintenanceWindow, useRegionZones } from '../calendar/queries.ts';
import { useRuleText, ViolationList, violationRegion } from '../changes/rules.tsx';
import {
  CHANGE_TYPES,
  type ChangeRequest,
  type ChangeType,
  EMERGENCY_REASONS,
  type EmergencyReason,
  SCHEDULING_RULES,
  UPGRADE_REASONS,
  type UpgradeReason,
  type Violation,
} from '../changes/types.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { useSchedule } from './queries.ts';

const FIELDS = [
  'type',
  'title',
  'start',
  'end',
  'reason',
  'emergencyReason',
  'certificateExpiresAt',
] as const;
const RULES: readonly string[] = SCHEDULING_RULES;
/** A window picked from the list fills this much of it (or all of it when shorter). */
const DEFAULT_MINUTES = 120;

/**
 * Where each error of a refused schedule goes: every scheduling rule in the list above the form
 * (with the region it was checked in), each error naming a field of the form beside that field, and
 * the rest above the form. Texts are the reader's language, by code (the server's words only for
 * codes without a translation).
 */
function placeErrors(error: unknown, text: (e: FieldError) => string) {
  const items = isApiError(error) ? (error.problem.errors ?? []) : [];
  const rules: Violation[] = [];
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const item of items) {
    const rule = RULES.includes(item.code);
    if (rule) {
      const region = violationRegion(item);
      rules.push({ code: item.code, message: item.message, ...(region ? { region } : {}) });
    }
    const field = (item.path ?? '').replace(/^\/+/, '').replaceAll('/', '.');
    if ((FIELDS as readonly string[]).includes(field)) byField[field] ??= text(item);
    else if (!rule) general.push(text(item));
  }
  return { items, rules, byField, general: [...new Set(general)] };
}

/** The next windows of the customer's region (three weeks from the coming hour), to pick from. */
function useNextWindows(region: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['maintenance-windows', region, 'next'],
    queryFn: () => {
      const from = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
      return api.get<{ items: MaintenanceWindow[] }>('/maintenance-windows', {
        region,
        from: new Date(from).toISOString(),
        to: new Date(from + 21 * 86_400_000).toISOString(),
      });
    },
    enabled: enabled && region !== undefined,
    staleTime: 10 * 60_000,
  });
}

/**
 * The provider schedules an approved request: a change for the request's customer, under every
 * scheduling rule. The times are typed on the viewer's clock (and read back on the region's); a
 * refusal lists each rule broken, in words.
 */
export function ScheduleModal({
  request,
  opened,
  onClose,
}: {
  request: ChangeRequest;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const zones = useRegionZones();
  const schedule = useSchedule(request.id);
  const [type, setType] = useState<ChangeType>('routine');
  const [title, setTitle] = useState(request.title);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState<UpgradeReason | null>(null);
  const [emergencyReason, setEmergencyReason] = useState<EmergencyReason | null>(null);
  const [certificateExpiresAt, setCertificateExpiresAt] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const customer = useQuery({
    queryKey: ['customers', 'one', request.customerId],
    queryFn: () => api.get<Customer>(`/customers/${request.customerId}`),
    enabled: opened,
    staleTime: 60_000,
  });
  const region = customer.data?.region;
  const regionZone = region ? zones[region] : undefined;
  const windows = useNextWindows(region, opened);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setType('routine');
    setTitle(request.title);
    setStart(request.preferredStart ? instantToWallTime(request.preferredStart, zone) : '');
    setEnd('');
    setReason(null);
    setEmergencyReason(null);
    setCertificateExpiresAt('');
    setLocalErrors({});
    schedule.reset();
  }, [opened]);

  const ruleText = useRuleText();
  const placed = placeErrors(schedule.error, ruleText);
  const rules = placed.rules;
  // Problems without a list of errors (a 409, a network failure) read as the app reads them elsewhere.
  const answered = useFormErrors('changeRequests', schedule.error, FIELDS);
  const server = placed.items.length > 0 ? { ...answered, general: placed.general } : answered;
  const err = (field: string) => localErrors[field] ?? placed.byField[field];
  const startInstant = start ? wallTimeToInstant(start, zone) : undefined;
  const endInstant = end ? wallTimeToInstant(end, zone) : undefined;
  const expiryInstant = certificateExpiresAt ? wallTimeToInstant(certificateExpiresAt, zone) : undefined;

  const pickWindow = (w: MaintenanceWindow) => {
    const s = Date.parse(w.start);
    const e = Math.min(Date.parse(w.end), s + DEFAULT_MINUTES * 60_000);
    setStart(instantToWallTime(w.start, zone));
    setEnd(instantToWallTime(new Date(e), zone));
  };

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!title.trim()) errors.title = required;
    if (!startInstant) errors.start = required;
    if (!endInstant) errors.end = required;
    if (startInstant && endInstant && Date.parse(endInstant) <= Date.parse(startInstant))
      errors.end = t('changeRequests.endAfterStart');
    if (type === 'upgrade' && !reason) errors.reason = required;
    if (type === 'emergency' && !emergencyReason) errors.emergencyReason = required;
    if (type === 'certificate_renewal' && !expiryInstant) errors.certificateExpiresAt = required;
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !startInstant || !endInstant) return;
    schedule.mutate(
      {
        type,
        title: title.trim(),
        start: startInstant,
        end: endInstant,
        ...(type === 'upgrade' && reason ? { reason } : {}),
        ...(type === 'emergency' && emergencyReason ? { emergencyReason } : {}),
        ...(type === 'certificate_renewal' && expiryInstant ? { certificateExpiresAt: expiryInstant } : {}),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('changeRequests.scheduled', {
              reference: saved.reference,
              change: saved.changeReference ?? '',
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('changeRequests.scheduleTitle', { reference: request.reference })}
      submitLabel={t('changeRequests.schedule')}
      busy={schedule.isPending}
      onSubmit={submit}
      size="lg"
    >
      {rules.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlert />}
          role="alert"
          title={t('changeRequests.rulesBroken')}
          data-testid="schedule-violations"
        >
          <ViolationList violations={rules} testId="schedule-violation-list" />
        </Alert>
      )}
      <GeneralErrors errors={server} />
      <Text size="sm">{t('changeRequests.scheduleText', { customer: request.customerName })}</Text>
      <Select
        label={t('changeRequests.changeType')}
        required
        allowDeselect={false}
        data={CHANGE_TYPES.map((ct) => ({ value: ct, label: t(`calendar.changeTypes.${ct}`) }))}
        value={type}
        onChange={(v) => v && setType(v as ChangeType)}
        error={err('type')}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('changeRequests.changeTitle')}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={err('title')}
      />
      {region && regionZone && (
        <Stack gap={6} data-testid="schedule-windows">
          <Text size="sm" fw={600}>
            {t('changeRequests.nextWindows', { region, zone: regionZone })}
          </Text>
          {windows.isPending ? (
            <Text size="xs" c="dimmed">
              {t('states.loading')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {(windows.data?.items ?? []).slice(0, 5).map((w) => {
                const label = t('changeRequests.windowOption', {
                  start: formatInstant(w.start, zone, locale),
                  kind: t(`calendar.kinds.${w.kind}`),
                });
                return (
                  <Group key={w.start} component="li" gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="xs">{label}</Text>
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => pickWindow(w)}
                      aria-label={t('changeRequests.useWindowLabel', { window: label })}
                    >
                      {t('changeRequests.useWindow')}
                    </Button>
                  </Group>
                );
              })}
            </Stack>
          )}
        </Stack>
      )}
      <Group grow align="flex-start" wrap="wrap">
        <DateTimeField
          label={t('changeRequests.start')}
          description={t('changeRequests.zoneHint', { zone })}
          required
          value={start}
          onChange={setStart}
          error={err('start')}
          miw={220}
        />
        <DateTimeField
          label={t('changeRequests.end')}
          description={t('changeRequests.zoneHint', { zone })}
          required
          value={end}
          onChange={setEnd}
          error={err('end')}
          miw={220}
        />
      </Group>
      {regionZone && startInstant && endInstant && regionZone !== zone && (
        <Text size="xs" c="dimmed" data-testid="schedule-region-time">
          {t('changeRequests.regionTime', {
            region,
            start: formatInstant(startInstant, regionZone, locale),
            end: formatInstant(endInstant, regionZone, locale),
          })}
        </Text>
      )}
      {type === 'upgrade' && (
        <Select
          label={t('changeRequests.upgradeReason')}
          required
          data={UPGRADE_REASONS.map((r) => ({ value: r, label: t(`changeRequests.upgradeReasons.${r}`) }))}
          value={reason}
          onChange={(v) => setReason(v as UpgradeReason | null)}
          error={err('reason')}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {type === 'certificate_renewal' && (
        <DateTimeField
          label={t('changeRequests.certificateExpiresAt')}
          description={t('changeRequests.certificateExpiresAtHint', { zone })}
          required
          value={certificateExpiresAt}
          onChange={setCertificateExpiresAt}
          error={err('certificateExpiresAt')}
        />
      )}
      {type === 'emergency' && (
        <Select
          label={t('changeRequests.emergencyReason')}
          required
          data={EMERGENCY_REASONS.map((r) => ({
            value: r,
            label: t(`changeRequests.emergencyReasons.${r}`),
          }))}
          value={emergencyReason}
          onChange={(v) => setEmergencyReason(v as EmergencyReason | null)}
          error={err('emergencyReason')}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {isApiError(schedule.error) &&
        schedule.error.problem.requestId &&
        rules.length > 0 &&
        server.general.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('states.requestId')}: <Code>{schedule.error.problem.requestId}</Code>
          </Text>
        )}
    </FormModal>
  );
}
