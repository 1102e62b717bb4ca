import { Checkbox, NumberInput, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.ts';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { showDone } from '../../components/feedback.ts';
import { FormModal } from '../../components/forms.tsx';
import { formatInstant } from '../../components/time.ts';
import { ChangeTextFields, EmergencyReasonSelect } from '../changes/ChangeFields.tsx';
import { ChangeSelectionFields } from '../changes/ChangeSelectionFields.tsx';
import { usePlanErrors } from '../changes/plan-errors.ts';
import { GeneralErrors } from '../disaster-recovery/form-errors.tsx';
import {
  COP_DURATION,
  COP_INSTALL_FIELDS,
  type CopInstallDraft,
  type CopInstallErrorCode,
  copInstallBody,
  EMPTY_COP_INSTALL,
  fileNameError,
} from './cop-install.ts';
import { usePlanCopInstall } from './queries.ts';
import { EXAMPLE_FILE } from './RequestCopModal.tsx';

/**
 * The provider installs a COP file itself (POST /cop-installs): the file, who it is for, and how
 * long it takes; the server picks the slot — the first after the notice period inside every affected
 * region's window, or for an emergency the next provider window without notice — and creates the
 * change, which opens next. The file name is checked as the user leaves the box; the server's 422
 * lands on the field its path names, and goes away once that field is edited.
 */
export function CopInstallModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const zone = useTimeZone();
  const locale = useLocale();
  const policy = usePolicy();
  const plan = usePlanCopInstall();
  const [draft, setDraft] = useState<CopInstallDraft>(EMPTY_COP_INSTALL);
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, CopInstallErrorCode>>>({});
  // Fields edited since the server answered: its word on them no longer applies.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  // Counts refusals (local or the server's): each brings the first field in error into focus.
  const [refusals, setRefusals] = useState(0);

  useEffect(() => {
    if (refusals === 0) return;
    const dialog = document.querySelector('[role="dialog"][aria-modal="true"]');
    const field = dialog?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else dialog?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'nearest' });
  }, [refusals]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setDraft(EMPTY_COP_INSTALL);
    setLocalErrors({});
    setEdited(new Set());
    plan.reset();
  }, [opened]);

  const limits = { min: COP_DURATION.min, max: COP_DURATION.max };
  const server = usePlanErrors('copRequests.install', plan.error, COP_INSTALL_FIELDS, {
    generalCodes: ['no_slot'],
    values: limits,
  });
  const local = (field: string) => {
    const code = localErrors[field];
    if (!code) return undefined;
    return code === 'required' ? t('validation.required') : t(`copRequests.install.errors.${code}`, limits);
  };
  const err = (field: string) => local(field) ?? (edited.has(field) ? undefined : server.field(field));

  const set = (patch: Partial<CopInstallDraft>) => {
    setDraft((old) => ({ ...old, ...patch }));
    const keys = Object.keys(patch);
    setEdited((old) => new Set([...old, ...keys]));
    setLocalErrors((old) => {
      const next = { ...old };
      for (const key of keys) delete next[key];
      // Any selector answers "choose somebody", which is shown on the customers.
      if (keys.some((k) => ['partnerIds', 'regions', 'versions'].includes(k))) delete next.customerIds;
      // The file name is judged again as it is typed once it has been found wrong.
      if (patch.fileName !== undefined && old.fileName) {
        const again = fileNameError(patch.fileName);
        if (again) next.fileName = again;
      }
      return next;
    });
  };

  const submit = () => {
    const { body, errors } = copInstallBody(draft, zone);
    setLocalErrors(errors);
    if (!body) return setRefusals((n) => n + 1);
    setEdited(new Set());
    plan.mutate(body, {
      onError: () => setRefusals((n) => n + 1),
      onSuccess: (change) => {
        showDone(
          t(change.emergency ? 'copRequests.install.plannedEmergency' : 'copRequests.install.planned', {
            reference: change.reference,
            start: formatInstant(change.start, zone, locale),
          }),
        );
        onClose();
        void navigate({ to: '/changes/$changeId', params: { changeId: change.id } });
      },
    });
  };

  const days = policy.data?.changes.noticeBusinessDays ?? 10;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('copRequests.install.title')}
      submitLabel={t('copRequests.install.submit')}
      busy={plan.isPending}
      error={null}
      onSubmit={submit}
      size="lg"
    >
      <Text size="sm">{t('copRequests.install.intro', { days })}</Text>
      <GeneralErrors errors={server} />
      <TextInput
        label={t('copRequests.fileName')}
        description={t('copRequests.fileNameHint', { example: EXAMPLE_FILE })}
        placeholder={EXAMPLE_FILE}
        required
        spellCheck={false}
        autoComplete="off"
        maxLength={255}
        value={draft.fileName}
        onChange={(e) => set({ fileName: e.currentTarget.value })}
        onBlur={() => {
          const problem = draft.fileName ? fileNameError(draft.fileName) : undefined;
          if (problem) setLocalErrors((old) => ({ ...old, fileName: problem }));
        }}
        error={err('fileName')}
        data-autofocus
      />
      <ChangeSelectionFields value={draft} onChange={set} err={err} />
      <Checkbox
        label={t('copRequests.install.emergency')}
        description={t('copRequests.install.emergencyHint')}
        checked={draft.emergency}
        onChange={(e) =>
          set(e.currentTarget.checked ? { emergency: true } : { emergency: false, emergencyReason: null })
        }
        error={err('emergency')}
      />
      {draft.emergency && (
        <EmergencyReasonSelect
          value={draft.emergencyReason}
          onChange={(emergencyReason) => set({ emergencyReason })}
          error={err('emergencyReason')}
        />
      )}
      <NumberInput
        label={t('copRequests.install.duration')}
        description={t('copRequests.install.durationHint', limits)}
        required
        min={COP_DURATION.min}
        max={COP_DURATION.max}
        step={15}
        allowDecimal={false}
        allowNegative={false}
        value={draft.durationMinutes}
        onChange={(v) => set({ durationMinutes: v === '' ? '' : Number(v) })}
        error={err('durationMinutes')}
        w={{ base: '100%', xs: 220 }}
      />
      <DateTimeField
        label={t('copRequests.install.after')}
        description={t('copRequests.install.afterHint', { zone })}
        value={draft.after}
        onChange={(v) => set({ after: v })}
        error={err('after')}
      />
      <ChangeTextFields
        value={draft}
        onChange={set}
        err={err}
        titleHint={t('copRequests.install.titleHint')}
        titlePlaceholder={t('copRequests.install.titlePlaceholder', {
          fileName: draft.fileName.trim() || EXAMPLE_FILE,
        })}
        descriptionHint={t('copRequests.install.descriptionHint')}
        compact
      />
    </FormModal>
  );
}
