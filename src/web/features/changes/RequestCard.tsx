import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { confirmAction, Instant } from '../../components/common.tsx';
import { showActionError, showDone } from '../../components/feedback.ts';
import { LateBadge, RequestStatusBadge } from './badges.tsx';
import { useWithdrawRequest } from './queries.ts';
import type { RescheduleRequest } from './types.ts';

/** Withdraw an open request (the partner that asked), after asking. */
export function useWithdraw() {
  const { t } = useTranslation();
  const withdraw = useWithdrawRequest();
  return (request: RescheduleRequest) =>
    confirmAction({
      title: t('reschedule.withdrawTitle', { reference: request.changeReference }),
      message: t('reschedule.withdrawText'),
      confirmLabel: t('reschedule.withdraw'),
      cancelLabel: t('actions.cancel'),
      danger: true,
      onConfirm: () =>
        withdraw.mutate(
          { id: request.id },
          {
            onSuccess: () => showDone(t('reschedule.withdrawn', { reference: request.changeReference })),
            onError: (error) => showActionError(error, t),
          },
        ),
    });
}

/** One request on a change's page: who asked, why, when, and what became of it. */
export function RequestCard({
  request,
  onDecline,
  onPickSlot,
}: {
  request: RescheduleRequest;
  onDecline: () => void;
  onPickSlot: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const withdraw = useWithdraw();
  const open = request.status === 'open';
  const provider = can.manageChanges(user);
  const mine = can.askReschedule(user) && user.partnerId === request.partnerId;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="reschedule-request"
      data-status={request.status}
      data-late={request.late}
      style={request.late && open ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs">
            <RequestStatusBadge status={request.status} />
            {request.late && <LateBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {t('reschedule.askedBy', { partner: request.partnerName, who: request.requestedBy })} ·{' '}
            <Instant value={request.requestedAt} size="xs" />
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {request.reason}
        </Text>
        {request.decidedAt && (
          <Text size="xs" c="dimmed">
            {t(`reschedule.decided_${request.status}`, { who: request.decidedBy ?? '—' })} ·{' '}
            <Instant value={request.decidedAt} size="xs" />
          </Text>
        )}
        {request.decisionNote && (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            data-testid="decision-note"
          >
            {request.decisionNote}
          </Text>
        )}
        {open && (provider || mine) && (
          <Group gap="xs" justify="flex-end">
            {provider && (
              <>
                <Button size="xs" onClick={onPickSlot}>
                  {t('reschedule.pickSlot')}
                </Button>
                <Button size="xs" variant="outline" color="red.9" onClick={onDecline}>
                  {t('reschedule.decline')}
                </Button>
              </>
            )}
            {mine && (
              <Button size="xs" variant="outline" color="red.9" onClick={() => withdraw(request)}>
                {t('reschedule.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
