/**
 * What planning a campaign's upgrade changes will do, and what it did: the customers still without
 * an upgrade change grouped by region (one change per region), those already covered (skipped), and
 * after the answer, how many of the campaign's customers no new change reached. Pure, no React.
 */
import type { Region } from '../../api/types.ts';
import type { CampaignCustomer } from './types.ts';

export interface CampaignPlan {
  /** One entry per region that gets a change, in region order, with its customers by name. */
  regions: { region: Region; customers: string[] }[];
  /** Customers to plan for, over every region. */
  customerCount: number;
  /** Customers that already have an upgrade change of this campaign: the server skips them. */
  covered: CampaignCustomer[];
}

export function campaignPlan(customers: readonly CampaignCustomer[]): CampaignPlan {
  const byRegion = new Map<Region, string[]>();
  const covered: CampaignCustomer[] = [];
  for (const customer of customers) {
    if (customer.upgradeChange) {
      covered.push(customer);
      continue;
    }
    const names = byRegion.get(customer.region) ?? [];
    names.push(customer.customerName);
    byRegion.set(customer.region, names);
  }
  const regions = [...byRegion]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, names]) => ({ region, customers: names }));
  return { regions, customerCount: customers.length - covered.length, covered };
}

/**
 * The campaign's customers the new changes did not reach: those covered before (by name), and how
 * many more the server left out (inactive customers are never planned).
 */
export function skippedCustomers(
  before: CampaignPlan,
  total: number,
  created: readonly { customerCount: number }[],
): { covered: string[]; others: number } {
  const reached = created.reduce((sum, change) => sum + change.customerCount, 0);
  const covered = before.covered.map((c) => c.customerName);
  return { covered, others: Math.max(0, total - reached - covered.length) };
}
