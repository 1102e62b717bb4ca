/**
 * The responsibilities matrix as answered by the API, written by hand from
 * src/server/modules/inventory/responsibilities.ts.
 */

export const RESPONSIBILITY_AREAS = [
  'support',
  'third_party',
  'survivability',
  'monitoring',
  'notifications',
  'maintenance',
  'changes',
  'patches',
  'capacity',
  'upgrades',
  'certificates',
  'backups',
  'disaster_recovery',
] as const;
export type ResponsibilityArea = (typeof RESPONSIBILITY_AREAS)[number];

export const RESPONSIBILITY_OWNERS = ['partner', 'provider', 'joint'] as const;
export type ResponsibilityOwner = (typeof RESPONSIBILITY_OWNERS)[number];

export interface Localized {
  en: string;
  es: string;
}

export interface Responsibility {
  id: string;
  area: ResponsibilityArea;
  owner: ResponsibilityOwner;
  title: Localized;
  detail: Localized;
  guideRef: string;
}

export interface ResponsibilityList {
  items: Responsibility[];
  areas: ResponsibilityArea[];
}

export const isResponsibilityArea = (value: unknown): value is ResponsibilityArea =>
  typeof value === 'string' && (RESPONSIBILITY_AREAS as readonly string[]).includes(value);

export const isResponsibilityOwner = (value: unknown): value is ResponsibilityOwner =>
  typeof value === 'string' && (RESPONSIBILITY_OWNERS as readonly string[]).includes(value);

/** The search of the /responsibilities page: what a deep link may carry. */
export interface ResponsibilitySearch {
  area?: ResponsibilityArea;
  owner?: ResponsibilityOwner;
  q?: string;
}

export function parseResponsibilitySearch(search: Record<string, unknown>): ResponsibilitySearch {
  const out: ResponsibilitySearch = {};
  if (isResponsibilityArea(search.area)) out.area = search.area;
  if (isResponsibilityOwner(search.owner)) out.owner = search.owner;
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.trim().slice(0, 200);
  return out;
}
