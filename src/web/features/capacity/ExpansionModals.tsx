import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useLocale, useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { FormError } from '../../components/states.tsx';
import { formatInstant, instantToWallTime, wallTimeToInstant } from '../../components/time.ts';
import { capacityCan } from './permissions.ts';
import { useCancelExpansion, useOpenCases, usePlanExpansion, useRequestExpansion } from './queries.ts';
import {
  CAPACITY_RESOURCES,
  type Capacity,
  type CapacityResource,
  type Expansion,
  RESOURCE_FIELDS,
} from './types.ts';

const ASK_FIELDS = ['resource', 'additional', 'caseId', 'reason'] as const;

/**
 * The partner asks for more capacity, citing one of the customer's open support cases (where the
 * expansion plan is worked out with the provider); with no open case, it links to open one.
 */
export function AskExpansionModal({
  opened,
  onClose,
  capacity,
}: {
  opened: boolean;
  onClose: () => void;
  capacity: Capacity;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cases = useOpenCases(capacity.customerId, opened);
  const request = useRequestExpansion();
  const [resource, setResource] = useState<CapacityResource>('knowledge_workers');
  const [additional, setAdditional] = useState<number | ''>('');
  const [caseId, setCaseId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = useServerErrors(request.error, ASK_FIELDS);

  // biome-ignore lint/correctness/useExhaustiveDependencies: start afresh each time it opens
  useEffect(() => {
    if (!opened) return;
    setResource('knowledge_workers');
    setAdditional('');
    setCaseId(null);
    setReason('');
    setLocal({});
    request.reset();
  }, [opened]);

  const openCases = cases.data?.items ?? [];
  const field = (name: string) => local[name] ?? server.field(name);

  const submit = () => {
    const errors: Record<string, string> = {};
    if (typeof additional !== 'number' || additional < 1 || !Number.isInteger(additional))
      errors.additional = t('capacity.expansion.additionalInvalid');
    if (!caseId) errors.caseId = t('capacity.expansion.caseRequired');
    if (!reason.trim()) errors.reason = t('validation.required');
    setLocal(errors);
    if (Object.keys(errors).length > 0 || !caseId || typeof additional !== 'number') return;
    request.mutate(
      { customerId: capacity.customerId, caseId, resource, additional, reason: reason.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('capacity.expansion.requested', { number: saved.caseNumber }),
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
      title={t('capacity.expansion.askTitle', { customer: capacity.customerName })}
      submitLabel={t('capacity.expansion.askSubmit')}
      busy={request.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <Text size="sm">{t('capacity.expansion.askIntro')}</Text>
      <Select
        label={t('capacity.expansion.resource')}
        required
        allowDeselect={false}
        data={CAPACITY_RESOURCES.map((r) => ({
          value: r,
          label: t('capacity.expansion.resourceNow', {
            resource: t(`capacity.resources.${r}`),
            entitled: capacity[RESOURCE_FIELDS[r]].entitled,
          }),
        }))}
        value={resource}
        onChange={(value) => value && setResource(value as CapacityResource)}
        error={field('resource')}
        comboboxProps={{ withinPortal: true }}
      />
      <NumberInput
        label={t('capacity.expansion.additional')}
        description={t('capacity.expansion.additionalHint')}
        required
        min={1}
        max={1_000_000}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator={false}
        value={additional}
        onChange={(value) => setAdditional(typeof value === 'number' ? value : '')}
        error={field('additional')}
      />
      <Stack gap={4}>
        <Select
          label={t('capacity.expansion.case')}
          description={t('capacity.expansion.caseHint')}
          placeholder={cases.isPending ? t('states.loading') : t('capacity.expansion.casePlaceholder')}
          required
          searchable
          nothingFoundMessage={t('list.noMatches')}
          data={openCases.map((c) => ({ value: c.id, label: `${c.number} · ${c.title}` }))}
          value={caseId}
          onChange={setCaseId}
          error={field('caseId')}
          disabled={!cases.isPending && openCases.length === 0}
          comboboxProps={{ withinPortal: true }}
        />
        {!cases.isPending && openCases.length === 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlert />} data-testid="no-open-case">
            <Text size="sm">{t('capacity.expansion.noOpenCase')}</Text>
          </Alert>
        )}
        {capacityCan.openCase(user) && (
          <Anchor component={Link} to="/cases/new" size="sm" fw={600}>
            {t('capacity.expansion.openCase')}
          </Anchor>
        )}
      </Stack>
      <Textarea
        label={t('capacity.expansion.reason')}
        description={t('capacity.expansion.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={field('reason')}
      />
    </FormModal>
  );
}

const PLAN_FIELDS = ['plannedFor', 'note'] as const;

/** The provider plans (or re-plans) when the expansion will be in place: a wall time in the viewer's zone. */
export function PlanModal({ expansion, onClose }: { expansion: Expansion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const plan = usePlanExpansion(expansion?.id ?? '');
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const server = useServerErrors(plan.error, PLAN_FIELDS);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another expansion is opened
  useEffect(() => {
    if (!expansion) return;
    setWhen(expansion.plannedFor ? instantToWallTime(expansion.plannedFor, zone) : '');
    setNote(expansion.planNote ?? '');
    setLocal(null);
    plan.reset();
  }, [expansion?.id]);

  const submit = () => {
    const instant = wallTimeToInstant(when, zone);
    if (!instant) return setLocal(t('validation.required'));
    setLocal(null);
    plan.mutate(
      { plannedFor: instant, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('capacity.expansion.planned', {
              when: formatInstant(saved.plannedFor, zone, locale),
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened={expansion !== null}
      onClose={onClose}
      title={
        expansion
          ? t(
              expansion.status === 'planned'
                ? 'capacity.expansion.replanTitle'
                : 'capacity.expansion.planTitle',
              {
                what: t(`capacity.expansion.what.${expansion.resource}`, { count: expansion.additional }),
              },
            )
          : ''
      }
      submitLabel={t('capacity.expansion.planSubmit')}
      busy={plan.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <DateTimeField
        label={t('capacity.expansion.plannedFor')}
        description={t('capacity.zoneHint', { zone })}
        required
        value={when}
        onChange={setWhen}
        error={local ?? server.field('plannedFor')}
        data-autofocus
      />
      <Textarea
        label={t('capacity.expansion.note')}
        description={t('capacity.expansion.noteHint')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={server.field('note')}
      />
    </FormModal>
  );
}

/** Either side withdraws an expansion that is not completed, saying why. */
export function CancelModal({ expansion, onClose }: { expansion: Expansion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelExpansion(expansion?.id ?? '');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const server = useServerErrors(cancel.error, ['reason']);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another expansion is opened
  useEffect(() => {
    if (!expansion) return;
    setReason('');
    setLocal(null);
    cancel.reset();
  }, [expansion?.id]);

  const submit = () => {
    if (!reason.trim()) return setLocal(t('validation.required'));
    setLocal(null);
    cancel.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('capacity.expansion.cancelled') });
          onClose();
        },
      },
    );
  };

  const what = expansion
    ? t(`capacity.expansion.what.${expansion.resource}`, { count: expansion.additional })
    : '';
  return (
    <Modal
      opened={expansion !== null}
      onClose={onClose}
      title={t('capacity.expansion.cancelTitle', { what })}
      centered
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {server.general ? <FormError error={server.general} /> : null}
          <Text size="sm">
            {t('capacity.expansion.cancelIntro', { what, number: expansion?.caseNumber ?? '' })}
          </Text>
          <Textarea
            label={t('capacity.expansion.cancelReason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={local ?? server.field('reason')}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('capacity.expansion.keep')}
            </Button>
            <Button type="submit" color="red.9" loading={cancel.isPending}>
              {t('capacity.expansion.cancelSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
