import type { Locale } from '../../api/types.ts';
import type { Responsibility, ResponsibilitySearch } from './types.ts';

/** Lower case without accents, so "gestion" finds "gestión" and "Backup" finds "backups". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The entries matching the filters, in the matrix's order. The text search looks at the title and
 * detail in the user's language and at the guide reference; every word must appear.
 */
export function filterResponsibilities(
  items: readonly Responsibility[],
  search: ResponsibilitySearch,
  locale: Locale,
): Responsibility[] {
  const words = foldText(search.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return items.filter((r) => {
    if (search.area && r.area !== search.area) return false;
    if (search.owner && r.owner !== search.owner) return false;
    if (words.length === 0) return true;
    const haystack = foldText(`${r.title[locale]} ${r.detail[locale]} ${r.guideRef}`);
    return words.every((word) => haystack.includes(word));
  });
}
