import type { Locale } from '../db/schema.ts';
import { formatDuration, formatInstant } from './format.ts';

/**
 * Message templates in English and Spanish (the operations guide's words). A template turns an
 * event's payload into a neutral message; the channels render that as e-mail (text + HTML) or as
 * the chat formats, so every channel says the same thing.
 */
export interface Message {
  subject: string;
  intro: string;
  /** Free text written by a person (an outage update, a summary); shown as its own block. */
  body: string | null;
  facts: { label: string; value: string }[];
  link: { label: string; url: string };
  footer: string;
}

export interface RenderContext {
  locale: Locale;
  timeZone: string;
  publicUrl: string;
  /** The recipient's partner (null: the provider), to show only their own customers. */
  partnerId: string | null;
}

type Payload = Record<string, unknown>;
type Template = (payload: Payload, ctx: RenderContext, t: Vocabulary) => Message;

const VOCABULARY = {
  en: {
    product: 'DI Ops',
    footer:
      'You receive this because your organisation subscribed this address to DI Ops notifications. Manage subscriptions in DI Ops.',
    open: 'Open in DI Ops',
    impact: 'Impact',
    status: 'Status',
    regions: 'Regions',
    services: 'Services',
    customers: 'Affected customers',
    started: 'Started',
    resolved: 'Resolved',
    duration: 'Duration',
    starts: 'Starts',
    ends: 'Ends',
    partner: 'Partner',
    expectedAlarms: 'Expected alarms',
    categories: 'Categories',
    all: 'all in the listed regions',
    none: 'none',
    impacts: { down: 'Service down', degraded: 'Degraded service', at_risk: 'Service at risk' },
    statuses: {
      investigating: 'Investigating',
      identified: 'Identified',
      monitoring: 'Monitoring',
      resolved: 'Resolved',
    },
    categoryNames: {
      maintenance_outages: 'Maintenance and outages',
      incidents: 'Incidents (S1/S2)',
      certificates: 'Certificates',
      upgrades: 'Upgrades',
      releases: 'Releases',
    },
    outageDeclared: (n: number, title: string) => `Outage #${n} declared: ${title}`,
    outageDeclaredIntro: 'The provider has declared an outage that affects your service.',
    outageUpdated: (n: number, title: string) => `Outage #${n} update: ${title}`,
    outageUpdatedIntro: 'There is a new update on an outage that affects your service.',
    outageResolved: (n: number, title: string) => `Outage #${n} resolved: ${title}`,
    outageResolvedIntro: 'The outage is resolved. The service is working normally again.',
    activityDeclared: (partner: string, title: string) => `Planned network activity by ${partner}: ${title}`,
    activityDeclaredIntro:
      'A partner has announced planned activity in its own network that may raise alarms on the platform.',
    activityCancelled: (partner: string, title: string) =>
      `Network activity cancelled by ${partner}: ${title}`,
    activityCancelledIntro: 'The partner has cancelled this planned network activity.',
    testSubject: 'Test message from DI Ops',
    testIntro: (name: string) =>
      `This is a test of the subscription "${name}". If you can read it, the channel works.`,
    reminderSubject: 'Please review your DI Ops notification contacts',
    reminderIntro:
      'Partners are responsible for keeping their contact data current. Some of your notifications may not reach anyone:',
    reminderMissing: 'No subscriber for',
    reminderFailing: (name: string, count: number) => `"${name}" has failed ${count} deliveries in a row`,
    severity: 'Severity',
    customer: 'Customer',
    responseDue: 'Response due',
    tacPhone: 'TAC phone',
    previousSeverity: 'Previous severity',
    severityNames: { S1: 'S1 (Critical)', S2: 'S2 (High)', S3: 'S3 (Medium)', S4: 'S4 (Low)' },
    caseOpened: (n: string, sev: string, title: string) => `${sev} support case ${n} opened: ${title}`,
    caseOpenedIntro: 'A high-severity support case was opened. The provider’s TAC is working on it.',
    caseRaised: (n: string, sev: string, title: string) => `Support case ${n} raised to ${sev}: ${title}`,
    caseRaisedIntro: 'The severity of a support case was raised.',
    caseEscalated: (n: string, title: string) => `Management escalation of support case ${n}: ${title}`,
    caseEscalatedIntro: 'The partner has escalated this support case to management.',
    releasePublished: (version: string) => `Release ${version} published: the release train has moved`,
    releasePublishedIntro:
      'A new release is now n. Versions that were n-2 are no longer supported; n-1 and n-2 must upgrade to the target.',
    releaseTrain: 'Release train',
    upgradeTarget: 'Upgrade target',
    complianceLost: (count: number) =>
      `${count} of your customer${count === 1 ? '' : 's'} must now upgrade (release train moved)`,
    complianceLostIntro:
      'After the new release these customers run versions that must be upgraded to the target. They are listed for an upgrade campaign.',
    applicationsCount: (count: number) => `${count} application${count === 1 ? '' : 's'}`,
    andMore: (count: number) => `…and ${count} more`,
    certificateProposed: (subject: string, customer: string) =>
      `Certificate renewal proposed: ${subject} (${customer})`,
    certificateProposedIntro:
      'This certificate expires soon. Its renewal is proposed in the maintenance window below, 3 to 7 days before expiry.',
    certificateOverdue: (subject: string, customer: string) =>
      `Certificate renewal overdue: ${subject} (${customer})`,
    certificateOverdueIntro:
      'This certificate is too close to expiry for a renewal inside a maintenance window 3 to 7 days before it. Act now.',
    certificate: 'Certificate',
    application: 'Application',
    expires: 'Expires',
    proposedSlot: 'Proposed slot',
  },
  es: {
    product: 'DI Ops',
    footer:
      'Recibe este mensaje porque su organización suscribió esta dirección a las notificaciones de DI Ops. Gestione las suscripciones en DI Ops.',
    open: 'Abrir en DI Ops',
    impact: 'Impacto',
    status: 'Estado',
    regions: 'Regiones',
    services: 'Servicios',
    customers: 'Clientes afectados',
    started: 'Inicio',
    resolved: 'Resuelta',
    duration: 'Duración',
    starts: 'Empieza',
    ends: 'Termina',
    partner: 'Socio',
    expectedAlarms: 'Alarmas esperadas',
    categories: 'Categorías',
    all: 'todos los de las regiones indicadas',
    none: 'ninguno',
    impacts: { down: 'Servicio caído', degraded: 'Servicio degradado', at_risk: 'Servicio en riesgo' },
    statuses: {
      investigating: 'En investigación',
      identified: 'Causa identificada',
      monitoring: 'En observación',
      resolved: 'Resuelta',
    },
    categoryNames: {
      maintenance_outages: 'Mantenimiento e interrupciones',
      incidents: 'Incidentes (S1/S2)',
      certificates: 'Certificados',
      upgrades: 'Actualizaciones',
      releases: 'Versiones',
    },
    outageDeclared: (n: number, title: string) => `Interrupción n.º ${n} declarada: ${title}`,
    outageDeclaredIntro: 'El proveedor ha declarado una interrupción que afecta a su servicio.',
    outageUpdated: (n: number, title: string) => `Interrupción n.º ${n}, actualización: ${title}`,
    outageUpdatedIntro: 'Hay una nueva actualización de una interrupción que afecta a su servicio.',
    outageResolved: (n: number, title: string) => `Interrupción n.º ${n} resuelta: ${title}`,
    outageResolvedIntro: 'La interrupción está resuelta. El servicio vuelve a funcionar con normalidad.',
    activityDeclared: (partner: string, title: string) =>
      `Actividad de red planificada de ${partner}: ${title}`,
    activityDeclaredIntro:
      'Un socio ha anunciado actividad planificada en su propia red que puede generar alarmas en la plataforma.',
    activityCancelled: (partner: string, title: string) =>
      `Actividad de red cancelada por ${partner}: ${title}`,
    activityCancelledIntro: 'El socio ha cancelado esta actividad de red planificada.',
    testSubject: 'Mensaje de prueba de DI Ops',
    testIntro: (name: string) =>
      `Esto es una prueba de la suscripción «${name}». Si puede leerlo, el canal funciona.`,
    reminderSubject: 'Revise sus contactos de notificación en DI Ops',
    reminderIntro:
      'Los socios son responsables de mantener actualizados sus datos de contacto. Algunas notificaciones podrían no llegar a nadie:',
    reminderMissing: 'Sin suscriptores para',
    reminderFailing: (name: string, count: number) => `«${name}» ha fallado ${count} entregas seguidas`,
    severity: 'Gravedad',
    customer: 'Cliente',
    responseDue: 'Respuesta dentro de',
    tacPhone: 'Teléfono del TAC',
    previousSeverity: 'Gravedad anterior',
    severityNames: { S1: 'S1 (Crítico)', S2: 'S2 (Alto)', S3: 'S3 (Medio)', S4: 'S4 (Bajo)' },
    caseOpened: (n: string, sev: string, title: string) => `Caso de soporte ${sev} ${n} abierto: ${title}`,
    caseOpenedIntro:
      'Se ha abierto un caso de soporte de gravedad alta. El TAC del proveedor está trabajando en él.',
    caseRaised: (n: string, sev: string, title: string) => `Caso de soporte ${n} elevado a ${sev}: ${title}`,
    caseRaisedIntro: 'Se ha elevado la gravedad de un caso de soporte.',
    caseEscalated: (n: string, title: string) => `Escalada a la dirección del caso de soporte ${n}: ${title}`,
    caseEscalatedIntro: 'El socio ha escalado este caso de soporte a la dirección.',
    releasePublished: (version: string) => `Versión ${version} publicada: el tren de versiones ha avanzado`,
    releasePublishedIntro:
      'Una nueva versión pasa a ser n. Las versiones que eran n-2 ya no tienen soporte; n-1 y n-2 deben actualizarse a la versión objetivo.',
    releaseTrain: 'Tren de versiones',
    upgradeTarget: 'Versión objetivo',
    complianceLost: (count: number) =>
      `${count} de sus clientes ${count === 1 ? 'debe' : 'deben'} actualizar ahora (el tren de versiones avanzó)`,
    complianceLostIntro:
      'Tras la nueva versión, estos clientes ejecutan versiones que deben actualizarse a la versión objetivo. Quedan incluidos en una campaña de actualización.',
    applicationsCount: (count: number) => `${count} aplicaci${count === 1 ? 'ón' : 'ones'}`,
    andMore: (count: number) => `…y ${count} más`,
    certificateProposed: (subject: string, customer: string) =>
      `Renovación de certificado propuesta: ${subject} (${customer})`,
    certificateProposedIntro:
      'Este certificado caduca pronto. Se propone renovarlo en la ventana de mantenimiento indicada, entre 3 y 7 días antes de su caducidad.',
    certificateOverdue: (subject: string, customer: string) =>
      `Renovación de certificado atrasada: ${subject} (${customer})`,
    certificateOverdueIntro:
      'Este certificado está demasiado cerca de su caducidad para renovarlo en una ventana de mantenimiento entre 3 y 7 días antes. Actúe ya.',
    certificate: 'Certificado',
    application: 'Aplicación',
    expires: 'Caduca',
    proposedSlot: 'Franja propuesta',
  },
} as const;

