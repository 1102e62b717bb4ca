/**
 * When the provider may plan a certificate's renewal change from this screen. The server plans it
 * in the proposed slot while that lies ahead, else in the earliest slot 7–3 days before expiry; an
 * expired or overdue certificate has no such slot left (422 certificate_window), nor has one whose
 * proposal found none, and a certificate with an open renewal change gets no second one (409).
 * Pure, no React.
 */
import type { Certificate } from './types.ts';

export function canPlanRenewalChange(certificate: Certificate, hasOpenChange: boolean): boolean {
  if (hasOpenChange) return false;
  if (certificate.status !== 'due' && certificate.status !== 'soon') return false;
  return !certificate.proposal?.problem;
}

/** The proposed slot when it still lies ahead (the one the change will take), else null. */
export function upcomingProposal(
  certificate: Certificate,
  now: number,
): { start: string; end: string } | null {
  const { proposal } = certificate;
  if (!proposal?.start || !proposal.end) return null;
  return new Date(proposal.start).getTime() > now ? { start: proposal.start, end: proposal.end } : null;
}
