// The case lifecycle of SPEC §3.4 as an explicit state machine: which status may follow which,
// and which side may make the move. Pure, so the rules are unit-tested and the API can answer
// each caller's allowed actions from the same table that enforces them.
import type { CaseStatus } from '../../db/schema.ts';

export type Side = 'provider' | 'partner';
export type StatusAction =
  | 'acknowledge'
  | 'start'
  | 'await_partner'
  | 'resume'
  | 'monitor'
  | 'resolve'
  | 'close'
  | 'reopen';
export type CaseAction =
  | StatusAction
  | 'raise_severity'
  | 'lower_severity'
  | 'comment'
  | 'internal_note'
  | 'action_plan'
  | 'escalate'
  | 'attach';

interface Transition {
  action: StatusAction;
  from: readonly CaseStatus[];
  to: CaseStatus;
  sides: readonly Side[];
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'acknowledge', from: ['new'], to: 'acknowledged', sides: ['provider'] },
  { action: 'start', from: ['acknowledged'], to: 'in_progress', sides: ['provider'] },
  {
    action: 'await_partner',
    from: ['acknowledged', 'in_progress'],
    to: 'awaiting_partner',
    sides: ['provider'],
  },
  // The partner answers what was asked: the case goes back to the provider.
  { action: 'resume', from: ['awaiting_partner'], to: 'in_progress', sides: ['provider', 'partner'] },
  { action: 'monitor', from: ['acknowledged', 'in_progress'], to: 'monitoring', sides: ['provider'] },
  {
    action: 'resolve',
    from: ['acknowledged', 'in_progress', 'awaiting_partner', 'monitoring'],
    to: 'resolved',
    sides: ['provider'],
  },
  { action: 'close', from: ['resolved'], to: 'closed', sides: ['provider', 'partner'] },
  { action: 'reopen', from: ['resolved', 'monitoring'], to: 'in_progress', sides: ['provider', 'partner'] },
];

export const OPEN_STATUSES: readonly CaseStatus[] = [
  'new',
  'acknowledged',
  'in_progress',
  'awaiting_partner',
  'monitoring',
];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The transition an action makes from a status, or null when it is not allowed from there. */
export function transitionFor(action: StatusAction, from: CaseStatus): Transition | null {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from)) ?? null;
}

/** The status action that moves a case to `to` (the API names the target status). */
export function actionTo(from: CaseStatus, to: CaseStatus): StatusAction | null {
  if (to === 'in_progress') {
    if (from === 'awaiting_partner') return 'resume';
    if (from === 'resolved' || from === 'monitoring') return 'reopen';
    return 'start';
  }
  return (
    TRANSITIONS.find((t) => t.to === to && t.action !== 'reopen' && t.action !== 'resume')?.action ?? null
  );
}

/** Everything `side` may do on a case in `status` right now (the web shows exactly these). */
export function allowedActions(status: CaseStatus, side: Side, options: { canWrite: boolean }): CaseAction[] {
  if (!options.canWrite) return [];
  const actions: CaseAction[] = TRANSITIONS.filter(
    (t) => t.from.includes(status) && t.sides.includes(side),
  ).map((t) => t.action);
  if (status === 'closed') return actions;
  if (isOpen(status)) {
    actions.push('raise_severity');
    if (side === 'provider') actions.push('lower_severity', 'action_plan');
    if (side === 'partner') actions.push('escalate');
  }
  if (side === 'provider') actions.push('internal_note');
  actions.push('comment', 'attach');
  return actions;
}
