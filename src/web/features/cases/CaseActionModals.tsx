import {
  Alert,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { showDone } from '../../components/feedback.ts';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { instantToWallTime, wallTimeToInstant } from '../../components/time.ts';
import { SeverityBadge } from './badges.tsx';
import { useCaseCommand, useSeverityPreview } from './queries.ts';
import {
  CASE_IMPACTS,
  type CaseDetail,
  type CaseImpact,
  SEVERITIES,
  type Severity,
  type TargetStatus,
  URGENCIES,
  type Urgency,
} from './types.ts';

interface ModalProps {
  c: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

/** Resets a dialog's fields and its last error each time it opens. */
function useOnOpen(opened: boolean, reset: () => void) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) reset();
  }, [opened]);
}

export function AcknowledgeModal({ c, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const command = useCaseCommand<{ note?: string }>(c.id, 'acknowledge', () => {
    showDone(t('cases.acknowledgedDone', { number: c.number }));
    onClose();
  });
  useOnOpen(opened, () => {
    setNote('');
    command.reset();
  });
  const server = useServerErrors(command.error, ['note']);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('cases.acknowledgeTitle', { number: c.number })}
      submitLabel={t('cases.action.acknowledge')}
      busy={command.isPending}
      error={server.general}
      onSubmit={() => command.mutate(note.trim() ? { note: note.trim() } : {})}
    >
      <Text size="sm">{t('cases.acknowledgeMessage')}</Text>
      <Textarea
        label={t('cases.noteOptional')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={server.field('note')}
        data-autofocus
      />
    </FormModal>
  );
}

const STATUS_OF: Record<StatusAction, TargetStatus> = {
  start: 'in_progress',
  await_partner: 'awaiting_partner',
  resume: 'in_progress',
  monitor: 'monitoring',
  resolve: 'resolved',
  close: 'closed',
};
export type StatusAction = 'start' | 'await_partner' | 'resume' | 'monitor' | 'resolve' | 'close';
export const STATUS_ACTIONS = Object.keys(STATUS_OF) as StatusAction[];

const MAX_MONITORING_MS = 90 * 86_400_000;

/** Tomorrow at the same time, as a wall time in the zone: a sensible first "monitor until". */
function tomorrow(zone: string): string {
  return instantToWallTime(new Date(Date.now() + 24 * 3_600_000), zone);
}

/** A status change; monitoring asks until when, resolving asks for the root cause (required for S1/S2). */
export function StatusModal({ c, action, opened, onClose }: ModalProps & { action: StatusAction }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const status = STATUS_OF[action];
  const needsRootCause = status === 'resolved' && (c.severity === 'S1' || c.severity === 'S2');
  const [note, setNote] = useState('');
  const [monitorUntil, setMonitorUntil] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const command = useCaseCommand<Record<string, string>>(c.id, 'status', () => {
    showDone(t('cases.statusDone', { status: t(`caseStatus.${status}`) }));
    onClose();
  });
  useOnOpen(opened, () => {
    setNote('');
    setMonitorUntil(tomorrow(zone));
    setRootCause(c.rootCauseSummary ?? '');
    setLocalErrors({});
    command.reset();
  });
  const server = useServerErrors(command.error, ['note', 'monitorUntil', 'rootCauseSummary']);
  const submit = () => {
    const errors: Record<string, string> = {};
    const until = status === 'monitoring' ? wallTimeToInstant(monitorUntil, zone) : undefined;
    if (status === 'monitoring' && !until) errors.monitorUntil = t('validation.required');
    else if (until && new Date(until).getTime() <= Date.now()) errors.monitorUntil = t('cases.mustBeFuture');
    else if (until && new Date(until).getTime() > Date.now() + MAX_MONITORING_MS)
      errors.monitorUntil = t('cases.tooLong');
    if (needsRootCause && !rootCause.trim()) errors.rootCauseSummary = t('validation.required');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    command.mutate({
      status,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(until ? { monitorUntil: until } : {}),
      ...(status === 'resolved' && rootCause.trim() ? { rootCauseSummary: rootCause.trim() } : {}),
    });
  };
  const err = (field: string) => localErrors[field] ?? server.field(field);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t(`cases.statusTitle_${action}`, { number: c.number })}
      submitLabel={t(`cases.action.${action}`)}
      busy={command.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <Text size="sm">{t(`cases.statusMessage_${action}`)}</Text>
      {status === 'monitoring' && (
        <DateTimeField
          label={t('cases.monitorUntil')}
          description={t('cases.zoneHint', { zone })}
          required
          value={monitorUntil}
          onChange={setMonitorUntil}
          error={err('monitorUntil')}
        />
      )}
      {status === 'resolved' && (
        <Textarea
          label={t('cases.rootCause')}
          description={t('cases.rootCauseHint')}
          required={needsRootCause}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          value={rootCause}
          onChange={(e) => setRootCause(e.currentTarget.value)}
          error={err('rootCauseSummary')}
          data-autofocus
        />
      )}
      <Textarea
        label={t('cases.noteOptional')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={err('note')}
        data-autofocus={status !== 'resolved' || undefined}
      />
    </FormModal>
  );
}

