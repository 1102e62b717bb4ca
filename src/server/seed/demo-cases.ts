import type { Impact, Policy, Urgency } from '../../core/index.ts';
import { switchScope, systemScope, type Tx } from '../db/database.ts';
import type { CaseCategory } from '../db/schema.ts';
import {
  acknowledgeCase,
  addComment,
  changeStatus,
  escalateCase,
} from '../modules/cases/case-actions.service.ts';
import { openCase } from '../modules/cases/case-opening.ts';
import { userScope } from './demo-notifications.ts';

async function customerContract(tx: Tx, customerName: string, on: Date) {
  return tx
    .selectFrom('customers as c')
    .innerJoin('contracts as k', 'k.customer_id', 'c.id')
    .select(['c.id', 'k.number'])
    .where('c.name', '=', customerName)
    .where('k.starts_on', '<=', on.toISOString().slice(0, 10))
    .where('k.ends_on', '>=', on.toISOString().slice(0, 10))
    .executeTakeFirstOrThrow();
}

interface DemoCase {
  engineer: string;
  customer: string;
  title: string;
  description: string;
  category: CaseCategory;
  impact: Impact;
  urgency: Urgency;
  hoursAgo: number;
}

const contact = (partner: string) => ({
  name: `${partner} support desk`,
  phone: '+1 312 555 0100',
  email: `support@${partner.toLowerCase()}.example`,
});

/**
 * Cases in every state, so the queue, the detail page and the attainment chart have something real
 * on first start: a fresh S1, work in progress with a thread, a case awaiting the partner, an
 * escalation owing a plan (in Spanish), a monitored fix, and six months of history.
 */
