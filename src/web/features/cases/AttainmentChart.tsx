import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/session.ts';
import { Swatch } from '../../components/swatch.tsx';
import { formatMonth } from './format.ts';
import { type AttainmentReport, SEVERITIES, type Severity } from './types.ts';

/** Bar colours with at least 3:1 contrast against white (WCAG non-text contrast). */
export const SEVERITY_FILL: Record<Severity, string> = {
  S1: 'var(--mantine-color-red-9)',
  S2: 'var(--mantine-color-orange-8)',
  S3: '#9a7400',
  S4: 'var(--mantine-color-gray-7)',
};

const W = 720;
const H = 260;
const PAD = { left: 44, right: 12, top: 16, bottom: 36 };

function Legend({ report }: { report: AttainmentReport }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {SEVERITIES.map((s) => (
        <Group key={s} gap={6} wrap="nowrap">
          <Swatch color={SEVERITY_FILL[s]} />
          <Text size="xs">{t(`severity.${s}`)}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <span
          style={{ width: 18, borderTop: '2px dashed var(--mantine-color-teal-9)', display: 'inline-block' }}
        />
        <Text size="xs">
          {t('attainment.targetLine', {
            target: Math.round(report.target * 100),
            severities: report.targetSeverities.join(', '),
          })}
        </Text>
      </Group>
    </Group>
  );
}

/**
 * Attainment per month and severity as grouped bars, with the commitment line (95 % for S3 and S4).
 * Drawn as plain SVG: the table under it carries the same numbers for screen readers.
 */
export function AttainmentChart({ report, months }: { report: AttainmentReport; months: string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (share: number) => PAD.top + plotH * (1 - share);
  const groupW = plotW / Math.max(1, months.length);
  const barW = Math.min(22, (groupW - 12) / SEVERITIES.length);
  const share = (month: string, s: Severity) =>
    report.items.find((i) => i.month === month && i.severity === s)?.share ?? null;
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ overflowX: 'auto' }}>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          style={{ minWidth: 480, maxHeight: 320 }}
          role="img"
          aria-label={t('attainment.chartLabel')}
          data-testid="attainment-chart"
        >
          {[0, 0.25, 0.5, 0.75, 1].map((v) => (
            <g key={v}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(v)}
                y2={y(v)}
                stroke="var(--mantine-color-gray-3)"
              />
              <text
                x={PAD.left - 6}
                y={y(v) + 4}
                textAnchor="end"
                fontSize="11"
                fill="var(--mantine-color-gray-8)"
              >
                {Math.round(v * 100)} %
              </text>
            </g>
          ))}
          {months.map((m, mi) => {
            const x0 = PAD.left + mi * groupW + (groupW - barW * SEVERITIES.length) / 2;
            return (
              <g key={m}>
                {SEVERITIES.map((s, si) => {
                  const v = share(m, s);
                  if (v === null) return null;
                  return (
                    <rect
                      key={s}
                      x={x0 + si * barW}
                      y={y(v)}
                      width={barW - 2}
                      height={Math.max(1, plotH * v)}
                      fill={SEVERITY_FILL[s]}
                    >
                      <title>{`${formatMonth(m, locale)} · ${s}: ${Math.round(v * 100)} %`}</title>
                    </rect>
                  );
                })}
                <text
                  x={PAD.left + mi * groupW + groupW / 2}
                  y={H - PAD.bottom + 18}
                  textAnchor="middle"
                  fontSize="11"
                  fill="var(--mantine-color-gray-8)"
                >
                  {formatMonth(m, locale)}
                </text>
              </g>
            );
          })}
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(report.target)}
            y2={y(report.target)}
            stroke="var(--mantine-color-teal-9)"
            strokeWidth={2}
            strokeDasharray="6 4"
          />
        </svg>
      </div>
      <figcaption>
        <Legend report={report} />
      </figcaption>
    </figure>
  );
}