export type Vocabulary = (typeof VOCABULARY)[Locale];

const SERVICE_NAMES: Record<string, string> = {
  cucm: 'CUCM',
  unity_connection: 'Unity Connection',
  imp: 'IM & Presence',
  cer: 'CER',
  expressway: 'Expressway',
  sme: 'SME',
  network: 'Network',
};

const str = (payload: Payload, key: string): string => {
  const value = payload[key];
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
};
const num = (payload: Payload, key: string): number => Number(payload[key] ?? 0);
const list = (payload: Payload, key: string): string[] => {
  const value = payload[key];
  return Array.isArray(value) ? value.map(String) : [];
};

/** The affected customers the recipient may see: their own, or all of them for the provider. */
function affectedCustomers(payload: Payload, ctx: RenderContext): string[] {
  const groups = Array.isArray(payload.affected)
    ? (payload.affected as { partnerId: string; customers: string[] }[])
    : [];
  return groups
    .filter((group) => ctx.partnerId === null || group.partnerId === ctx.partnerId)
    .flatMap((group) => group.customers)
    .sort((a, b) => a.localeCompare(b));
}

function outageFacts(payload: Payload, ctx: RenderContext, t: Vocabulary) {
  const impact = str(payload, 'impact') as keyof Vocabulary['impacts'];
  const status = str(payload, 'status') as keyof Vocabulary['statuses'];
  const customers = affectedCustomers(payload, ctx);
  const facts: Message['facts'] = [
    { label: t.impact, value: t.impacts[impact] ?? impact },
    { label: t.status, value: t.statuses[status] ?? status },
    { label: t.started, value: formatInstant(str(payload, 'startedAt'), ctx.locale, ctx.timeZone) },
  ];
  const regions = list(payload, 'regions');
  if (regions.length > 0) facts.push({ label: t.regions, value: regions.join(', ') });
  const services = list(payload, 'services');
  if (services.length > 0)
    facts.push({ label: t.services, value: services.map((s) => SERVICE_NAMES[s] ?? s).join(', ') });
  facts.push({
    label: t.customers,
    value: customers.length > 0 ? customers.join(', ') : regions.length > 0 ? t.all : t.none,
  });
  return facts;
}

