import { Alert, Button, Group, Select, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal } from '../../components/forms.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { formatInstant, wallTimeToInstant } from '../../components/time.ts';
import { GeneralErrors, useFormErrors } from './form-errors.tsx';
import { usePostDrUpdate } from './queries.ts';
import type { DrEventDetail, DrStatus } from './types.ts';

const FIELDS = ['message', 'status', 'recoveredAt'] as const;

/**
 * The provider's update to the partner: a message, and optionally a move to one of the statuses the
 * API offers (`nextStatuses`). Nothing goes back, so a move is reviewed in the dialog before it is
 * posted; moving to restored takes when the service came back.
 */
export function PostDrUpdateModal({
  event,
  opened,
  onClose,
}: {
  event: DrEventDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const post = usePostDrUpdate(event.id);
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState<DrStatus>(event.status);
  const [recoveredAt, setRecoveredAt] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setMessage('');
    setStatus(event.status);
    setRecoveredAt('');
    setConfirming(false);
    setLocalErrors({});
    post.reset();
  }, [opened]);

  const server = useFormErrors('disasterRecovery', post.error, FIELDS);
  const err = (field: string) => localErrors[field] ?? server.field(field);
  const moving = status !== event.status;
  const restoring = moving && status === 'restored';
  const statusLabel = (s: DrStatus) => t(`disasterRecovery.statuses.${s}`);
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setConfirming(false);
    };

  const submit = () => {
    const errors: Record<string, string> = {};
    if (!message.trim()) errors.message = t('validation.required');
    const recovered = restoring && recoveredAt ? wallTimeToInstant(recoveredAt, zone) : undefined;
    if (restoring && recoveredAt && !recovered) errors.recoveredAt = t('disasterRecovery.invalidTime');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      setConfirming(false);
      return;
    }
    if (moving && !confirming) {
      setConfirming(true);
      return;
    }
    post.mutate(
      {
        message: message.trim(),
        ...(moving ? { status } : {}),
        ...(recovered ? { recoveredAt: recovered } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('disasterRecovery.updatePosted', { number: event.number }),
          });
          onClose();
        },
        onError: () => setConfirming(false),
      },
    );
  };

  const recoveredText = recoveredAt
    ? formatInstant(wallTimeToInstant(recoveredAt, zone), zone, locale)
    : t('disasterRecovery.now');

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('disasterRecovery.updateTitle', { number: event.number })}
      submitLabel={
        !moving
          ? t('disasterRecovery.postUpdate')
          : confirming
            ? t('disasterRecovery.confirmPost', { status: statusLabel(status) })
            : t('disasterRecovery.review')
      }
      busy={post.isPending}
      error={null}
      onSubmit={submit}
      size="lg"
    >
      <GeneralErrors errors={server} />
      <Textarea
        label={t('disasterRecovery.message')}
        description={
          status === 'withdrawn' ? t('disasterRecovery.withdrawHint') : t('disasterRecovery.messageHint')
        }
        required
        autosize
        minRows={4}
        maxRows={12}
        value={message}
        onChange={(e) => edit(setMessage)(e.currentTarget.value)}
        error={err('message')}
        maxLength={5000}
        data-autofocus
      />
      <Select
        label={t('disasterRecovery.newStatus')}
        description={t('disasterRecovery.statusHint')}
        data={event.nextStatuses.map((s) => ({
          value: s,
          label:
            s === event.status
              ? t('disasterRecovery.keepStatus', { status: statusLabel(s) })
              : t('disasterRecovery.moveTo', { status: statusLabel(s) }),
        }))}
        value={status}
        onChange={(v) => v && edit(setStatus)(v as DrStatus)}
        allowDeselect={false}
        error={err('status')}
        comboboxProps={{ withinPortal: true }}
      />
      {restoring && (
        <DateTimeField
          label={t('disasterRecovery.recoveredAtLabel')}
          description={t('disasterRecovery.recoveredAtHint', { zone })}
          value={recoveredAt}
          onChange={edit(setRecoveredAt)}
          error={err('recoveredAt')}
        />
      )}
      {confirming && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlert />}
          title={t('disasterRecovery.confirmTitle', {
            number: event.number,
            from: statusLabel(event.status),
            to: statusLabel(status),
          })}
          data-testid="dr-confirm"
        >
          <Text size="sm">
            {t(`disasterRecovery.confirm_${status}`, { number: event.number, recovered: recoveredText })}
          </Text>
          <Group mt="xs">
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              {t('disasterRecovery.change')}
            </Button>
          </Group>
        </Alert>
      )}
    </FormModal>
  );
}
