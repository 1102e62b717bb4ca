/**
 * Disaster-recovery shapes as answered by the API, written by hand from
 * src/server/modules/disaster-recovery/disaster-recovery.schemas.ts.
 */
import type { Region } from '../../api/types.ts';
import type { BusinessSpan } from '../cases/types.ts';
import type { ApplicationKind } from '../inventory/types.ts';

export const DR_STATUSES = ['declared', 'restoring', 'restored', 'closed', 'withdrawn'] as const;
export type DrStatus = (typeof DR_STATUSES)[number];

export const DR_KINDS = ['application_failure', 'hardware_failure'] as const;
export type DrKind = (typeof DR_KINDS)[number];

export interface DrEvent {
  id: string;
  number: number;
  partnerId: string;
  customerId: string;
  customerName: string;
  /** Null once the application has been deleted (the event keeps its name and kind). */
  applicationId: string | null;
  applicationName: string;
  applicationKind: ApplicationKind;
  kind: DrKind;
  title: string | null;
  description: string;
  region: Region;
  status: DrStatus;
  declaredAt: string;
  declaredBy: string;
  targetAt: string | null;
  recoveredAt: string | null;
  closedAt: string | null;
  timeToRecoverMinutes: number | null;
  targetMet: boolean | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DrEventUpdate {
  id: string;
  previousStatus: DrStatus | null;
  status: DrStatus;
  statusChanged: boolean;
  message: string;
  author: string;
  at: string;
}

/** Why `targetAt` is what it is (application failures only). */
export interface DrTargetExplanation {
  region: Region;
  timeZone: string;
  businessDays: number;
  businessDayHours: number;
  countedFrom: string;
  dueAt: string;
  /** The policy core's explanation, the same shape as a support case's. */
  businessSpan: BusinessSpan;
}

export interface DrEventDetail extends DrEvent {
  targetExplanation: DrTargetExplanation | null;
  /** Oldest first. */
  updates: DrEventUpdate[];
  /** The statuses the caller may name in an update (its own = a message only); empty for partners. */
  nextStatuses: DrStatus[];
}

export interface DeclareDrEventBody {
  applicationId: string;
  kind: DrKind;
  description: string;
  title?: string;
  declaredAt?: string;
}

export interface DrEventUpdateBody {
  message: string;
  status?: DrStatus;
  recoveredAt?: string;
}
