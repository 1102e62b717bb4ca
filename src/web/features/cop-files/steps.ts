import type { CopRequest } from './types.ts';

export type StepState = 'done' | 'current' | 'pending' | 'stopped';

export interface CopStep {
  key: 'requested' | 'uploaded' | 'installed';
  state: StepState;
  who: string | null;
  at: string | null;
}

/** The three steps of a request and where each stands; a closed request stops where it was. */
export function copSteps(r: CopRequest): CopStep[] {
  const closed = r.status === 'rejected' || r.status === 'cancelled';
  return [
    { key: 'requested', state: 'done', who: r.requestedBy, at: r.createdAt },
    {
      key: 'uploaded',
      state: r.upload ? 'done' : closed ? 'stopped' : 'current',
      who: r.upload?.uploadedBy ?? null,
      at: r.upload?.uploadedAt ?? null,
    },
    {
      key: 'installed',
      state: r.installedAt ? 'done' : closed ? 'stopped' : r.upload ? 'current' : 'pending',
      who: r.installedBy,
      at: r.installedAt,
    },
  ];
}
