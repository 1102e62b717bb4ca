import { Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { StatusLegend, StatusSwatch } from './badges.tsx';
import {
  formatDay,
  formatWeek,
  niceMax,
  STATUS_FILL,
  stackColumn,
  type Timeline,
  type TimelineBucket,
  totalOf,
} from './format.ts';
import { CERTIFICATE_STATUSES } from './types.ts';

const HEIGHT = 230;
/** The least room between two labels of the time axis. */
const LABEL_SPACING = 60;
/** Room above the plot for the "Today" marker, then for the column totals. */
const TOP = 34;
const BOTTOM = 40;
const LEFT = 30;

/** The label of a column or table row: "Expired", or the week's days in the viewer's zone. */
function useBucketLabel() {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  return (bucket: TimelineBucket) =>
    bucket.start === null ? t('certificates.timeline.expired') : formatWeek(bucket, zone, locale);
}

/**
 * Certificates on a time axis: a column of the expired ones, then one column per week ahead, each
 * stacked by status (most urgent at the bottom). Plain SVG drawn at the width it gets, like the
 * compliance chart; `TimelineTable` carries the same numbers for screen readers and for print.
 */
export function ExpiryTimeline({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const label = useBucketLabel();
  const { ref, width: measured } = useElementSize();
  const W = Math.max(300, Math.round(measured) || 640);
  const plotW = W - LEFT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const columns = timeline.buckets.length;
  const slot = plotW / columns;
  const bar = Math.max(6, Math.min(40, slot * 0.68));
  const scaleMax = niceMax(Math.max(1, ...timeline.buckets.map((b) => b.total)));
  // Every n-th week is labelled, so no two labels (nor the first one and "Expired") overlap.
  const every = Math.max(1, Math.ceil(LABEL_SPACING / slot));
  const baseline = TOP + plotH;
  const todayX = LEFT + slot;

  const summary = t('certificates.timeline.summary', {
    expired: timeline.totals.expired,
    overdue: timeline.totals.overdue,
    due: timeline.totals.due,
    soon: timeline.totals.soon,
    ok: timeline.totals.ok,
    weeks: columns - 1,
  });

  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref}>
        <svg
          viewBox={`0 0 ${W} ${HEIGHT}`}
          width={W}
          height={HEIGHT}
          style={{ display: 'block', maxWidth: '100%' }}
          role="img"
          aria-label={`${t('certificates.timeline.chartLabel')} ${summary}`}
          data-testid="expiry-timeline"
        >
          {[0, scaleMax / 2, scaleMax].map((value) => {
            const y = baseline - (value / scaleMax) * plotH;
            return (
              <g key={value}>
                <line x1={LEFT} x2={W} y1={y} y2={y} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
                <text
                  x={LEFT - 6}
                  y={y + 4}
                  fontSize="11"
                  textAnchor="end"
                  fill="var(--mantine-color-gray-8)"
                >
                  {Number.isInteger(value) ? value : ''}
                </text>
              </g>
            );
          })}
          <line
            x1={todayX}
            x2={todayX}
            y1={4}
            y2={baseline}
            stroke="var(--mantine-color-gray-8)"
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
          <text x={todayX + 4} y={13} fontSize="11" fontWeight={600} fill="var(--mantine-color-gray-9)">
            {t('certificates.timeline.today')}
          </text>
          {timeline.buckets.map((bucket, i) => {
            const x = LEFT + i * slot + (slot - bar) / 2;
            const top = baseline - (bucket.total / scaleMax) * plotH;
            const showLabel = i % every === 0;
            return (
              <g
                key={bucket.key}
                data-testid="timeline-column"
                data-bucket={bucket.key}
                data-total={bucket.total}
              >
                {stackColumn(bucket.counts, scaleMax, plotH).map((s) => (
                  <rect
                    key={s.status}
                    x={x}
                    y={baseline - s.y - s.height}
                    width={bar}
                    height={Math.max(1, s.height)}
                    fill={STATUS_FILL[s.status]}
                    stroke="#fff"
                    strokeWidth={1}
                    data-status={s.status}
                  >
                    <title>{`${label(bucket)} · ${t(`certificates.statuses.${s.status}`)}: ${s.count}`}</title>
                  </rect>
                ))}
                {bucket.total > 0 && (
                  <text
                    x={x + bar / 2}
                    y={top - 4}
                    fontSize="11"
                    fontWeight={700}
                    textAnchor="middle"
                    fill="var(--mantine-color-gray-9)"
                  >
                    {bucket.total}
                  </text>
                )}
                {showLabel && (
                  <text
                    x={x + bar / 2}
                    y={baseline + 16}
                    fontSize="11"
                    textAnchor="middle"
                    fill="var(--mantine-color-gray-8)"
                    fontWeight={i === 0 ? 600 : 400}
                  >
                    {i === 0
                      ? t('certificates.timeline.expiredShort')
                      : bucket.start !== null
                        ? formatDay(bucket.start, zone, locale)
                        : ''}
                  </text>
                )}
              </g>
            );
          })}
          <line
            x1={LEFT}
            x2={W}
            y1={baseline}
            y2={baseline}
            stroke="var(--mantine-color-gray-6)"
            strokeWidth={1}
          />
          <text x={W} y={HEIGHT - 4} fontSize="11" textAnchor="end" fill="var(--mantine-color-gray-8)">
            {t('certificates.timeline.axis')}
          </text>
        </svg>
      </div>
      <figcaption style={{ marginTop: 8 }}>
        <Text size="sm" mb={6} data-testid="timeline-summary">
          {summary}
        </Text>
        <StatusLegend />
      </figcaption>
    </figure>
  );
}

/** The chart's numbers: a row per column that has certificates (expired, then the weeks), a column per status. */
export function TimelineTable({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const label = useBucketLabel();
  return (
    <TableScroll minWidth={560} label={t('certificates.timeline.tableLabel')}>
      <Table verticalSpacing={4} fz="sm" data-testid="timeline-table">
        <Table.Caption>{t('certificates.timeline.tableCaption', { zone })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificates.timeline.period')}</Table.Th>
            {CERTIFICATE_STATUSES.map((status) => (
              <Table.Th key={status} ta="right" style={{ whiteSpace: 'nowrap' }}>
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                  <StatusSwatch status={status} />
                  {t(`certificates.statuses.${status}`)}
                </span>
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('certificates.timeline.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {timeline.buckets
            .filter((bucket) => bucket.total > 0)
            .map((bucket) => (
              <Table.Tr key={bucket.key} data-testid="timeline-row" data-bucket={bucket.key}>
                <Table.Th scope="row" fw={bucket.total > 0 ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
                  {label(bucket)}
                </Table.Th>
                {CERTIFICATE_STATUSES.map((status) => (
                  <Table.Td key={status} ta="right" data-status={status}>
                    {bucket.counts[status]}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600} data-status="total">
                  {bucket.total}
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('certificates.timeline.total')}</Table.Th>
            {CERTIFICATE_STATUSES.map((status) => (
              <Table.Td key={status} ta="right" fw={600}>
                {timeline.totals[status]}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700}>
              {totalOf(timeline.totals)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}
