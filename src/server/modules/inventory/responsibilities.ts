/**
 * The responsibilities matrix (SPEC §6, "Responsibilities"): who owns what between the partner and
 * the provider, taken from the partner operations guide (`seeds/partner-operations-guide.es.txt`).
 *
 * Each entry says one thing the guide assigns, in English and in Spanish. The Spanish text uses the
 * guide's own words (socio, proveedor, conjunta, ventana de mantenimiento …); both languages name the
 * vendor "the provider" / "el proveedor", as the product is vendor-neutral. `guideRef` points at the
 * guide's section (its Spanish heading, with the vendor's name replaced the same way).
 *
 * Static data: no I/O, no clock. The order below is the display order (grouped by area, in the order
 * of `RESPONSIBILITY_AREAS`).
 */

export const RESPONSIBILITY_AREAS = [
  'support',
  'third_party',
  'survivability',
  'monitoring',
  'notifications',
  'maintenance',
  'changes',
  'patches',
  'capacity',
  'upgrades',
  'certificates',
  'backups',
  'disaster_recovery',
] as const;
export type ResponsibilityArea = (typeof RESPONSIBILITY_AREAS)[number];

export const RESPONSIBILITY_OWNERS = ['partner', 'provider', 'joint'] as const;
export type ResponsibilityOwner = (typeof RESPONSIBILITY_OWNERS)[number];

export interface Localized {
  en: string;
  es: string;
}

export interface Responsibility {
  /** Stable kebab-case identifier; links and tests rely on it. */
  id: string;
  area: ResponsibilityArea;
  owner: ResponsibilityOwner;
  title: Localized;
  detail: Localized;
  /** Where in the guide: its section heading (Spanish). */
  guideRef: string;
}