const outageLink = (payload: Payload, ctx: RenderContext, t: Vocabulary) => ({
  label: t.open,
  url: `${ctx.publicUrl}/outages/${str(payload, 'outageId')}`,
});

function outageMessage(
  payload: Payload,
  ctx: RenderContext,
  t: Vocabulary,
  subject: (number: number, title: string) => string,
  intro: string,
): Message {
  return {
    subject: subject(num(payload, 'number'), str(payload, 'title')),
    intro,
    body: str(payload, 'message') || null,
    facts: outageFacts(payload, ctx, t),
    link: outageLink(payload, ctx, t),
    footer: t.footer,
  };
}

function caseFacts(payload: Payload, ctx: RenderContext, t: Vocabulary): Message['facts'] {
  const severity = str(payload, 'severity') as keyof Vocabulary['severityNames'];
  const facts: Message['facts'] = [
    { label: t.severity, value: t.severityNames[severity] ?? severity },
    { label: t.customer, value: str(payload, 'customerName') },
  ];
  const previous = str(payload, 'previousSeverity') as keyof Vocabulary['severityNames'];
  if (previous) facts.push({ label: t.previousSeverity, value: t.severityNames[previous] ?? previous });
  if (str(payload, 'responseDueAt'))
    facts.push({
      label: t.responseDue,
      value: formatInstant(str(payload, 'responseDueAt'), ctx.locale, ctx.timeZone),
    });
  if (str(payload, 'tacPhone')) facts.push({ label: t.tacPhone, value: str(payload, 'tacPhone') });
  return facts;
}

