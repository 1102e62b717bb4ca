import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDone } from '../../components/feedback.ts';
import { ReasonModal } from '../../components/reason-modal.tsx';
import type { ChangeRequest } from '../changes/types.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
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
  const server = useFormErrors('changeRequests', decide.error, ['note']);
  const confirm = (note: string) =>
    decide.mutate(
      { note },
      {
        onSuccess: (saved) => {
          showDone(t(`changeRequests.${decision}d`, { reference: saved.reference }));
          onClose();
        },
      },
    );

  const reject = decision === 'reject';
  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title={t(reject ? 'changeRequests.rejectTitle' : 'changeRequests.approveTitle', {
        reference: request.reference,
      })}
      submitLabel={t(reject ? 'changeRequests.reject' : 'changeRequests.approve')}
      busy={decide.isPending}
      danger={reject}
      label={t('changeRequests.note')}
      description={t(reject ? 'changeRequests.rejectNoteHint' : 'changeRequests.approveNoteHint')}
      error={server.field('note')}
      resets={[decide.reset]}
      onConfirm={confirm}
    >
      {reject ? (
        <Alert color="red" variant="light">
          <Text size="sm">{t('changeRequests.rejectWarning', { title: request.title })}</Text>
        </Alert>
      ) : (
        <Text size="sm">{t('changeRequests.approveText', { title: request.title })}</Text>
      )}
      <GeneralErrors errors={server} />
    </ReasonModal>
  );
}
