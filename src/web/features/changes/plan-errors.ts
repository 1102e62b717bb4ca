import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.ts';
import { isApiError } from '../../api/problem.ts';
import { ruleText, violationRegion } from './rules.tsx';

/**
 * The problem of a write that plans a change for the provider (a COP install, a campaign's upgrades,
 * a certificate renewal), in words: the feature's own text for a code first (`<ns>.errors.<code>`),
 * then the scheduling rule's (`changes.rules.<code>`, with the policy's numbers), the app's, else the
 * server's message. An error whose path names one of `fields` (or an item of it: `customerIds.2`)
 * goes on that field; the rest, and codes listed in `generalCodes`, go to `general`, region first.
 */
export function usePlanErrors(
  ns: string,
  error: unknown,
  fields: readonly string[] = [],
  options: { generalCodes?: readonly string[]; values?: Record<string, unknown> } = {},
) {
  const { t } = useTranslation();
  const policy = usePolicy();
  const byField: Record<string, string> = {};
  const general: string[] = [];
  const text = (code: string | undefined, message: string, named?: string) => {
    if (!code) return message;
    const region = violationRegion({ region: named, message });
    const rule = ruleText(t, policy.data, code, message, region);
    const own = t(`${ns}.errors.${code}`, { ...options.values, defaultValue: rule });
    return region && !own.startsWith(region) ? `${region}: ${own}` : own;
  };
  if (isApiError(error)) {
    const items = error.problem.errors ?? [];
    for (const item of items) {
      const key = (item.path ?? '').replace(/^\/+/, '').split(/[/.]/)[0] ?? '';
      const words = text(item.code, item.message, item.region);
      if (fields.includes(key) && !options.generalCodes?.includes(item.code)) byField[key] ??= words;
      else general.push(words);
    }
    if (items.length === 0)
      general.push(text(error.problem.code, error.problem.detail ?? error.problem.title));
  } else if (error) {
    general.push(error instanceof Error ? error.message : String(error));
  }
  return {
    field: (name: string): string | undefined => byField[name],
    general: [...new Set(general)],
    requestId: isApiError(error) ? error.problem.requestId : undefined,
  };
}
