/**
 * Change and maintenance shapes as answered by the API (src/server/modules/changes/*.schemas.ts).
 * Every instant is an ISO 8601 string in UTC ('…Z').
 */
import type { Region } from '../../api/types.ts';

export const CHANGE_TYPES = [
  'routine',
  'service_interrupting',
  'certificate_renewal',
  'upgrade',
  'cop_install',
  'infrastructure',
  'emergency',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const CHANGE_STATUSES = ['scheduled', 'notice_sent', 'in_progress', 'completed', 'cancelled'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const UPGRADE_REASONS = [
  'security_vulnerability',
  'below_n_minus_1',
  'end_of_life',
  'partner_request',
] as const;
export type UpgradeReason = (typeof UPGRADE_REASONS)[number];

export const EMERGENCY_REASONS = [
  'restore_service',
  'reduce_outage_impact',
  'prevent_outage',
  'remediate_vulnerability',
] as const;
export type EmergencyReason = (typeof EMERGENCY_REASONS)[number];

/** The rule codes a 422 from POST /changes (or a check) may name, in `errors[].code`. */
export const SCHEDULING_RULES = [
  'invalid_interval',
  'outside_window',
  'weekend_requires_infrastructure',
  'notice_period',
  'upgrade_reason_required',
  'emergency_reason_required',
  'certificate_window',
  'start_in_past',
  'no_customers',
  'no_impact_type',
  'emergency_flag_type',
] as const;

/** The change's window in one affected region, in that region's wall-clock time. */
export interface ChangeRegionTime {
  region: Region;
  timeZone: string;
  /** Local wall-clock start and end, 'YYYY-MM-DDTHH:mm'. */
  localStart: string;
  localEnd: string;
  /** Kind of the maintenance window holding the change there (null for emergencies outside one). */
  windowKind: 'weekday' | 'weekend' | null;
}

export interface Change {
  id: string;
  number: number;
  /** 'CHG-000123' */
  reference: string;
  type: ChangeType;
  title: string;
  description: string;
  status: ChangeStatus;
  start: string;
  end: string;
  /** Upgrade reason. */
  reason: UpgradeReason | null;
  emergencyReason: EmergencyReason | null;
  certificateExpiresAt: string | null;
  /** An emergency COP install (no notice period; next provider window). */
  emergency: boolean;
  /** A routine change with no impact: no e-mail, still in calendars. */
  noImpact: boolean;
  regions: Region[];
  regionTimes: ChangeRegionTime[];
  /** Affected customers visible to the caller (a partner counts only its own). */
  customerCount: number;
  noticeSentAt: string | null;
  reminderSentAt: string | null;
  /** iCalendar SEQUENCE: raised by each reschedule and by the cancellation. */
  sequence: number;
  reschedules: number;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  source: { type: 'certificate' | 'upgrade_campaign' | 'change_request' | 'cop'; id: string } | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** May the caller (a partner) ask to move it, and if not, why (the rule code and message). */
  reschedule: { allowed: boolean; code: string | null; message: string | null };
}

export interface ChangeCustomer {
  id: string;
  name: string;
  region: Region;
  partnerId: string;
  partnerName: string;
}

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

export interface ChangeHistoryEntry {
  id: string;
  kind: ChangeEventKind;
  status: ChangeStatus;
  /** rescheduled: {previousStart, previousEnd, start, end}; cancelled: {reason}; requests: {requestId, reason, late} */
  detail: Record<string, unknown>;
  actor: string;
  at: string;
}

export type RescheduleRequestStatus = 'open' | 'granted' | 'declined' | 'withdrawn';

export interface RescheduleRequest {
  id: string;
  changeId: string;
  changeReference: string;
  changeTitle: string;
  changeType: ChangeType;
  changeStart: string;
  changeEnd: string;
  partnerId: string;
  partnerName: string;
  reason: string;
  /** Asked more than 3 business days after the notice: accepted, but late. */
  late: boolean;
  status: RescheduleRequestStatus;
  requestedBy: string;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

export type ChangeTaskKind = 'disable_sso' | 'reimport_idp_metadata' | 'enable_sso' | 'validate_sign_in';

export interface ChangeTask {
  id: string;
  changeId: string;
  changeReference: string;
  changeTitle: string;
  customerId: string;
  customerName: string;
  partnerId: string;
  kind: ChangeTaskKind;
  /** 1–4: the order to work through them. */
  position: number;
  doneAt: string | null;
  doneBy: string | null;
  createdAt: string;
}

/** GET /changes/:id */
export interface ChangeDetail extends Change {
  /** Up to 200 affected customers in the caller's scope, by name; the rest via GET /changes/:id/customers. */
  customers: ChangeCustomer[];
  history: ChangeHistoryEntry[];
  rescheduleRequests: RescheduleRequest[];
  tasks: ChangeTask[];
  /** The partner change request this change carries out, if any. */
  changeRequestId: string | null;
}

/** Who a new change affects: the union of every selector (active customers only). */
export interface ChangeSelection {
  customerIds?: string[];
  partnerIds?: string[];
  regions?: Region[];
  /** Customers with an application on one of these versions ('12.5 SU7a'). */
  versions?: string[];
}

/** POST /changes and POST /changes/check */
export interface ChangeInput extends ChangeSelection {
  type: ChangeType;
  title: string;
  description?: string;
  start: string;
  end: string;
  reason?: UpgradeReason;
  emergencyReason?: EmergencyReason;
  certificateExpiresAt?: string;
  emergency?: boolean;
  noImpact?: boolean;
}

export interface Violation {
  code: string;
  message: string;
  region?: Region;
}

export interface Slot {
  start: string;
  end: string;
}

/** POST /changes/check: the rules without writing anything (for live checking in the form). */
export interface ChangeCheck {
  allowed: boolean;
  violations: Violation[];
  customerCount: number;
  partnerCount: number;
  regions: Region[];
  regionTimes: ChangeRegionTime[];
  /** The earliest slot of the same duration that breaks no rule, from now (null when none/blocked). */
  nextSlot: Slot | null;
}

export type ChangeRequestKind =
  | 'boundary_devices'
  | 'application_integration'
  | 'service_deactivation'
  | 'other';
export const CHANGE_REQUEST_KINDS: readonly ChangeRequestKind[] = [
  'boundary_devices',
  'application_integration',
  'service_deactivation',
  'other',
];
export type ChangeRequestStatus =
  | 'submitted'
  | 'in_review'
  | 'approved'
  | 'rejected'
  | 'scheduled'
  | 'completed';
export const CHANGE_REQUEST_STATUSES: readonly ChangeRequestStatus[] = [
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'scheduled',
  'completed',
];

export interface ChangeRequestNote {
  id: string;
  kind: 'comment' | 'decision';
  /** For decisions: the status the request moved to. */
  status: ChangeRequestStatus | null;
  body: string;
  authorSide: 'provider' | 'partner';
  author: string;
  at: string;
}

export interface ChangeRequest {
  id: string;
  number: number;
  /** 'CR-000042' */
  reference: string;
  partnerId: string;
  customerId: string;
  customerName: string;
  kind: ChangeRequestKind;
  title: string;
  description: string;
  preferredStart: string | null;
  status: ChangeRequestStatus;
  changeId: string | null;
  changeReference: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeRequestDetail extends ChangeRequest {
  notes: ChangeRequestNote[];
}

export interface CalendarFeed {
  id: string;
  partnerId: string;
  partnerName: string;
  customerId: string | null;
  customerName: string | null;
  label: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** POST /calendar-feeds answers the secret URL once. */
export interface CreatedCalendarFeed extends CalendarFeed {
  url: string;
}
