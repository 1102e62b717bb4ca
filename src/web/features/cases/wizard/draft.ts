import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/problem.ts';
import type { CaseCategory, CaseImpact, ImpactInput, OpenCaseBody, Urgency } from '../types.ts';

/** The new-case form as the wizard fills it in, step by step. */
export interface Draft {
  category: CaseCategory | null;
  checked: boolean;
  customerId: string | null;
  contractNumber: string;
  impactMode: 'level' | 'share';
  impact: CaseImpact | null;
  /** Share of the partner's environment affected, in percent (0..100). */
  sharePct: number;
  urgency: Urgency | null;
  title: string;
  description: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export const STEPS = ['triage', 'customer', 'severity', 'details'] as const;
export const LAST_STEP = STEPS.length - 1;

/** The server's field paths (and the wizard's own checks), by the step that holds them. */
const FIELD_STEP: Record<string, number> = {
  category: 0,
  checked: 0,
  customerId: 1,
  contractNumber: 1,
  impact: 2,
  affectedShare: 2,
  urgency: 2,
  title: 3,
  description: 3,
  contact: 3,
  'contact.name': 3,
  'contact.phone': 3,
  'contact.email': 3,
};
export const FIELDS = Object.keys(FIELD_STEP);

export function stepOfField(field: string): number | undefined {
  return FIELD_STEP[field] ?? FIELD_STEP[field.split('.')[0] ?? ''];
}

/** The first step holding a field the server rejected; the last step when it named none. */
export function stepOfError(error: unknown): number {
  if (!isApiError(error)) return LAST_STEP;
  const steps = (error.problem.errors ?? [])
    .map((e) => stepOfField((e.path ?? '').replace(/^\/+/, '').replaceAll('/', '.')))
    .filter((s): s is number => s !== undefined);
  return steps.length ? Math.min(...steps) : LAST_STEP;
}

export function impactInput(d: Draft): ImpactInput | null {
  if (d.impactMode === 'share') return { affectedShare: Math.min(100, Math.max(0, d.sharePct)) / 100 };
  return d.impact ? { impact: d.impact } : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The wizard's own checks of one step, before it moves on (the server checks again). */
export function validateStep(step: number, d: Draft, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = (field: string, ok: unknown) => {
    if (!ok) errors[field] = t('validation.required');
  };
  if (step === 0) {
    required('category', d.category);
    if (!d.checked) errors.checked = t('newCase.checksRequired');
  } else if (step === 1) {
    required('customerId', d.customerId);
    required('contractNumber', d.contractNumber.trim());
  } else if (step === 2) {
    if (d.impactMode === 'level') required('impact', d.impact);
    required('urgency', d.urgency);
  } else if (step === 3) {
    required('title', d.title.trim());
    required('description', d.description.trim());
    required('contact.name', d.contactName.trim());
    required('contact.phone', d.contactPhone.trim());
    if (!EMAIL.test(d.contactEmail.trim())) errors['contact.email'] = t('newCase.invalidEmail');
  }
  return errors;
}

export function toBody(d: Draft): OpenCaseBody {
  return {
    customerId: d.customerId ?? '',
    contractNumber: d.contractNumber.trim(),
    title: d.title.trim(),
    description: d.description.trim(),
    category: d.category ?? 'how_to',
    urgency: d.urgency ?? 'low',
    ...(impactInput(d) ?? { impact: 'individualized' }),
    contact: { name: d.contactName.trim(), phone: d.contactPhone.trim(), email: d.contactEmail.trim() },
  };
}