export const RESPONSIBILITIES: readonly Responsibility[] = [
  // ── Support ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'provider-tier1-support',
    area: 'support',
    owner: 'provider',
    title: {
      en: 'Technical support to partners, 24×7×365',
      es: 'Soporte técnico a los socios 24x7x365',
    },
    detail: {
      en: 'The provider gives partners tier-1 technical support 24×7×365, in English. Partners submit S3 and S4 problems through the provider’s support case tool; for S1 and S2 problems, calling the global TAC number is recommended.',
      es: 'El proveedor brinda soporte técnico de nivel 1 24x7x365 a los socios, en inglés. Los socios pueden enviar problemas S3 y S4 directamente en la herramienta de casos del proveedor; para problemas S1 y S2 se recomienda llamar al número TAC global.',
    },
    guideRef: 'Servicio de Soporte Técnico (TAC)',
  },
  {
    id: 'partner-customer-support',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'First-line technical support to customers',
      es: 'Soporte técnico a los clientes',
    },
    detail: {
      en: 'Partners give their customers technical support to troubleshoot the dedicated instance, and escalate support problems to the provider as needed. The partner makes sure every kind of customer need is covered: user “How do I…?” questions, common problems (phones, voicemail, calls, audio, soft clients), configuration, possible application defects and service availability.',
      es: 'Los socios brindan soporte técnico a sus clientes para solucionar problemas de instancias dedicadas y pueden escalar problemas de soporte al proveedor, según sea necesario. Es responsabilidad del socio garantizar que se aborden todos los tipos de necesidades: consultas de usuario (¿Cómo hago…?), problemas de soporte más comunes, problemas técnicos de configuración, posibles errores de aplicación y disponibilidad del servicio.',
    },
    guideRef: 'Servicio de Soporte Técnico (TAC)',
  },
  {
    id: 'partner-unmanaged-devices',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'Devices not managed by the dedicated instance',
      es: 'Dispositivos no administrados por la instancia dedicada',
    },
    detail: {
      en: 'The provider’s cloud delivery team manages the dedicated-instance infrastructure. The partner troubleshoots any problem with devices the dedicated instance does not manage, working with the appropriate vendors, and with the product’s TAC when the equipment has an active maintenance contract.',
      es: 'La infraestructura de instancia dedicada está administrada por el proveedor. Es responsabilidad del socio solucionar cualquier problema relacionado con dispositivos que no estén administrados por la instancia dedicada, colaborando con los proveedores apropiados y con el TAC del producto si el equipo tiene un contrato de mantenimiento activo.',
    },
    guideRef: 'Servicio de Soporte Técnico (TAC)',
  },
  {
    id: 'partner-service-and-configuration-support',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'Service information, configuration support and problem isolation',
      es: 'Información del servicio, soporte de configuración y aislamiento de problemas',
    },
    detail: {
      en: 'The partner gives customers general service information and configuration support, separates non-technical from technical problems, supports problem isolation and the finding of service defects, analyses where an error occurred, restores incorrect configuration applied by the customer or the partner, and resolves problems with any application or infrastructure the partner manages.',
      es: 'El socio proporciona información general del servicio y soporte de configuración, filtra los problemas no técnicos de los técnicos, apoya el aislamiento de problemas y la determinación de defectos de servicio, analiza dónde ocurrió el error, restaura configuraciones incorrectas aplicadas por un cliente o socio y resuelve problemas con cualquier aplicación o infraestructura administrada por el socio.',
    },
    guideRef: 'Responsabilidades de soporte del socio',
  },
  {
    id: 'partner-feature-configuration-provisioning',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'Application features and user provisioning',
      es: 'Características de la aplicación y aprovisionamiento de usuarios',
    },
    detail: {
      en: 'The partner configures the application features and provisions users and endpoints, including software clients, dial plan, voice, video, voicemail, instant messaging and presence, LDAP and SSO.',
      es: 'El socio configura las características de la aplicación y realiza el aprovisionamiento de usuarios y puntos finales, incluidos los clientes de software, el plan de marcado, voz, video, correo de voz, mensajería instantánea y presencia, LDAP y SSO.',
    },
    guideRef: 'Responsabilidades de soporte del socio',
  },
  {
    id: 'partner-customer-relationship',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'Customer relationship, billing and collection',
      es: 'Relación con el cliente, facturación y cobro',
    },
    detail: {
      en: 'The partner owns the customer relationship and handles the customer’s billing and collection.',
      es: 'El socio es dueño de la relación con el cliente y maneja la facturación y el cobro de clientes.',
    },
    guideRef: 'Responsabilidades de soporte del socio',
  },
  {
    id: 'partner-pstn-integration',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'PSTN service integration',
      es: 'Integración de servicios PSTN',
    },
    detail: {
      en: 'The partner manages the integration of PSTN service solutions, and confirms availability in the customer’s network environment, including cloud or PSTN connectivity and SIP connectivity for telephony integration.',
      es: 'El socio gestiona la integración de soluciones de servicios PSTN y confirma la disponibilidad en el entorno de red del cliente, incluida la conectividad en la nube o la red PSTN, o la conectividad SIP para la integración de telefonía.',
    },
    guideRef: 'Responsabilidades de soporte del socio',
  },
  {
    id: 'partner-triage-with-tac',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'Helping the TAC classify escalated problems',
      es: 'Ayudar al TAC a clasificar los problemas escalados',
    },
    detail: {
      en: 'When the partner contacts the provider’s TAC, it helps classify the problem: it captures and provides the details of the reported problem, assists in replicating and classifying it as the TAC asks, helps test fixes, and confirms that the problem is not caused by hardware, software, applications or other sources supplied by the end user.',
      es: 'Cuando el socio se comunica con el TAC del proveedor, es responsable de ayudar a clasificar los problemas: capturar y proporcionar los detalles de los problemas informados, asistir en la replicación y clasificación según lo solicite el TAC, ayudar en la prueba de correcciones y confirmar que los problemas no estén relacionados con el hardware, el software, las aplicaciones u otras fuentes proporcionadas por el usuario final.',
    },
    guideRef: 'Responsabilidades de soporte del socio',
  },
  {
    id: 'partner-case-information',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'What every escalation carries',
      es: 'Información que acompaña cada escalada',
    },
    detail: {
      en: 'When escalating to the TAC, the partner gives a valid subscription or service contract number; callers identify themselves as the partner’s support team acting for the partner or a resold customer account; and the escalation carries the name, phone and e-mail of the partner’s representative (or the team’s generic contact). It identifies the partner, the customer and the problem.',
      es: 'Cuando el socio escala una necesidad de soporte al TAC, debe proporcionar un número de suscripción o de contrato de servicio válido; las personas que llaman se identifican como miembros del equipo de soporte del socio; y se incluyen el nombre, el número de teléfono y la dirección de correo electrónico del representante del socio (o la información genérica del equipo). Se identifica al socio, al cliente y el problema.',
    },
    guideRef: 'Requisitos de soporte técnico para socios',
  },
  {
    id: 'partner-case-severity',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'Setting the case severity',
      es: 'Establecer la gravedad del caso',
    },
    detail: {
      en: 'The partner sets the severity of a TAC case when opening it, from the business impact and the urgency, and may ask for a higher severity during the case’s life as the impact changes. During triage the provider may change the severity and lower it if needed.',
      es: 'La gravedad del caso de soporte la establece el socio al abrir el caso, en función del impacto en el negocio y la urgencia; el socio puede solicitar una escalada a una mayor gravedad durante el ciclo de vida del caso. Durante la clasificación, el proveedor puede cambiar la gravedad y reducirla, si es necesario.',
    },
    guideRef: 'Clasificación de casos de soporte',
  },
  {
    id: 'provider-cloud-support',
    area: 'support',
    owner: 'provider',
    title: {
      en: 'Supporting the dedicated-instance cloud, with remediation and root cause',
      es: 'Soporte de la nube de instancia dedicada, con remediación y causa raíz',
    },
    detail: {
      en: 'The provider supports the partner for the dedicated-instance cloud service in its data centres, including remediation and a high-level root-cause analysis of the problem (without detailed infrastructure-level information).',
      es: 'El proveedor es responsable de brindar soporte al socio para el servicio de instancia dedicada dentro de su centro de datos, incluida la remediación y un análisis de causa raíz de alto nivel del problema (sin información detallada a nivel de infraestructura).',
    },
    guideRef: 'Funciones y responsabilidades del soporte del proveedor',
  },
  {
    id: 'provider-response-targets',
    area: 'support',
    owner: 'provider',
    title: {
      en: 'Response times by severity',
      es: 'Tiempos de respuesta según la gravedad',
    },
    detail: {
      en: 'The provider acknowledges a case within 15 minutes (S1), 30 minutes (S2), 1 business day (S3) or 3 business days (S4). When it cannot resolve the problem in that time, it gives a status and action plan. If no acceptable status or resolution arrives in time, the partner escalates to the provider.',
      es: 'El proveedor reconoce el caso con respuesta dentro de 15 minutos (S1), 30 minutos (S2), 1 día hábil (S3) o 3 días hábiles (S4). Si no puede resolver el problema en ese intervalo, proporciona un estado y plan de acción. Si no se logra un estado aceptable o la resolución en los plazos indicados, el socio debe escalarlo al proveedor.',
    },
    guideRef: 'Objetivos de tiempo de respuesta de soporte de software',
  },
  {
    id: 'joint-incident-resolution',
    area: 'support',
    owner: 'joint',
    title: {
      en: 'Resources committed to resolve an incident',
      es: 'Recursos comprometidos para resolver un incidente',
    },
    detail: {
      en: 'The provider and the partner both commit resources by severity: all necessary resources 24×7 for S1, full-time resources during business hours for S2, resources during business hours for S3 and S4. Resolution depends on a qualified person on the partner’s side being available to help reproduce or isolate the problem; without one, resolution may take longer.',
      es: 'El proveedor y el socio comprometen recursos según la gravedad: todos los recursos necesarios las 24 horas del día, los 7 días de la semana para S1, recursos a tiempo completo durante el horario comercial para S2, recursos durante el horario comercial para S3 y S4. El tiempo de resolución depende de que haya una persona calificada del lado del socio disponible para ayudar en la reproducción o el aislamiento del problema.',
    },
    guideRef: 'Gravedad del caso de soporte',
  },
  {
    id: 'provider-incident-management',
    area: 'support',
    owner: 'provider',
    title: {
      en: 'Incident management in the dedicated instance',
      es: 'Gestión de incidentes en la instancia dedicada',
    },
    detail: {
      en: 'The provider analyses incidents as they occur to find the cause quickly, applies a workaround until a permanent fix can be put in place, and applies changes through the maintenance-window process.',
      es: 'El proveedor analiza los incidentes a medida que ocurren para identificar rápidamente una causa, aplica una solución alternativa hasta que se pueda implementar una solución permanente y sigue el proceso de ventana de mantenimiento para aplicar cambios.',
    },
    guideRef: 'Gestión de incidentes',
  },
  {
    id: 'partner-networks-and-equipment',
    area: 'support',
    owner: 'partner',
    title: {
      en: 'Partner and customer networks, equipment and premises',
      es: 'Red y equipos de socios o clientes, e instalaciones del cliente',
    },
    detail: {
      en: 'The provider does not support partner or customer networks and equipment connected to the dedicated-instance data centre, nor the customer premises: these are the partner’s (and its customer’s) to support.',
      es: 'El proveedor no es responsable de brindar soporte a la red y los equipos de socios o clientes que están conectados al centro de datos de la instancia dedicada ni a las instalaciones del cliente: su soporte corresponde al socio (y a su cliente).',
    },
    guideRef: 'Funciones y responsabilidades del soporte del proveedor',
  },

  // ── Third-party software and hardware ──────────────────────────────────────────────────────
  {
    id: 'partner-third-party-software',
    area: 'third_party',
    owner: 'partner',
    title: {
      en: 'Third-party software and hardware',
      es: 'Software o hardware de terceros',
    },
    detail: {
      en: 'The provider does not support third-party software or hardware. When it is found to be the cause of an incident, the partner obtains the support or updates for it.',
      es: 'El proveedor no es responsable de brindar soporte a software o hardware de terceros. El socio es responsable de obtener soporte o actualizaciones para el software o hardware de terceros si se determina que esa es la causa del incidente.',
    },
    guideRef: 'Funciones y responsabilidades del soporte del proveedor',
  },
  {
    id: 'partner-third-party-integrations',
    area: 'third_party',
    owner: 'partner',
    title: {
      en: 'Validating and testing third-party integrations',
      es: 'Validar y probar las integraciones de terceros',
    },
    detail: {
      en: 'The partner validates and tests every third-party integration that is not hosted or managed in the dedicated-instance cloud.',
      es: 'Es responsabilidad del socio validar y probar todas las integraciones de terceros que no estén alojadas o administradas en la nube de instancia dedicada.',
    },
    guideRef: 'Ventana de mantenimiento',
  },

  // ── Enhanced survivability node ────────────────────────────────────────────────────────────
  {
    id: 'joint-survivability-node',
    area: 'survivability',
    owner: 'joint',
    title: {
      en: 'Enhanced survivability node on the customer premises',
      es: 'Nodo de supervivencia mejorado en las instalaciones del cliente',
    },
    detail: {
      en: 'An enhanced survivability node deployed on the customer premises is a joint responsibility of the partner (with its customer) and the provider.',
      es: 'El nodo de supervivencia mejorado implementado en las instalaciones del cliente será responsabilidad conjunta del socio (y su cliente) y del proveedor.',
    },
    guideRef: 'Funciones y responsabilidades del soporte del proveedor',
  },

  // ── Network monitoring and alarms ──────────────────────────────────────────────────────────
  {
    id: 'partner-network-monitoring',
    area: 'monitoring',
    owner: 'partner',
    title: {
      en: 'Monitoring the partner network and connected equipment',
      es: 'Supervisar la red del socio y los equipos conectados',
    },
    detail: {
      en: 'The partner monitors its network and equipment connected to the dedicated-instance data centre, and its network and equipment used to support the service and connected to the customer premises. It also monitors every partner-managed device integrated with the dedicated-instance cloud.',
      es: 'El socio supervisa su red y los equipos que están conectados al centro de datos de la instancia dedicada, y su red y equipos que se utilizan para respaldar el servicio y están conectados a las instalaciones del cliente. El socio supervisa todos los dispositivos administrados por el socio integrados con la nube de instancia dedicada.',
    },
    guideRef: 'Gestión de red: Responsabilidades del socio',
  },
  {
    id: 'provider-datacentre-monitoring',
    area: 'monitoring',
    owner: 'provider',
    title: {
      en: 'Monitoring the data centres and their connections',
      es: 'Supervisar los centros de datos y sus conexiones',
    },
    detail: {
      en: 'The provider monitors the data-centre network connections between its data centres and the partner’s network, and uses assurance tools to find and isolate service impairments proactively across its geo-redundant data centres.',
      es: 'El proveedor utiliza herramientas de red para monitorear las conexiones de red del centro de datos entre su centro de datos y la red del socio, y herramientas de garantía para identificar y aislar de manera proactiva las deficiencias del servicio en sus centros de datos georredundantes.',
    },
    guideRef: 'Gestión de red: Responsabilidades del proveedor',
  },
  {
    id: 'partner-integration-monitoring',
    area: 'monitoring',
    owner: 'partner',
    title: {
      en: 'Integrations on partner-managed devices',
      es: 'Servicios de integración en dispositivos administrados por el socio',
    },
    detail: {
      en: 'The provider does not monitor integration services on partner-managed devices connected to the dedicated-instance cloud, including (among others) a dedicated-instance SIP trunk towards a cluster other than the dedicated-instance UC cluster, and dedicated-instance CTI route points towards a contact centre other than a provider-managed Contact Center Express.',
      es: 'El proveedor no supervisa los servicios de integración en los dispositivos administrados por socios conectados con la nube de instancia dedicada. Esto incluye, entre otros, el troncal SIP de instancia dedicada hacia un clúster que no sea el clúster UC de instancia dedicada y los puntos de ruta CTI hacia un centro de contacto que no sea un Contact Center Express administrado por el proveedor.',
    },
    guideRef: 'Gestión de red: Responsabilidades del proveedor',
  },
  {
    id: 'partner-incident-management',
    area: 'monitoring',
    owner: 'partner',
    title: {
      en: 'Incidents in the partner network, and alarms the provider will see',
      es: 'Incidentes en la red del socio y alarmas visibles para el proveedor',
    },
    detail: {
      en: 'Partners manage incidents in their own networks with their own processes, and tell the provider about activities that may raise alarms or other notifications visible to the provider.',
      es: 'Los socios gestionan la gestión de incidentes en sus redes de acuerdo con sus propios procesos establecidos, y notifican al proveedor sobre actividades que pueden generar alarmas u otras notificaciones que son visibles para el proveedor.',
    },
    guideRef: 'Gestión de incidentes',
  },

  // ── Notifications and contact data ─────────────────────────────────────────────────────────
  {
    id: 'provider-outage-alerts',
    area: 'notifications',
    owner: 'provider',
    title: {
      en: 'Outage alerts, maintenance bulletins and S1/S2 notices',
      es: 'Alertas de interrupciones, boletines de mantenimiento y avisos S1/S2',
    },
    detail: {
      en: 'The provider alerts partners when an outage of the core services is declared and resolved, sends maintenance bulletins and advance notice of impacting maintenance or work outside the reserved windows, and notifies partners by e-mail on its own initiative about severity 1 and 2 incidents. Alerts go to those subscribed to “Maintenance and outages”.',
      es: 'El proveedor envía alertas y boletines de mantenimiento para la declaración y resolución de interrupciones en los servicios principales, notificación previa sobre actividades de mantenimiento impactantes o que se extienden fuera de las ventanas reservadas, y notifica de forma proactiva por correo electrónico los incidentes de gravedad 1 o gravedad 2. Las alertas se envían a quienes están inscritos en “Mantenimiento e interrupciones”.',
    },
    guideRef: 'Notificaciones y alertas relacionadas con el soporte',
  },
  {
    id: 'partner-contact-data',
    area: 'notifications',
    owner: 'partner',
    title: {
      en: 'Accurate contact data and alert subscriptions',
      es: 'Información de contacto precisa e inscripción a las alertas',
    },
    detail: {
      en: 'Partners make sure the provider has accurate, up-to-date contact information, and subscribe to the “Maintenance and outages” alerts. The provider recommends that administrators use an account in its messaging app for notifications.',
      es: 'Los socios son responsables de garantizar que el proveedor tenga información de contacto precisa y actualizada, y de inscribirse a las alertas de “Mantenimiento e interrupciones”. El proveedor recomienda que los administradores creen una cuenta y utilicen su aplicación de mensajería para las notificaciones.',
    },
    guideRef: 'Notificaciones y alertas relacionadas con el soporte',
  },

  // ── Maintenance ────────────────────────────────────────────────────────────────────────────
  {
    id: 'provider-maintenance-windows',
    area: 'maintenance',
    owner: 'provider',
    title: {
      en: 'Planned maintenance inside fixed windows, with 10 business days’ notice',
      es: 'Mantenimiento planificado en ventanas fijas, con 10 días hábiles de aviso',
    },
    detail: {
      en: 'The provider notifies the partner of planned maintenance; every planned change happens in a maintenance window. Maintenance that interrupts the customer’s ability to call gets at least 10 business days’ written notice. Windows are 21:00–06:00 local time (Eastern, JST, ACT, CET) Monday to Friday, and the same hours at weekends for provider infrastructure maintenance only; they are fixed per region and cannot be changed. An SME cluster follows the region of its publisher.',
      es: 'El proveedor notifica al socio sobre las actividades de mantenimiento planificadas; todos los cambios planificados ocurren en una ventana de mantenimiento. El mantenimiento que interrumpirá la capacidad de realizar llamadas tiene un aviso por escrito con al menos 10 días hábiles de anticipación. Las ventanas son de 21:00 a 6:00 hora local (Este, JST, ACT, CET) de lunes a viernes, y en el mismo horario los fines de semana solo para mantenimiento de infraestructura del proveedor; son fijas por región y no se pueden modificar. La ventana del clúster SME se programa según la región de su editor (publisher).',
    },
    guideRef: 'Ventana de mantenimiento',
  },
  {
    id: 'partner-maintenance-rescheduling',
    area: 'maintenance',
    owner: 'partner',
    title: {
      en: 'Answering maintenance notices and asking to reschedule',
      es: 'Responder a los avisos de mantenimiento y solicitar reprogramación',
    },
    detail: {
      en: 'The provider sends the maintenance notice at least 10 days before the change window. If the proposed schedule conflicts with business priorities, the partner should answer within 2 to 3 days, giving the detailed reason by e-mail to the provider’s change management; the new date depends on the provider’s operations. In urgent or emergency cases (a serious security vulnerability, certificates about to expire) the window cannot be moved.',
      es: 'El proveedor envía una notificación de mantenimiento al menos 10 días antes de la ventana de cambio, y se recomienda que el socio responda dentro de 2 a 3 días si el cronograma entra en conflicto con sus prioridades comerciales, enviando un correo electrónico a la gestión del cambio del proveedor con el motivo detallado. La fecha reprogramada depende de las operaciones del proveedor. En escenarios urgentes o de emergencia (vulnerabilidad de seguridad grave, certificados próximos a vencer) no será posible cambiar la ventana de mantenimiento.',
    },
    guideRef: 'Ventana de mantenimiento',
  },
  {
    id: 'partner-redundancy-best-practices',
    area: 'maintenance',
    owner: 'partner',
    title: {
      en: 'Configurations that keep the redundancy',
      es: 'Configuraciones que mantienen la redundancia',
    },
    detail: {
      en: 'The provider plans maintenance to minimise or avoid any interruption of telephone service, relying on the geo-redundant architecture. Partner and customer configurations must follow the dedicated-instance redundancy best practices: the provider is not responsible for a loss of redundancy caused by the partner’s misconfiguration.',
      es: 'Al planificar el mantenimiento, el proveedor hará todo lo posible para minimizar o eliminar cualquier interrupción del servicio telefónico basándose en la arquitectura georredundante. Todas las configuraciones de socios y clientes deben adherirse a las mejores prácticas de instancias dedicadas para redundancia: el proveedor no es responsable de una pérdida de redundancia debido a una mala configuración por parte del socio.',
    },
    guideRef: 'Ventana de mantenimiento',
  },
  {
    id: 'provider-vulnerability-scanning',
    area: 'maintenance',
    owner: 'provider',
    title: {
      en: 'Vulnerability scanning and penetration tests',
      es: 'Escaneo de vulnerabilidades y pruebas PEN',
    },
    detail: {
      en: 'Vulnerability scanning of a dedicated instance by a partner or customer is not supported. Each instance has its own constantly running scanning regime; the provider also runs independent penetration tests regularly and publishes an attestation letter in its trust portal.',
      es: 'No se admite el escaneo de vulnerabilidades de instancias dedicadas por parte de un socio o cliente. Cada instancia dedicada tiene su propio régimen de escaneo de vulnerabilidades que se ejecuta constantemente; el proveedor también realiza pruebas PEN independientes de manera regular y proporciona una carta de certificación en su portal de confianza.',
    },
    guideRef: 'Ventana de mantenimiento',
  },
  {
    id: 'partner-customer-readiness',
    area: 'maintenance',
    owner: 'partner',
    title: {
      en: 'Preparing customers for upgrades, certificate renewals and maintenance',
      es: 'Preparar al cliente para actualizaciones, renovaciones de certificados y mantenimiento',
    },
    detail: {
      en: 'The partner manages the customer’s readiness for dedicated-instance upgrades, certificate renewals and infrastructure maintenance.',
      es: 'El socio gestiona la preparación del cliente para las actualizaciones de instancias dedicadas, la renovación de certificados y el mantenimiento de la infraestructura.',
    },
    guideRef: 'Responsabilidades de soporte del socio',
  },

  // ── Change management ──────────────────────────────────────────────────────────────────────
  {
    id: 'joint-partner-requested-changes',
    area: 'changes',
    owner: 'joint',
    title: {
      en: 'Partner-requested changes: joint review',
      es: 'Cambios solicitados por el socio: revisión conjunta',
    },
    detail: {
      en: 'Changes the partner asks for, whether made by the provider or by the partner, need a joint review of their impact on the dedicated instance: for example configuration changes affecting border devices or application integration, and requests to decommission a service. The partner captures the requirements and sends them through its partner success team or account manager; the provider’s dedicated-instance product management and the partner assess the request together before it is carried out.',
      es: 'Los cambios solicitados por los socios requieren una revisión conjunta para evaluar el impacto en la instancia dedicada, tanto los que el socio desea que el proveedor realice como los que el socio desea realizar: por ejemplo, cambios de configuración que afectan a los dispositivos de límite o la integración de aplicaciones, y solicitudes de desactivación de un servicio. El socio captura los requisitos y los envía a través del Partner Success Team o el Account Manager; la Gestión de productos de instancias dedicadas y el socio evalúan conjuntamente la solicitud antes de implementarla.',
    },
    guideRef: 'Cambios solicitados por el socio',
  },
  {
    id: 'joint-emergency-changes',
    area: 'changes',
    owner: 'joint',
    title: {
      en: 'Emergency changes',
      es: 'Cambios de emergencia',
    },
    detail: {
      en: 'The provider and the partner may make emergency changes at once or in the next available window to restore service, reduce the impact of an outage, avoid a possible interruption or remediate a security vulnerability. For emergency changes in the network outside the dedicated instance, the partner tells the provider about customer impacts visible to the provider and, where reasonably possible, opens a case. For emergency changes in the dedicated instance, the provider notifies the partner where reasonably possible, by e-mail to the communication list.',
      es: 'El proveedor y el socio pueden realizar cambios de emergencia de inmediato o en la próxima ventana de mantenimiento disponible para restaurar el servicio, reducir el impacto de una interrupción, evitar una posible interrupción o remediar una vulnerabilidad de seguridad. En cambios de emergencia en la red fuera de la instancia dedicada, el socio notifica al proveedor los impactos visibles para el proveedor y, cuando sea razonablemente posible, abre un caso. En cambios de emergencia en la instancia dedicada, el proveedor notifica al socio cuando sea razonablemente posible, por correo electrónico a la lista de comunicación.',
    },
    guideRef: 'Cambios de emergencia',
  },

  // ── COP files ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'provider-cop-initiated',
    area: 'patches',
    owner: 'provider',
    title: {
      en: 'Provider-initiated COP file installs',
      es: 'Instalaciones de archivos COP iniciadas por el proveedor',
    },
    detail: {
      en: 'When the provider decides a customer’s dedicated instance needs a COP file: an emergency fix (a vulnerability or an imminent failure) is loaded in the provider’s scheduled maintenance window; any other install is scheduled as regular maintenance with the partner or customer through the usual change-management procedure. COP files are published on the provider’s software download page.',
      es: 'Si el proveedor determina que la instancia dedicada de un cliente necesita un archivo COP: si se trata de una solución de emergencia (vulnerabilidad o falla inminente), el proveedor carga el archivo COP durante su ventana de mantenimiento programada; en todos los demás casos, la instalación se programa como un mantenimiento regular con el socio o cliente siguiendo el procedimiento habitual de gestión del cambio. Los archivos COP se publican en la página de descarga de software del proveedor.',
    },
    guideRef: 'Archivos COP: Escenarios iniciados por el proveedor',
  },
  {
    id: 'partner-cop-service-request',
    area: 'patches',
    owner: 'partner',
    title: {
      en: 'Requesting a COP file (service request)',
      es: 'Solicitar un archivo COP (solicitud de servicio)',
    },
    detail: {
      en: 'When a customer needs a COP file installed (phone firmware, locale packs, device packs), a service request is raised for that specific file to be uploaded to the SFTP server of the dedicated instance.',
      es: 'Si un cliente necesita instalar un archivo COP (firmware del teléfono, paquetes de configuración regional de idioma, paquetes de dispositivos), se crea una solicitud de servicio para que el archivo COP específico se cargue en el servidor SFTP de la instancia dedicada.',
    },
    guideRef: 'Archivos COP: Escenario iniciado por el cliente',
  },
  {
    id: 'provider-cop-upload',
    area: 'patches',
    owner: 'provider',
    title: {
      en: 'Uploading the requested COP file to the SFTP server',
      es: 'Cargar el archivo COP solicitado en el servidor SFTP',
    },
    detail: {
      en: 'For a customer-initiated request, the provider only uploads the file to the SFTP server of the dedicated instance.',
      es: 'En una solicitud iniciada por el cliente, el proveedor solo cargará el archivo al servidor SFTP de la instancia dedicada.',
    },
    guideRef: 'Archivos COP: Escenario iniciado por el cliente',
  },
  {
    id: 'partner-cop-install',
    area: 'patches',
    owner: 'partner',
    title: {
      en: 'Installing the uploaded COP file',
      es: 'Instalar el archivo COP cargado',
    },
    detail: {
      en: 'Once the file is on the SFTP server, the partner downloads the COP file to the UC application and installs it, at its convenience.',
      es: 'Es responsabilidad del socio descargar el archivo COP a la aplicación UC e instalarlo, según su conveniencia.',
    },
    guideRef: 'Archivos COP: Escenario iniciado por el cliente',
  },

  // ── Capacity ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'partner-network-capacity',
    area: 'capacity',
    owner: 'partner',
    title: {
      en: 'Capacity of the partner network',
      es: 'Capacidad de la red del socio',
    },
    detail: {
      en: 'The partner makes sure its network equipment has enough capacity to handle the load and an appropriate amount of forecast growth, and forecasts capacity needs for new users beyond the initial requirements.',
      es: 'El socio garantiza que su equipo de red tenga capacidad suficiente para manejar la carga y una cantidad apropiada de crecimiento previsto, y pronostica los requisitos de gestión de capacidad para nuevos usuarios más allá de los requisitos iniciales.',
    },
    guideRef: 'Gestión de la capacidad: Responsabilidad del socio',
  },
  {
    id: 'partner-activation-counts',
    area: 'capacity',
    owner: 'partner',
    title: {
      en: 'Knowledge-worker and workspace device counts, and provisioning within them',
      es: 'Recuento de Knowledge Workers y dispositivos Workspace, y aprovisionamiento dentro de la capacidad',
    },
    detail: {
      en: 'At activation the partner gives the counts of knowledge workers and workspace devices, as the end state of everything that will be configured; the provider sizes the UC applications from them. The partner provisions features and users within the capacity requested.',
      es: 'El socio proporciona el recuento de Knowledge Workers y dispositivos Workspace durante la activación (el estado final del número total que se configurará); con base en esos datos, el proveedor realiza el dimensionamiento de las aplicaciones UC. El socio gestiona el aprovisionamiento de funciones y usuarios dentro de la capacidad solicitada.',
    },
    guideRef: 'Gestión de la capacidad: Responsabilidad del socio',
  },
  {
    id: 'joint-capacity-expansion',
    area: 'capacity',
    owner: 'joint',
    title: {
      en: 'Capacity expansion',
      es: 'Ampliación de la capacidad',
    },
    detail: {
      en: 'The partner tells the provider when the knowledge-worker or workspace-device counts change, by raising a TAC case, and both work together on an expansion plan; the provider analyses and makes the changes needed in the UC applications. The partner configures the new features and users only after the extra capacity has been added, which can take time depending on the growth.',
      es: 'El socio debe informar al proveedor sobre los cambios en la cantidad de Knowledge Workers y dispositivos Workspace planteando un caso de soporte TAC, y ambos trabajan juntos en un plan de expansión; el proveedor analiza y realiza los cambios necesarios en las aplicaciones UC. El socio puede configurar las funciones y los usuarios solo después de que se agregue la capacidad adicional, lo que puede llevar tiempo según el tipo de crecimiento.',
    },
    guideRef: 'Gestión de la capacidad: Responsabilidad del socio',
  },
  {
    id: 'provider-datacentre-capacity',
    area: 'capacity',
    owner: 'provider',
    title: {
      en: 'Data-centre capacity',
      es: 'Capacidad del centro de datos',
    },
    detail: {
      en: 'The provider monitors data-centre capacity and makes sure the data-centre equipment can handle the load and the forecast growth. It tells the partner about planned expansions or changes for capacity growth when they affect the customer, and carries them out through change management.',
      es: 'El servicio de instancia dedicada monitorea la capacidad del centro de datos y garantiza que el equipo del centro de datos tenga suficiente capacidad para manejar la carga y el crecimiento previsto. El proveedor informa al socio sobre las expansiones o cambios planificados si afectan al cliente, y los implementa siguiendo el proceso de gestión del cambio.',
    },
    guideRef: 'Gestión de la capacidad: Responsabilidad del proveedor',
  },

  // ── Upgrades (release management) ──────────────────────────────────────────────────────────
  {
    id: 'provider-release-management',
    area: 'upgrades',
    owner: 'provider',
    title: {
      en: 'Keeping the applications current (n or n-1)',
      es: 'Mantener las aplicaciones actualizadas (n o n-1)',
    },
    detail: {
      en: 'The provider keeps the dedicated-instance applications (CUCM, CUCxN, IM&P, CER, Expressway, optional SME) up to date; customers may run the current release (n) or the previous one (n-1). It starts UC application upgrades only for a security vulnerability that needs an upgrade or COP install, or when the customer is below n-1 or on a release nearing end of life. It tells the partner about release availability, planned upgrades and the target version, and notifies the partner when an upgrade has finished successfully.',
      es: 'El proveedor mantiene actualizadas las aplicaciones de instancia dedicada (CUCM, CUCxN, IM&P, CER, Expressway y SME opcional); los clientes pueden operar con la versión actual (n) o la anterior (n-1). Inicia actualizaciones de aplicaciones UC solo si hay una vulnerabilidad de seguridad que requiere una actualización o instalación de COP, o si el cliente está en una versión inferior a n-1 o próxima al fin de su vida útil. Informa al socio sobre la disponibilidad de la versión, las actualizaciones planificadas y la versión de destino, y le notifica cuando finaliza con éxito una actualización.',
    },
    guideRef: 'Gestión de versiones',
  },
  {
    id: 'partner-upgrade-requests',
    area: 'upgrades',
    owner: 'partner',
    title: {
      en: 'Requesting or rescheduling an upgrade',
      es: 'Solicitar o reprogramar una actualización',
    },
    detail: {
      en: 'The partner may ask for an upgrade through a TAC case when a newly supported feature is available in a later release, and may reschedule a planned upgrade once, for the customer’s business needs, up to one week before it.',
      es: 'Los socios pueden solicitar una actualización a través de un caso TAC si hay una nueva función compatible disponible en versiones posteriores, y pueden optar por reprogramar la actualización una vez, según las necesidades comerciales del cliente, hasta una semana antes de la actualización programada.',
    },
    guideRef: 'Gestión de versiones',
  },
  {
    id: 'joint-end-of-sale-upgrades',
    area: 'upgrades',
    owner: 'joint',
    title: {
      en: 'Upgrades off an end-of-sale release',
      es: 'Actualizaciones desde una versión en fin de venta',
    },
    detail: {
      en: 'When a new Collaboration Systems release ships, n-2 enters end of sale and its customers must upgrade to the latest release; new deployments are made only on n. The provider tells the partner to start preparing, and the provider and the partner jointly coordinate a maintenance window around the customer’s business needs. For SU upgrades needed for stability or performance, the provider coordinates the schedule with the partner.',
      es: 'Cuando se anuncia un nuevo lanzamiento de Sistemas de Colaboración, la versión n-2 entra en fin de venta y sus clientes deben actualizarse a la última versión; las implementaciones nuevas solo se admiten en n. El proveedor informa al socio para que comience a prepararse, y el proveedor y el socio coordinan conjuntamente una ventana de mantenimiento según las necesidades comerciales del cliente. Si se necesita una actualización de SU por estabilidad o rendimiento, el proveedor coordina con el socio para programarla.',
    },
    guideRef: 'Gestión de versiones para sistemas de colaboración',
  },

  // ── Certificates and SSO ───────────────────────────────────────────────────────────────────
  {
    id: 'provider-certificate-renewal',
    area: 'certificates',
    owner: 'provider',
    title: {
      en: 'Renewing UC application certificates',
      es: 'Renovar los certificados de las aplicaciones UC',
    },
    detail: {
      en: 'Routine renewal of the certificates of the provider-managed UC applications is part of maintenance. The provider renews them only 3 to 7 days before they expire, following the standard change-management process.',
      es: 'Las renovaciones rutinarias de certificados de las aplicaciones UC administradas por el proveedor forman parte del mantenimiento. El proveedor renueva los certificados solo entre 3 y 7 días antes de la fecha de vencimiento y sigue el proceso estándar de gestión del cambio.',
    },
    guideRef: 'Ventana de mantenimiento',
  },
  {
    id: 'partner-sso-after-renewal',
    area: 'certificates',
    owner: 'partner',
    title: {
      en: 'Single sign-on after a certificate renewal',
      es: 'Inicio de sesión único (SSO) tras una renovación de certificados',
    },
    detail: {
      en: 'For customers with single sign-on (SSO) on the UC applications, once the provider has renewed the certificate the partner must disable SSO, re-import the IdP metadata file and enable SSO again. The partner or the customer should then validate SSO.',
      es: 'Para los clientes que han habilitado el inicio de sesión único (SSO) en aplicaciones UC, una vez que el proveedor completa la renovación del certificado, el socio debe deshabilitar el SSO, volver a importar el archivo de metadatos de IDP y volver a habilitar el SSO. También se recomienda que el socio o cliente valide el SSO.',
    },
    guideRef: 'Ventana de mantenimiento',
  },

  // ── Backups ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'provider-nightly-backups',
    area: 'backups',
    owner: 'provider',
    title: {
      en: 'Nightly backups of every UC application',
      es: 'Copias de seguridad nocturnas de todas las aplicaciones UC',
    },
    detail: {
      en: 'The provider backs up every UC application of the dedicated instance each night. The last 3 good backups are kept in its data centre, and backups older than 3 days are kept for 30 more days. Every backup is password-protected and separate for each customer. The provider also takes a custom backup of the Expressways for node recovery.',
      es: 'El proveedor realiza copias de seguridad de todas las aplicaciones UC implementadas en la instancia dedicada todas las noches; las últimas 3 copias de seguridad buenas se guardan en su centro de datos y las que tienen más de 3 días de antigüedad se almacenan durante 30 días más. Todas las copias de seguridad están protegidas con contraseña y son independientes para cada cliente. El proveedor también realiza una copia de seguridad personalizada de los Expressways para la recuperación de los nodos.',
    },
    guideRef: 'Responsabilidades de copia de seguridad y restauración',
  },
  {
    id: 'provider-restore-for-disaster-recovery-only',
    area: 'backups',
    owner: 'provider',
    title: {
      en: 'Restores only for disaster recovery; no partner access',
      es: 'Restauraciones solo para recuperación ante desastres; sin acceso del socio',
    },
    detail: {
      en: 'The provider uses its backups only to restore a UC application as part of disaster recovery. It does not restore on demand, and the backups are not a way to roll back changes. Partners have no access to these backups and cannot configure them in their own data centres.',
      es: 'Las copias de seguridad del proveedor solo se utilizarán para restaurar la aplicación UC como parte de la recuperación ante desastres. El proveedor no realiza restauraciones a pedido ni permite utilizarlas como estrategia de reversión de cambios. Los socios no tendrán acceso a estas copias de seguridad ni podrán configurarlas en sus centros de datos.',
    },
    guideRef: 'Responsabilidades de copia de seguridad y restauración',
  },
  {
    id: 'partner-backup-own-records',
    area: 'backups',
    owner: 'partner',
    title: {
      en: 'What the partner keeps on its side',
      es: 'Lo que el socio mantiene de su lado',
    },
    detail: {
      en: 'The guide’s backup table says that, in its dedicated-instance cloud system, the partner must always maintain certain items; the list itself is missing from this copy of the guide. Confirm it with the provider.',
      es: 'La tabla de copias de seguridad de la guía indica que, en el sistema de nube de instancia dedicada del socio, el socio siempre debe mantener ciertos elementos; la lista no figura en esta copia de la guía. Confírmela con el proveedor.',
    },
    guideRef: 'Responsabilidades de copia de seguridad y restauración',
  },

  // ── Disaster recovery ──────────────────────────────────────────────────────────────────────
  {
    id: 'provider-disaster-recovery-system',
    area: 'disaster_recovery',
    owner: 'provider',
    title: {
      en: 'The disaster recovery system (DRS) and restores',
      es: 'El sistema de recuperación ante desastres (DRS) y las restauraciones',
    },
    detail: {
      en: 'The provider runs the disaster recovery system (DRS) of the UC servers, with scheduled, automatic or on-request backups at cluster level; partners have no access to it. In a real disaster the provider restores the data from the last available backup.',
      es: 'El proveedor opera el sistema de recuperación ante desastres (DRS) de los servidores UC, con copias de seguridad programadas, automáticas o invocadas por el usuario a nivel de clúster; los socios no tendrán acceso al DRS. Si ocurre un desastre real, el proveedor restaurará los datos desde la última copia de seguridad disponible.',
    },
    guideRef: 'Sistema de recuperación ante desastres del proveedor',
  },
  {
    id: 'partner-recovery-after-restore',
    area: 'disaster_recovery',
    owner: 'partner',
    title: {
      en: 'Recovery after the provider’s restore',
      es: 'Recuperación tras la restauración del proveedor',
    },
    detail: {
      en: 'Once the provider has completed the DRS restore, the partner can carry out its part of the recovery.',
      es: 'Los socios pueden realizar la recuperación una vez que el proveedor haya realizado la restauración de DRS.',
    },
    guideRef: 'Sistema de recuperación ante desastres del proveedor',
  },
  {
    id: 'provider-recovery-strategy',
    area: 'disaster_recovery',
    owner: 'provider',
    title: {
      en: 'Recovery strategy and communication',
      es: 'Estrategia de recuperación y comunicación',
    },
    detail: {
      en: 'When a data centre is affected, the failover data centre keeps calling working. For an application failure or corruption, the provider aims to set up a new publisher from the DRS backup within one business day; for a hardware failure it decides between a new publisher (in the same or another data centre) and recovering the failed hardware. The provider decides when to start disaster recovery and keeps the partner informed of the SLA, the actions under way and the expected recovery times.',
      es: 'En una situación que afecte al centro de datos, el centro de datos de conmutación por error se asegura de que la capacidad de realizar llamadas no se vea afectada. Ante un error o corrupción de la aplicación, el objetivo del proveedor es establecer un nuevo Publisher con la copia de seguridad de DRS dentro de un plazo de un día hábil; ante una falla de hardware, decide entre un nuevo Publisher (en el mismo centro de datos o en otro) o recuperar el hardware. El proveedor decide el momento de activar la recuperación ante desastres y comunica el Acuerdo de Nivel de Servicio (SLA), las acciones en curso y los plazos de recuperación esperados.',
    },
    guideRef: 'Estrategia de recuperación ante desastres',
  },
];

export interface ResponsibilityFilter {
  area?: ResponsibilityArea | undefined;
  owner?: ResponsibilityOwner | undefined;
}

/** The entries matching the filter, in display order. */
export function findResponsibilities(filter: ResponsibilityFilter = {}): Responsibility[] {
  return RESPONSIBILITIES.filter(
    (r) =>
      (filter.area === undefined || r.area === filter.area) &&
      (filter.owner === undefined || r.owner === filter.owner),
  );
}
