// A region's holiday set as local date keys ('YYYY-MM-DD' → names), built per year from
// date-holidays (substitute/observed days included: date-holidays lists them as their own
// 'public' entries) plus the operator's extra and removed dates. Memoised per year: date-holidays
// takes milliseconds per year, a Map lookup nanoseconds.
import Holidays from 'date-holidays';
import type { HolidayPolicy } from './policy-document.ts';

export type HolidayLookup = (dateKey: string) => readonly string[] | undefined;

export function createHolidayLookup(config: HolidayPolicy | null): HolidayLookup {
  if (!config) return () => undefined;
  const source =
    config.country === null
      ? null
      : config.state
        ? new Holidays(config.country, config.state)
        : new Holidays(config.country);
  const types = new Set<string>(config.types);
  const removed = new Set(config.removedDates);
  const extraByYear = new Map<string, { date: string; name: string }[]>();
  for (const x of config.extraDates) {
    const y = x.date.slice(0, 4);
    const list = extraByYear.get(y) ?? [];
    list.push(x);
    extraByYear.set(y, list);
  }
  const years = new Map<string, Map<string, string[]>>();

  function buildYear(year: string): Map<string, string[]> {
    const map = new Map<string, string[]>();
    const add = (date: string, name: string) => {
      if (removed.has(date)) return;
      const names = map.get(date);
      if (!names) map.set(date, [name]);
      else if (!names.includes(name)) names.push(name);
    };
    if (source) {
      for (const h of source.getHolidays(Number(year), 'en')) {
        // h.date is the local calendar date of the country ('YYYY-MM-DD hh:mm:ss').
        if (types.has(h.type)) add(h.date.slice(0, 10), h.name);
      }
    }
    for (const x of extraByYear.get(year) ?? []) add(x.date, x.name);
    return map;
  }

  return (dateKey) => {
    const year = dateKey.slice(0, 4);
    let map = years.get(year);
    if (!map) {
      map = buildYear(year);
      years.set(year, map);
    }
    return map.get(dateKey);
  };
}
