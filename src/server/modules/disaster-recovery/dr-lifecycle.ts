// The life of a disaster-recovery event as an explicit state machine. Pure, so the rules are
// unit-tested and the API answers the statuses the provider may move to from the same table that
// enforces them.
//
//   declared ──► restoring ──► restored ──► closed
//       └──────────────────────►┘
//   declared | restoring ──► withdrawn
//
// declared: the provider has declared the event (for an application failure the 1-business-day
//   target for a new publisher runs from here).
// restoring: the provider is restoring from the DRS backup (a new publisher, or recovering the
//   failed hardware).
// restored: the provider's restoration is done — recovered_at and the time to recover are recorded,
//   and the partner can do its own recovery (partners have no access to DRS).
// closed: nothing left to do; no more updates.
// withdrawn: declared by mistake and withdrawn before any restoration (the application came back
//   by itself, the wrong customer was named); final, with no time to recover and no target.
//
// Nothing goes back: a restoration that fails again is a new event. An update that names the
// status the event already has (or none) is a message only, allowed until the event is closed.
import type { DrStatus } from '../../db/schema.ts';

export const DR_STATUSES = [
  'declared',
  'restoring',
  'restored',
  'closed',
  'withdrawn',
] as const satisfies readonly DrStatus[];

export const DR_TRANSITIONS: Readonly<Record<DrStatus, readonly DrStatus[]>> = {
  declared: ['restoring', 'restored', 'withdrawn'],
  restoring: ['restored', 'withdrawn'],
  restored: ['closed'],
  closed: [],
  withdrawn: [],
};

/** Open: the event still appears first in lists and takes updates. */
export function isDrOpen(status: DrStatus): boolean {
  return status !== 'closed' && status !== 'withdrawn';
}

/** Whether the service is back (recovered_at is set exactly then). */
export function isRecovered(status: DrStatus): boolean {
  return status === 'restored' || status === 'closed';
}

/** The statuses an update may name from `from` (its own status included while the event is open). */
export function nextDrStatuses(from: DrStatus): DrStatus[] {
  return isDrOpen(from) ? [from, ...DR_TRANSITIONS[from]] : [];
}

export type DrMoveCheck =
  | { ok: true; changed: boolean }
  | { ok: false; code: 'dr_event_closed' | 'invalid_transition' };

/** Whether an update naming `to` (undefined: no status change) may be posted on an event in `from`. */
export function checkDrMove(from: DrStatus, to: DrStatus | undefined): DrMoveCheck {
  if (!isDrOpen(from)) return { ok: false, code: 'dr_event_closed' };
  if (to === undefined || to === from) return { ok: true, changed: false };
  return DR_TRANSITIONS[from].includes(to)
    ? { ok: true, changed: true }
    : { ok: false, code: 'invalid_transition' };
}
