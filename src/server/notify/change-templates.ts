import type { Locale } from '../db/schema.ts';
import { formatInstant } from './format.ts';
import { list, type Payload, str } from './payload.ts';
import type { Message, RenderContext } from './templates.ts';

/**
 * Change notices in English and Spanish (SPEC §5). A partner's notice names its own customers and
 * gives the window three ways: in the recipient's zone, and on the wall clock of each of its
 * affected regions, so nobody converts time zones by hand.
 */
type ChangeKind =
  | 'notice'
  | 'emergency'
  | 'reminder'
  | 'rescheduled'
  | 'started'
  | 'completed'
  | 'cancelled'
  | 'reschedule_requested'
  | 'reschedule_declined'
  | 'sso_tasks';

interface RegionTime {
  region: string;
  timeZone: string;
  localStart: string;
  localEnd: string;
}

const WORDS = {
  en: {
    subjects: {
      notice: (ref: string, title: string) => `Planned maintenance ${ref}: ${title}`,
      emergency: (ref: string, title: string) => `EMERGENCY change ${ref}: ${title}`,
      reminder: (ref: string, title: string) => `Reminder: maintenance ${ref} starts within a day: ${title}`,
      rescheduled: (ref: string, title: string) => `Maintenance ${ref} moved to a new date: ${title}`,
      started: (ref: string, title: string) => `Maintenance ${ref} has started: ${title}`,
      completed: (ref: string, title: string) => `Maintenance ${ref} completed: ${title}`,
      cancelled: (ref: string, title: string) => `Maintenance ${ref} cancelled: ${title}`,
      reschedule_requested: (ref: string, title: string) => `Reschedule requested for ${ref}: ${title}`,
      reschedule_declined: (ref: string, title: string) => `Reschedule request declined for ${ref}: ${title}`,
      sso_tasks: (ref: string, title: string) => `Action needed after certificate renewal ${ref}: ${title}`,
    },
    intros: {
      notice:
        'This is the written notice of a planned change that affects your customers. If it conflicts with their business, ask to reschedule it in DI Ops with a detailed reason within 3 business days.',
      emergency:
        'The provider is making an emergency change to restore or protect the service. It needs no notice period and cannot be rescheduled.',
      reminder: 'This planned change starts within the next 24 hours.',
      rescheduled:
        'This change has a new date. This message is its new notice; the previous date no longer applies.',
      started: 'The provider has started this change.',
      completed: 'The provider has completed this change.',
      cancelled: 'This change is cancelled and will not take place.',
      reschedule_requested:
        'A partner asks to move this change. Pick a new slot or decline the request in DI Ops.',
      reschedule_declined:
        'The provider has declined your request to move this change; it goes ahead as planned.',
      sso_tasks:
        'The certificates of customers that sign in with SSO were renewed. Work through these steps for each customer listed, in order: 1. disable SSO, 2. re-import the IdP metadata, 3. re-enable SSO, 4. validate sign-in. Tick them off in DI Ops.',
    },
    types: {
      routine: 'Routine',
      service_interrupting: 'Service interrupting',
      certificate_renewal: 'Certificate renewal',
      upgrade: 'Upgrade',
      cop_install: 'COP file install',
      infrastructure: 'Infrastructure',
      emergency: 'Emergency',
    } as Record<string, string>,
    reasons: {
      security_vulnerability: 'Security vulnerability',
      below_n_minus_1: 'Version below n-1',
      end_of_life: 'End of life',
      partner_request: 'Partner request',
      restore_service: 'Restore service',
      reduce_outage_impact: 'Reduce the impact of an outage',
      prevent_outage: 'Prevent an outage',
      remediate_vulnerability: 'Remediate a vulnerability',
    } as Record<string, string>,
    type: 'Type',
    window: 'Window (your time)',
    localWindow: (region: string, zone: string) => `Local time ${region} (${zone})`,
    previously: 'Previously',
    customers: 'Your affected customers',
    more: (n: number) => `and ${n} more`,
    reason: 'Reason',
    late: 'Late request (more than 3 business days after the notice)',
    yes: 'yes',
    open: 'Open in DI Ops',
    footer:
      'You receive this because your organisation subscribed this address to DI Ops maintenance notifications. Manage subscriptions in DI Ops.',
  },
  es: {
    subjects: {
      notice: (ref: string, title: string) => `Mantenimiento programado ${ref}: ${title}`,
      emergency: (ref: string, title: string) => `Cambio de EMERGENCIA ${ref}: ${title}`,
      reminder: (ref: string, title: string) =>
        `Recordatorio: el mantenimiento ${ref} empieza en menos de un día: ${title}`,
      rescheduled: (ref: string, title: string) => `El mantenimiento ${ref} cambia de fecha: ${title}`,
      started: (ref: string, title: string) => `Ha empezado el mantenimiento ${ref}: ${title}`,
      completed: (ref: string, title: string) => `Mantenimiento ${ref} completado: ${title}`,
      cancelled: (ref: string, title: string) => `Mantenimiento ${ref} cancelado: ${title}`,
      reschedule_requested: (ref: string, title: string) => `Solicitud de reprogramación de ${ref}: ${title}`,
      reschedule_declined: (ref: string, title: string) =>
        `Solicitud de reprogramación rechazada para ${ref}: ${title}`,
      sso_tasks: (ref: string, title: string) =>
        `Acción necesaria tras la renovación de certificados ${ref}: ${title}`,
    },
    intros: {
      notice:
        'Este es el aviso por escrito de un cambio programado que afecta a sus clientes. Si coincide con actividad crítica de su negocio, solicite la reprogramación en DI Ops con un motivo detallado en un plazo de 3 días hábiles.',
      emergency:
        'El proveedor realiza un cambio de emergencia para restablecer o proteger el servicio. No requiere preaviso y no se puede reprogramar.',
      reminder: 'Este cambio programado empieza en las próximas 24 horas.',
      rescheduled:
        'Este cambio tiene una nueva fecha. Este mensaje es su nuevo aviso; la fecha anterior ya no es válida.',
      started: 'El proveedor ha empezado este cambio.',
      completed: 'El proveedor ha completado este cambio.',
      cancelled: 'Este cambio se ha cancelado y no se realizará.',
      reschedule_requested:
        'Un socio solicita mover este cambio. Elija una nueva franja o rechace la solicitud en DI Ops.',
      reschedule_declined:
        'El proveedor ha rechazado su solicitud de mover este cambio; se realizará según lo previsto.',
      sso_tasks:
        'Se han renovado los certificados de clientes que inician sesión con SSO. Para cada cliente de la lista, siga estos pasos en orden: 1. desactivar SSO, 2. volver a importar los metadatos del IdP, 3. reactivar SSO, 4. validar el inicio de sesión. Márquelos en DI Ops.',
    },
    types: {
      routine: 'Rutinario',
      service_interrupting: 'Con interrupción del servicio',
      certificate_renewal: 'Renovación de certificados',
      upgrade: 'Actualización de versión',
      cop_install: 'Instalación de archivo COP',
      infrastructure: 'Infraestructura',
      emergency: 'Emergencia',
    } as Record<string, string>,
    reasons: {
      security_vulnerability: 'Vulnerabilidad de seguridad',
      below_n_minus_1: 'Versión inferior a n-1',
      end_of_life: 'Fin de vida',
      partner_request: 'Petición del socio',
      restore_service: 'Restablecer el servicio',
      reduce_outage_impact: 'Reducir el impacto de una interrupción',
      prevent_outage: 'Prevenir una interrupción',
      remediate_vulnerability: 'Corregir una vulnerabilidad',
    } as Record<string, string>,
    type: 'Tipo',
    window: 'Ventana (su hora)',
    localWindow: (region: string, zone: string) => `Hora local ${region} (${zone})`,
    previously: 'Antes',
    customers: 'Sus clientes afectados',
    more: (n: number) => `y ${n} más`,
    reason: 'Motivo',
    late: 'Solicitud tardía (más de 3 días hábiles después del aviso)',
    yes: 'sí',
    open: 'Abrir en DI Ops',
    footer:
      'Recibe este mensaje porque su organización suscribió esta dirección a los avisos de mantenimiento de DI Ops. Gestione las suscripciones en DI Ops.',
  },
} satisfies Record<Locale, unknown>;

