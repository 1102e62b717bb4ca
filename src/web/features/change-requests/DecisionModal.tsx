import { Alert, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useRequiredText } from '../../components/use-required-text.ts';
import type { ChangeRequest } from '../changes/types.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { DialogForm } from './DialogForm.tsx';
import { useDecide } from './queries.ts';

/**
 * The provider's decision at the end of the joint review, with the note the partner reads. Rejecting
 * is final, so its dialog says so and its button is red: the dialog is the confirmation.
 */
export function DecisionModal({
  request,
  decision,
  opened,
  onClose,
}: {
  request: ChangeRequest;
  decision: 'approve' | 'reject';
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide(request.id, decision);
  const note = useRequiredText(opened, [decide.reset]);

  const server = useFormErrors('changeRequests', decide.error, ['note']);
  const submit = () => {
    const text = note.take();
    if (text === null) return;
    decide.mutate(
      { note: text },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t(`changeRequests.${decision}d`, { reference: saved.reference }),
          });
          onClose();
        },
      },
    );
  };

  const reject = decision === 'reject';
  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={t(reject ? 'changeRequests.rejectTitle' : 'changeRequests.approveTitle', {
        reference: request.reference,
      })}
      submitLabel={t(reject ? 'changeRequests.reject' : 'changeRequests.approve')}
      busy={decide.isPending}
      onSubmit={submit}
      danger={reject}
    >
      {reject ? (
        <Alert color="red" variant="light">
          <Text size="sm">{t('changeRequests.rejectWarning', { title: request.title })}</Text>
        </Alert>
      ) : (
        <Text size="sm">{t('changeRequests.approveText', { title: request.title })}</Text>
      )}
      <GeneralErrors errors={server} />
      <Textarea
        label={t('changeRequests.note')}
        description={t(reject ? 'changeRequests.rejectNoteHint' : 'changeRequests.approveNoteHint')}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        value={note.text}
        onChange={(e) => note.setText(e.currentTarget.value)}
        error={note.error ?? server.field('note')}
        data-autofocus
      />
    </DialogForm>
  );
}
