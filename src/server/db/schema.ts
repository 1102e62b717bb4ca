import type { ColumnType, Generated } from 'kysely';

/** Kysely table types; column names are snake_case as in the migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export type Region = 'AMER' | 'APJC' | 'AUS' | 'EMEA';
export const REGIONS: readonly Region[] = ['AMER', 'APJC', 'AUS', 'EMEA'];

export type Role =
  | 'provider_admin'
  | 'provider_engineer'
  | 'partner_admin'
  | 'partner_engineer'
  | 'customer_viewer';
export const ROLES: readonly Role[] = [
  'provider_admin',
  'provider_engineer',
  'partner_admin',
  'partner_engineer',
  'customer_viewer',
];

export interface PartnersTable {
  id: Generated<string>;
  partner_id: ColumnType<string, never, never>;
  name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<string>;
  partner_id: string;
  name: string;
  region: Region;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  partner_id: string | null;
  customer_id: string | null;
  locale: Generated<'en' | 'es'>;
  time_zone: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_login_at: Date | null;
}

export interface ContractsTable {
  id: Generated<string>;
  partner_id: string;
  customer_id: string;
  number: string;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  partner_id: string | null;
  user_id: string;
  name: string;
  token_hash: Buffer;
  token_prefix: string;
  read_only: Generated<boolean>;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email_key: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_label: string;
  partner_id: string | null;
  customer_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export interface Database {
  partners: PartnersTable;
  customers: CustomersTable;
  users: UsersTable;
  contracts: ContractsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
}
