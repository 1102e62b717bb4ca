// Disaster recovery (SPEC §6): after an application failure, a new publisher within N business
// days of the declaration, in the customer region's calendar.
import {
  addBusinessMs,
  type BusinessSpanExplanation,
  explainBusinessSpan,
  getCalendar,
} from './business-calendar.ts';
import { HOUR_MS } from './civil-date.ts';
import type { Policy, Region } from './policy-document.ts';

export function disasterRecoveryDue(policy: Policy, region: Region, declaredAt: number): number {
  const ms = policy.disasterRecovery.newPublisherBusinessDays * policy.businessDayHours * HOUR_MS;
  return addBusinessMs(getCalendar(policy, region), declaredAt, ms);
}

export function explainDisasterRecoveryDue(
  policy: Policy,
  region: Region,
  declaredAt: number,
): { dueAt: number; businessSpan: BusinessSpanExplanation } {
  const dueAt = disasterRecoveryDue(policy, region, declaredAt);
  return { dueAt, businessSpan: explainBusinessSpan(getCalendar(policy, region), declaredAt, dueAt) };
}
