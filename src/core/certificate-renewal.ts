// Certificate renewal proposal (SPEC §6): a slot between renewalDaysBefore.max and .min days
// (inclusive, in exact 24-hour days) before expiry, inside a weekday window of the customer's
// region (a renewal is not an infrastructure change, so weekend windows are out), never in the past.
import { getCalendar } from './business-calendar.ts';
import { DAY_MS, MINUTE_MS } from './civil-date.ts';
import type { MaintenanceWindow } from './maintenance-windows.ts';
import type { Policy, Region } from './policy-document.ts';

export interface RenewalSlot {
  start: number;
  end: number;
  window: MaintenanceWindow;
}

export interface RenewalProposal {
  /** Allowed start range after clipping to now. */
  from: number;
  to: number;
  earliest: RenewalSlot | null;
  latest: RenewalSlot | null;
  /** Present when no slot exists. */
  reason?: 'expired_or_too_late' | 'no_weekday_window';
}

export function proposeCertificateRenewal(
  policy: Policy,
  region: Region,
  expiresAt: number,
  now: number,
  durationMinutes: number,
): RenewalProposal {
  if (!(durationMinutes > 0)) throw new RangeError('durationMinutes must be positive');
  const cal = getCalendar(policy, region);
  const dur = durationMinutes * MINUTE_MS;
  const { min, max } = policy.certificates.renewalDaysBefore;
  const from = Math.max(expiresAt - max * DAY_MS, Math.ceil(now / MINUTE_MS) * MINUTE_MS);
  const to = expiresAt - min * DAY_MS;
  if (from > to) return { from, to, earliest: null, latest: null, reason: 'expired_or_too_late' };
  const slots: RenewalSlot[] = [];
  for (let d = cal.dayOf(from) - 1; d <= cal.dayOf(to); d++) {
    const day = cal.day(d);
    if (day.winKind !== 'weekday') continue;
    const a = Math.max(day.winStart, from);
    const b = Math.floor(Math.min(day.winEnd - dur, to) / MINUTE_MS) * MINUTE_MS;
    if (a > b) continue;
    const window = { start: day.winStart, end: day.winEnd, kind: day.winKind, date: day.date };
    slots.push({ start: a, end: a + dur, window }, { start: b, end: b + dur, window });
  }
  const earliest = slots[0] ?? null;
  const latest = slots.at(-1) ?? null;
  return earliest
    ? { from, to, earliest, latest }
    : { from, to, earliest, latest, reason: 'no_weekday_window' };
}
