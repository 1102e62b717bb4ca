import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../api/problem.ts';
import { type Draft, LAST_STEP, stepOfError, toBody, validateStep } from './draft.ts';

const t = ((key: string) => key) as unknown as TFunction;

const draft: Draft = {
  category: 'availability',
  checked: true,
  customerId: '3b416f02-31a7-4a4a-b4c1-4e46890d4781',
  contractNumber: ' DI-2026-00001 ',
  impactMode: 'level',
  impact: 'widespread',
  sharePct: 50,
  urgency: 'critical',
  title: 'No calls',
  description: 'Nothing rings.',
  contactName: 'Desk',
  contactPhone: '+1 312 555 0100',
  contactEmail: 'desk@partner.example',
};

const problem = (paths: string[]) =>
  new ApiError({
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    errors: paths.map((path) => ({ code: 'x', path, message: 'bad' })),
  });

describe('new-case wizard', () => {
  test('a server error goes back to the first step holding a rejected field', () => {
    expect(stepOfError(problem(['/contact/phone', '/contractNumber']))).toBe(1);
    expect(stepOfError(problem(['contact.email']))).toBe(3);
    expect(stepOfError(problem(['/affectedShare']))).toBe(2);
    expect(stepOfError(problem(['/category']))).toBe(0);
    expect(stepOfError(problem([]))).toBe(LAST_STEP);
    expect(stepOfError(new Error('network'))).toBe(LAST_STEP);
  });

  test('each step checks its own fields', () => {
    expect(validateStep(0, { ...draft, checked: false }, t)).toEqual({ checked: 'newCase.checksRequired' });
    expect(validateStep(1, { ...draft, contractNumber: '  ' }, t)).toEqual({
      contractNumber: 'validation.required',
    });
    expect(validateStep(2, { ...draft, impact: null }, t)).toEqual({ impact: 'validation.required' });
    expect(validateStep(2, { ...draft, impact: null, impactMode: 'share' }, t)).toEqual({});
    expect(validateStep(3, { ...draft, contactEmail: 'nope' }, t)).toEqual({
      'contact.email': 'newCase.invalidEmail',
    });
  });

  test('the body gives exactly one of impact and affected share', () => {
    const byLevel = toBody(draft);
    expect(byLevel).toMatchObject({ impact: 'widespread', contractNumber: 'DI-2026-00001' });
    expect('affectedShare' in byLevel).toBe(false);
    const byShare = toBody({ ...draft, impactMode: 'share', sharePct: 80 });
    expect(byShare).toMatchObject({ affectedShare: 0.8 });
    expect('impact' in byShare).toBe(false);
  });
});
