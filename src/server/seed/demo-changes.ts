import {
  DAY_MS,
  getCalendar,
  HOUR_MS,
  nextAllowedSlot,
  nextWindowStartingAt,
  type Policy,
  type Region,
} from '../../core/index.ts';
import type { Tx } from '../db/database.ts';
import { cancelChange, completeChange, startChange } from '../modules/changes/change-lifecycle.service.ts';
import { decideChangeRequest, submitChangeRequest } from '../modules/changes/change-requests.service.ts';
import { createChange } from '../modules/changes/changes.service.ts';
import { requestReschedule } from '../modules/changes/reschedule-requests.service.ts';
import { userScope } from './demo-notifications.ts';

/**
 * Demo changes through the same services as the API, relative to today: announced routine and
 * interrupting work in the coming windows, an upgrade, weekend infrastructure work, a completed
 * emergency, a completed certificate renewal whose SSO customers have follow-up tasks, a cancelled
 * change, an open reschedule request and partner change requests at several review steps. Seeded
 * once, while the changes table is empty.
 */
export async function seedChangesDemo(tx: Tx, policy: Policy, now = Date.now()): Promise<void> {
  if (await tx.selectFrom('changes').select('id').limit(1).executeTakeFirst()) return;
  const customers = await tx
    .selectFrom('customers as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .select(['c.id', 'c.region', 'c.partner_id', 'p.name as partner_name'])
    .where('c.active', '=', true)
    .orderBy('p.name')
    .orderBy('c.name')
    .execute();
  if (customers.length === 0) return;
  const provider = await userScope(tx, 'admin@provider.example');
  const window = (region: Region, after: number, kind: 'weekday' | 'weekend' = 'weekday') => {
    const cal = getCalendar(policy, region);
    let w = nextWindowStartingAt(cal, after);
    while (w.kind !== kind) w = nextWindowStartingAt(cal, w.start + 1);
    return w;
  };
  const iso = (t: number) => new Date(t).toISOString();
  const inWindow = (
    region: Region,
    after: number,
    hours: number,
    kind: 'weekday' | 'weekend' = 'weekday',
  ) => {
    const w = window(region, after, kind);
    return { start: iso(w.start + HOUR_MS), end: iso(w.start + (1 + hours) * HOUR_MS) };
  };
  const noticed = (
    type: 'service_interrupting' | 'upgrade',
    regions: Region[],
    after: number,
    reason?: string,
  ) => {
    const slot = nextAllowedSlot(policy, {
      type,
      durationMinutes: 120,
      regions,
      noticeAt: now,
      after,
      reason: reason ?? null,
    }).common;
    if (!slot) throw new Error('demo: no slot');
    return { start: iso(slot.start), end: iso(slot.end) };
  };
  const byRegion = (region: Region) => customers.filter((c) => c.region === region).map((c) => c.id);
  const firstPartner = customers[0]?.partner_id ?? '';
  const firstRegion = customers[0]?.region ?? 'EMEA';
  const options = { now };

  await createChange(
    tx,
    provider,
    policy,
    {
      type: 'routine',
      title: 'Apply the monthly OS security patches to the EMEA subscribers',
      description: 'Rolling restart of the subscriber nodes, one at a time; no loss of calling expected.',
      customerIds: byRegion('EMEA'),
      ...inWindow('EMEA', now + 2 * DAY_MS, 3),
    },
    options,
  );
  const interrupting = await createChange(
    tx,
    provider,
    policy,
    {
      type: 'service_interrupting',
      title: 'Replace the core switches in the Dallas data centre',
      description: 'Calls through the Dallas data centre drop for up to 20 minutes during the swap.',
      customerIds: byRegion('AMER'),
      ...noticed('service_interrupting', ['AMER'], now),
    },
    options,
  );
  await createChange(
    tx,
    provider,
    policy,
    {
      type: 'upgrade',
      title: 'Upgrade CUCM and Unity Connection to 15.0 SU2',
      reason: 'below_n_minus_1',
      // One region: windows of different regions never overlap, so one change serves one region.
      customerIds: customers
        .filter((c) => c.partner_id === firstPartner && c.region === firstRegion)
        .map((c) => c.id),
      ...noticed('upgrade', [firstRegion], now + 7 * DAY_MS, 'below_n_minus_1'),
    },
    options,
  );
  await createChange(
    tx,
    provider,
    policy,
    {
      type: 'infrastructure',
      title: 'Storage firmware upgrade in Tokyo',
      regions: ['APJC'],
      ...inWindow('APJC', now + DAY_MS, 4, 'weekend'),
    },
    options,
  );
  await createChange(
    tx,
    provider,
    policy,
    {
      type: 'routine',
      title: 'Rotate the monitoring agents’ credentials',
      noImpact: true,
      regions: ['AUS'],
      ...inWindow('AUS', now + 3 * DAY_MS, 1),
    },
    options,
  );

  // Already done: an emergency and a certificate renewal (created ten days ago, in their time).
  const past = now - 10 * DAY_MS;
  const emergency = await createChange(
    tx,
    provider,
    policy,
    {
      type: 'emergency',
      title: 'Restart the IM&P cluster after a database lock-up',
      emergencyReason: 'restore_service',
      customerIds: byRegion('EMEA').slice(0, 2),
      start: iso(past),
      end: iso(past + HOUR_MS),
    },
    { now: past },
  );
  await startChange(tx, provider, policy, emergency.id, past);
  await completeChange(
    tx,
    provider,
    policy,
    emergency.id,
    { note: 'Service restored at 10:42 UTC.' },
    past + HOUR_MS,
  );
  const renewalStart = window('EMEA', past + HOUR_MS).start + HOUR_MS;
  const renewal = await createChange(
    tx,
    provider,
    policy,
    {
      type: 'certificate_renewal',
      title: 'Renew the Tomcat certificates of the EMEA clusters',
      customerIds: byRegion('EMEA'),
      start: iso(renewalStart),
      end: iso(renewalStart + HOUR_MS),
      certificateExpiresAt: iso(renewalStart + 5 * DAY_MS),
    },
    { now: past },
  );
  await startChange(tx, provider, policy, renewal.id, renewalStart);
  await completeChange(tx, provider, policy, renewal.id, {}, renewalStart + HOUR_MS);

  const cancelled = await createChange(
    tx,
    provider,
    policy,
    {
      type: 'routine',
      title: 'Move the voicemail store to new disks',
      customerIds: byRegion('AUS'),
      ...inWindow('AUS', now + 4 * DAY_MS, 2),
    },
    options,
  );
  await cancelChange(
    tx,
    provider,
    policy,
    cancelled.id,
    { reason: 'The new disks arrive late; a new date follows.' },
    now,
  );

  // A partner asks to move the switch replacement.
  const amerPartner = customers.find((c) => c.region === 'AMER');
  if (amerPartner) {
    const domain = await partnerDomain(tx, amerPartner.partner_id);
    if (domain) {
      const engineer = await userScope(tx, `engineer@${domain}`);
      await requestReschedule(
        tx,
        engineer,
        policy,
        interrupting.id,
        { reason: 'Our customer runs its quarter-end sales campaign that week and cannot lose calls.' },
        now,
      );
    }
  }

  // Partner change requests at several review steps.
  const domain = await partnerDomain(tx, firstPartner);
  if (domain) {
    const engineer = await userScope(tx, `engineer@${domain}`);
    const customer = customers.find((c) => c.partner_id === firstPartner)?.id ?? '';
    const sbc = await submitChangeRequest(tx, engineer, {
      customerId: customer,
      kind: 'boundary_devices',
      title: 'Connect two new CUBE gateways for the Lisbon office',
      description: 'SIP trunks from the new CUBE pair to the cluster; we configure the gateways.',
    });
    await decideChangeRequest(tx, provider, sbc.id, 'review', { note: 'Checking the trunk capacity.' });
    await submitChangeRequest(tx, engineer, {
      customerId: customer,
      kind: 'application_integration',
      title: 'Integrate the CRM with Unity Connection',
      description: 'The CRM needs read access to voicemail notifications through the REST API.',
    });
  }
}

async function partnerDomain(tx: Tx, partnerId: string): Promise<string | null> {
  const user = await tx
    .selectFrom('users')
    .select('email')
    .where('partner_id', '=', partnerId)
    .where('role', '=', 'partner_engineer')
    .executeTakeFirst();
  return user ? (user.email.split('@')[1] ?? null) : null;
}