/** "Tue 01 Dec 2026 21:00 → Wed 02 Dec 06:00" from local wall-clock texts. */
const spanFormatters = new Map<Locale, Intl.DateTimeFormat>();

/** Wall-clock texts are formatted as if UTC, so one formatter per language serves every region. */
function spanFormatter(locale: Locale): Intl.DateTimeFormat {
  let fmt = spanFormatters.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'en-GB', {
      weekday: 'short',
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    });
    spanFormatters.set(locale, fmt);
  }
  return fmt;
}

function localSpan(time: RegionTime, locale: Locale): string {
  const fmt = spanFormatter(locale);
  const at = (local: string) => fmt.format(new Date(`${local}:00Z`));
  return `${at(time.localStart)} → ${at(time.localEnd)}`;
}

function changeMessage(kind: ChangeKind, payload: Payload, ctx: RenderContext): Message {
  const t = WORDS[ctx.locale];
  const reference = str(payload, 'reference');
  const facts: Message['facts'] = [];
  if (kind !== 'sso_tasks') {
    facts.push({ label: t.type, value: t.types[str(payload, 'type')] ?? str(payload, 'type') });
    facts.push({
      label: t.window,
      value: `${formatInstant(str(payload, 'start'), ctx.locale, ctx.timeZone)} → ${formatInstant(str(payload, 'end'), ctx.locale, ctx.timeZone)}`,
    });
    const mine = new Set(list(payload, 'regions'));
    const times = Array.isArray(payload.regionTimes) ? (payload.regionTimes as RegionTime[]) : [];
    for (const time of times)
      if (mine.size === 0 || mine.has(time.region))
        facts.push({ label: t.localWindow(time.region, time.timeZone), value: localSpan(time, ctx.locale) });
    if (payload.previousStart)
      facts.push({
        label: t.previously,
        value: `${formatInstant(str(payload, 'previousStart'), ctx.locale, ctx.timeZone)} → ${formatInstant(str(payload, 'previousEnd'), ctx.locale, ctx.timeZone)}`,
      });
    const why =
      str(payload, 'emergencyReason') || (str(payload, 'type') === 'upgrade' ? str(payload, 'reason') : '');
    if (why) facts.push({ label: t.reason, value: t.reasons[why] ?? why });
    if (payload.late === true) facts.push({ label: t.late, value: t.yes });
  }
  const customers = list(payload, 'customers');
  if (customers.length > 0) {
    const total = Number(payload.customerCount ?? customers.length);
    const extra = total > customers.length ? `, ${t.more(total - customers.length)}` : '';
    facts.push({ label: t.customers, value: `${customers.join(', ')}${extra}` });
  }
  const body =
    kind === 'reschedule_requested' || kind === 'reschedule_declined'
      ? [str(payload, 'reason'), str(payload, 'note')].filter(Boolean).join('\n\n') || null
      : str(payload, 'note') ||
        (kind === 'cancelled' ? str(payload, 'reason') : '') ||
        (kind === 'notice' || kind === 'emergency' ? str(payload, 'description') : '') ||
        null;
  const path = kind === 'sso_tasks' ? '/change-tasks' : `/changes/${str(payload, 'changeId')}`;
  return {
    subject: t.subjects[kind](reference, str(payload, 'title')),
    intro: t.intros[kind],
    body,
    facts,
    link: { label: t.open, url: `${ctx.publicUrl}${path}` },
    footer: t.footer,
  };
}