function caseMessage(
  payload: Payload,
  ctx: RenderContext,
  t: Vocabulary,
  subject: string,
  intro: string,
): Message {
  return {
    subject,
    intro,
    body: str(payload, 'reason') || null,
    facts: caseFacts(payload, ctx, t),
    link: { label: t.open, url: `${ctx.publicUrl}/cases/${str(payload, 'caseId')}` },
    footer: t.footer,
  };
}

const severityName = (payload: Payload, t: Vocabulary) => {
  const severity = str(payload, 'severity') as keyof Vocabulary['severityNames'];
  return t.severityNames[severity] ?? severity;
};

function certificateMessage(payload: Payload, ctx: RenderContext, t: Vocabulary, overdue: boolean): Message {
  const subject = str(payload, 'subject');
  const customer = str(payload, 'customerName');
  const facts: Message['facts'] = [
    { label: t.certificate, value: `${subject} (${str(payload, 'kind')})` },
    { label: t.application, value: str(payload, 'applicationName') },
    { label: t.customer, value: customer },
    { label: t.expires, value: formatInstant(str(payload, 'expiresAt'), ctx.locale, ctx.timeZone) },
  ];
  if (str(payload, 'proposalStart'))
    facts.push({
      label: t.proposedSlot,
      value: `${formatInstant(str(payload, 'proposalStart'), ctx.locale, ctx.timeZone)} – ${formatInstant(str(payload, 'proposalEnd'), ctx.locale, ctx.timeZone)}`,
    });
  return {
    subject: overdue ? t.certificateOverdue(subject, customer) : t.certificateProposed(subject, customer),
    intro: overdue ? t.certificateOverdueIntro : t.certificateProposedIntro,
    body: null,
    facts,
    link: { label: t.open, url: `${ctx.publicUrl}/inventory/certificates` },
    footer: t.footer,
  };
}

