import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { formatInstant } from '../../components/time.ts';
import {
  formatClock,
  formatDay,
  formatDuration,
  formatOffset,
  formatShortInstant,
  targetText,
  toIso,
} from './format.ts';
import type { BusinessSpan, DueExplanation, SeverityChangeExplanation, SkippedPeriod } from './types.ts';

function Skipped({ period, zone }: { period: SkippedPeriod; zone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (period.kind === 'night')
    return (
      <>
        {t('cases.explain.night', {
          from: formatShortInstant(period.from, zone, locale),
          to: formatShortInstant(period.to, zone, locale),
        })}
      </>
    );
  if (period.kind === 'weekend')
    return <>{t('cases.explain.weekend', { day: formatDay(period.date, locale) })}</>;
  return (
    <>{t('cases.explain.holiday', { day: formatDay(period.date, locale), names: period.names.join(', ') })}</>
  );
}

/** Business days: what was counted per day, and the nights, weekends, holidays and clock changes skipped. */
export function Span({ span }: { span: BusinessSpan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = span.timeZone;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('cases.explain.businessSpan', {
          duration: formatDuration(span.businessMs ?? (span.businessMinutes ?? 0) * 60_000),
          zone,
        })}
      </Text>
      <Title order={3} fz="sm">
        {t('cases.explain.counted')}
      </Title>
      <List size="sm" spacing={2} data-testid="due-counted">
        {span.counted.map((c) => (
          <List.Item key={c.date}>
            {t('cases.explain.countedDay', {
              day: formatDay(c.date, locale),
              from: formatClock(c.from, zone, locale),
              to: formatClock(c.to, zone, locale),
              duration: formatDuration(new Date(c.to).getTime() - new Date(c.from).getTime()),
            })}
          </List.Item>
        ))}
      </List>
      {span.skipped.length > 0 && (
        <>
          <Title order={3} fz="sm">
            {t('cases.explain.skipped')}
          </Title>
          <List size="sm" spacing={2} data-testid="due-skipped">
            {span.skipped.map((p) => (
              <List.Item key={`${p.kind}-${'date' in p ? p.date : toIso(p.from)}`}>
                <Skipped period={p} zone={zone} />
              </List.Item>
            ))}
          </List>
        </>
      )}
      {span.offsetShifts.map((s) => (
        <Text size="sm" key={toIso(s.at)}>
          {t('cases.explain.clockChange', {
            at: formatInstant(toIso(s.at), zone, locale),
            from: formatOffset(s.offsetBeforeMinutes),
            to: formatOffset(s.offsetAfterMinutes),
          })}
        </Text>
      ))}
    </Stack>
  );
}

function SeverityChange({ change }: { change: SeverityChangeExplanation }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const at = (v: string | number) => formatInstant(toIso(v), zone, locale);
  const values = {
    from: t(`severity.${change.from}`),
    to: t(`severity.${change.to}`),
    changedAt: at(change.changedAt),
    previous: at(change.previousDueAt),
    candidate: at(change.candidateDueAt),
  };
  return <Text size="sm">{t(`cases.explain.change_${change.direction}`, values)}</Text>;
}

/** The "Why this due time?" panel: the server's explanation of `responseDueAt`, as sentences. */
export function DueExplanationPanel({ explanation }: { explanation: DueExplanation }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const at = (v: string | number) => formatInstant(toIso(v), zone, locale);
  return (
    <Stack gap="sm" data-testid="due-explanation">
      <Text size="sm">
        {t('cases.explain.target', {
          severity: t(`severity.${explanation.severity}`),
          region: t(`regions.${explanation.region}`),
          target: targetText(explanation.target, t),
        })}{' '}
        {explanation.clock === '24x7' ? t('cases.explain.clock24x7') : t('cases.explain.clockBusiness')}
      </Text>
      <Text size="sm">
        {t('cases.explain.countedFrom', { from: at(explanation.countedFrom), due: at(explanation.dueAt) })}
      </Text>
      {explanation.severityChange && <SeverityChange change={explanation.severityChange} />}
      {explanation.businessSpan && <Span span={explanation.businessSpan} />}
    </Stack>
  );
}
