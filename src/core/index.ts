// DI Ops policy core: the operating rules of SPEC §2–§6 as pure functions over a policy document.
//
// Instants [decision]: every core function takes and returns instants as epoch milliseconds
// (`number`, UTC) — cheap to compare and add, and unambiguous. Convert at the edge with
// `toEpochMs(Date | epoch ms | ISO string with offset)` and `toIso(ms)` ('…Z'), or use the
// JSON-shaped calls in policy-api.ts (ISO strings in and out), which mirror the /policy routes.
// Explanation objects hold epoch ms too; `toJson()` turns them into ISO strings for the UI/e-mails.
//
// Calendars are cached per policy object (WeakMap): keep one validated Policy object alive and
// pass the same one every time; a new policy object starts with fresh caches.
// Nothing here reads the clock or does I/O: "now" is always a parameter.

export {
  type BackupRecord,
  backupRetention,
  type RetainReason,
  type RetentionResult,
} from './backup-retention.ts';
export {
  addBusinessMs,
  type BusinessCalendar,
  type BusinessSpanExplanation,
  businessMsBetween,
  createBusinessCalendar,
  explainBusinessSpan,
  getCalendar,
  isBusinessTime,
  type LocalDay,
  nextBusinessInstant,
  type SkippedPeriod,
} from './business-calendar.ts';
export { type CapacityLevel, canProvision, capacityLevel, crossedThresholds } from './capacity.ts';
export { proposeCertificateRenewal, type RenewalProposal, type RenewalSlot } from './certificate-renewal.ts';
export { DAY_MS, dateKey, HOUR_MS, MINUTE_MS } from './civil-date.ts';
export { disasterRecoveryDue, explainDisasterRecoveryDue } from './disaster-recovery.ts';
export { type InstantInput, toEpochMs, toIso, toJson } from './instants.ts';
export {
  findContainingWindow,
  listWindows,
  type MaintenanceWindow,
  nextWindowStartingAt,
  previousWindowStartingBefore,
  type WindowKind,
  windowAt,
} from './maintenance-windows.ts';
export {
  nextAllowedSlot,
  type RegionSlot,
  type Slot,
  type SlotRequest,
  type SlotResult,
} from './next-slot.ts';
export * from './policy-api.ts';
export {
  CHANGE_TYPES,
  type ChangeType,
  type EmergencyReason,
  IMPACTS,
  type Impact,
  type Policy,
  type PolicyError,
  type PolicyValidation,
  REGIONS,
  type Region,
  type RegionPolicy,
  type Release,
  type ReleaseTrain,
  type ResponseTarget,
  SEVERITIES,
  type Severity,
  type UpgradeReason,
  URGENCIES,
  type Urgency,
  validatePolicy,
} from './policy-document.ts';
export {
  checkRescheduleRequest,
  type RescheduleError,
  type RescheduleErrorCode,
  type RescheduleRequest,
  type RescheduleVerdict,
} from './reschedule-rules.ts';
export {
  businessTargetMs,
  type DueExplanation,
  dueAfterSeverityChange,
  dueFrom,
  explainResponseDue,
  responseDueAt,
  responseMet,
  type SeverityChange,
} from './response-due.ts';
export {
  type ChangeCheck,
  type ChangeFlags,
  type ChangeProposal,
  type CheckOptions,
  certificateStartRange,
  checkChange,
  checkChangeForCustomers,
  distinctRegions,
  needsEmergencyReason,
  needsNotice,
  noticeEarliestStart,
  type RegionVerdict,
  type Violation,
  type ViolationCode,
  type ViolationExplain,
} from './scheduling-rules.ts';
export {
  computeSeverity,
  impactFromShare,
  isRaise,
  needsPhoneCall,
  type SeverityInput,
  type SeverityResult,
  severityRank,
} from './severity.ts';
export {
  classifyVersion,
  fallsOutOfCompliance,
  formatVersion,
  type ParsedVersion,
  parseVersion,
  shiftReleaseTrain,
  type VersionCompliance,
  type VersionTier,
} from './version-compliance.ts';
