import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { showDone } from '../../components/feedback.ts';
import { useServerErrors } from '../../components/forms.tsx';
import { FormError } from '../../components/states.tsx';
import type { CaseDetail } from './types.ts';
import {
  type Draft,
  FIELDS,
  LAST_STEP,
  STEPS,
  stepOfError,
  stepOfField,
  toBody,
  validateStep,
} from './wizard/draft.ts';
import {
  CustomerStep,
  DetailsStep,
  Review,
  SeverityStep,
  type StepProps,
  TriageStep,
} from './wizard/steps.tsx';

const STEP_VIEW = [TriageStep, CustomerStep, SeverityStep, DetailsStep];

function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: Draft) => api.post<CaseDetail>('/cases', toBody(draft)),
    onSuccess: (created) => {
      queryClient.setQueryData(['cases', 'one', created.id], created);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'summary'] });
    },
  });
}

/**
 * The new-case wizard (partner support only): triage, customer and contract, impact and urgency
 * with the severity computed live, then the details. A field the server rejects sends the partner
 * back to the step that holds it, with the message next to the field.
 */
export default function NewCasePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(() => ({
    category: null,
    checked: false,
    customerId: null,
    contractNumber: '',
    impactMode: 'level',
    impact: null,
    sharePct: 50,
    urgency: null,
    title: '',
    description: '',
    contactName: user.name,
    contactPhone: '',
    contactEmail: user.email,
  }));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Fields changed since the server answered: its message on them no longer applies.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const openCase = useOpenCase();
  const server = useServerErrors(openCase.error, FIELDS);

  const set = useCallback((patch: Partial<Draft>) => {
    setDraft((old) => ({ ...old, ...patch }));
    setEdited((old) => new Set([...old, ...Object.keys(patch).map(fieldOfKey)]));
  }, []);
  const err = (field: string) => localErrors[field] ?? (edited.has(field) ? undefined : server.field(field));

  const next = () => {
    const errors = validateStep(step, draft, t);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (step < LAST_STEP) {
      setStep(step + 1);
      return;
    }
    setEdited(new Set());
    openCase.mutate(draft, {
      onSuccess: (created) => {
        showDone(t('newCase.opened', { number: created.number }));
        void navigate({ to: '/cases/$caseId', params: { caseId: created.id } });
      },
      onError: (error) => setStep(stepOfError(error)),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    next();
  };
  const back = () => {
    setLocalErrors({});
    setStep(Math.max(0, step - 1));
  };
  const stepHasError = (i: number) =>
    FIELDS.some((f) => stepOfField(f) === i && err(f) !== undefined) && i !== step;
  const props: StepProps = { draft, set, err };
  const View = STEP_VIEW[step] ?? TriageStep;

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.title')}
        </Anchor>
        <Text size="sm">{t('newCase.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('newCase.title')} subtitle={t('newCase.subtitle')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Stepper
          active={step}
          onStepClick={(i) => i < step && setStep(i)}
          allowNextStepsSelect={false}
          size="sm"
          mb="lg"
        >
          {STEPS.map((s, i) => (
            <Stepper.Step
              key={s}
              label={t(`newCase.stepShort_${s}`)}
              color={stepHasError(i) ? 'red' : undefined}
              aria-current={i === step ? 'step' : undefined}
            />
          ))}
        </Stepper>
        <form onSubmit={submit} noValidate aria-label={t('newCase.title')}>
          <Stack gap="lg">
            <View {...props} />
            {step === LAST_STEP && <Review draft={draft} />}
            {step === LAST_STEP && server.general ? <FormError error={server.general} /> : null}
            <Group justify="space-between">
              <Button variant="default" onClick={back} disabled={step === 0}>
                {t('newCase.back')}
              </Button>
              <Button type="submit" loading={openCase.isPending}>
                {step === LAST_STEP ? t('newCase.submit') : t('newCase.next')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

/** The error field a draft key feeds ("contactPhone" → "contact.phone"). */
function fieldOfKey(key: string): string {
  if (key === 'contactName') return 'contact.name';
  if (key === 'contactPhone') return 'contact.phone';
  if (key === 'contactEmail') return 'contact.email';
  if (key === 'sharePct') return 'affectedShare';
  return key;
}
