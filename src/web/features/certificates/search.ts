/**
 * What the certificates page's URL may carry. Kept apart from the page (the router imports it
 * eagerly, the page loads lazily) and free of React.
 */
import { STATUS_FILTERS, type StatusFilter } from './types.ts';

export interface CertificateSearch {
  status?: StatusFilter;
  customerId?: string;
  applicationId?: string;
  /** One certificate: where a renewal change links. */
  certificateId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const isStatusFilter = (value: unknown): value is StatusFilter =>
  typeof value === 'string' && (STATUS_FILTERS as readonly string[]).includes(value);

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseCertificateSearch(search: Record<string, unknown>): CertificateSearch {
  const out: CertificateSearch = {};
  if (isStatusFilter(search.status)) out.status = search.status;
  if (isUuid(search.customerId)) out.customerId = search.customerId;
  if (isUuid(search.applicationId)) out.applicationId = search.applicationId;
  if (isUuid(search.certificateId)) out.certificateId = search.certificateId;
  return out;
}