export async function seedCaseDemo(tx: Tx, policy: Policy, now: Date): Promise<void> {
  const marker = await tx.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (marker) return;
  const tac = await userScope(tx, 'tac@provider.example');
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const open = async (spec: DemoCase) => {
    const scope = await userScope(tx, spec.engineer);
    const partner = spec.engineer.split('@')[1]?.split('.')[0] ?? 'partner';
    const { id: customerId, number } = await customerContract(tx, spec.customer, at(spec.hoursAgo));
    // The opening's write checks who asks against the transaction's scope (decision 0011): the
    // seed acts as the engineer for it, then as itself again.
    await switchScope(tx, scope);
    const opened = await openCase(
      tx,
      scope,
      policy,
      {
        customerId,
        contractNumber: number,
        title: spec.title,
        description: spec.description,
        category: spec.category,
        impact: spec.impact,
        urgency: spec.urgency,
        contact: contact(partner),
      },
      at(spec.hoursAgo),
    );
    await switchScope(tx, systemScope('seed:demo'));
    return { kase: opened, scope };
  };

  await open({
    engineer: 'engineer@northwind.example',
    customer: 'Contoso Health',
    title: 'No inbound calls at the main hospital site',
    description:
      'Since 10 minutes ago no inbound PSTN calls reach the hospital. Outbound works. SIP trunk status shows "No service" on both subscribers. Customer routers and SBC checked: no change on our side.',
    category: 'availability',
    impact: 'widespread',
    urgency: 'critical',
    hoursAgo: 0.15,
  });

  const thread = await open({
    engineer: 'engineer@northwind.example',
    customer: 'Fabrikam Logistics',
    title: 'Voicemail PIN reset fails for some users',
    description:
      'Users in the Dallas office get "PIN reset failed" in the Self Care portal. Reproduced with three accounts; LDAP sync is healthy. Steps: sign in to Self Care, Voicemail, Reset PIN.',
    category: 'possible_defect',
    impact: 'individualized',
    urgency: 'medium',
    hoursAgo: 30,
  });
  await acknowledgeCase(tx, tac, policy, thread.kase.id, { note: 'TAC has the case.' }, at(27));
  await changeStatus(tx, tac, policy, thread.kase.id, { status: 'in_progress' }, at(26));
  await addComment(
    tx,
    tac,
    thread.kase.id,
    { body: 'Unity Connection logs show a password policy mismatch.', kind: 'internal_note' },
    at(25),
  );
  await addComment(
    tx,
    thread.scope,
    thread.kase.id,
    { body: 'Any workaround for the affected users meanwhile?' },
    at(8),
  );
  await addComment(
    tx,
    tac,
    thread.kase.id,
    {
      body: 'Status: cause found (policy mismatch after the last update). Plan: corrected policy in tonight’s window; meanwhile we reset PINs on request.',
      kind: 'action_plan',
    },
    at(6),
  );

  const waiting = await open({
    engineer: 'engineer@northwind.example',
    customer: 'Tailspin Airlines',
    title: 'One-way audio on calls to the warehouse',
    description: 'Calls to the warehouse gateway have one-way audio about half the time since the weekend.',
    category: 'common_problem',
    impact: 'localized',
    urgency: 'high',
    hoursAgo: 3,
  });
  await acknowledgeCase(tx, tac, policy, waiting.kase.id, {}, at(2.8));
  await changeStatus(
    tx,
    tac,
    policy,
    waiting.kase.id,
    { status: 'awaiting_partner', note: 'Please send a packet capture from the warehouse gateway.' },
    at(2.5),
  );

  const escalated = await open({
    engineer: 'engineer@andes.example',
    customer: 'Banco del Pacífico',
    title: 'Jabber no inicia sesión en las sucursales',
    description:
      'Desde el lunes los usuarios de las sucursales no pueden iniciar sesión en Jabber (error de autenticación SSO). Hemos comprobado el IdP y los certificados del cliente.',
    category: 'configuration',
    impact: 'localized',
    urgency: 'medium',
    hoursAgo: 120,
  });
  await acknowledgeCase(tx, tac, policy, escalated.kase.id, {}, at(100));
  await escalateCase(
    tx,
    escalated.scope,
    policy,
    escalated.kase.id,
    { reason: 'Sin estado ni plan de acción en tres días hábiles.' },
    at(4),
  );

  const monitored = await open({
    engineer: 'engineer@meridian.example',
    customer: 'Nordic Shipping',
    title: 'Intermittent registration drops on Expressway',
    description: 'Remote workers lose registration every few hours through Expressway-E.',
    category: 'possible_defect',
    impact: 'large',
    urgency: 'high',
    hoursAgo: 48,
  });
  await acknowledgeCase(tx, tac, policy, monitored.kase.id, {}, at(47.8));
  await changeStatus(tx, tac, policy, monitored.kase.id, { status: 'in_progress' }, at(47));
  await changeStatus(
    tx,
    tac,
    policy,
    monitored.kase.id,
    {
      status: 'monitoring',
      monitorUntil: at(-48).toISOString(),
      note: 'Keep-alive timers corrected; watching for two days.',
    },
    at(20),
  );

  // History for the attainment chart: about 90 cases over six months, most acknowledged in time.
  const customers = [
    'Contoso Health',
    'Fabrikam Logistics',
    'Banco del Pacífico',
    'Nordic Shipping',
    'Tokyo Metro Clinics',
  ];
  const engineers: Record<string, string> = {
    'Contoso Health': 'engineer@northwind.example',
    'Fabrikam Logistics': 'engineer@northwind.example',
    'Banco del Pacífico': 'engineer@andes.example',
    'Nordic Shipping': 'engineer@meridian.example',
    'Tokyo Metro Clinics': 'engineer@meridian.example',
  };
  const levels: [Impact, Urgency][] = [
    ['individualized', 'medium'],
    ['localized', 'medium'],
    ['individualized', 'low'],
    ['large', 'high'],
  ];
  for (let i = 0; i < 90; i++) {
    const customer = customers[i % customers.length] ?? 'Contoso Health';
    const [impact, urgency] = levels[i % levels.length] ?? ['individualized', 'low'];
    const hoursAgo = 24 * (10 + ((i * 37) % 170));
    const { kase, scope } = await open({
      engineer: engineers[customer] ?? 'engineer@northwind.example',
      customer,
      title: `Closed case ${i + 1}: ${['handset firmware', 'dial plan', 'voicemail', 'presence'][i % 4]}`,
      description: 'Handled and closed; kept as history for the attainment report.',
      category:
        (['how_to', 'configuration', 'common_problem', 'possible_defect'] as const)[i % 4] ?? 'how_to',
      impact,
      urgency,
      hoursAgo,
    });
    // One in twelve is acknowledged late, the rest well within the target.
    const dueMs = Date.parse(kase.responseDueAt) - Date.parse(kase.openedAt);
    const ackAfter = i % 12 === 5 ? dueMs + 3_600_000 : Math.min(dueMs / 3, 2 * 3_600_000);
    const acked = new Date(Date.parse(kase.openedAt) + ackAfter);
    await acknowledgeCase(tx, tac, policy, kase.id, {}, acked);
    await changeStatus(
      tx,
      tac,
      policy,
      kase.id,
      { status: 'resolved', rootCauseSummary: 'A configuration error was corrected.' },
      new Date(acked.getTime() + 3_600_000),
    );
    await changeStatus(
      tx,
      scope,
      policy,
      kase.id,
      { status: 'closed' },
      new Date(acked.getTime() + 7_200_000),
    );
  }
}
