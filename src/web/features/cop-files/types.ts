/**
 * COP file service request shapes as answered by the API, written by hand from
 * src/server/modules/inventory/cop-requests.schemas.ts.
 */
import type { Region } from '../../api/types.ts';
import type { EmergencyReason } from '../changes/types.ts';
import type { ApplicationKind } from '../inventory/types.ts';

export const COP_PACKAGES = ['phone_firmware', 'locale', 'device_pack', 'fix', 'other'] as const;
export type CopPackage = (typeof COP_PACKAGES)[number];

export const COP_STATUSES = ['requested', 'uploaded', 'installed', 'rejected', 'cancelled'] as const;
export type CopStatus = (typeof COP_STATUSES)[number];

export const CHECKSUM_ALGORITHMS = ['sha256', 'sha512', 'md5'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** Hexadecimal digits of each checksum (the server checks the same). */
export const CHECKSUM_LENGTH: Record<ChecksumAlgorithm, number> = { md5: 32, sha256: 64, sha512: 128 };

/** The applications COP files install on; Expressway takes none (its packages are .tlp). */
export const COP_APPLICATION_KINDS: readonly ApplicationKind[] = ['cucm', 'cucxn', 'imp', 'cer', 'sme'];

export interface CopUpload {
  sftpPath: string;
  checksumAlgorithm: ChecksumAlgorithm;
  checksum: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface CopRequest {
  id: string;
  number: number;
  partnerId: string;
  customerId: string;
  customerName: string;
  applicationId: string;
  applicationName: string;
  package: CopPackage;
  fileName: string;
  reason: string;
  status: CopStatus;
  upload: CopUpload | null;
  installedAt: string | null;
  installedBy: string | null;
  /** The reason given when it was turned down or withdrawn. */
  closingReason: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface CopRequestBody {
  applicationId: string;
  package: CopPackage;
  fileName: string;
  reason: string;
}

export interface UploadBody {
  fileName?: string;
  sftpPath: string;
  checksumAlgorithm: ChecksumAlgorithm;
  checksum: string;
}

/**
 * POST /cop-installs (src/server/modules/changes/changes.schemas.ts, CopInstallBody): the provider
 * installs a COP file on the customers the selection names (the union of every selector).
 */
export interface CopInstallBody {
  fileName: string;
  title?: string;
  description?: string;
  /** The next provider window, without notice; needs `emergencyReason`. */
  emergency?: boolean;
  emergencyReason?: EmergencyReason;
  /** 15–600; the server takes 60 when left out. */
  durationMinutes?: number;
  /** Not before this instant (ISO); the earliest allowed slot from now when left out. */
  after?: string;
  customerIds?: string[];
  partnerIds?: string[];
  regions?: Region[];
  versions?: string[];
}

/** The server's file-name rule (CopInstallBody.fileName): .cop, .cop.sgn or .cop.sha512. */
export const COP_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*\.cop(\.sgn|\.sha512)?$/;