/** '16.0 (SU1, SU2)' from a release object in a payload. */
function releaseName(value: unknown): string {
  const release = value as { version?: string; sus?: string[] } | undefined;
  return release?.version ? `${release.version} (${(release.sus ?? []).join(', ')})` : '';
}

function trainText(value: unknown): string {
  const train = value as Record<'n' | 'n1' | 'n2', unknown> | undefined;
  if (!train) return '';
  return `n ${releaseName(train.n)} · n-1 ${releaseName(train.n1)} · n-2 ${releaseName(train.n2)}`;
}

const TEMPLATES: Record<string, Template> = {
  'case.opened': (payload, ctx, t) =>
    caseMessage(
      payload,
      ctx,
      t,
      t.caseOpened(str(payload, 'number'), severityName(payload, t), str(payload, 'title')),
      t.caseOpenedIntro,
    ),
  'case.severity_raised': (payload, ctx, t) =>
    caseMessage(
      payload,
      ctx,
      t,
      t.caseRaised(str(payload, 'number'), severityName(payload, t), str(payload, 'title')),
      t.caseRaisedIntro,
    ),
  'case.escalated': (payload, ctx, t) =>
    caseMessage(
      payload,
      ctx,
      t,
      t.caseEscalated(str(payload, 'number'), str(payload, 'title')),
      t.caseEscalatedIntro,
    ),
  'release.published': (payload, ctx, t) => ({
    subject: t.releasePublished(releaseName(payload.release)),
    intro: t.releasePublishedIntro,
    body: null,
    facts: [
      { label: t.releaseTrain, value: trainText(payload.train) },
      { label: t.upgradeTarget, value: str(payload, 'target') },
    ],
    link: { label: t.open, url: `${ctx.publicUrl}/inventory/releases` },
    footer: t.footer,
  }),
  'release.compliance_lost': (payload, ctx, t) => {
    const customers = Array.isArray(payload.customers)
      ? (payload.customers as { name: string; applications: number }[])
      : [];
    const total = num(payload, 'customerCount');
    const lines = customers.map((c) => `• ${c.name} — ${t.applicationsCount(c.applications)}`);
    if (total > customers.length) lines.push(t.andMore(total - customers.length));
    return {
      subject: t.complianceLost(total),
      intro: t.complianceLostIntro,
      body: lines.join('\n'),
      facts: [{ label: t.upgradeTarget, value: str(payload, 'target') }],
      link: { label: t.open, url: `${ctx.publicUrl}/inventory/compliance` },
      footer: t.footer,
    };
  },
  'certificate.renewal_proposed': (payload, ctx, t) => certificateMessage(payload, ctx, t, false),
  'certificate.renewal_overdue': (payload, ctx, t) => certificateMessage(payload, ctx, t, true),
  'outage.declared': (payload, ctx, t) =>
    outageMessage(payload, ctx, t, t.outageDeclared, t.outageDeclaredIntro),
  'outage.updated': (payload, ctx, t) =>
    outageMessage(payload, ctx, t, t.outageUpdated, t.outageUpdatedIntro),
  'outage.resolved': (payload, ctx, t) => ({
    subject: t.outageResolved(num(payload, 'number'), str(payload, 'title')),
    intro: t.outageResolvedIntro,
    body: str(payload, 'message') || null,
    facts: [
      ...outageFacts(payload, ctx, t),
      { label: t.resolved, value: formatInstant(str(payload, 'resolvedAt'), ctx.locale, ctx.timeZone) },
      { label: t.duration, value: formatDuration(num(payload, 'durationMinutes')) },
    ],
    link: outageLink(payload, ctx, t),
    footer: t.footer,
  }),
  'network_activity.declared': (payload, ctx, t) => activityMessage(payload, ctx, t, false),
  'network_activity.cancelled': (payload, ctx, t) => activityMessage(payload, ctx, t, true),
  'subscription.test': (payload, ctx, t) => ({
    subject: t.testSubject,
    intro: t.testIntro(str(payload, 'subscriptionName')),
    body: null,
    facts: [
      {
        label: t.categories,
        value: list(payload, 'categories')
          .map((c) => t.categoryNames[c as keyof Vocabulary['categoryNames']] ?? c)
          .join(', '),
      },
    ],
    link: { label: t.open, url: `${ctx.publicUrl}/subscriptions` },
    footer: t.footer,
  }),
  'contact.reminder': (payload, ctx, t) => {
    const missing = list(payload, 'missingCategories').map(
      (c) => `${t.reminderMissing}: ${t.categoryNames[c as keyof Vocabulary['categoryNames']] ?? c}`,
    );
    const failing = Array.isArray(payload.failing)
      ? (payload.failing as { name: string; consecutiveFailures: number }[]).map((f) =>
          t.reminderFailing(f.name, f.consecutiveFailures),
        )
      : [];
    return {
      subject: t.reminderSubject,
      intro: t.reminderIntro,
      body: [...missing, ...failing].map((line) => `• ${line}`).join('\n'),
      facts: [],
      link: { label: t.open, url: `${ctx.publicUrl}/subscriptions` },
      footer: t.footer,
    };
  },
};

