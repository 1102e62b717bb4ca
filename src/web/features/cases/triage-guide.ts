/**
 * The triage guide (SPEC §3.1), built from the partner operations guide's support table and its
 * support responsibilities: for each case category, what the partner handles itself first and what
 * to capture before escalating to the provider. Spanish uses the guide's own words.
 *
 * Kept out of the translation files: only the case screens load it.
 */
import type { Locale } from '../../api/types.ts';
import type { CaseCategory } from './types.ts';

export interface CategoryGuide {
  /** The guide's own heading for the kind of need. */
  heading: string;
  /** What the partner handles itself first, with the guide's examples. */
  partnerFirst: string[];
  /** What to capture for this kind of need before escalating. */
  capture: string[];
  /** When a case to the provider is warranted. */
  escalateWhen: string;
}

export interface TriageGuide {
  intro: string;
  categories: Record<CaseCategory, CategoryGuide>;
  /** Asked of every escalation, whatever the category. */
  captureAlways: string[];
  /** What every case must carry. */
  caseInformation: string[];
  partnerResponsibilities: string[];
  providerResponsibilities: string[];
  providerNotResponsible: string[];
}

const en: TriageGuide = {
  intro:
    'Partners give their customers first-line support. Work through the checks for the kind of need first; open a case with the provider (TAC) only when they do not solve it, and bring what the provider needs to act at once.',
  categories: {
    how_to: {
      heading: 'User questions: basic "How do I…?" questions',
      partnerFirst: [
        'How does my phone work? What features do I have, and how do I use them?',
        'How do I use the Self Care portal?',
        'How do I use the dedicated-instance UC application administration portal?',
        'How do I dial a PSTN number?',
        'How do I change my voicemail PIN?',
      ],
      capture: [
        'The exact question and the user, device or feature it concerns.',
        'The documentation or portal pages already checked.',
      ],
      escalateWhen:
        'Answer these yourself. Escalate only when the service does not behave as documented: that is a possible defect.',
    },
    common_problem: {
      heading: 'Most common support problems handled by the partner',
      partnerFirst: [
        'The phone does not power on.',
        'Phones cannot register.',
        'Voicemail cannot be checked.',
        'A Unified CM feature cannot be used.',
        'A call cannot be made or received.',
        'No audio can be heard.',
        'Cannot sign in to the Jabber/Webex app, or cannot use the Jabber/Webex softphone app.',
      ],
      capture: [
        'Affected users, devices (model, MAC address) and numbers, and how many of them.',
        'When it started, and what changed just before.',
        'Calling and called numbers with the time of a failed call.',
        'The results of the checks made: power, network, registration, configuration restored.',
      ],
      escalateWhen:
        'Escalate when the problem persists after the checks and points to the dedicated-instance platform rather than the device, the customer network or the configuration.',
    },
    configuration: {
      heading: 'Customer technical configuration problems',
      partnerFirst: [
        'Installing software clients.',
        'Setting up and configuring end users, features or the dial plan.',
        'Setting up and configuring voice, video, voicemail, instant messaging and presence.',
        'Provisioning user accounts and endpoints, including LDAP and SSO integration.',
        'Restoring incorrect configuration applied by the customer or the partner.',
      ],
      capture: [
        'The configuration that was intended and what was actually set (screenshots or exports).',
        'Any configuration restored, and the result.',
        'The users, devices or features affected.',
      ],
      escalateWhen:
        'Escalate when a correct configuration does not take effect, or a provider-managed setting must change.',
    },
    possible_defect: {
      heading: 'Possible application defects',
      partnerFirst: [
        'Report to the provider features and functions that do not work as documented.',
        'Isolate the problem first: confirm it is reproducible and not caused by configuration.',
      ],
      capture: [
        'The documented behaviour, the behaviour seen, and the document or page that describes it.',
        'Step-by-step replication, and how often it happens.',
        'Versions of the clients or devices involved.',
        'Logs, traces or screenshots (attach them to the case).',
      ],
      escalateWhen:
        'Escalate once the problem is reproducible and isolated. Stay available to help replicate it and to test fixes.',
    },
    availability: {
      heading: 'Downtime or service availability',
      partnerFirst: [
        'Confirm service availability and status (including open outages announced in DI Ops).',
        'Confirm availability in the customer network environment, including cloud or PSTN connectivity, or SIP connectivity for the telephony integration.',
      ],
      capture: [
        'Which services, sites and share of users are affected, and since when.',
        'Connectivity checks made towards the cloud, the PSTN and the SIP trunks, with their results.',
        'Whether calling has stopped, and whether there is a backup or redundancy.',
      ],
      escalateWhen:
        'Escalate at once when the dedicated instance itself is unavailable. For S1 and S2 also call the TAC.',
    },
  },
  captureAlways: [
    'Capture and provide the details of the reported problem.',
    'Be ready to help replicate and classify the problem when the TAC asks.',
    'Help test fixes.',
    "Confirm the problem is not caused by the customer's own hardware, software or applications, or by a third party.",
  ],
  caseInformation: [
    'A valid subscription or service contract number of the customer.',
    "The caller is a member of the partner's support team.",
    "Name, phone number and e-mail address of the partner's representative or team.",
  ],
  partnerResponsibilities: [
    'Give general service information and configuration support.',
    'Separate non-technical from technical problems; support problem isolation and the finding of service defects.',
    'Restore incorrect configuration applied by the customer or the partner.',
    'Resolve problems with applications or infrastructure the partner manages.',
    'Forecast capacity for new users; configure application features and provision users.',
    'Own the customer relationship, billing and collection, and the PSTN service integration.',
    'Prepare customers for upgrades, certificate renewals and infrastructure maintenance.',
  ],
  providerResponsibilities: [
    'Supports the partner 24×7 for the dedicated-instance cloud in its data centre, including remediation.',
    'Gives a high-level root-cause analysis (without infrastructure-level detail).',
    'Notifies partners by e-mail on its own initiative about severity 1 and 2 incidents.',
  ],
  providerNotResponsible: [
    'Partner or customer networks and equipment connected to the data centre, and the customer premises (an enhanced survivability node on the premises is a joint responsibility).',
    'Third-party software or hardware: the partner obtains support or updates for it when it causes the incident.',
  ],
};

