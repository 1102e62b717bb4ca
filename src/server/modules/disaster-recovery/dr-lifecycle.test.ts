import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDrMove,
  DR_STATUSES,
  DR_TRANSITIONS,
  isDrOpen,
  isRecovered,
  nextDrStatuses,
} from './dr-lifecycle.ts';

describe('disaster-recovery lifecycle', () => {
  it('goes declared → restoring → restored → closed, and may skip restoring', () => {
    expect(checkDrMove('declared', 'restoring')).toEqual({ ok: true, changed: true });
    expect(checkDrMove('restoring', 'restored')).toEqual({ ok: true, changed: true });
    expect(checkDrMove('restored', 'closed')).toEqual({ ok: true, changed: true });
    expect(checkDrMove('declared', 'restored')).toEqual({ ok: true, changed: true });
  });

  it('never goes back, never closes before the restoration, and never returns to declared', () => {
    expect(checkDrMove('restoring', 'declared')).toEqual({ ok: false, code: 'invalid_transition' });
    expect(checkDrMove('restored', 'restoring')).toEqual({ ok: false, code: 'invalid_transition' });
    expect(checkDrMove('declared', 'closed')).toEqual({ ok: false, code: 'invalid_transition' });
    expect(checkDrMove('restoring', 'closed')).toEqual({ ok: false, code: 'invalid_transition' });
    for (const from of DR_STATUSES) expect(DR_TRANSITIONS[from]).not.toContain('declared');
  });

  it('takes message-only updates while open, nothing once closed', () => {
    for (const status of ['declared', 'restoring', 'restored'] as const) {
      expect(checkDrMove(status, undefined)).toEqual({ ok: true, changed: false });
      expect(checkDrMove(status, status)).toEqual({ ok: true, changed: false });
    }
    expect(checkDrMove('closed', undefined)).toEqual({ ok: false, code: 'dr_event_closed' });
    expect(checkDrMove('closed', 'closed')).toEqual({ ok: false, code: 'dr_event_closed' });
    expect(nextDrStatuses('closed')).toEqual([]);
  });

  it('withdraws an event declared by mistake before its restoration, and then takes nothing more', () => {
    expect(checkDrMove('declared', 'withdrawn')).toEqual({ ok: true, changed: true });
    expect(checkDrMove('restoring', 'withdrawn')).toEqual({ ok: true, changed: true });
    expect(checkDrMove('restored', 'withdrawn')).toEqual({ ok: false, code: 'invalid_transition' });
    expect(checkDrMove('closed', 'withdrawn')).toEqual({ ok: false, code: 'dr_event_closed' });
    expect(checkDrMove('withdrawn', undefined)).toEqual({ ok: false, code: 'dr_event_closed' });
    expect(checkDrMove('withdrawn', 'restored')).toEqual({ ok: false, code: 'dr_event_closed' });
    expect(nextDrStatuses('withdrawn')).toEqual([]);
    expect(isRecovered('withdrawn')).toBe(false);
  });

  it('offers exactly the moves it accepts, and only forward ones (property)', () => {
    const rank = (s: (typeof DR_STATUSES)[number]) => DR_STATUSES.indexOf(s);
    fc.assert(
      fc.property(fc.constantFrom(...DR_STATUSES), fc.constantFrom(...DR_STATUSES), (from, to) => {
        const check = checkDrMove(from, to);
        expect(check.ok).toBe(nextDrStatuses(from).includes(to));
        if (check.ok && check.changed) expect(rank(to)).toBeGreaterThan(rank(from));
        // Recovered exactly from restored on (a withdrawn event never was); open until closed or withdrawn.
        expect(isRecovered(to)).toBe(to === 'restored' || to === 'closed');
        expect(isDrOpen(to)).toBe(to !== 'closed' && to !== 'withdrawn');
      }),
    );
  });
});
