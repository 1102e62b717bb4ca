/**
 * Pure helpers of the capacity screens: level colours, chart geometry, the 409 "beyond the
 * entitlement" answer read per field, and the list query. No React here.
 */
import type { FieldError } from '../../api/problem.ts';
import type { CapacitySearch } from './search.ts';
import type {
  Capacity,
  CapacityLevel,
  CapacityResource,
  ExpansionStatus,
  ResourceField,
  ResourceUse,
} from './types.ts';
import { CAPACITY_RESOURCES, RESOURCE_FIELDS } from './types.ts';

/** The thresholds (percent of the entitlement) at which the partner is notified. */
export const THRESHOLDS = [80, 90] as const;

/** Mantine colour of each level's badge: ok green, 80 % yellow, 90 % orange, over red. */
export const LEVEL_COLOR: Record<CapacityLevel, 'green' | 'yellow' | 'orange' | 'red'> = {
  ok: 'green',
  warning80: 'yellow',
  warning90: 'orange',
  over: 'red',
};

/** Dark text shades for light badges, so each keeps at least 4.5:1 contrast. */
export const LEVEL_TEXT: Record<CapacityLevel, string> = {
  ok: '#1e5c2b',
  warning80: '#5c4000',
  warning90: '#8f3108',
  over: '#9b1c1c',
};

/** Bar fills with at least 3:1 contrast against white (WCAG non-text contrast). */
export const LEVEL_FILL: Record<CapacityLevel, string> = {
  ok: '#2b8a3e',
  warning80: '#9a7400',
  warning90: '#e8590c',
  over: '#a51d2d',
};

export const EXPANSION_COLOR: Record<ExpansionStatus, 'blue' | 'grape' | 'teal' | 'gray'> = {
  requested: 'blue',
  planned: 'grape',
  completed: 'teal',
  cancelled: 'gray',
};

export const EXPANSION_TEXT: Record<ExpansionStatus, string> = {
  requested: '#1a4d80',
  planned: '#652079',
  completed: '#0a5c44',
  cancelled: '#343a40',
};

export const resourceUse = (capacity: Capacity, resource: CapacityResource): ResourceUse =>
  capacity[RESOURCE_FIELDS[resource]];

/** The higher of the two resources' use, in percent. */
export const highestPercent = (capacity: Capacity): number =>
  Math.max(capacity.knowledgeWorkers.percent, capacity.workspaceDevices.percent);

/** Customers using the most of their capacity first (then by name, as the API lists them). */
export function byUse(items: readonly Capacity[]): Capacity[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => highestPercent(b.item) - highestPercent(a.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** The width of a bar showing `percent` of the entitlement over `width` (clamped to the track). */
export function barWidth(percent: number, width: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  return (Math.min(percent, 100) / 100) * width;
}

/** "82.4 %", "100 %": one decimal only when there is one. */
export function formatPercent(percent: number): string {
  const rounded = Math.round(percent * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} %`;
}

/** The list query for the page's search (only what the API takes). */
export function capacityQuery(search: CapacitySearch) {
  return { customerId: search.customerId, partnerId: search.partnerId, attention: search.attention };
}

export const hasFilters = (search: CapacitySearch): boolean => Object.keys(search).length > 0;

const ENTITLEMENT = /entitlement of (\d+)/;

/**
 * The 409 `capacity_exceeded` answer, per field: the entitlement each refused count is above. The
 * server's message names it; when it cannot be read, the entitlement the page shows is used.
 */
export function exceededFields(
  errors: readonly FieldError[],
  shown: Partial<Record<ResourceField, number>>,
): Partial<Record<ResourceField, number>> {
  const out: Partial<Record<ResourceField, number>> = {};
  for (const error of errors) {
    if (error.code !== 'capacity_exceeded') continue;
    const field = CAPACITY_RESOURCES.map((r) => RESOURCE_FIELDS[r]).find((f) => f === error.path);
    if (!field) continue;
    const named = ENTITLEMENT.exec(error.message)?.[1];
    const entitled = named === undefined ? shown[field] : Number(named);
    if (entitled !== undefined) out[field] = entitled;
  }
  return out;
}

/** The counts to send: only those that changed (the API wants at least one). */
export function changedCounts(
  capacity: Capacity,
  wanted: Partial<Record<ResourceField, number | ''>>,
): Partial<Record<ResourceField, number>> {
  const out: Partial<Record<ResourceField, number>> = {};
  for (const resource of CAPACITY_RESOURCES) {
    const field = RESOURCE_FIELDS[resource];
    const value = wanted[field];
    if (typeof value === 'number' && value !== capacity[field].provisioned) out[field] = value;
  }
  return out;
}

/** A count typed into a field: a whole number from 0 to 1,000,000, else null. */
export function validCount(value: number | string | undefined): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  return value >= 0 && value <= 1_000_000 ? value : null;
}
