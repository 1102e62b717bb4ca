import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { TierLegend } from './badges.tsx';
import { formatShare, shareOnN, stackSegments, TIER_FILL, totalOf } from './format.ts';
import type { TierCounts } from './types.ts';

export interface ChartRow {
  id: string;
  label: string;
  tiers: TierCounts;
}

const ROW = 50;
const BAR = 22;
const TOP = 4;
/** Room kept on the right of a row's name for "82 % on n of 39". */
const SHARE_TEXT = 130;

/**
 * Applications by tier, one horizontal stacked bar per row (partner or customer), n first, so the
 * green part reads as "already compliant". Plain SVG drawn at the width it gets (so its text stays
 * at its size); the table beside it carries the numbers.
 */
export function ComplianceChart({
  rows,
  label,
  testId,
}: {
  rows: ChartRow[];
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { ref, width: measured } = useElementSize();
  const W = Math.max(260, Math.round(measured) || 600);
  const height = TOP + rows.length * ROW;
  const maxChars = Math.max(12, Math.floor((W - SHARE_TEXT) / 7.5));
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref}>
        <svg
          viewBox={`0 0 ${W} ${height}`}
          width={W}
          height={height}
          style={{ display: 'block', maxWidth: '100%' }}
          role="img"
          aria-label={label}
          data-testid={testId}
        >
          {rows.map((row, i) => {
            const y = TOP + i * ROW;
            const total = totalOf(row.tiers);
            return (
              <g key={row.id} data-testid="chart-row">
                <text x={0} y={y + 13} fontSize="13" fontWeight={600} fill="var(--mantine-color-gray-9)">
                  {row.label.length > maxChars ? `${row.label.slice(0, maxChars - 1)}…` : row.label}
                </text>
                <text x={W} y={y + 13} fontSize="12" textAnchor="end" fill="var(--mantine-color-gray-8)">
                  {t('inventory.chart.onN', { share: formatShare(shareOnN(row.tiers)), total })}
                </text>
                <rect x={0} y={y + 19} width={W} height={BAR} rx={3} fill="var(--mantine-color-gray-2)" />
                {stackSegments(row.tiers, W).map((s) => (
                  <g key={s.tier}>
                    <rect
                      x={s.x}
                      y={y + 19}
                      width={Math.max(1, s.width)}
                      height={BAR}
                      fill={TIER_FILL[s.tier]}
                      stroke="#fff"
                      strokeWidth={1}
                    >
                      <title>{`${row.label} · ${t(`inventory.tiers.${s.tier}`)}: ${s.count}`}</title>
                    </rect>
                    {s.width >= 26 && (
                      <text
                        x={s.x + s.width / 2}
                        y={y + 19 + BAR / 2 + 4}
                        textAnchor="middle"
                        fontSize="12"
                        fontWeight={700}
                        fill="#fff"
                      >
                        {s.count}
                      </text>
                    )}
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption style={{ marginTop: 8 }}>
        <TierLegend />
      </figcaption>
    </figure>
  );
}
