export const ROLES = [
  'provider_admin',
  'provider_engineer',
  'partner_admin',
  'partner_engineer',
  'customer_viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const REGIONS = ['AMER', 'APJC', 'AUS', 'EMEA'] as const;
export type Region = (typeof REGIONS)[number];

export type Locale = 'en' | 'es';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  customerId: string | null;
  locale: Locale;
  timeZone: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface Partner {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Customer {
  id: string;
  partnerId: string;
  name: string;
  region: Region;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Contract {
  id: string;
  partnerId: string;
  customerId: string;
  /** Empty when the viewer cannot read the customer. */
  customerName: string;
  number: string;
  startsOn: string;
  endsOn: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  partnerId: string | null;
  customerId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  user: User;
  csrfToken: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

export const CATEGORIES = [
  'maintenance_outages',
  'incidents',
  'certificates',
  'upgrades',
  'releases',
  'capacity',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['email', 'webhook', 'webex', 'slack', 'teams'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Subscription {
  id: string;
  partnerId: string | null;
  name: string;
  categories: Category[];
  channel: Channel;
  target: string;
  locale: Locale;
  timeZone: string;
  paused: boolean;
  signed: boolean;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Answered by POST /subscriptions: generic webhooks carry their signing secret, this once. */
export type CreatedSubscription = Subscription & { secret?: string };

export interface ContactHealth {
  partnerId: string | null;
  missingCategories: Category[];
  failingSubscriptions: {
    id: string;
    name: string;
    consecutiveFailures: number;
    lastError: string | null;
    lastFailureAt: string | null;
  }[];
}

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'dead', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  id: string;
  eventId: string;
  kind: string;
  category: string;
  partnerId: string | null;
  subscriptionId: string | null;
  subscriptionName: string | null;
  channel: Channel;
  target: string;
  locale: Locale;
  timeZone: string;
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryAttempt {
  number: number;
  startedAt: string;
  finishedAt: string | null;
  result: 'sending' | 'delivered' | 'failed' | 'refused' | 'interrupted';
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

export type DeliveryDetail = Delivery & { attemptLog: DeliveryAttempt[] };

export interface MailSummary {
  id: string;
  deliveryId: string;
  partnerId: string | null;
  messageId: string;
  recipient: string;
  subject: string;
  receivedAt: string;
}

export type Mail = MailSummary & { text: string; html: string };

export const IMPACTS = ['down', 'degraded', 'at_risk'] as const;
export type Impact = (typeof IMPACTS)[number];

export const OPEN_OUTAGE_STATUSES = ['investigating', 'identified', 'monitoring'] as const;
export type OpenOutageStatus = (typeof OPEN_OUTAGE_STATUSES)[number];
export type OutageStatus = OpenOutageStatus | 'resolved';

export const SERVICES = ['cucm', 'unity_connection', 'imp', 'cer', 'expressway', 'sme', 'network'] as const;
export type Service = (typeof SERVICES)[number];

export interface Outage {
  id: string;
  number: number;
  title: string;
  summary: string;
  impact: Impact;
  status: OutageStatus;
  regions: Region[];
  services: Service[];
  startedAt: string;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type OutageListItem = Outage & { affectedCustomerCount: number };

export interface OutageUpdate {
  id: string;
  kind: 'declared' | 'update' | 'resolved';
  status: OutageStatus;
  message: string;
  author: string;
  at: string;
}

export type OutageDetail = Outage & {
  affectedCustomers: { id: string; name: string; region: Region; partnerId: string }[];
  /** Provider users only; null for partners and customers. */
  affectedPartnerCount: number | null;
  updates: OutageUpdate[];
};

export type NetworkActivityState = 'planned' | 'in_progress' | 'finished' | 'cancelled';

export interface NetworkActivity {
  id: string;
  partnerId: string;
  partnerName: string;
  customerIds: string[];
  /** The customers of `customerIds`, same order; a name is empty when the viewer cannot read it. */
  customers: { id: string; name: string }[];
  title: string;
  description: string;
  expectedAlarms: string | null;
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
  state: NetworkActivityState;
  createdAt: string;
}
