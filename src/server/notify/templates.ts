import type { Locale } from '../db/schema.ts';
import { CHANGE_TEMPLATES } from './change-templates.ts';
import { formatDuration, formatInstant } from './format.ts';
import { list, num, type Payload, str } from './payload.ts';

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
      capacity: 'Capacity',
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
    casePlanOwed: (n: string, title: string) => `Support case ${n} owes a status and action plan: ${title}`,
    casePlanOwedIntro:
      'This case passed its response due time unresolved: the provider owes the partner a status and action plan.',
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
    drDeclared: (n: number, application: string, customer: string) =>
      `Disaster recovery #${n} declared: ${application} (${customer})`,
    drDeclaredApplicationIntro:
      'The provider has declared a disaster-recovery event for an application failure. A new publisher is being set up from the Disaster Recovery System (DRS) backup, with a target of one business day from the declaration. Partners have no access to DRS; you can do your own recovery once the provider has restored the service.',
    drDeclaredHardwareIntro:
      'The provider has declared a disaster-recovery event for a hardware failure. Whether a new publisher is set up in the same or another data centre, or the failed hardware is recovered, depends on the failure: there is no fixed target, and the provider will give the expected recovery time in its updates. You can do your own recovery once the provider has restored the service.',
    drUpdated: (n: number, application: string, customer: string) =>
      `Disaster recovery #${n} update: ${application} (${customer})`,
    drUpdatedIntro: 'There is a new update on a disaster-recovery event that affects your customer.',
    drRestored: (n: number, application: string, customer: string) =>
      `Disaster recovery #${n} restored: ${application} (${customer})`,
    drRestoredIntro:
      'The provider has restored the service from the DRS backup. You can now do your own recovery steps.',
    drFailure: 'Failure',
    drKinds: { application_failure: 'Application failure', hardware_failure: 'Hardware failure' },
    drStatuses: {
      declared: 'Declared',
      restoring: 'Restoring',
      restored: 'Restored',
      closed: 'Closed',
      withdrawn: 'Withdrawn (declared by mistake)',
    },
    region: 'Region',
    declared: 'Declared',
    drTarget: 'Target for a new publisher',
    restoredAt: 'Restored',
    timeToRecover: 'Time to recover',
    targetMet: 'Target met',
    yes: 'Yes',
    no: 'No',
    resourceNames: { knowledge_workers: 'Knowledge workers', workspace_devices: 'Workspace devices' },
    capacityCrossed: (percent: number, resource: string, customer: string) =>
      `${customer}: ${resource} at ${percent} % of capacity`,
    capacityCrossedIntro:
      'Provisioning has crossed a capacity threshold. Beyond the entitlement nothing more can be provisioned until an expansion, opened through a TAC case, adds capacity.',
    capacityUse: 'In use',
    entitlement: 'Entitlement',
    expansionPlanned: (customer: string) => `Capacity expansion planned for ${customer}`,
    expansionPlannedIntro: 'The provider has planned the capacity expansion you asked for.',
    expansionCompleted: (customer: string) => `Capacity expansion completed for ${customer}`,
    expansionCompletedIntro:
      'The additional capacity is in place. You can provision up to the new entitlement.',
    plannedFor: 'Planned for',
    copSubjects: {
      requested: (n: number, file: string, customer: string) => `COP request #${n}: ${file} for ${customer}`,
      uploaded: (n: number, file: string, customer: string) =>
        `COP file ready on the SFTP server (#${n}): ${file} for ${customer}`,
      installed: (n: number, file: string, customer: string) =>
        `COP file installed (#${n}): ${file} for ${customer}`,
      rejected: (n: number, file: string, customer: string) =>
        `COP request #${n} turned down: ${file} for ${customer}`,
      cancelled: (n: number, file: string, customer: string) =>
        `COP request #${n} withdrawn: ${file} for ${customer}`,
    },
    copIntros: {
      requested: 'A partner asks for a COP file to be uploaded to the instance SFTP server.',
      uploaded:
        'The provider has uploaded the COP file to the instance SFTP server. Download it to the UC application, install it when it suits you, and mark it installed in DI Ops.',
      installed: 'The partner has installed the COP file.',
      rejected: 'The provider has turned this COP request down.',
      cancelled: 'This COP request has been withdrawn.',
    },
    file: 'File',
    sftpPath: 'SFTP path',
    checksum: 'Checksum',
    reason: 'Reason',
    added: 'Added',
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
      capacity: 'Capacidad',
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
    casePlanOwed: (n: string, title: string) =>
      `El caso de soporte ${n} requiere un estado y un plan de acción: ${title}`,
    casePlanOwedIntro:
      'Venció el tiempo de respuesta de este caso sin resolverse: el proveedor debe enviar al socio un estado y un plan de acción.',
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
    drDeclared: (n: number, application: string, customer: string) =>
      `Recuperación ante desastres n.º ${n} declarada: ${application} (${customer})`,
    drDeclaredApplicationIntro:
      'El proveedor ha declarado un evento de recuperación ante desastres por una falla de la aplicación. Se está estableciendo un nuevo Publisher a partir de la copia de seguridad del sistema de recuperación ante desastres (DRS), con el objetivo de hacerlo dentro de un día hábil desde la declaración. Los socios no tienen acceso al DRS; podrá realizar su propia recuperación una vez que el proveedor haya restaurado el servicio.',
    drDeclaredHardwareIntro:
      'El proveedor ha declarado un evento de recuperación ante desastres por una falla de hardware. Establecer un nuevo Publisher en el mismo centro de datos o en otro, o recuperar el hardware averiado, depende de la naturaleza de la falla: no hay un plazo fijo, y el proveedor comunicará el plazo de recuperación esperado en sus actualizaciones. Podrá realizar su propia recuperación una vez que el proveedor haya restaurado el servicio.',
    drUpdated: (n: number, application: string, customer: string) =>
      `Recuperación ante desastres n.º ${n}, actualización: ${application} (${customer})`,
    drUpdatedIntro:
      'Hay una nueva actualización de un evento de recuperación ante desastres que afecta a su cliente.',
    drRestored: (n: number, application: string, customer: string) =>
      `Recuperación ante desastres n.º ${n} restaurada: ${application} (${customer})`,
    drRestoredIntro:
      'El proveedor ha restaurado el servicio desde la copia de seguridad del DRS. Ya puede realizar sus propios pasos de recuperación.',
    drFailure: 'Falla',
    drKinds: { application_failure: 'Falla de la aplicación', hardware_failure: 'Falla de hardware' },
    drStatuses: {
      declared: 'Declarado',
      restoring: 'En restauración',
      restored: 'Restaurado',
      closed: 'Cerrado',
      withdrawn: 'Retirado (declarado por error)',
    },
    region: 'Región',
    declared: 'Declarado',
    drTarget: 'Objetivo para el nuevo Publisher',
    restoredAt: 'Restaurado',
    timeToRecover: 'Tiempo de recuperación',
    targetMet: 'Objetivo cumplido',
    yes: 'Sí',
    no: 'No',
    resourceNames: { knowledge_workers: 'Knowledge workers', workspace_devices: 'Dispositivos Workspace' },
    capacityCrossed: (percent: number, resource: string, customer: string) =>
      `${customer}: ${resource} al ${percent} % de la capacidad`,
    capacityCrossedIntro:
      'El aprovisionamiento ha superado un umbral de capacidad. Por encima de la capacidad contratada no se puede aprovisionar más hasta que una ampliación, solicitada mediante un caso al TAC, la aumente.',
    capacityUse: 'En uso',
    entitlement: 'Capacidad contratada',
    expansionPlanned: (customer: string) => `Ampliación de capacidad planificada para ${customer}`,
    expansionPlannedIntro: 'El proveedor ha planificado la ampliación de capacidad que solicitó.',
    expansionCompleted: (customer: string) => `Ampliación de capacidad completada para ${customer}`,
    expansionCompletedIntro:
      'La capacidad adicional ya está disponible. Puede aprovisionar hasta la nueva capacidad contratada.',
    plannedFor: 'Planificada para',
    copSubjects: {
      requested: (n: number, file: string, customer: string) =>
        `Solicitud de COP n.º ${n}: ${file} para ${customer}`,
      uploaded: (n: number, file: string, customer: string) =>
        `Archivo COP disponible en el servidor SFTP (n.º ${n}): ${file} para ${customer}`,
      installed: (n: number, file: string, customer: string) =>
        `Archivo COP instalado (n.º ${n}): ${file} para ${customer}`,
      rejected: (n: number, file: string, customer: string) =>
        `Solicitud de COP n.º ${n} rechazada: ${file} para ${customer}`,
      cancelled: (n: number, file: string, customer: string) =>
        `Solicitud de COP n.º ${n} retirada: ${file} para ${customer}`,
    },
    copIntros: {
      requested: 'Un socio solicita que se cargue un archivo COP en el servidor SFTP de la instancia.',
      uploaded:
        'El proveedor ha cargado el archivo COP en el servidor SFTP de la instancia. Descárguelo en la aplicación de UC, instálelo cuando le convenga y márquelo como instalado en DI Ops.',
      installed: 'El socio ha instalado el archivo COP.',
      rejected: 'El proveedor ha rechazado esta solicitud de COP.',
      cancelled: 'Esta solicitud de COP se ha retirado.',
    },
    file: 'Archivo',
    sftpPath: 'Ruta SFTP',
    checksum: 'Suma de comprobación',
    reason: 'Motivo',
    added: 'Añadido',
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

