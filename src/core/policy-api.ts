// JSON-in, JSON-out calls shaped like the /policy routes of SPEC §7, so a route handler is
// "validate body → call → send". Instants in: ISO strings with offset (or Date / epoch ms);
// instants out: ISO strings in UTC. Bad values throw RangeError (the server maps it to 400/422).

import { backupRetention } from './backup-retention.ts';
import { getCalendar } from './business-calendar.ts';
import { type InstantInput, toEpochMs, toIso, toJson } from './instants.ts';
import { listWindows } from './maintenance-windows.ts';
import { nextAllowedSlot } from './next-slot.ts';
import type { ChangeType, Impact, Policy, Region, Severity, Urgency } from './policy-document.ts';
import { dueAfterSeverityChange, explainResponseDue, responseDueAt } from './response-due.ts';
import { type ChangeFlags, checkChange } from './scheduling-rules.ts';
import { computeSeverity, type SeverityResult } from './severity.ts';

export interface SeverityBody {
  impact?: Impact;
  affectedShare?: number;
  urgency: Urgency;
}

/** POST /policy/severity */
export function severityCall(policy: Policy, body: SeverityBody): SeverityResult {
  if (body.impact !== undefined)
    return computeSeverity(policy, { impact: body.impact, urgency: body.urgency });
  if (body.affectedShare === undefined) throw new RangeError('give impact or affectedShare');
  return computeSeverity(policy, { affectedShare: body.affectedShare, urgency: body.urgency });
}

export interface ResponseDueBody {
  severity: Severity;
  region: Region;
  openedAt: InstantInput;
  explain?: boolean;
}

/** POST /policy/response-due */
export function responseDueCall(policy: Policy, body: ResponseDueBody): { dueAt: string; explain?: unknown } {
  const openedAt = toEpochMs(body.openedAt);
  if (!body.explain) return { dueAt: toIso(responseDueAt(policy, body.region, body.severity, openedAt)) };
  const ex = explainResponseDue(policy, body.region, body.severity, openedAt);
  return { dueAt: toIso(ex.dueAt), explain: toJson(ex) };
}

export interface SeverityChangeBody {
  region: Region;
  openedAt: InstantInput;
  currentDueAt: InstantInput;
  changedAt: InstantInput;
  from: Severity;
  to: Severity;
}

/** Due time after a severity change (for the cases module). */
export function severityChangeDueCall(
  policy: Policy,
  body: SeverityChangeBody,
): { dueAt: string; explain: unknown } {
  const ex = dueAfterSeverityChange(policy, {
    region: body.region,
    openedAt: toEpochMs(body.openedAt),
    currentDueAt: toEpochMs(body.currentDueAt),
    changedAt: toEpochMs(body.changedAt),
    from: body.from,
    to: body.to,
  });
  return { dueAt: toIso(ex.dueAt), explain: toJson(ex) };
}

export interface MaintenanceCheckBody {
  /** One region (SPEC §7) or several. */
  region?: Region;
  regions?: Region[];
  type: ChangeType;
  start: InstantInput;
  end: InstantInput;
  /** Defaults to `now`. */
  noticeAt?: InstantInput;
  reason?: string | null;
  emergencyReason?: string | null;
  certificateExpiresAt?: InstantInput | null;
  flags?: ChangeFlags;
  explain?: boolean;
}

export interface MaintenanceCheckAnswer {
  allowed: boolean;
  violations: { code: string; message: string; region?: Region; explain?: unknown }[];
}

function regionsOf(body: { region?: Region; regions?: Region[] }): Region[] {
  const regions = [...(body.regions ?? []), ...(body.region ? [body.region] : [])];
  if (regions.length === 0) throw new RangeError('give region or regions');
  return regions;
}

/** POST /policy/maintenance-check */
export function maintenanceCheckCall(
  policy: Policy,
  body: MaintenanceCheckBody,
  now: InstantInput,
): MaintenanceCheckAnswer {
  const r = checkChange(
    policy,
    {
      type: body.type,
      start: toEpochMs(body.start),
      end: toEpochMs(body.end),
      regions: regionsOf(body),
      noticeAt: toEpochMs(body.noticeAt ?? now),
      reason: body.reason ?? null,
      emergencyReason: body.emergencyReason ?? null,
      certificateExpiresAt: body.certificateExpiresAt == null ? null : toEpochMs(body.certificateExpiresAt),
      ...(body.flags ? { flags: body.flags } : {}),
    },
    { explain: body.explain === true },
  );
  return {
    allowed: r.allowed,
    violations: r.violations.map((v) => ({
      code: v.code,
      message: v.message,
      ...(v.region ? { region: v.region } : {}),
      ...(body.explain ? { explain: toJson(v.explain) } : {}),
    })),
  };
}

export interface BackupRetentionBody {
  now: InstantInput;
  backups: { id: string; takenAt: InstantInput; ok: boolean }[];
}

/** POST /policy/backup-retention */
export function backupRetentionCall(
  policy: Policy,
  body: BackupRetentionBody,
): { retain: string[]; purge: string[] } {
  const r = backupRetention(
    policy,
    toEpochMs(body.now),
    body.backups.map((b) => ({ id: b.id, takenAt: toEpochMs(b.takenAt), ok: b.ok })),
  );
  return { retain: r.retain, purge: r.purge };
}

/** Longest range GET /maintenance-windows answers (keeps one request bounded). */
export const MAX_WINDOW_RANGE_DAYS = 400;

/** GET /maintenance-windows?region&from&to — windows starting in [from, to), in order. */
export function maintenanceWindowsCall(
  policy: Policy,
  query: { region: Region; from: InstantInput; to: InstantInput },
): { items: { start: string; end: string; kind: 'weekday' | 'weekend' }[] } {
  const from = toEpochMs(query.from);
  const to = toEpochMs(query.to);
  if (to - from > MAX_WINDOW_RANGE_DAYS * 86_400_000) {
    throw new RangeError(`range longer than ${MAX_WINDOW_RANGE_DAYS} days`);
  }
  return {
    items: listWindows(getCalendar(policy, query.region), from, to).map((w) => ({
      start: toIso(w.start),
      end: toIso(w.end),
      kind: w.kind,
    })),
  };
}

export interface NextSlotBody {
  region?: Region;
  regions?: Region[];
  type: ChangeType;
  durationMinutes: number;
  noticeAt?: InstantInput;
  after?: InstantInput;
  reason?: string | null;
  emergencyReason?: string | null;
  certificateExpiresAt?: InstantInput | null;
  flags?: ChangeFlags;
  horizonDays?: number;
}

/** POST /policy/next-slot */
export function nextSlotCall(policy: Policy, body: NextSlotBody, now: InstantInput): unknown {
  const r = nextAllowedSlot(policy, {
    type: body.type,
    durationMinutes: body.durationMinutes,
    regions: regionsOf(body),
    noticeAt: toEpochMs(body.noticeAt ?? now),
    ...(body.after !== undefined ? { after: toEpochMs(body.after) } : {}),
    reason: body.reason ?? null,
    emergencyReason: body.emergencyReason ?? null,
    certificateExpiresAt: body.certificateExpiresAt == null ? null : toEpochMs(body.certificateExpiresAt),
    ...(body.flags ? { flags: body.flags } : {}),
    ...(body.horizonDays !== undefined ? { horizonDays: body.horizonDays } : {}),
  });
  return toJson(r);
}
