/**
 * What the change list's and the reschedule queue's URLs may carry. Kept apart from the pages (the
 * router imports it eagerly, the pages load lazily) and free of React.
 */
import { REGIONS, type Region } from '../../api/types.ts';
import {
  CHANGE_STATUSES,
  CHANGE_TYPES,
  type ChangeStatus,
  type ChangeType,
  type RescheduleRequestStatus,
} from './types.ts';

export interface ChangeSearch {
  /** Left out: the open changes (scheduled, announced, under way); 'all' for every status. */
  status?: ChangeStatus | 'open' | 'all';
  type?: ChangeType;
  region?: Region;
  customerId?: string;
}

export interface RescheduleSearch {
  /** Left out: the role's default (open requests for the provider, all for partners). */
  status?: RescheduleRequestStatus | 'all';
}

export const RESCHEDULE_STATUSES: readonly RescheduleRequestStatus[] = [
  'open',
  'granted',
  'declined',
  'withdrawn',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** Unknown or malformed values are dropped, so a hand-edited URL never sends a 400-bound query. */
export function parseChangeSearch(search: Record<string, unknown>): ChangeSearch {
  const out: ChangeSearch = {};
  if (search.status === 'open' || search.status === 'all' || oneOf(CHANGE_STATUSES, search.status))
    out.status = search.status;
  if (oneOf(CHANGE_TYPES, search.type)) out.type = search.type;
  if (oneOf(REGIONS, search.region)) out.region = search.region;
  if (typeof search.customerId === 'string' && UUID.test(search.customerId))
    out.customerId = search.customerId;
  return out;
}

export function parseRescheduleSearch(search: Record<string, unknown>): RescheduleSearch {
  return search.status === 'all' || oneOf(RESCHEDULE_STATUSES, search.status)
    ? { status: search.status }
    : {};
}
