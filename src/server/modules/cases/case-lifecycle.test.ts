import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../db/schema.ts';
import { actionTo, allowedActions, isOpen, TRANSITIONS, transitionFor } from './case-lifecycle.ts';
import { CASE_STATUSES } from './cases.schemas.ts';

describe('case lifecycle', () => {
  it('follows SPEC §3.4: new → acknowledged → in_progress ⇄ awaiting_partner → monitoring → resolved → closed', () => {
    expect(transitionFor('acknowledge', 'new')?.to).toBe('acknowledged');
    expect(transitionFor('start', 'acknowledged')?.to).toBe('in_progress');
    expect(transitionFor('await_partner', 'in_progress')?.to).toBe('awaiting_partner');
    expect(transitionFor('resume', 'awaiting_partner')?.to).toBe('in_progress');
    expect(transitionFor('monitor', 'in_progress')?.to).toBe('monitoring');
    expect(transitionFor('resolve', 'monitoring')?.to).toBe('resolved');
    expect(transitionFor('close', 'resolved')?.to).toBe('closed');
  });

  it('reopens only resolved or monitored cases, back to in progress', () => {
    for (const status of CASE_STATUSES) {
      const reopen = transitionFor('reopen', status);
      if (status === 'resolved' || status === 'monitoring') expect(reopen?.to).toBe('in_progress');
      else expect(reopen).toBeNull();
    }
    expect(actionTo('resolved', 'in_progress')).toBe('reopen');
    expect(actionTo('monitoring', 'in_progress')).toBe('reopen');
    expect(actionTo('awaiting_partner', 'in_progress')).toBe('resume');
    expect(actionTo('acknowledged', 'in_progress')).toBe('start');
  });

  it('nothing leaves closed, nothing returns to new, and a new case must be acknowledged first', () => {
    expect(TRANSITIONS.filter((t) => t.from.includes('closed'))).toEqual([]);
    expect(TRANSITIONS.filter((t) => t.to === 'new')).toEqual([]);
    expect(TRANSITIONS.filter((t) => t.from.includes('new')).map((t) => t.action)).toEqual(['acknowledge']);
  });

  it('offers each side exactly the moves the table allows it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_STATUSES),
        fc.constantFrom('provider' as const, 'partner' as const),
        (status: CaseStatus, side) => {
          const actions = allowedActions(status, side, { canWrite: true });
          for (const t of TRANSITIONS) {
            const allowed = t.from.includes(status) && t.sides.includes(side);
            expect(actions.includes(t.action)).toBe(allowed);
          }
          expect(actions.includes('lower_severity')).toBe(side === 'provider' && isOpen(status));
          expect(actions.includes('escalate')).toBe(side === 'partner' && isOpen(status));
          expect(actions.includes('internal_note')).toBe(side === 'provider' && status !== 'closed');
          expect(allowedActions(status, side, { canWrite: false })).toEqual([]);
        },
      ),
    );
  });

  it('keeps the provider’s moves to the provider: only it acknowledges, resolves and asks for information', () => {
    for (const action of ['acknowledge', 'resolve', 'await_partner', 'monitor', 'start'] as const)
      expect(TRANSITIONS.find((t) => t.action === action)?.sides).toEqual(['provider']);
  });
});