const KINDS: ChangeKind[] = [
  'notice',
  'emergency',
  'reminder',
  'rescheduled',
  'started',
  'completed',
  'cancelled',
  'reschedule_requested',
  'reschedule_declined',
  'sso_tasks',
];

type RequestKind = 'submitted' | 'commented' | 'in_review' | 'approved' | 'rejected';

const REQUEST_WORDS = {
  en: {
    subjects: {
      submitted: (ref: string, title: string) => `New change request ${ref}: ${title}`,
      commented: (ref: string, title: string) => `New comment on change request ${ref}: ${title}`,
      in_review: (ref: string, title: string) => `Change request ${ref} is in review: ${title}`,
      approved: (ref: string, title: string) => `Change request ${ref} approved: ${title}`,
      rejected: (ref: string, title: string) => `Change request ${ref} rejected: ${title}`,
    },
    intros: {
      submitted: 'A partner asks for a change that needs a joint review.',
      commented: 'There is a new comment in the joint review of this change request.',
      in_review: 'The provider has taken your change request into review.',
      approved:
        'The provider has approved your change request; it will be scheduled as a change with notice.',
      rejected: 'The provider has rejected your change request.',
    },
    customer: 'Customer',
  },
  es: {
    subjects: {
      submitted: (ref: string, title: string) => `Nueva solicitud de cambio ${ref}: ${title}`,
      commented: (ref: string, title: string) =>
        `Nuevo comentario en la solicitud de cambio ${ref}: ${title}`,
      in_review: (ref: string, title: string) => `La solicitud de cambio ${ref} está en revisión: ${title}`,
      approved: (ref: string, title: string) => `Solicitud de cambio ${ref} aprobada: ${title}`,
      rejected: (ref: string, title: string) => `Solicitud de cambio ${ref} rechazada: ${title}`,
    },
    intros: {
      submitted: 'Un socio solicita un cambio que requiere una revisión conjunta.',
      commented: 'Hay un nuevo comentario en la revisión conjunta de esta solicitud de cambio.',
      in_review: 'El proveedor ha empezado a revisar su solicitud de cambio.',
      approved: 'El proveedor ha aprobado su solicitud de cambio; se programará como un cambio con preaviso.',
      rejected: 'El proveedor ha rechazado su solicitud de cambio.',
    },
    customer: 'Cliente',
  },
} satisfies Record<Locale, unknown>;

