import { describe, expect, it } from 'vitest';
import { canPlanRenewalChange, upcomingProposal } from './renewal-change.ts';
import type { Certificate } from './types.ts';

const NOW = Date.parse('2026-11-24T09:00:00Z');
const certificate = (patch: Partial<Certificate>): Certificate => ({
  id: 'k',
  partnerId: 'p',
  customerId: 'c',
  customerName: 'Contoso Health',
  applicationId: 'a',
  applicationName: 'CUCM Madrid',
  kind: 'tomcat',
  subject: 'CN=tomcat.example',
  expiresAt: '2026-12-06T09:00:00Z',
  status: 'soon',
  proposal: null,
  renewedAt: null,
  ...patch,
});

describe('planning a renewal change', () => {
  it('is offered while a slot 7–3 days before expiry may be left, and no change is open', () => {
    expect(canPlanRenewalChange(certificate({ status: 'soon' }), false)).toBe(true);
    expect(canPlanRenewalChange(certificate({ status: 'due' }), false)).toBe(true);
    expect(canPlanRenewalChange(certificate({ status: 'due' }), true)).toBe(false);
    for (const status of ['expired', 'overdue', 'ok'] as const)
      expect(canPlanRenewalChange(certificate({ status }), false)).toBe(false);
    const none = { start: null, end: null, problem: 'no_weekday_window', proposedAt: '2026-11-24T08:00:00Z' };
    expect(canPlanRenewalChange(certificate({ status: 'due', proposal: none }), false)).toBe(false);
  });

  it('takes the proposal only while it lies ahead', () => {
    const slot = {
      start: '2026-12-01T20:00:00Z',
      end: '2026-12-01T21:00:00Z',
      problem: null,
      proposedAt: '2026-11-20T08:00:00Z',
    };
    expect(upcomingProposal(certificate({ proposal: slot }), NOW)).toEqual({
      start: slot.start,
      end: slot.end,
    });
    expect(upcomingProposal(certificate({ proposal: slot }), Date.parse('2026-12-02T00:00:00Z'))).toBeNull();
    expect(upcomingProposal(certificate({ proposal: null }), NOW)).toBeNull();
  });
});
