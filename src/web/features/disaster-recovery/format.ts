import type { DrEvent } from './types.ts';

export type TargetState =
  | { kind: 'none' | 'withdrawn' }
  | { kind: 'met' | 'missed' }
  | { kind: 'due' | 'overdue'; ms: number };

/**
 * Where an event stands against its target at `now`: none (a hardware failure has no fixed target),
 * withdrawn (declared by mistake: no target to meet, never overdue), met or missed once restored,
 * else the time left or how long it is overdue — computed here so a countdown ticks between
 * refreshes.
 */
export function targetState(
  e: Pick<DrEvent, 'targetAt' | 'recoveredAt' | 'targetMet'> & { status?: DrEvent['status'] },
  now: number,
): TargetState {
  if (e.status === 'withdrawn') return { kind: 'withdrawn' };
  if (!e.targetAt) return { kind: 'none' };
  const target = new Date(e.targetAt).getTime();
  if (e.recoveredAt) {
    const met = e.targetMet ?? new Date(e.recoveredAt).getTime() <= target;
    return { kind: met ? 'met' : 'missed' };
  }
  const ms = target - now;
  return ms >= 0 ? { kind: 'due', ms } : { kind: 'overdue', ms: -ms };
}

/** The heading's name of an event: its title, else the application it is about. */
export function eventName(e: Pick<DrEvent, 'title' | 'applicationName'>): string {
  return e.title ?? e.applicationName;
}
