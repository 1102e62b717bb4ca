import { Alert, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useTimeZone } from '../../app/session.ts';
import { FormModal } from '../../components/forms.tsx';
import { ErrorState } from '../../components/states.tsx';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { ViewerRange } from './ChangeWindow.tsx';
import { CheckPanel } from './CheckPanel.tsx';
import { switchZone } from './draft.ts';
import { readWallTime, toWallTime } from './local-time.ts';
import { CHANGES_KEY, useChange, useChangeCheck, useNextSlot, useRescheduleChange } from './queries.ts';
import { ViolationList, violationsOf } from './rules.tsx';
import { SlotFields } from './SlotFields.tsx';
import type { ChangeCustomer, ChangeDetail, ChangeInput, RescheduleRequest, Slot } from './types.ts';

/** Every affected customer's id: the detail holds the first 200, the rest are paged in. */
function useAllCustomerIds(change: ChangeDetail | undefined, enabled: boolean) {
  const complete = !!change && change.customers.length >= change.customerCount;
  const rest = useQuery({
    queryKey: [CHANGES_KEY, 'customers', change?.id, 'all-ids'],
    queryFn: async ({ signal }) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<ChangeCustomer> = await api.get<Page<ChangeCustomer>>(
          `/changes/${change?.id}/customers`,
          { limit: 200, cursor: cursor ?? undefined },
          signal,
        );
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    },
    enabled: enabled && !!change && !complete,
    staleTime: 60_000,
  });
  if (!change) return undefined;
  return complete ? change.customers.map((c) => c.id) : rest.data;
}

/** The change as a check body at a new slot: same type, customers, reasons and flags. */
function checkBody(change: ChangeDetail, customerIds: string[], slot: Slot): ChangeInput {
  return {
    type: change.type,
    title: change.title,
    customerIds,
    start: slot.start,
    end: slot.end,
    ...(change.reason ? { reason: change.reason } : {}),
    ...(change.emergencyReason ? { emergencyReason: change.emergencyReason } : {}),
    ...(change.certificateExpiresAt ? { certificateExpiresAt: change.certificateExpiresAt } : {}),
    ...(change.emergency ? { emergency: true } : {}),
    ...(change.noImpact ? { noImpact: true } : {}),
  };
}

/**
 * The provider moves a change: the form opens on the earliest slot that breaks no rule, checks any
 * other slot live under the same rules, and grants the open reschedule requests on saving.
 */
export function RescheduleModal({
  changeId,
  request,
  opened,
  onClose,
}: {
  changeId: string;
  /** The request being answered, when the dialog was opened from one. */
  request?: RescheduleRequest | undefined;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const viewerZone = useTimeZone();
  const detail = useChange(changeId);
  const change = detail.data;
  const next = useNextSlot(changeId, opened);
  const customerIds = useAllCustomerIds(change, opened);
  const reschedule = useRescheduleChange(changeId);
  const [slot, setSlot] = useState({ start: '', end: '', zone: viewerZone });
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setSlot({ start: '', end: '', zone: viewerZone });
    setNote('');
    setTouched(false);
    reschedule.reset();
  }, [opened]);

  // The suggestion fills the form once it arrives, unless the provider has typed already.
  useEffect(() => {
    const suggested = next.data?.slot;
    if (!opened || touched || !suggested) return;
    setSlot((old) => ({
      ...old,
      start: toWallTime(suggested.start, old.zone),
      end: toWallTime(suggested.end, old.zone),
    }));
  }, [next.data, opened, touched]);

  const instants = useMemo(() => {
    const start = readWallTime(slot.start, slot.zone);
    const end = readWallTime(slot.end, slot.zone);
    return start && end ? { start: start.instant, end: end.instant } : null;
  }, [slot]);
  const [debounced] = useDebouncedValue(instants, 400);
  const body = change && customerIds && debounced ? checkBody(change, customerIds, debounced) : null;
  const check = useChangeCheck(opened ? body : null);

  const server = useFormErrors('changes', reschedule.error, ['note']);
  const refused = violationsOf(reschedule.error);
  const [localErrors, setLocalErrors] = useState<{ start?: string; end?: string }>({});

  const update = (patch: { start?: string; end?: string; zone?: string }) => {
    setTouched(true);
    setLocalErrors({});
    setSlot((old) =>
      patch.zone && patch.zone !== old.zone ? switchZone(old, patch.zone) : { ...old, ...patch },
    );
  };
  const takeSlot = (s: Slot) => {
    setTouched(true);
    setSlot((old) => ({ ...old, start: toWallTime(s.start, old.zone), end: toWallTime(s.end, old.zone) }));
  };

  const submit = () => {
    const errors: { start?: string; end?: string } = {};
    if (!readWallTime(slot.start, slot.zone))
      errors.start = t(slot.start ? 'changes.form.invalidTime' : 'validation.required');
    if (!readWallTime(slot.end, slot.zone))
      errors.end = t(slot.end ? 'changes.form.invalidTime' : 'validation.required');
    setLocalErrors(errors);
    if (!instants || Object.keys(errors).length > 0) return;
    reschedule.mutate(
      { start: instants.start, end: instants.end, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('reschedule.moved', { reference: saved.reference }),
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
      title={t('reschedule.pickTitle', { reference: change?.reference ?? request?.changeReference ?? '' })}
      submitLabel={t('reschedule.moveSubmit')}
      busy={reschedule.isPending}
      error={null}
      onSubmit={submit}
      size="lg"
    >
      {detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !change ? (
        <Skeleton height={160} />
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('reschedule.pickText')}</Text>
          <Text size="sm">
            {t('reschedule.currentSlot')}: <ViewerRange start={change.start} end={change.end} />
          </Text>
          {request && (
            <Alert
              color="gray"
              variant="light"
              title={t('reschedule.askedBy', { partner: request.partnerName, who: request.requestedBy })}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {request.reason}
              </Text>
            </Alert>
          )}
          {next.isSuccess && !next.data.slot && (
            <Alert color="orange" variant="light">
              <Text size="sm">{t('reschedule.noSuggestion')}</Text>
            </Alert>
          )}
          <GeneralErrors errors={refused.length > 0 ? { ...server, general: [] } : server} />
          {refused.length > 0 && (
            <Alert color="red" variant="light" role="alert" title={t('reschedule.refused')}>
              <ViolationList violations={refused} />
            </Alert>
          )}
          <SlotFields
            start={slot.start}
            end={slot.end}
            zone={slot.zone}
            regions={change.regions}
            onChange={update}
            errors={localErrors}
          />
          <CheckPanel
            check={check.data}
            checking={check.isFetching || (!!instants && instants !== debounced) || next.isPending}
            error={check.error}
            incomplete={instants ? null : t('changes.check.needSlot')}
            onUseSlot={takeSlot}
            current={instants}
            showAudience={false}
          />
          <Textarea
            label={t('reschedule.moveNote')}
            description={t('reschedule.moveNoteHint')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={server.field('note')}
          />
        </Stack>
      )}
    </FormModal>
  );
}