const es: TriageGuide = {
  intro:
    'Los socios brindan soporte técnico de primer nivel a sus clientes. Realice primero las comprobaciones del tipo de necesidad; abra un caso de soporte con el proveedor (TAC) solo cuando no la resuelvan, y aporte lo que el proveedor necesita para actuar de inmediato.',
  categories: {
    how_to: {
      heading: 'Consultas de usuario: preguntas básicas «¿Cómo hago…?»',
      partnerFirst: [
        '¿Cómo funciona mi teléfono? ¿Qué características tengo? ¿Cómo utilizo esas funciones?',
        '¿Cómo uso el portal de Autocuidado?',
        '¿Cómo uso el portal de administración de aplicaciones UC de instancia dedicada?',
        '¿Cómo marco un número PSTN?',
        '¿Cómo cambio mi PIN del buzón de voz?',
      ],
      capture: [
        'La pregunta exacta y el usuario, dispositivo o función a que se refiere.',
        'La documentación o las páginas del portal ya consultadas.',
      ],
      escalateWhen:
        'Responda usted estas consultas. Escale solo cuando el servicio no funcione según lo documentado: es un posible error de aplicación.',
    },
    common_problem: {
      heading: 'Problemas de soporte más comunes que maneja el socio',
      partnerFirst: [
        'El teléfono no se enciende.',
        'No se pueden registrar teléfonos.',
        'No se puede verificar el correo de voz.',
        'No se puede utilizar una función de Unified CM.',
        'No se puede realizar o recibir una llamada.',
        'No se puede escuchar el audio.',
        'No se puede iniciar sesión en la aplicación Jabber/Webex, o no se puede utilizar la aplicación softphone Jabber/Webex.',
      ],
      capture: [
        'Usuarios, dispositivos (modelo, dirección MAC) y números afectados, y cuántos son.',
        'Cuándo empezó y qué cambió justo antes.',
        'Números de origen y de destino, con la hora de una llamada fallida.',
        'El resultado de las comprobaciones realizadas: alimentación, red, registro, configuración restaurada.',
      ],
      escalateWhen:
        'Escale cuando el problema persista tras las comprobaciones y apunte a la plataforma de instancia dedicada y no al dispositivo, a la red del cliente ni a la configuración.',
    },
    configuration: {
      heading: 'Problemas técnicos de configuración del cliente',
      partnerFirst: [
        'Instalación de clientes de software.',
        'Configuración de usuarios finales, funciones o plan de marcado.',
        'Configuración de voz, vídeo, correo de voz, mensajería instantánea y servicio de presencia.',
        'Aprovisionamiento de cuentas de usuario y puntos finales, incluida la implementación de LDAP y SSO.',
        'Restaurar configuraciones incorrectas, aplicadas por un cliente o socio.',
      ],
      capture: [
        'La configuración prevista y la que realmente se aplicó (capturas de pantalla o exportaciones).',
        'Las configuraciones restauradas y su resultado.',
        'Los usuarios, dispositivos o funciones afectados.',
      ],
      escalateWhen:
        'Escale cuando una configuración correcta no surta efecto o haya que cambiar un ajuste que administra el proveedor.',
    },
    possible_defect: {
      heading: 'Posibles errores de aplicación',
      partnerFirst: [
        'Informar al proveedor sobre funciones y características que no funcionan según lo documentado.',
        'Aislar antes el problema: confirmar que se reproduce y que no lo causa la configuración.',
      ],
      capture: [
        'El comportamiento documentado, el observado y el documento o la página que lo describe.',
        'Los pasos para reproducirlo y con qué frecuencia ocurre.',
        'Las versiones de los clientes o dispositivos implicados.',
        'Registros, trazas o capturas de pantalla (adjúntelos al caso).',
      ],
      escalateWhen:
        'Escale cuando el problema se reproduzca y esté aislado. Esté disponible para ayudar en la replicación y en la prueba de correcciones.',
    },
    availability: {
      heading: 'Tiempo de inactividad o disponibilidad del servicio',
      partnerFirst: [
        'Confirmar disponibilidad y estado del servicio (incluidas las interrupciones abiertas anunciadas en DI Ops).',
        'Confirmar la disponibilidad en el entorno de red del cliente, incluida la conectividad en la nube o la red PSTN, o la conectividad SIP para la integración de telefonía.',
      ],
      capture: [
        'Qué servicios, sedes y proporción de usuarios están afectados, y desde cuándo.',
        'Las comprobaciones de conectividad hacia la nube, la PSTN y los troncales SIP, con su resultado.',
        'Si la capacidad de llamada se ha detenido y si hay respaldo o redundancia.',
      ],
      escalateWhen:
        'Escale de inmediato cuando la propia instancia dedicada no esté disponible. Para S1 y S2 llame también al TAC.',
    },
  },
  captureAlways: [
    'Capturar y proporcionar detalles de los problemas informados.',
    'Asistencia en la replicación y clasificación de problemas según lo solicitado por el TAC.',
    'Ayuda en la prueba de correcciones.',
    'Confirmar que los problemas no estén relacionados con el hardware, el software, las aplicaciones u otras fuentes proporcionadas por el usuario final o por terceros.',
  ],
  caseInformation: [
    'Un número de suscripción o número de contrato de servicio válido del cliente.',
    'La persona que llama se identifica como miembro del equipo de soporte al socio.',
    'El nombre, el número de teléfono y la dirección de correo electrónico del representante del socio o del equipo.',
  ],
  partnerResponsibilities: [
    'Proporcionar información general del servicio y soporte de configuración.',
    'Filtrar los problemas no técnicos de los técnicos; apoyar el aislamiento de problemas y la determinación de defectos de servicio.',
    'Restaurar configuraciones incorrectas, aplicadas por un cliente o socio.',
    'Resolver problemas con cualquier aplicación o infraestructura administrada por el socio.',
    'Pronosticar la capacidad para nuevos usuarios; configurar las características de la aplicación y aprovisionar usuarios.',
    'Ser dueño de la relación con el cliente, la facturación y el cobro, y la integración de servicios PSTN.',
    'Preparar al cliente para las actualizaciones, la renovación de certificados y el mantenimiento de la infraestructura.',
  ],
  providerResponsibilities: [
    'Brinda soporte al socio 24x7 para la nube de instancia dedicada en su centro de datos, incluida la remediación.',
    'Proporciona un análisis de causa raíz de alto nivel (sin información detallada a nivel de infraestructura).',
    'Notifica de forma proactiva a los socios por correo electrónico los incidentes de gravedad 1 o gravedad 2.',
  ],
  providerNotResponsible: [
    'Red y equipos de socios o clientes conectados al centro de datos, y las instalaciones del cliente (el nodo de supervivencia mejorado en las instalaciones del cliente es responsabilidad conjunta).',
    'Software o hardware de terceros: el socio obtiene soporte o actualizaciones si se determina que es la causa del incidente.',
  ],
};

export const TRIAGE_GUIDE: Record<Locale, TriageGuide> = { en, es };
