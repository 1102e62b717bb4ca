/**
 * The provider's COP install form (POST /cop-installs): its state, the local checks before anything
 * goes to the server, the body it sends, and where the server's 422 `errors[].path` lands. Pure, no
 * React.
 */
import type { Region } from '../../api/types.ts';
import { readWallTime } from '../changes/local-time.ts';
import type { EmergencyReason } from '../changes/types.ts';
import { COP_FILE_NAME, type CopInstallBody } from './types.ts';

export interface CopInstallDraft {
  fileName: string;
  customerIds: string[];
  partnerIds: string[];
  regions: Region[];
  versions: string[];
  emergency: boolean;
  emergencyReason: EmergencyReason | null;
  /** Minutes, or '' while the box is empty. */
  durationMinutes: number | '';
  /** 'YYYY-MM-DDTHH:mm' on the viewer's wall clock, or '' for "as soon as the rules allow". */
  after: string;
  title: string;
  description: string;
}

export const EMPTY_COP_INSTALL: CopInstallDraft = {
  fileName: '',
  customerIds: [],
  partnerIds: [],
  regions: [],
  versions: [],
  emergency: false,
  emergencyReason: null,
  durationMinutes: 60,
  after: '',
  title: '',
  description: '',
};

/** The server's bounds on the install's length (CopInstallBody.durationMinutes). */
export const COP_DURATION = { min: 15, max: 600 } as const;

/** The form's fields in the order they appear; server error paths map onto these. */
export const COP_INSTALL_FIELDS = [
  'fileName',
  'customerIds',
  'partnerIds',
  'regions',
  'versions',
  'emergency',
  'emergencyReason',
  'durationMinutes',
  'after',
  'title',
  'description',
] as const;
export type CopInstallField = (typeof COP_INSTALL_FIELDS)[number];

export type CopInstallErrorCode =
  | 'required'
  | 'cop_file_name'
  | 'no_selection'
  | 'emergency_reason_required'
  | 'duration_range'
  | 'invalid_time';

/** Is the file name one the server takes (checked as the user leaves the box, and on sending)? */
export function fileNameError(fileName: string): CopInstallErrorCode | undefined {
  const name = fileName.trim();
  if (!name) return 'required';
  return name.length >= 5 && name.length <= 255 && COP_FILE_NAME.test(name) ? undefined : 'cop_file_name';
}

/**
 * The body of POST /cop-installs, or the fields that stop it (by field: the first problem). The
 * "not before" wall time is read in `zone`, the viewer's; selectors left empty are not sent.
 */
export function copInstallBody(
  draft: CopInstallDraft,
  zone: string,
): { body: CopInstallBody | null; errors: Partial<Record<CopInstallField, CopInstallErrorCode>> } {
  const errors: Partial<Record<CopInstallField, CopInstallErrorCode>> = {};
  const fileName = fileNameError(draft.fileName);
  if (fileName) errors.fileName = fileName;
  const selected =
    draft.customerIds.length + draft.partnerIds.length + draft.regions.length + draft.versions.length;
  if (selected === 0) errors.customerIds = 'no_selection';
  if (draft.emergency && !draft.emergencyReason) errors.emergencyReason = 'emergency_reason_required';
  const duration = draft.durationMinutes;
  if (duration === '') errors.durationMinutes = 'required';
  else if (!Number.isInteger(duration) || duration < COP_DURATION.min || duration > COP_DURATION.max)
    errors.durationMinutes = 'duration_range';
  const after = draft.after ? readWallTime(draft.after, zone) : undefined;
  if (draft.after && !after) errors.after = 'invalid_time';
  if (Object.keys(errors).length > 0) return { body: null, errors };

  const versions = [...new Set(draft.versions.map((v) => v.trim()).filter(Boolean))];
  const body: CopInstallBody = {
    fileName: draft.fileName.trim(),
    ...(draft.customerIds.length ? { customerIds: draft.customerIds } : {}),
    ...(draft.partnerIds.length ? { partnerIds: draft.partnerIds } : {}),
    ...(draft.regions.length ? { regions: draft.regions } : {}),
    ...(versions.length ? { versions } : {}),
    ...(draft.emergency ? { emergency: true, emergencyReason: draft.emergencyReason ?? undefined } : {}),
    durationMinutes: duration as number,
    ...(after ? { after: after.instant } : {}),
    ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
  };
  return { body, errors };
}

/**
 * The field a server error path names ('customerIds.2' → 'customerIds'), or 'general' for paths the
 * form has no field for (the slot's 'start' and 'end', which the server chose itself).
 */
export function copInstallFieldOf(path: string | undefined): CopInstallField | 'general' {
  const key = (path ?? '').replace(/^\/+/, '').split(/[/.]/)[0] ?? '';
  return (COP_INSTALL_FIELDS as readonly string[]).includes(key) ? (key as CopInstallField) : 'general';
}
