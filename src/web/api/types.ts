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
