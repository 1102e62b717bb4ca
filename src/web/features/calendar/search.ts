/**
 * What the calendar's URL may carry (view, a day in the period, the zone, the regions shown). Kept
 * apart from the page (the router imports it eagerly, the page loads lazily) and free of React.
 */
import { REGIONS, type Region } from '../../api/types.ts';
import { isValidTimeZone } from '../../components/time.ts';
import type { CalendarView } from './layout.ts';

export interface CalendarSearch {
  view?: CalendarView;
  /** A day of the period shown, YYYY-MM-DD (today when absent). */
  date?: string;
  /** The zone the calendar is drawn in (the viewer's own when absent). */
  zone?: string;
  /** The regions whose windows are shown, comma-separated ('EMEA,AMER'); 'none' for none. */
  regions?: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Unknown or malformed values are dropped, so a hand-edited URL still opens a calendar. */
export function parseCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const out: CalendarSearch = {};
  if (search.view === 'month' || search.view === 'week') out.view = search.view;
  if (typeof search.date === 'string' && DATE.test(search.date)) out.date = search.date;
  if (typeof search.zone === 'string' && search.zone.length <= 64 && isValidTimeZone(search.zone))
    out.zone = search.zone;
  if (typeof search.regions === 'string') {
    const regions = parseRegions(search.regions);
    if (regions) out.regions = regions.length === 0 ? 'none' : regions.join(',');
  }
  return out;
}

/** The regions of the URL's list, in the usual order; null when the value names none validly. */
export function parseRegions(value: string | undefined): Region[] | null {
  if (value === undefined) return null;
  if (value === 'none') return [];
  const named = new Set(value.split(','));
  const regions = REGIONS.filter((r) => named.has(r));
  return regions.length > 0 ? regions : null;
}
