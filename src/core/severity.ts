// Severity from impact (or the affected share) and urgency, SPEC §3.2.
import {
  IMPACTS,
  type Impact,
  type Policy,
  SEVERITIES,
  type Severity,
  type Urgency,
} from './policy-document.ts';

/**
 * Impact band of an affected share 0..1: above 3/4 widespread, [1/2, 3/4] large, [1/4, 1/2)
 * localized, below 1/4 individualized (thresholds from the policy).
 */
export function impactFromShare(policy: Policy, share: number): Impact {
  if (!(share >= 0 && share <= 1)) throw new RangeError('affectedShare must be between 0 and 1');
  const t = policy.severity.impactThresholds;
  if (share > t.widespreadAbove) return 'widespread';
  if (share >= t.largeFrom) return 'large';
  if (share >= t.localizedFrom) return 'localized';
  return 'individualized';
}

export type SeverityInput = { urgency: Urgency } & ({ impact: Impact } | { affectedShare: number });

export interface SeverityResult {
  impact: Impact;
  urgency: Urgency;
  severity: Severity;
}

export function computeSeverity(policy: Policy, input: SeverityInput): SeverityResult {
  const impact = 'impact' in input ? input.impact : impactFromShare(policy, input.affectedShare);
  if (!IMPACTS.includes(impact)) throw new RangeError(`unknown impact '${String(impact)}'`);
  const row = policy.severity.matrix[input.urgency];
  if (!row) throw new RangeError(`unknown urgency '${String(input.urgency)}'`);
  return { impact, urgency: input.urgency, severity: row[impact] };
}

/** 1 for S1 (most severe) … 4 for S4. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity) + 1;
}

/** A raise makes the case more severe (S3 → S2). */
export function isRaise(from: Severity, to: Severity): boolean {
  return severityRank(to) < severityRank(from);
}

/** S1 and S2 should also be phoned in: the new-case form shows the TAC number. */
export function needsPhoneCall(severity: Severity): boolean {
  return severity === 'S1' || severity === 'S2';
}