function changeRequestMessage(kind: RequestKind, payload: Payload, ctx: RenderContext): Message {
  const t = REQUEST_WORDS[ctx.locale];
  return {
    subject: t.subjects[kind](str(payload, 'reference'), str(payload, 'title')),
    intro: t.intros[kind],
    body: str(payload, 'body') || null,
    facts: [{ label: t.customer, value: str(payload, 'customerName') }],
    link: {
      label: WORDS[ctx.locale].open,
      url: `${ctx.publicUrl}/change-requests/${str(payload, 'changeRequestId')}`,
    },
    footer: WORDS[ctx.locale].footer,
  };
}

const REQUEST_KINDS: RequestKind[] = ['submitted', 'commented', 'in_review', 'approved', 'rejected'];

export const CHANGE_TEMPLATES: Record<string, (payload: Payload, ctx: RenderContext) => Message> = {
  ...Object.fromEntries(
    REQUEST_KINDS.map((kind) => [
      `change_request.${kind}`,
      (payload: Payload, ctx: RenderContext) => changeRequestMessage(kind, payload, ctx),
    ]),
  ),
  ...Object.fromEntries(
    KINDS.map((kind) => [
      `change.${kind}`,
      (payload: Payload, ctx: RenderContext) => changeMessage(kind, payload, ctx),
    ]),
  ),
};
