import {
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { useTimeZone } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { showDone } from '../../components/feedback.ts';
import { FormError } from '../../components/states.tsx';
import { ChangeTextFields, EmergencyReasonSelect } from './ChangeFields.tsx';
import { ChangeSelectionFields } from './ChangeSelectionFields.tsx';
import { CheckPanel } from './CheckPanel.tsx';
import {
  type ChangeDraft,
  type DraftErrorCode,
  draftToInput,
  emptyDraft,
  fieldOfPath,
  relevantFields,
  switchZone,
} from './draft.ts';
import { toWallTime } from './local-time.ts';
import { useChangeCheck, useCreateChange } from './queries.ts';
import { useRuleText, ViolationList, violationsOf } from './rules.tsx';
import { SlotFields } from './SlotFields.tsx';
import {
  CHANGE_TYPES,
  type ChangeInput,
  type ChangeType,
  type Slot,
  UPGRADE_REASONS,
  type UpgradeReason,
} from './types.ts';

const LOCAL_ERROR_KEY: Record<DraftErrorCode, string> = {
  required: 'validation.required',
  invalid_time: 'changes.form.invalidTime',
  no_selection: 'changes.form.noSelection',
  end_before_start: 'changes.form.endBeforeStart',
};

/** The fields that belong to one type only: why an upgrade, which emergency, when the certificate expires. */
function TypeFields({
  draft,
  set,
  err,
}: {
  draft: ChangeDraft;
  set: (patch: Partial<ChangeDraft>) => void;
  err: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const show = relevantFields(draft.type, draft.emergency);
  return (
    <>
      {show.emergency && (
        <Checkbox
          label={t('changes.form.emergencyFlag')}
          description={t('changes.form.emergencyFlagHint')}
          checked={draft.emergency}
          onChange={(e) => set({ emergency: e.currentTarget.checked })}
          error={err('emergency')}
        />
      )}
      {show.noImpact && (
        <Checkbox
          label={t('changes.form.noImpact')}
          description={t('changes.form.noImpactHint')}
          checked={draft.noImpact}
          onChange={(e) => set({ noImpact: e.currentTarget.checked })}
          error={err('noImpact')}
        />
      )}
      {show.reason && (
        <Select
          label={t('changes.upgradeReason')}
          required
          data={UPGRADE_REASONS.map((r) => ({ value: r, label: t(`changes.upgradeReasons.${r}`) }))}
          value={draft.reason}
          onChange={(v) => set({ reason: v as UpgradeReason | null })}
          error={err('reason')}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {show.emergencyReason && (
        <EmergencyReasonSelect
          value={draft.emergencyReason}
          onChange={(emergencyReason) => set({ emergencyReason })}
          error={err('emergencyReason')}
        />
      )}
      {show.certificateExpiresAt && (
        <DateTimeField
          label={t('changes.certificateExpiresAt')}
          description={t('changes.form.certificateHint', { zone: draft.zone })}
          required
          value={draft.certificateExpiresAt}
          onChange={(v) => set({ certificateExpiresAt: v })}
          error={err('certificateExpiresAt')}
        />
      )}
    </>
  );
}

/**
 * The provider plans a change: type, who it reaches, the slot typed in any region's clock, and the
 * type's own fields; every scheduling rule is checked live as the form fills, with the next slot
 * that breaks none one click away. The server checks again on saving (422 names each rule).
 */
export default function NewChangePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewerZone = useTimeZone();
  const ruleText = useRuleText();
  const create = useCreateChange();
  const [draft, setDraft] = useState<ChangeDraft>(() => emptyDraft(viewerZone));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Fields changed since the server answered: its message on them no longer applies.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());

  const set = useCallback((patch: Partial<ChangeDraft>) => {
    setDraft((old) =>
      patch.zone && patch.zone !== old.zone
        ? { ...switchZone(old, patch.zone), ...patch, zone: patch.zone }
        : { ...old, ...patch },
    );
    setEdited((old) => new Set([...old, ...Object.keys(patch)]));
    setLocalErrors((old) => {
      const next = { ...old };
      for (const key of Object.keys(patch)) delete next[key];
      if ('customerIds' in patch || 'partnerIds' in patch || 'regions' in patch || 'versions' in patch)
        delete next.selection;
      return next;
    });
  }, []);

  // Live check: the draft as it would be sent, settled for 400 ms.
  const checkInput = draftToInput(draft, true).input;
  const [checkKey] = useDebouncedValue(checkInput ? JSON.stringify(checkInput) : '', 400);
  const debouncedInput = useMemo(() => (checkKey ? (JSON.parse(checkKey) as ChangeInput) : null), [checkKey]);
  const check = useChangeCheck(debouncedInput);
  const settling = (checkInput ? JSON.stringify(checkInput) : '') !== checkKey;

  const serverErrors: Record<string, string> = {};
  if (isApiError(create.error)) {
    for (const e of create.error.problem.errors ?? []) {
      const field = fieldOfPath(e.path);
      if (field !== 'general') serverErrors[field] ??= ruleText(e);
    }
  }
  const refused = violationsOf(create.error);
  const err = (field: string) => localErrors[field] ?? (edited.has(field) ? undefined : serverErrors[field]);
  const startError = err('start');
  const endError = err('end');

  const takeSlot = (slot: Slot) =>
    set({ start: toWallTime(slot.start, draft.zone), end: toWallTime(slot.end, draft.zone) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors } = draftToInput(draft);
    const texts: Record<string, string> = {};
    for (const [field, code] of Object.entries(errors)) texts[field] = t(LOCAL_ERROR_KEY[code]);
    setLocalErrors(texts);
    if (!input) return;
    setEdited(new Set());
    create.mutate(input, {
      onSuccess: (created) => {
        showDone(t('changes.form.created', { reference: created.reference }));
        void navigate({ to: '/changes/$changeId', params: { changeId: created.id } });
      },
    });
  };

  const incomplete = !draft.type
    ? t('changes.check.needType')
    : draft.customerIds.length + draft.partnerIds.length + draft.regions.length + draft.versions.length === 0
      ? t('changes.check.needSelection')
      : !checkInput
        ? t('changes.check.needSlot')
        : null;
  const generalError =
    create.error && refused.length === 0 && Object.keys(serverErrors).length === 0 ? create.error : null;

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/changes" size="sm">
          {t('changes.title')}
        </Anchor>
        <Text size="sm">{t('changes.new')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('changes.form.title')} subtitle={t('changes.form.subtitle')} />
      <form onSubmit={submit} noValidate aria-label={t('changes.form.title')}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
              <Stack gap="md">
                {refused.length > 0 && (
                  <Alert
                    color="red"
                    variant="light"
                    role="alert"
                    title={t('changes.form.refused')}
                    data-testid="create-refused"
                  >
                    <ViolationList violations={refused} />
                  </Alert>
                )}
                {generalError ? <FormError error={generalError} /> : null}
                <Select
                  label={t('changes.type')}
                  required
                  data={CHANGE_TYPES.map((type) => ({ value: type, label: t(`changes.types.${type}`) }))}
                  value={draft.type}
                  onChange={(v) => set({ type: v as ChangeType | null })}
                  error={err('type')}
                  description={draft.type ? t(`changes.typeHints.${draft.type}`) : undefined}
                  comboboxProps={{ withinPortal: true }}
                />
                <ChangeTextFields
                  value={draft}
                  onChange={set}
                  err={err}
                  titleRequired
                  descriptionHint={t('changes.form.descriptionHint')}
                />
                <ChangeSelectionFields
                  value={draft}
                  onChange={set}
                  err={err}
                  error={err('selection')}
                  section
                />
                <Box>
                  <Title order={2} fz="md" mb={4}>
                    {t('changes.form.when')}
                  </Title>
                  <SlotFields
                    start={draft.start}
                    end={draft.end}
                    zone={draft.zone}
                    regions={check.data?.regions ?? draft.regions}
                    onChange={set}
                    errors={{ start: startError, end: endError }}
                  />
                </Box>
                <TypeFields draft={draft} set={set} err={err} />
                <Group justify="space-between" mt="xs">
                  <Button variant="default" component={Link} to="/changes">
                    {t('actions.cancel')}
                  </Button>
                  <Button type="submit" loading={create.isPending}>
                    {t('changes.form.submit')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper
              withBorder
              radius="md"
              p={{ base: 'sm', sm: 'lg' }}
              style={{ position: 'sticky', top: 76 }}
            >
              <CheckPanel
                check={incomplete ? undefined : check.data}
                checking={!incomplete && (check.isFetching || settling)}
                error={incomplete ? null : check.error}
                incomplete={incomplete}
                onUseSlot={takeSlot}
                current={checkInput ? { start: checkInput.start, end: checkInput.end } : null}
              />
            </Paper>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
