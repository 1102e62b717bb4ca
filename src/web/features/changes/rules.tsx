import { Badge, Group, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.ts';
import { isApiError } from '../../api/problem.ts';
import { REGIONS, type Region } from '../../api/types.ts';
import { DEFAULT_REGION_ZONES } from '../calendar/queries.ts';
import type { ChangePolicy } from './queries.ts';
import type { Violation } from './types.ts';

const isRegion = (value: string | undefined): value is Region =>
  value !== undefined && (REGIONS as readonly string[]).includes(value);

/**
 * The region a rule names: the check's and the 422 entry's `region`; only where an answer gives none
 * (an older server), the "EMEA: …" prefix of its message.
 */
export function violationRegion(v: { region?: string | undefined; message: string }): Region | undefined {
  if (v.region) return isRegion(v.region) ? v.region : undefined;
  const prefix = /^([A-Z]{3,4}):/.exec(v.message)?.[1];
  return isRegion(prefix) ? prefix : undefined;
}

/**
 * A broken rule (or a refused request) in the reader's language, with the policy's own numbers;
 * codes the screens do not know fall back to the app's error texts, then to the server's words.
 */
export function ruleText(
  t: TFunction,
  policy: ChangePolicy | undefined,
  code: string,
  fallback: string,
  region?: Region,
): string {
  const windows = region ? policy?.regions[region]?.windows : undefined;
  const values = {
    window: windows ? `${windows.start}–${windows.end}` : '21:00–06:00',
    zone: region ? (policy?.regions[region]?.timeZone ?? DEFAULT_REGION_ZONES[region]) : '',
    days: policy?.changes.noticeBusinessDays ?? 10,
    min: policy?.changes.certificateWindowDays.min ?? 3,
    max: policy?.changes.certificateWindowDays.max ?? 7,
    chars: policy?.changes.reschedule.minReasonLength ?? 20,
    ahead: policy?.changes.reschedule.upgradeMinDaysAhead ?? 7,
  };
  return t(`changes.rules.${code}`, {
    ...values,
    defaultValue: t(`errors.${code}`, { defaultValue: fallback }),
  });
}

export function useRuleText() {
  const { t } = useTranslation();
  const policy = usePolicy();
  return (v: { code: string; message: string; region?: string | undefined }) =>
    ruleText(t, policy.data, v.code, v.message, violationRegion(v));
}

/** Each broken rule on its own line, the region it is broken in first. */
export function ViolationList({ violations, testId }: { violations: Violation[]; testId?: string }) {
  const text = useRuleText();
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={6} data-testid={testId}>
      {violations.map((v) => {
        const region = violationRegion(v);
        return (
          <List.Item key={`${v.code}-${region ?? ''}-${v.message}`} data-code={v.code} data-region={region}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              {region && (
                <Badge
                  variant="outline"
                  color="gray.8"
                  size="sm"
                  style={{ flex: 'none' }}
                  title={t(`regions.${region}`)}
                >
                  {region}
                </Badge>
              )}
              <Text size="sm">{text(v)}</Text>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}

/** The rule errors of a refused write (a 422 naming rules), as violations; empty for anything else. */
export function violationsOf(error: unknown): Violation[] {
  if (!isApiError(error) || error.status !== 422) return [];
  return (error.problem.errors ?? []).map((e) => {
    const region = violationRegion(e);
    return { code: e.code, message: e.message, ...(region ? { region } : {}) };
  });
}
