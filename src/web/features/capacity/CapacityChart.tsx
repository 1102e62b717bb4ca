import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CapacityLegend } from './badges.tsx';
import { barWidth, formatPercent, LEVEL_FILL, resourceUse, THRESHOLDS } from './format.ts';
import { CAPACITY_RESOURCES, type Capacity } from './types.ts';

/** Room above the rows for the threshold labels. */
const TOP = 18;
const NAME = 18;
const LINE = 14;
const BAR = 12;
const GAP = 6;
const RESOURCE = LINE + BAR + GAP;
const ROW = NAME + CAPACITY_RESOURCES.length * RESOURCE + 10;

/**
 * Capacity use per customer: for each resource a horizontal bar of what is provisioned over a grey
 * track standing for the entitlement, with the 80 % and 90 % thresholds marked on every bar. Plain
 * SVG drawn at the width it gets (as ComplianceChart); the table beside it carries the numbers.
 */
export function CapacityChart({ rows, label }: { rows: readonly Capacity[]; label: string }) {
  const { t } = useTranslation();
  const { ref, width: measured } = useElementSize();
  const W = Math.max(260, Math.round(measured) || 600);
  const height = TOP + rows.length * ROW;
  const maxChars = Math.max(12, Math.floor(W / 7.5));
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
          data-testid="capacity-chart"
        >
          {THRESHOLDS.map((threshold, i) => (
            <text
              key={threshold}
              x={(threshold / 100) * W + (i === 0 ? -3 : 3)}
              y={12}
              fontSize="11"
              fontWeight={600}
              textAnchor={i === 0 ? 'end' : 'start'}
              fill="var(--mantine-color-gray-8)"
            >
              {`${threshold} %`}
            </text>
          ))}
          {rows.map((row, i) => {
            const y = TOP + i * ROW;
            return (
              <g key={row.customerId} data-testid="chart-row" data-customer={row.customerName}>
                <text x={0} y={y + 13} fontSize="13" fontWeight={600} fill="var(--mantine-color-gray-9)">
                  {row.customerName.length > maxChars
                    ? `${row.customerName.slice(0, maxChars - 1)}…`
                    : row.customerName}
                </text>
                {CAPACITY_RESOURCES.map((resource, r) => {
                  const use = resourceUse(row, resource);
                  const top = y + NAME + r * RESOURCE;
                  const barY = top + LINE;
                  const name = t(`capacity.resourcesShort.${resource}`);
                  const numbers = t('capacity.chart.numbers', {
                    provisioned: use.provisioned,
                    entitled: use.entitled,
                    percent: formatPercent(use.percent),
                  });
                  return (
                    <g key={resource} data-resource={resource} data-level={use.level}>
                      <text x={0} y={top + 10} fontSize="11" fill="var(--mantine-color-gray-8)">
                        {name}
                      </text>
                      <text
                        x={W}
                        y={top + 10}
                        fontSize="11"
                        textAnchor="end"
                        fill="var(--mantine-color-gray-8)"
                      >
                        {numbers}
                      </text>
                      <rect
                        x={0.5}
                        y={barY + 0.5}
                        width={W - 1}
                        height={BAR - 1}
                        rx={2}
                        fill="var(--mantine-color-gray-1)"
                        stroke="#6b7280"
                      >
                        <title>{`${row.customerName} · ${name}: ${t('capacity.chart.entitled', { count: use.entitled })}`}</title>
                      </rect>
                      <rect
                        x={0}
                        y={barY}
                        width={barWidth(use.percent, W)}
                        height={BAR}
                        rx={2}
                        fill={LEVEL_FILL[use.level]}
                      >
                        <title>{`${row.customerName} · ${name}: ${numbers} · ${t(`capacity.levels.${use.level}`)}`}</title>
                      </rect>
                      {THRESHOLDS.map((threshold) => {
                        const x = (threshold / 100) * W;
                        return (
                          <g key={threshold}>
                            <line
                              x1={x}
                              x2={x}
                              y1={barY - 3}
                              y2={barY + BAR + 3}
                              stroke="#fff"
                              strokeWidth={4}
                            />
                            <line
                              x1={x}
                              x2={x}
                              y1={barY - 3}
                              y2={barY + BAR + 3}
                              stroke="#212529"
                              strokeWidth={2}
                            />
                          </g>
                        );
                      })}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption style={{ marginTop: 8 }}>
        <CapacityLegend />
      </figcaption>
    </figure>
  );
}