/** Reopen and escalate: a reason is required. */
export function ReasonModal({ c, action, opened, onClose }: ModalProps & { action: 'reopen' | 'escalate' }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const command = useCaseCommand<{ reason: string }>(c.id, action, () => {
    showDone(t(`cases.${action}Done`, { number: c.number }));
    onClose();
  });
  useOnOpen(opened, () => {
    setReason('');
    setLocalError(undefined);
    command.reset();
  });
  // Reopening passes the reason on as the status note; the server may name either field.
  const server = useServerErrors(command.error, ['reason', 'note']);
  const submit = () => {
    const missing = reason.trim() ? undefined : t('validation.required');
    setLocalError(missing);
    if (!missing) command.mutate({ reason: reason.trim() });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t(`cases.${action}Title`, { number: c.number })}
      submitLabel={t(`cases.action.${action}`)}
      busy={command.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <Text size="sm">{t(`cases.${action}Message`)}</Text>
      <Textarea
        label={t('cases.reason')}
        required
        autosize
        minRows={3}
        maxRows={10}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={localError ?? server.field('reason') ?? server.field('note')}
        data-autofocus
      />
    </FormModal>
  );
}

/**
 * A severity change. The partner names the new impact and urgency (and may only raise); the provider
 * sets the severity itself, up or down. A reason is always required.
 */
export function SeverityModal({ c, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  const [impact, setImpact] = useState<CaseImpact>(c.impact);
  const [urgency, setUrgency] = useState<Urgency>(c.urgency);
  const [severity, setSeverity] = useState<Severity>(c.severity);
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const preview = useSeverityPreview(opened && !provider ? { impact } : null, urgency);
  const command = useCaseCommand<Record<string, string>>(c.id, 'severity', () => {
    showDone(t('cases.severityDone'));
    onClose();
  });
  useOnOpen(opened, () => {
    setImpact(c.impact);
    setUrgency(c.urgency);
    setSeverity(c.severity);
    setReason('');
    setLocalErrors({});
    command.reset();
  });
  const server = useServerErrors(command.error, ['impact', 'urgency', 'severity', 'reason']);
  const next = provider ? severity : preview.data?.severity;
  const submit = () => {
    const errors: Record<string, string> = {};
    if (!reason.trim()) errors.reason = t('validation.required');
    if (next === c.severity && (provider || (impact === c.impact && urgency === c.urgency)))
      errors[provider ? 'severity' : 'urgency'] = t('cases.severityUnchanged');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    command.mutate(
      provider ? { severity, reason: reason.trim() } : { impact, urgency, reason: reason.trim() },
    );
  };
  const err = (field: string) => localErrors[field] ?? server.field(field);
  const lowering = next !== undefined && next > c.severity;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('cases.severityTitle', { number: c.number })}
      submitLabel={t('cases.changeSeverity')}
      busy={command.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <Text size="sm">{t(provider ? 'cases.severityMessageProvider' : 'cases.severityMessagePartner')}</Text>
      {provider ? (
        <Radio.Group
          label={t('cases.severity')}
          value={severity}
          onChange={(v) => setSeverity(v as Severity)}
          error={err('severity')}
        >
          <SimpleGrid cols={2} spacing={6} mt={6}>
            {SEVERITIES.map((s) => (
              <Radio key={s} value={s} label={t(`severity.${s}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('cases.impact')}
            data={CASE_IMPACTS.map((i) => ({ value: i, label: t(`caseImpact.${i}`) }))}
            value={impact}
            onChange={(v) => v && setImpact(v as CaseImpact)}
            allowDeselect={false}
            error={err('impact')}
          />
          <Select
            label={t('cases.urgency')}
            data={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            value={urgency}
            onChange={(v) => v && setUrgency(v as Urgency)}
            allowDeselect={false}
            error={err('urgency')}
          />
        </SimpleGrid>
      )}
      {next && (
        <Stack gap={4}>
          <Group gap={6} data-testid="severity-change">
            <Text size="sm">{t('cases.severityNow')}</Text>
            <SeverityBadge severity={c.severity} />
            <Text size="sm" aria-hidden="true">
              →
            </Text>
            <VisuallyHidden>{t('cases.severityTo')}</VisuallyHidden>
            <SeverityBadge severity={next} />
          </Group>
          {lowering && !provider && (
            <Alert color="orange" variant="light" p="xs">
              <Text size="sm">{t('cases.partnerCannotLower')}</Text>
            </Alert>
          )}
        </Stack>
      )}
      <Textarea
        label={t('cases.reason')}
        required
        autosize
        minRows={2}
        maxRows={8}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={err('reason')}
      />
    </FormModal>
  );
}
