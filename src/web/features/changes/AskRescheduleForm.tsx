import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { useAskReschedule } from './queries.ts';
import { useRuleText } from './rules.tsx';
import type { Change, RescheduleRequest } from './types.ts';

/**
 * The partner asks the provider to move a change, with a detailed reason. Whether the request is
 * late is the server's call (business days after the notice in the customers' calendars): the
 * answer says, and the form shows it.
 */
export function AskRescheduleForm({
  change,
  onAsked,
}: {
  change: Change;
  onAsked: (r: RescheduleRequest) => void;
}) {
  const { t } = useTranslation();
  const policy = usePolicy();
  const ruleText = useRuleText();
  const ask = useAskReschedule(change.id);
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const min = policy.data?.changes.reschedule.minReasonLength ?? 20;
  const length = reason.trim().length;

  const server = useFormErrors('changes', ask.error, ['reason']);
  const reasonError =
    localError ??
    (server.field('reason')
      ? ruleText({ code: 'reason_too_short', message: server.field('reason') ?? '' })
      : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (length < min) {
      setLocalError(ruleText({ code: 'reason_too_short', message: '' }));
      return;
    }
    setLocalError(undefined);
    ask.mutate({ reason: reason.trim() }, { onSuccess: (saved) => onAsked(saved) });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="ask-reschedule-form">
      <Stack gap="sm">
        <Text size="sm">
          {t('reschedule.askText', { days: policy.data?.changes.reschedule.lateAfterBusinessDays ?? 3 })}
        </Text>
        <GeneralErrors errors={server} />
        <Textarea
          label={t('reschedule.reason')}
          description={
            <span data-testid="reason-counter" data-enough={length >= min}>
              {t('reschedule.counter', { count: length, min })}
            </span>
          }
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            if (localError && e.currentTarget.value.trim().length >= min) setLocalError(undefined);
          }}
          error={reasonError}
        />
        <Group justify="flex-end" gap="sm" wrap="wrap">
          <Button type="submit" loading={ask.isPending}>
            {t('reschedule.ask')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the partner's request came back as: sent, and late or on time. */
export function AskedNotice({ request }: { request: RescheduleRequest }) {
  const { t } = useTranslation();
  const policy = usePolicy();
  return (
    <Alert
      color={request.late ? 'orange' : 'teal'}
      variant="light"
      title={t('reschedule.askedTitle')}
      data-testid="reschedule-asked"
      data-late={request.late}
    >
      <Text size="sm">
        {request.late
          ? t('reschedule.askedLate', { days: policy.data?.changes.reschedule.lateAfterBusinessDays ?? 3 })
          : t('reschedule.askedOnTime')}
      </Text>
    </Alert>
  );
}
