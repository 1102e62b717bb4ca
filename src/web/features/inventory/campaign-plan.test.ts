import { describe, expect, it } from 'vitest';
import { campaignPlan, skippedCustomers } from './campaign-plan.ts';
import type { CampaignCustomer } from './types.ts';

const customer = (
  name: string,
  region: CampaignCustomer['region'],
  change: string | null = null,
): CampaignCustomer => ({
  customerId: `id-${name}`,
  customerName: name,
  region,
  partnerId: 'p',
  partnerName: 'Partner P',
  applicationIds: ['a'],
  upgradeChange: change ? { id: change, reference: 'CHG-000001', status: 'notice_sent' } : null,
});

describe('campaign upgrade plan', () => {
  const customers = [
    customer('Contoso Health', 'EMEA'),
    customer('Alpine Ski House', 'EMEA', 'c1'),
    customer('Blue Yonder University', 'AMER'),
    customer('Tailspin Airlines', 'EMEA'),
  ];

  it('groups the customers still without a change by region, and sets the covered aside', () => {
    const plan = campaignPlan(customers);
    expect(plan.regions).toEqual([
      { region: 'AMER', customers: ['Blue Yonder University'] },
      { region: 'EMEA', customers: ['Contoso Health', 'Tailspin Airlines'] },
    ]);
    expect(plan.customerCount).toBe(3);
    expect(plan.covered.map((c) => c.customerName)).toEqual(['Alpine Ski House']);
    expect(campaignPlan([customer('A', 'AUS', 'c')])).toMatchObject({ regions: [], customerCount: 0 });
  });

  it('says which customers the new changes did not reach', () => {
    const plan = campaignPlan(customers);
    expect(skippedCustomers(plan, 4, [{ customerCount: 1 }, { customerCount: 2 }])).toEqual({
      covered: ['Alpine Ski House'],
      others: 0,
    });
    // An inactive customer is never planned: one more left out.
    expect(skippedCustomers(plan, 4, [{ customerCount: 1 }, { customerCount: 1 }])).toEqual({
      covered: ['Alpine Ski House'],
      others: 1,
    });
  });
});
