// Capacity thresholds (SPEC §6): warn at 80 % and 90 % of the entitled count; above it is over
// capacity (provisioning there answers 409). Exactly at the entitlement is allowed.
import type { Policy } from './policy-document.ts';

export type CapacityLevel = 'ok' | 'warning80' | 'warning90' | 'over';
const ORDER: CapacityLevel[] = ['ok', 'warning80', 'warning90', 'over'];

export function capacityLevel(policy: Policy, used: number, entitled: number): CapacityLevel {
  if (used > entitled) return 'over';
  if (entitled <= 0) return 'ok';
  const [warn, high] = policy.capacity.thresholds;
  const ratio = used / entitled;
  if (ratio >= high) return 'warning90';
  if (ratio >= warn) return 'warning80';
  return 'ok';
}

/** Levels newly reached when usage goes from `before` to `after` (upward only), lowest first. */
export function crossedThresholds(
  policy: Policy,
  before: number,
  after: number,
  entitled: number,
): CapacityLevel[] {
  const from = ORDER.indexOf(capacityLevel(policy, before, entitled));
  const to = ORDER.indexOf(capacityLevel(policy, after, entitled));
  return ORDER.slice(from + 1, to + 1);
}

/** May `adding` more be provisioned? */
export function canProvision(used: number, adding: number, entitled: number): boolean {
  return used + adding <= entitled;
}
