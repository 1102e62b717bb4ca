import {
  Alert,
  Anchor,
  Autocomplete,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../../api/policy.ts';
import { useTimeZone } from '../../../app/session.ts';
import { CustomerPicker } from '../../../components/entity-picker.tsx';
import { IconPhone } from '../../../components/icons.tsx';
import { todayIn } from '../../../components/time.ts';
import { useCustomer } from '../../customers/queries.ts';
import { SeverityBadge } from '../badges.tsx';
import { targetText } from '../format.ts';
import { useActiveContracts, useSeverityPreview } from '../queries.ts';
import { CategoryGuideView } from '../TriageGuide.tsx';
import {
  CASE_CATEGORIES,
  CASE_IMPACTS,
  type CaseCategory,
  type CaseImpact,
  URGENCIES,
  type Urgency,
} from '../types.ts';
import { type Draft, impactInput } from './draft.ts';

export interface StepProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  err: (field: string) => string | undefined;
}

function StepTitle({ step }: { step: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Title order={2} fz="lg">
        {t(`newCase.step_${step}`)}
      </Title>
      <Text size="sm" c="dimmed">
        {t(`newCase.stepHint_${step}`)}
      </Text>
    </Stack>
  );
}

/** Step 1: which kind of need, the guide for it, and the partner's word that first-line checks are done. */
export function TriageStep({ draft, set, err }: StepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <StepTitle step="triage" />
      <Radio.Group
        label={t('cases.category')}
        required
        value={draft.category ?? ''}
        onChange={(v) => set({ category: v as CaseCategory, checked: false })}
        error={err('category')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={8} mt={6}>
          {CASE_CATEGORIES.map((c) => (
            <Radio key={c} value={c} label={t(`caseCategory.${c}`)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {draft.category && (
        <Paper withBorder radius="md" p="md" bg="gray.0">
          <CategoryGuideView category={draft.category} />
        </Paper>
      )}
      <Checkbox
        label={t('newCase.checksDone')}
        checked={draft.checked}
        onChange={(e) => set({ checked: e.currentTarget.checked })}
        error={err('checked')}
        disabled={!draft.category}
      />
    </Stack>
  );
}

/** Step 2: the customer, and a contract of it that is valid today (suggested, still typed freely). */
export function CustomerStep({ draft, set, err }: StepProps) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const contracts = useActiveContracts(draft.customerId, todayIn(zone));
  const numbers = (contracts.data?.items ?? []).map((c) => c.number);
  const pickCustomer = (customerId: string | null) => set({ customerId, contractNumber: '' });
  // The customer's only valid contract is filled in once, when it arrives.
  const only = contracts.data?.items.length === 1 ? contracts.data.items[0] : undefined;
  const prefilled = useRef<string | null>(null);
  useEffect(() => {
    if (!only || prefilled.current === only.customerId || draft.contractNumber) return;
    prefilled.current = only.customerId;
    set({ contractNumber: only.number });
  }, [only, draft.contractNumber, set]);
  return (
    <Stack gap="md">
      <StepTitle step="customer" />
      <CustomerPicker
        label={t('fields.customer')}
        required
        showRegion
        value={draft.customerId}
        onChange={pickCustomer}
        error={err('customerId')}
      />
      <Autocomplete
        label={t('fields.contractNumber')}
        description={
          draft.customerId && !contracts.isPending
            ? numbers.length
              ? t('newCase.contractHint', { count: numbers.length })
              : t('newCase.noActiveContract')
            : t('newCase.contractHintNoCustomer')
        }
        required
        data={numbers}
        value={draft.contractNumber}
        onChange={(contractNumber) => set({ contractNumber })}
        error={err('contractNumber')}
        maxLength={64}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}

function ImpactLevels({ draft, set, err }: StepProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('cases.impact')}
      description={t('newCase.impactHint')}
      required
      value={draft.impact ?? ''}
      onChange={(v) => set({ impact: v as CaseImpact })}
      error={err('impact')}
    >
      <Stack gap={8} mt={8}>
        {CASE_IMPACTS.map((i) => (
          <Radio key={i} value={i} label={t(`caseImpact.${i}`)} description={t(`caseImpactHint.${i}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function ImpactShare({ draft, set, err }: StepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <NumberInput
        label={t('newCase.sharePct')}
        description={t('newCase.shareHint')}
        min={0}
        max={100}
        suffix=" %"
        clampBehavior="strict"
        value={draft.sharePct}
        onChange={(v) => set({ sharePct: typeof v === 'number' ? v : Number(v) || 0 })}
        error={err('affectedShare')}
        w={{ base: '100%', xs: 220 }}
      />
      <Slider
        thumbLabel={t('newCase.sharePct')}
        min={0}
        max={100}
        value={draft.sharePct}
        onChange={(sharePct) => set({ sharePct })}
        marks={[{ value: 25 }, { value: 50 }, { value: 75 }]}
        label={(v) => `${v} %`}
        mb="md"
      />
    </Stack>
  );
}

/** The severity the policy gives, asked live; S1 and S2 also tell the partner to call the TAC. */
function SeverityPreview({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const policy = usePolicy();
  const preview = useSeverityPreview(impactInput(draft), draft.urgency);
  const result = preview.data;
  if (!impactInput(draft) || !draft.urgency) {
    return (
      <Text size="sm" c="dimmed" data-testid="severity-preview">
        {t('newCase.severityPending')}
      </Text>
    );
  }
  if (!result) return <Text size="sm">{t('states.loading')}</Text>;
  const urgent = result.severity === 'S1' || result.severity === 'S2';
  const tac = policy.data?.tacPhone;
  return (
    <Stack gap="sm" aria-live="polite">
      <Paper withBorder radius="md" p="md" data-testid="severity-preview">
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {t('cases.severity')}:
          </Text>
          <SeverityBadge severity={result.severity} />
          {draft.impactMode === 'share' && (
            <Text size="sm" c="dimmed">
              ({t('cases.impact')}: {t(`caseImpact.${result.impact}`)})
            </Text>
          )}
        </Group>
        <Text size="sm" mt={6}>
          {targetText(policy.data?.responseTargets[result.severity], t)}
        </Text>
      </Paper>
      {urgent && (
        <Alert
          color="red.9"
          variant="filled"
          icon={<IconPhone />}
          title={t('newCase.callTacTitle', { severity: result.severity })}
          data-testid="tac-call"
        >
          <Text size="sm">
            {t('newCase.callTacDetail')}{' '}
            {tac && (
              <Anchor
                href={`tel:${tac.replace(/[^+\d]/g, '')}`}
                c="white"
                fw={800}
                fz="lg"
                underline="always"
              >
                {tac}
              </Anchor>
            )}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

/** Step 3: impact (a level, or the share affected) and urgency; the severity follows live. */
export function SeverityStep(props: StepProps) {
  const { t } = useTranslation();
  const { draft, set, err } = props;
  return (
    <Stack gap="md">
      <StepTitle step="severity" />
      <SegmentedControl
        aria-label={t('newCase.impactMode')}
        value={draft.impactMode}
        onChange={(v) => set({ impactMode: v as Draft['impactMode'] })}
        data={[
          { value: 'level', label: t('newCase.impactByLevel') },
          { value: 'share', label: t('newCase.impactByShare') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {draft.impactMode === 'level' ? <ImpactLevels {...props} /> : <ImpactShare {...props} />}
      <Radio.Group
        label={t('cases.urgency')}
        required
        value={draft.urgency ?? ''}
        onChange={(v) => set({ urgency: v as Urgency })}
        error={err('urgency')}
      >
        <Stack gap={8} mt={8}>
          {URGENCIES.map((u) => (
            <Radio key={u} value={u} label={t(`urgency.${u}`)} description={t(`urgencyHint.${u}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <SeverityPreview draft={draft} />
    </Stack>
  );
}

/** Step 4: what happened, who to call back, and a last look before opening the case. */
export function DetailsStep({ draft, set, err }: StepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <StepTitle step="details" />
      <TextInput
        label={t('cases.titleField')}
        required
        maxLength={200}
        value={draft.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={err('title')}
      />
      <Textarea
        label={t('cases.description')}
        description={t('newCase.descriptionHint')}
        required
        autosize
        minRows={5}
        maxRows={16}
        maxLength={20_000}
        value={draft.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={err('description')}
      />
      <Title order={3} fz="md">
        {t('cases.contact')}
      </Title>
      <Text size="sm" c="dimmed" mt={-8}>
        {t('newCase.contactHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('newCase.contactName')}
          required
          maxLength={200}
          value={draft.contactName}
          onChange={(e) => set({ contactName: e.currentTarget.value })}
          error={err('contact.name')}
        />
        <TextInput
          type="tel"
          label={t('newCase.contactPhone')}
          required
          maxLength={40}
          value={draft.contactPhone}
          onChange={(e) => set({ contactPhone: e.currentTarget.value })}
          error={err('contact.phone')}
        />
        <TextInput
          type="email"
          label={t('newCase.contactEmail')}
          required
          maxLength={254}
          value={draft.contactEmail}
          onChange={(e) => set({ contactEmail: e.currentTarget.value })}
          error={err('contact.email')}
        />
      </SimpleGrid>
    </Stack>
  );
}

function ReviewRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} miw={150}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Group>
  );
}

/** What will be sent, at a glance, before the partner opens the case. */
export function Review({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const preview = useSeverityPreview(impactInput(draft), draft.urgency);
  const customer = useCustomer(draft.customerId ?? '').data;
  const level = draft.impactMode === 'share' ? preview.data?.impact : draft.impact;
  const impact = [
    draft.impactMode === 'share' ? `${draft.sharePct} %` : '',
    level ? t(`caseImpact.${level}`) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="review-title"
      data-testid="review"
    >
      <Title order={3} fz="md" mb="xs" id="review-title">
        {t('newCase.review')}
      </Title>
      <Stack gap={4}>
        <ReviewRow label={t('cases.category')}>
          {draft.category && t(`caseCategory.${draft.category}`)}
        </ReviewRow>
        <ReviewRow label={t('fields.customer')}>{customer?.name ?? '—'}</ReviewRow>
        <ReviewRow label={t('fields.contractNumber')}>{draft.contractNumber || '—'}</ReviewRow>
        <ReviewRow label={t('cases.impact')}>{impact || '—'}</ReviewRow>
        <ReviewRow label={t('cases.urgency')}>
          {draft.urgency ? t(`urgency.${draft.urgency}`) : '—'}
        </ReviewRow>
        <ReviewRow label={t('cases.severity')}>
          {preview.data ? <SeverityBadge severity={preview.data.severity} /> : '—'}
        </ReviewRow>
      </Stack>
    </Paper>
  );
}
