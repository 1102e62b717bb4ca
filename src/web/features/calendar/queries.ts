import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { usePolicy } from '../../api/policy.ts';
import { type Page, REGIONS, type Region, type User } from '../../api/types.ts';
import { isProvider } from '../../app/permissions.ts';
import type { Change } from '../changes/types.ts';

/** The zones of the spec's defaults: used until the policy document has answered. */
export const DEFAULT_REGION_ZONES: Record<Region, string> = {
  AMER: 'America/New_York',
  APJC: 'Asia/Tokyo',
  AUS: 'Australia/Sydney',
  EMEA: 'Europe/Paris',
};

/** Each region's time zone as the active policy document sets it. */
export function useRegionZones(): Record<Region, string> {
  const regions = usePolicy().data?.regions;
  const zones = { ...DEFAULT_REGION_ZONES };
  for (const region of REGIONS) {
    const zone = regions?.[region]?.timeZone;
    if (typeof zone === 'string') zones[region] = zone;
  }
  return zones;
}

/**
 * The regions the viewer's customers are in (the provider: all four). One small question per region,
 * so it stays cheap for a partner with thousands of customers.
 */
export function useViewerRegions(user: User): { regions: Region[]; pending: boolean } {
  const provider = isProvider(user.role);
  const results = useQueries({
    queries: REGIONS.map((region) => ({
      queryKey: ['customers', 'region-present', region],
      queryFn: () => api.get<Page<unknown>>('/customers', { region, active: true, limit: 1 }),
      enabled: !provider,
      staleTime: 5 * 60_000,
    })),
  });
  if (provider) return { regions: [...REGIONS], pending: false };
  const pending = results.some((r) => r.isPending);
  return {
    regions: REGIONS.filter((_, i) => (results[i]?.data?.items.length ?? 0) > 0),
    pending,
  };
}

export interface MaintenanceWindow {
  start: string;
  end: string;
  kind: 'weekday' | 'weekend';
}

export interface RegionWindow extends MaintenanceWindow {
  region: Region;
}

/** The windows of the regions shown that start in [from, to). */
export function useWindows(regions: readonly Region[], from: string, to: string) {
  const results = useQueries({
    queries: regions.map((region) => ({
      queryKey: ['maintenance-windows', region, from, to],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<{ items: MaintenanceWindow[] }>('/maintenance-windows', { region, from, to }, signal),
      staleTime: 60 * 60_000,
    })),
  });
  const windows: RegionWindow[] = results.flatMap((r, i) => {
    const region = regions[i];
    return region && r.data ? r.data.items.map((w) => ({ ...w, region })) : [];
  });
  return {
    windows,
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}

/** At most this many pages of 200 are read for one period: far beyond a real month. */
const MAX_PAGES = 10;

/** Every change overlapping [from, to), in scope, by start. */
export function useChangesBetween(from: string, to: string) {
  return useQuery({
    queryKey: ['changes', 'calendar', from, to],
    queryFn: async ({ signal }) => {
      const items: Change[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer: Page<Change> = await api.get<Page<Change>>(
          '/changes',
          { from, to, limit: 200, cursor: cursor ?? undefined },
          signal,
        );
        items.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
    placeholderData: keepPreviousData,
  });
}
