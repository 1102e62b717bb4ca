/**
 * Certificate shapes as answered by the API, written by hand from
 * src/server/modules/inventory/inventory.schemas.ts (Certificate, AddCertificateBody, RenewalBody).
 */

export const CERTIFICATE_KINDS = ['tomcat', 'callmanager', 'ipsec', 'capf', 'tvs', 'itl', 'other'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Most urgent first: the order of the legend, the filter and the chart's stacks (bottom up). */
export const CERTIFICATE_STATUSES = ['expired', 'overdue', 'due', 'soon', 'ok'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The list filter also takes `attention`: everything expired, overdue, due or soon. */
export const STATUS_FILTERS = ['attention', ...CERTIFICATE_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The renewal the daily certificate job proposed: a slot inside the window, or why there is none. */
export interface RenewalProposal {
  start: string | null;
  end: string | null;
  problem: string | null;
  proposedAt: string;
}

export interface Certificate {
  id: string;
  partnerId: string;
  customerId: string;
  customerName: string;
  applicationId: string;
  applicationName: string;
  kind: CertificateKind;
  subject: string;
  expiresAt: string;
  status: CertificateStatus;
  proposal: RenewalProposal | null;
  renewedAt: string | null;
}

export interface AddCertificateBody {
  applicationId: string;
  kind: CertificateKind;
  subject: string;
  expiresAt: string;
}

export interface RenewalBody {
  expiresAt: string;
}
