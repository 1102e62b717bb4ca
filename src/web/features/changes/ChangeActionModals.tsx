import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showDone } from '../../components/feedback.ts';
import { FormModal } from '../../components/forms.tsx';
import { ReasonModal } from '../../components/reason-modal.tsx';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { ViewerRange } from './ChangeWindow.tsx';
import { useCancelChange, useCompleteChange, useDeclineRequest } from './queries.ts';
import type { Change, RescheduleRequest } from './types.ts';

interface ModalProps {
  change: Change;
  opened: boolean;
  onClose: () => void;
}

/** The change is done: an optional closing note; subscribers are told. */
export function CompleteChangeModal({ change, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const complete = useCompleteChange(change.id);
  const [note, setNote] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setNote('');
    complete.reset();
  }, [opened]);

  const server = useFormErrors('changes', complete.error, ['note']);
  const submit = () =>
    complete.mutate(note.trim() ? { note: note.trim() } : {}, {
      onSuccess: (saved) => {
        showDone(t('changes.actions.completed', { reference: saved.reference }));
        onClose();
      },
    });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('changes.actions.completeTitle', { reference: change.reference })}
      submitLabel={t('changes.actions.complete')}
      busy={complete.isPending}
      error={null}
      onSubmit={submit}
    >
      <Text size="sm">{t('changes.actions.completeText')}</Text>
      <GeneralErrors errors={server} />
      <Textarea
        label={t('changes.actions.note')}
        description={t('changes.actions.noteHint')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={server.field('note')}
        data-autofocus
      />
    </FormModal>
  );
}

/** Call the change off: final, so the dialog says so and asks the reason the partners will read. */
export function CancelChangeModal({ change, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const cancel = useCancelChange(change.id);
  const server = useFormErrors('changes', cancel.error, ['reason']);
  const confirm = (reason: string) =>
    cancel.mutate(
      { reason },
      {
        onSuccess: (saved) => {
          showDone(t('changes.actions.cancelled', { reference: saved.reference }));
          onClose();
        },
      },
    );

  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title={t('changes.actions.cancelTitle', { reference: change.reference })}
      submitLabel={t('changes.actions.cancel')}
      busy={cancel.isPending}
      label={t('changes.actions.cancelReason')}
      error={server.field('reason')}
      resets={[cancel.reset]}
      onConfirm={confirm}
    >
      <Alert color="red" variant="light">
        <Text size="sm">{t('changes.actions.cancelText')}</Text>
      </Alert>
      <GeneralErrors errors={server} />
    </ReasonModal>
  );
}

/** Turn a partner's request down: the note is what the partner reads. */
export function DeclineRequestModal({
  request,
  opened,
  onClose,
}: {
  request: RescheduleRequest;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decline = useDeclineRequest();
  const server = useFormErrors('changes', decline.error, ['note']);
  const confirm = (note: string) =>
    decline.mutate(
      { id: request.id, note },
      {
        onSuccess: () => {
          showDone(t('reschedule.declined', { reference: request.changeReference }));
          onClose();
        },
      },
    );

  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title={t('reschedule.declineTitle', { reference: request.changeReference })}
      submitLabel={t('reschedule.decline')}
      busy={decline.isPending}
      label={t('reschedule.declineNote')}
      description={t('reschedule.declineNoteHint')}
      error={server.field('note')}
      resets={[decline.reset]}
      onConfirm={confirm}
    >
      <Stack gap={4}>
        <Text size="sm">
          {t('reschedule.askedBy', { partner: request.partnerName, who: request.requestedBy })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} fs="italic">
          {request.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reschedule.currentSlot')}:{' '}
          <ViewerRange start={request.changeStart} end={request.changeEnd} size="xs" />
        </Text>
      </Stack>
      <GeneralErrors errors={server} />
    </ReasonModal>
  );
}