/** A case message whose subject and intro are the kind's own. */
function caseTemplate(
  subject: (payload: Payload, t: Vocabulary) => string,
  intro: (t: Vocabulary) => string,
): Template {
  return (payload, ctx, t) => caseMessage(payload, ctx, t, subject(payload, t), intro(t));
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

function resourceName(payload: Payload, t: Vocabulary): string {
  const resource = str(payload, 'resource');
  return t.resourceNames[resource as keyof Vocabulary['resourceNames']] ?? resource;
}

function expansionMessage(payload: Payload, ctx: RenderContext, t: Vocabulary, completed: boolean): Message {
  const customer = str(payload, 'customerName');
  const facts = [
    { label: t.customer, value: customer },
    { label: resourceName(payload, t), value: `+${num(payload, 'additional')}` },
    { label: t.entitlement, value: String(num(payload, 'entitled')) },
  ];
  if (!completed)
    facts.push({
      label: t.plannedFor,
      value: formatInstant(str(payload, 'plannedFor'), ctx.locale, ctx.timeZone),
    });
  return {
    subject: completed ? t.expansionCompleted(customer) : t.expansionPlanned(customer),
    intro: completed ? t.expansionCompletedIntro : t.expansionPlannedIntro,
    body: str(payload, 'note') || null,
    facts,
    link: { label: t.open, url: `${ctx.publicUrl}/inventory/capacity` },
    footer: t.footer,
  };
}

/** Disaster recovery: what failed, where, the target (application failures), and once restored the outcome. */
function drMessage(
  payload: Payload,
  ctx: RenderContext,
  t: Vocabulary,
  kind: 'declared' | 'updated' | 'restored',
): Message {
  const failure = str(payload, 'kind') as keyof Vocabulary['drKinds'];
  const status = str(payload, 'status') as keyof Vocabulary['drStatuses'];
  const application = str(payload, 'applicationName');
  const customer = str(payload, 'customerName');
  const when = (key: string) => formatInstant(str(payload, key), ctx.locale, ctx.timeZone);
  const facts: Message['facts'] = [
    { label: t.drFailure, value: t.drKinds[failure] ?? failure },
    { label: t.application, value: application },
    { label: t.customer, value: customer },
    { label: t.region, value: str(payload, 'region') },
    { label: t.status, value: t.drStatuses[status] ?? status },
    { label: t.declared, value: when('declaredAt') },
  ];
  // A hardware failure has no fixed target: none is shown.
  if (str(payload, 'targetAt')) facts.push({ label: t.drTarget, value: when('targetAt') });
  if (str(payload, 'recoveredAt')) {
    facts.push({ label: t.restoredAt, value: when('recoveredAt') });
    facts.push({ label: t.timeToRecover, value: formatDuration(num(payload, 'timeToRecoverMinutes')) });
    if (typeof payload.targetMet === 'boolean')
      facts.push({ label: t.targetMet, value: payload.targetMet ? t.yes : t.no });
  }
  const n = num(payload, 'number');
  const [subject, intro] =
    kind === 'declared'
      ? [
          t.drDeclared(n, application, customer),
          failure === 'hardware_failure' ? t.drDeclaredHardwareIntro : t.drDeclaredApplicationIntro,
        ]
      : kind === 'restored'
        ? [t.drRestored(n, application, customer), t.drRestoredIntro]
        : [t.drUpdated(n, application, customer), t.drUpdatedIntro];
  return {
    subject,
    intro,
    body: str(payload, 'message') || null,
    facts,
    link: { label: t.open, url: `${ctx.publicUrl}/disaster-recovery/${str(payload, 'drEventId')}` },
    footer: t.footer,
  };
}

type CopStep = keyof Vocabulary['copSubjects'];

function copMessage(payload: Payload, ctx: RenderContext, t: Vocabulary, stepName: CopStep): Message {
  const customer = str(payload, 'customerName');
  const facts: Message['facts'] = [
    { label: t.customer, value: customer },
    { label: t.application, value: str(payload, 'applicationName') },
    { label: t.file, value: str(payload, 'fileName') },
  ];
  if (payload.sftpPath) facts.push({ label: t.sftpPath, value: str(payload, 'sftpPath') });
  if (payload.checksum) facts.push({ label: t.checksum, value: str(payload, 'checksum') });
  return {
    subject: t.copSubjects[stepName](num(payload, 'number'), str(payload, 'fileName'), customer),
    intro: t.copIntros[stepName],
    body: str(payload, 'reason') || null,
    facts,
    link: { label: t.open, url: `${ctx.publicUrl}/inventory/cop-requests/${str(payload, 'copRequestId')}` },
    footer: t.footer,
  };
}

const TEMPLATES: Record<string, Template> = {
  'case.opened': caseTemplate(
    (p, t) => t.caseOpened(str(p, 'number'), severityName(p, t), str(p, 'title')),
    (t) => t.caseOpenedIntro,
  ),
  'case.severity_raised': caseTemplate(
    (p, t) => t.caseRaised(str(p, 'number'), severityName(p, t), str(p, 'title')),
    (t) => t.caseRaisedIntro,
  ),
  'case.escalated': caseTemplate(
    (p, t) => t.caseEscalated(str(p, 'number'), str(p, 'title')),
    (t) => t.caseEscalatedIntro,
  ),
  'case.plan_owed': caseTemplate(
    (p, t) => t.casePlanOwed(str(p, 'number'), str(p, 'title')),
    (t) => t.casePlanOwedIntro,
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
  'capacity.threshold_crossed': (payload, ctx, t) => {
    const resource = resourceName(payload, t);
    return {
      subject: t.capacityCrossed(num(payload, 'thresholdPercent'), resource, str(payload, 'customerName')),
      intro: t.capacityCrossedIntro,
      body: null,
      facts: [
        { label: t.customer, value: str(payload, 'customerName') },
        { label: t.capacityUse, value: `${num(payload, 'provisioned')} (${num(payload, 'percent')} %)` },
        { label: t.entitlement, value: String(num(payload, 'entitled')) },
      ],
      link: { label: t.open, url: `${ctx.publicUrl}/inventory/capacity` },
      footer: t.footer,
    };
  },
  'capacity.expansion_planned': (payload, ctx, t) => expansionMessage(payload, ctx, t, false),
  'capacity.expansion_completed': (payload, ctx, t) => expansionMessage(payload, ctx, t, true),
  'cop.requested': (payload, ctx, t) => copMessage(payload, ctx, t, 'requested'),
  'cop.uploaded': (payload, ctx, t) => copMessage(payload, ctx, t, 'uploaded'),
  'cop.installed': (payload, ctx, t) => copMessage(payload, ctx, t, 'installed'),
  'cop.rejected': (payload, ctx, t) => copMessage(payload, ctx, t, 'rejected'),
  'cop.cancelled': (payload, ctx, t) => copMessage(payload, ctx, t, 'cancelled'),
  'certificate.renewal_proposed': (payload, ctx, t) => certificateMessage(payload, ctx, t, false),
  'certificate.renewal_overdue': (payload, ctx, t) => certificateMessage(payload, ctx, t, true),
  'dr.declared': (payload, ctx, t) => drMessage(payload, ctx, t, 'declared'),
  'dr.updated': (payload, ctx, t) => drMessage(payload, ctx, t, 'updated'),
  'dr.restored': (payload, ctx, t) => drMessage(payload, ctx, t, 'restored'),
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
  return kind in TEMPLATES || kind in CHANGE_TEMPLATES;
}

export function renderMessage(kind: string, payload: Payload, ctx: RenderContext): Message {
  const template = TEMPLATES[kind];
  const changeTemplate = CHANGE_TEMPLATES[kind];
  if (!template && !changeTemplate) throw new Error(`no template for event kind ${kind}`);
  const message = template
    ? template(payload, ctx, VOCABULARY[ctx.locale])
    : (changeTemplate?.(payload, ctx) as Message);
  return { ...message, subject: `[${VOCABULARY[ctx.locale].product}] ${message.subject}` };
}