function activityMessage(payload: Payload, ctx: RenderContext, t: Vocabulary, cancelled: boolean): Message {
  const partner = str(payload, 'partnerName');
  const title = str(payload, 'title');
  const customers = list(payload, 'customers');
  const facts: Message['facts'] = [
    { label: t.partner, value: partner },
    { label: t.starts, value: formatInstant(str(payload, 'startsAt'), ctx.locale, ctx.timeZone) },
    { label: t.ends, value: formatInstant(str(payload, 'endsAt'), ctx.locale, ctx.timeZone) },
  ];
  if (customers.length > 0) facts.push({ label: t.customers, value: customers.join(', ') });
  const alarms = str(payload, 'expectedAlarms');
  if (alarms) facts.push({ label: t.expectedAlarms, value: alarms });
  return {
    subject: cancelled ? t.activityCancelled(partner, title) : t.activityDeclared(partner, title),
    intro: cancelled ? t.activityCancelledIntro : t.activityDeclaredIntro,
    body: str(payload, 'description') || null,
    facts,
    link: { label: t.open, url: `${ctx.publicUrl}/network-activities` },
    footer: t.footer,
  };
}

export function hasTemplate(kind: string): boolean {
  return kind in TEMPLATES;
}

export function renderMessage(kind: string, payload: Payload, ctx: RenderContext): Message {
  const template = TEMPLATES[kind];
  if (!template) throw new Error(`no template for event kind ${kind}`);
  const message = template(payload, ctx, VOCABULARY[ctx.locale]);
  return { ...message, subject: `[${VOCABULARY[ctx.locale].product}] ${message.subject}` };
}
