/**
 * The new-change form's state and what it sends: which fields apply to which type, the local
 * checks before anything goes to the server, and the body of POST /changes and /changes/check.
 * Pure, no React.
 */
import type { Region } from '../../api/types.ts';
import { readWallTime, toWallTime } from './local-time.ts';
import type { ChangeInput, ChangeType, EmergencyReason, UpgradeReason } from './types.ts';

export interface ChangeDraft {
  type: ChangeType | null;
  title: string;
  description: string;
  customerIds: string[];
  partnerIds: string[];
  regions: Region[];
  versions: string[];
  /** 'YYYY-MM-DDTHH:mm' on the wall clock of `zone`. */
  start: string;
  end: string;
  zone: string;
  reason: UpgradeReason | null;
  emergencyReason: EmergencyReason | null;
  /** 'YYYY-MM-DDTHH:mm' on the wall clock of `zone`. */
  certificateExpiresAt: string;
  emergency: boolean;
  noImpact: boolean;
}

export function emptyDraft(zone: string): ChangeDraft {
  return {
    type: null,
    title: '',
    description: '',
    customerIds: [],
    partnerIds: [],
    regions: [],
    versions: [],
    start: '',
    end: '',
    zone,
    reason: null,
    emergencyReason: null,
    certificateExpiresAt: '',
    emergency: false,
    noImpact: false,
  };
}

/** The fields shown for a type (and, for a COP install, whether it is flagged emergency). */
export function relevantFields(type: ChangeType | null, emergency: boolean) {
  return {
    reason: type === 'upgrade',
    emergencyReason: type === 'emergency' || (type === 'cop_install' && emergency),
    certificateExpiresAt: type === 'certificate_renewal',
    emergency: type === 'cop_install',
    noImpact: type === 'routine',
  };
}

/** The form's fields in the order they appear (server error paths map onto these). */
export const DRAFT_FIELDS = [
  'type',
  'title',
  'description',
  'customerIds',
  'partnerIds',
  'regions',
  'versions',
  'start',
  'end',
  'reason',
  'emergencyReason',
  'certificateExpiresAt',
  'emergency',
  'noImpact',
] as const;

export type DraftErrorCode = 'required' | 'invalid_time' | 'no_selection' | 'end_before_start';

export interface DraftResult {
  /** The body to send, when the draft is complete enough; fields that do not apply are left out. */
  input: ChangeInput | null;
  /** Problems the form can tell without the server, by field. */
  errors: Partial<Record<(typeof DRAFT_FIELDS)[number] | 'selection', DraftErrorCode>>;
}

const hasSelection = (d: ChangeDraft) =>
  d.customerIds.length + d.partnerIds.length + d.regions.length + d.versions.length > 0;

/**
 * The draft as a ChangeInput. `forCheck` builds the live-check body: it needs no title (a
 * placeholder is sent, the check writes nothing) and the scheduling rules themselves (reasons,
 * expiry) are left to the server to name.
 */
export function draftToInput(draft: ChangeDraft, forCheck = false): DraftResult {
  const errors: DraftResult['errors'] = {};
  if (!draft.type) errors.type = 'required';
  const title = draft.title.trim();
  if (!title && !forCheck) errors.title = 'required';
  if (!hasSelection(draft)) errors.selection = 'no_selection';
  const start = draft.start ? readWallTime(draft.start, draft.zone) : undefined;
  const end = draft.end ? readWallTime(draft.end, draft.zone) : undefined;
  if (!draft.start) errors.start = 'required';
  else if (!start) errors.start = 'invalid_time';
  if (!draft.end) errors.end = 'required';
  else if (!end) errors.end = 'invalid_time';
  if (start && end && new Date(end.instant).getTime() <= new Date(start.instant).getTime())
    errors.end = 'end_before_start';
  const show = relevantFields(draft.type, draft.emergency);
  let expires: string | undefined;
  if (show.certificateExpiresAt && draft.certificateExpiresAt) {
    expires = readWallTime(draft.certificateExpiresAt, draft.zone)?.instant;
    if (!expires) errors.certificateExpiresAt = 'invalid_time';
  }
  if (!draft.type || !start || !end || errors.selection || errors.title || errors.certificateExpiresAt)
    return { input: null, errors };
  // The server judges end-before-start itself (invalid_interval), so a check still goes out.
  if (errors.end && !forCheck) return { input: null, errors };
  const input: ChangeInput = {
    type: draft.type,
    title: title || '—',
    start: start.instant,
    end: end.instant,
  };
  const description = draft.description.trim();
  if (description) input.description = description;
  if (draft.customerIds.length) input.customerIds = draft.customerIds;
  if (draft.partnerIds.length) input.partnerIds = draft.partnerIds;
  if (draft.regions.length) input.regions = draft.regions;
  const versions = [...new Set(draft.versions.map((v) => v.trim()).filter(Boolean))];
  if (versions.length) input.versions = versions;
  if (show.reason && draft.reason) input.reason = draft.reason;
  if (show.emergencyReason && draft.emergencyReason) input.emergencyReason = draft.emergencyReason;
  if (expires) input.certificateExpiresAt = expires;
  if (show.emergency && draft.emergency) input.emergency = true;
  if (show.noImpact && draft.noImpact) input.noImpact = true;
  return { input, errors };
}

/** The field a server error path ('/customerIds/2', 'start') belongs to; `general` when none. */
export function fieldOfPath(path: string | undefined): (typeof DRAFT_FIELDS)[number] | 'general' {
  const key = (path ?? '').replace(/^\/+/, '').split(/[/.]/)[0] ?? '';
  return (DRAFT_FIELDS as readonly string[]).includes(key)
    ? (key as (typeof DRAFT_FIELDS)[number])
    : 'general';
}

/**
 * Typing zone changed: the walls are rewritten so the slot keeps its instants (a half-typed value
 * is kept as typed).
 */
export function switchZone<T extends { start: string; end: string; zone: string }>(slot: T, zone: string): T {
  const move = (wall: string) => {
    const reading = wall ? readWallTime(wall, slot.zone) : undefined;
    return reading ? toWallTime(reading.instant, zone) : wall;
  };
  return { ...slot, zone, start: move(slot.start), end: move(slot.end) };
}
