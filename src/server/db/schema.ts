import type { ColumnType, Generated } from 'kysely';
import type {
  ChangeType,
  Impact,
  Release,
  ReleaseTrain,
  Severity,
  Urgency,
} from '../../core/policy-document.ts';

export type { ChangeType };

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

export type Category =
  | 'maintenance_outages'
  | 'incidents'
  | 'certificates'
  | 'upgrades'
  | 'releases'
  | 'capacity';
export const CATEGORIES: readonly Category[] = [
  'maintenance_outages',
  'incidents',
  'certificates',
  'upgrades',
  'releases',
  'capacity',
];
export type Channel = 'email' | 'webhook' | 'webex' | 'slack' | 'teams';
export const CHANNELS: readonly Channel[] = ['email', 'webhook', 'webex', 'slack', 'teams'];
export type Locale = 'en' | 'es';
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'dead' | 'cancelled';
export type AttemptResult = 'sending' | 'delivered' | 'failed' | 'refused' | 'interrupted';
export type OutageImpact = 'down' | 'degraded' | 'at_risk';
export type Service = 'cucm' | 'unity_connection' | 'imp' | 'cer' | 'expressway' | 'sme' | 'network';
export type OutageStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

export interface SubscriptionsTable {
  id: Generated<string>;
  partner_id: string | null;
  name: string;
  categories: Category[];
  channel: Channel;
  target: string;
  secret: string | null;
  locale: Locale;
  time_zone: string;
  paused: Generated<boolean>;
  consecutive_failures: Generated<number>;
  last_success_at: Timestamp | null;
  last_failure_at: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NotificationEventsTable {
  id: string;
  partner_id: string | null;
  category: Category | 'contact';
  kind: string;
  subject_type: string;
  subject_id: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  audience_provider: Generated<boolean>;
  audience_partner_ids: ColumnType<string[], string[] | undefined, string[]>;
  target_subscription_id: string | null;
  target_user_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  fanned_out_at: Timestamp | null;
}

export interface DeliveriesTable {
  id: Generated<string>;
  event_id: string;
  partner_id: string | null;
  subscription_id: string | null;
  recipient_key: string;
  kind: string;
  category: string;
  channel: Channel;
  target: string;
  locale: Locale;
  time_zone: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  dead_after: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_error: string | null;
  last_status_code: number | null;
  delivered_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  partner_id: string | null;
  number: number;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  result: AttemptResult;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
}

export interface MailboxTable {
  id: string;
  delivery_id: string;
  partner_id: string | null;
  message_id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  received_at: Generated<Date>;
}

export interface OutagesTable {
  id: Generated<string>;
  number: ColumnType<number, never, never>;
  title: string;
  summary: string;
  impact: OutageImpact;
  status: Generated<OutageStatus>;
  regions: ColumnType<Region[], Region[] | undefined, Region[]>;
  services: ColumnType<Service[], Service[] | undefined, Service[]>;
  started_at: Timestamp;
  resolved_at: Timestamp | null;
  declared_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OutageCustomersTable {
  outage_id: string;
  customer_id: string;
  partner_id: string;
}

export interface OutageUpdatesTable {
  id: Generated<string>;
  outage_id: string;
  kind: 'declared' | 'update' | 'resolved';
  status: OutageStatus;
  message: string;
  author_id: string | null;
  author_label: string;
  at: Generated<Date>;
}

export interface NetworkActivitiesTable {
  id: Generated<string>;
  partner_id: string;
  customer_ids: ColumnType<string[], string[] | undefined, string[]>;
  title: string;
  description: string;
  expected_alarms: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  cancelled_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ContactRemindersTable {
  partner_id: string;
  last_sent_at: Timestamp;
  reasons: string[];
}

export type CaseStatus =
  | 'new'
  | 'acknowledged'
  | 'in_progress'
  | 'awaiting_partner'
  | 'monitoring'
  | 'resolved'
  | 'closed';
export type CaseCategory = 'how_to' | 'common_problem' | 'configuration' | 'possible_defect' | 'availability';
export type CaseSide = 'provider' | 'partner' | 'system';
export type CaseEventKind =
  | 'opened'
  | 'acknowledged'
  | 'status_changed'
  | 'reopened'
  | 'severity_changed'
  | 'comment'
  | 'internal_note'
  | 'action_plan'
  | 'escalated'
  | 'attachment_added'
  | 'plan_owed'
  | 'auto_closed';

export interface CasesTable {
  id: Generated<string>;
  number: string;
  partner_id: string;
  customer_id: string;
  contract_id: string;
  region: Region;
  title: string;
  description: string;
  category: CaseCategory;
  impact: Impact;
  urgency: Urgency;
  affected_share: number | null;
  severity: Severity;
  status: Generated<CaseStatus>;
  caller_id: string | null;
  caller_name: string;
  caller_email: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  opened_at: Timestamp;
  response_due_at: Timestamp;
  due_explanation: ColumnType<unknown, string, string>;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  response_met: boolean | null;
  awaiting_since: Timestamp | null;
  awaiting_ms: Generated<number>;
  monitor_until: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  root_cause_summary: string | null;
  plan_owed_since: Timestamp | null;
  last_plan_at: Timestamp | null;
  escalated_at: Timestamp | null;
  escalation_count: Generated<number>;
  reopen_count: Generated<number>;
  updated_at: Timestamp;
  search: ColumnType<string, never, never>;
}

export interface CaseEventsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  case_id: string;
  partner_id: string;
  customer_id: string;
  kind: CaseEventKind;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  side: CaseSide;
  internal: Generated<boolean>;
  body: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface CaseAttachmentsTable {
  id: string;
  case_id: string;
  partner_id: string;
  customer_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_by_name: string;
  uploaded_at: Generated<Date>;
}

export type ApplicationKind = 'cucm' | 'cucxn' | 'imp' | 'cer' | 'expressway' | 'sme';
export const APPLICATION_KINDS: readonly ApplicationKind[] = [
  'cucm',
  'cucxn',
  'imp',
  'cer',
  'expressway',
  'sme',
];
export type VersionTierColumn = 'n' | 'n-1' | 'n-2' | 'unsupported';
export interface ApplicationNode {
  hostname: string;
  role: 'publisher' | 'subscriber';
  dataCentre: string;
}

export interface ReleaseTrainsTable {
  id: Generated<number>;
  train: ColumnType<ReleaseTrain, string, string>;
  published_release: ColumnType<Release | null, string | null, string | null>;
  published_at: Generated<Date>;
  published_by_id: string | null;
  published_by_label: string;
}

export interface ApplicationsTable {
  id: Generated<string>;
  partner_id: string;
  customer_id: string;
  kind: ApplicationKind;
  name: string;
  version: string;
  tier: VersionTierColumn;
  must_upgrade: ColumnType<boolean, never, never>;
  region: Region;
  nodes: ColumnType<ApplicationNode[], string, string>;
  primary_dc: string;
  failover_dc: string | null;
  sso_enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface UpgradeCampaignsTable {
  id: Generated<string>;
  release_train_id: number;
  target: string;
  created_at: Generated<Date>;
}

export interface UpgradeCampaignCustomersTable {
  campaign_id: string;
  customer_id: string;
  partner_id: string;
  application_ids: string[];
}

export type CertificateKind = 'tomcat' | 'callmanager' | 'ipsec' | 'capf' | 'tvs' | 'itl' | 'other';

export interface CertificatesTable {
  id: Generated<string>;
  partner_id: string;
  customer_id: string;
  application_id: string;
  kind: CertificateKind;
  subject: string;
  expires_at: Timestamp;
  proposal_start: Timestamp | null;
  proposal_end: Timestamp | null;
  proposal_problem: string | null;
  proposed_at: Timestamp | null;
  renewed_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type CapacityResource = 'knowledge_workers' | 'workspace_devices';
export type ExpansionStatus = 'requested' | 'planned' | 'completed' | 'cancelled';

export interface CustomerCapacityTable {
  customer_id: string;
  resource: CapacityResource;
  partner_id: string;
  entitled: number;
  provisioned: Generated<number>;
  activated_at: Timestamp;
  updated_at: Timestamp;
}

export interface CapacityExpansionsTable {
  id: Generated<string>;
  partner_id: string;
  customer_id: string;
  case_id: string;
  resource: CapacityResource;
  additional: number;
  reason: string;
  status: Generated<ExpansionStatus>;
  planned_for: Timestamp | null;
  plan_note: string | null;
  completed_at: Timestamp | null;
  cancelled_reason: string | null;
  requested_by_label: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface BackupsTable {
  id: Generated<string>;
  partner_id: string;
  customer_id: string;
  application_id: string;
  /** The region-local date the nightly run belongs to (YYYY-MM-DD). */
  night: ColumnType<string, string, string>;
  taken_at: Timestamp;
  ok: boolean;
  size_bytes: number | null;
  created_at: Generated<Date>;
}

export interface BackupPurgesTable {
  id: Generated<number>;
  run_id: string;
  backup_id: string;
  partner_id: string;
  customer_id: string;
  application_id: string;
  night: ColumnType<string, string, string>;
  taken_at: Timestamp;
  ok: boolean;
  purged_at: Timestamp;
}

export type DrEventKind = 'application_failure' | 'hardware_failure';
export type DrStatus = 'declared' | 'restoring' | 'restored' | 'closed' | 'withdrawn';

export interface DrEventsTable {
  id: Generated<string>;
  number: ColumnType<number, never, never>;
  partner_id: string;
  customer_id: string;
  application_id: string | null;
  application_name: string;
  application_kind: ApplicationKind;
  kind: DrEventKind;
  title: string | null;
  description: string;
  region: Region;
  status: Generated<DrStatus>;
  declared_at: Timestamp;
  target_at: Timestamp | null;
  target_explanation: ColumnType<unknown, string | null, string | null>;
  recovered_at: Timestamp | null;
  closed_at: Timestamp | null;
  declared_by: string | null;
  declared_by_label: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DrEventUpdatesTable {
  id: Generated<string>;
  event_id: string;
  partner_id: string;
  customer_id: string;
  previous_status: DrStatus | null;
  status: DrStatus;
  message: string;
  author_id: string | null;
  author_label: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export type CopPackage = 'phone_firmware' | 'locale' | 'device_pack' | 'fix' | 'other';
export type CopRequestStatus = 'requested' | 'uploaded' | 'installed' | 'rejected' | 'cancelled';
export type ChecksumAlgorithm = 'sha256' | 'sha512' | 'md5';

export interface CopRequestsTable {
  id: Generated<string>;
  number: Generated<number>;
  partner_id: string;
  customer_id: string;
  application_id: string;
  package: CopPackage;
  file_name: string;
  reason: string;
  status: Generated<CopRequestStatus>;
  sftp_path: string | null;
  checksum_algorithm: ChecksumAlgorithm | null;
  checksum: string | null;
  uploaded_at: Timestamp | null;
  uploaded_by_label: string | null;
  installed_at: Timestamp | null;
  installed_by_label: string | null;
  closing_reason: string | null;
  requested_by_label: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type ChangeStatus = 'scheduled' | 'notice_sent' | 'in_progress' | 'completed' | 'cancelled';
export type ChangeSourceType = 'certificate' | 'upgrade_campaign' | 'change_request' | 'cop';
export type ChangeEventKind =
  | 'created'
  | 'notice_sent'
  | 'reminder_sent'
  | 'rescheduled'
  | 'started'
  | 'completed'
  | 'cancelled'
  | 'reschedule_requested'
  | 'reschedule_declined';

export interface ChangesTable {
  id: Generated<string>;
  number: Generated<number>;
  type: ChangeType;
  title: string;
  description: Generated<string>;
  status: ChangeStatus;
  start_at: Timestamp;
  end_at: Timestamp;
  reason: string | null;
  emergency_reason: string | null;
  certificate_expires_at: Timestamp | null;
  emergency: Generated<boolean>;
  no_impact: Generated<boolean>;
  regions: Region[];
  customer_count: number;
  notice_sent_at: Timestamp | null;
  reminder_sent_at: Timestamp | null;
  sequence: Generated<number>;
  reschedules: Generated<number>;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  source_type: ChangeSourceType | null;
  source_id: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ChangeCustomersTable {
  change_id: string;
  customer_id: string;
  partner_id: string;
  region: Region;
}

export interface ChangeEventsTable {
  id: Generated<string>;
  change_id: string;
  kind: ChangeEventKind;
  status: ChangeStatus;
  detail: ColumnType<unknown, string | undefined, never>;
  partner_id: string | null;
  actor_label: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export type RescheduleRequestStatus = 'open' | 'granted' | 'declined' | 'withdrawn';

export interface RescheduleRequestsTable {
  id: Generated<string>;
  change_id: string;
  partner_id: string;
  reason: string;
  late: boolean;
  status: Generated<RescheduleRequestStatus>;
  requested_by: string | null;
  requested_by_label: string;
  requested_at: Generated<Date>;
  decided_at: Timestamp | null;
  decided_by_label: string | null;
  decision_note: string | null;
}

export type ChangeTaskKind = 'disable_sso' | 'reimport_idp_metadata' | 'enable_sso' | 'validate_sign_in';
export const CHANGE_TASK_KINDS: readonly ChangeTaskKind[] = [
  'disable_sso',
  'reimport_idp_metadata',
  'enable_sso',
  'validate_sign_in',
];

export interface ChangeTasksTable {
  id: Generated<string>;
  change_id: string;
  partner_id: string;
  customer_id: string;
  kind: ChangeTaskKind;
  position: number;
  done_at: Timestamp | null;
  done_by_label: string | null;
  created_at: Generated<Date>;
}

export type ChangeRequestKind =
  | 'boundary_devices'
  | 'application_integration'
  | 'service_deactivation'
  | 'other';
export type ChangeRequestStatus =
  | 'submitted'
  | 'in_review'
  | 'approved'
  | 'rejected'
  | 'scheduled'
  | 'completed';

export interface ChangeRequestsTable {
  id: Generated<string>;
  number: Generated<number>;
  partner_id: string;
  customer_id: string;
  kind: ChangeRequestKind;
  title: string;
  description: string;
  preferred_start: Timestamp | null;
  status: Generated<ChangeRequestStatus>;
  change_id: string | null;
  requested_by: string | null;
  requested_by_label: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ChangeRequestNotesTable {
  id: Generated<string>;
  request_id: string;
  partner_id: string;
  kind: 'comment' | 'decision';
  status: ChangeRequestStatus | null;
  body: string;
  author_side: 'provider' | 'partner';
  author_label: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CalendarFeedsTable {
  id: Generated<string>;
  partner_id: string;
  customer_id: string | null;
  label: string;
  token_hash: Buffer;
  created_by_label: string;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
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
  subscriptions: SubscriptionsTable;
  notification_events: NotificationEventsTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  mailbox: MailboxTable;
  outages: OutagesTable;
  outage_customers: OutageCustomersTable;
  outage_updates: OutageUpdatesTable;
  network_activities: NetworkActivitiesTable;
  contact_reminders: ContactRemindersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_attachments: CaseAttachmentsTable;
  release_trains: ReleaseTrainsTable;
  applications: ApplicationsTable;
  upgrade_campaigns: UpgradeCampaignsTable;
  upgrade_campaign_customers: UpgradeCampaignCustomersTable;
  certificates: CertificatesTable;
  customer_capacity: CustomerCapacityTable;
  capacity_expansions: CapacityExpansionsTable;
  backups: BackupsTable;
  backup_purges: BackupPurgesTable;
  cop_requests: CopRequestsTable;
  dr_events: DrEventsTable;
  dr_event_updates: DrEventUpdatesTable;
  changes: ChangesTable;
  change_customers: ChangeCustomersTable;
  change_events: ChangeEventsTable;
  reschedule_requests: RescheduleRequestsTable;
  change_tasks: ChangeTasksTable;
  change_requests: ChangeRequestsTable;
  change_request_notes: ChangeRequestNotesTable;
  calendar_feeds: CalendarFeedsTable;
}
