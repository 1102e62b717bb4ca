import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toSearch } from '../../api/client.ts';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useLocale, useTimeZone } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { IconDownload } from '../../components/icons.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { todayIn } from '../../components/time.ts';
import { AttainmentChart } from './AttainmentChart.tsx';
import { formatMonth } from './format.ts';
import { type AttainmentItem, type AttainmentReport, SEVERITIES } from './types.ts';

/** "2026-11" shifted by `delta` months. */
function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 60; m = addMonths(m, 1)) out.push(m);
  return out;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function Cell({
  item,
  target,
  counted,
}: {
  item: AttainmentItem | undefined;
  target: number;
  counted: boolean;
}) {
  const { t } = useTranslation();
  if (!item || item.share === null)
    return (
      <Table.Td>
        <Text size="sm">—</Text>
        {item && item.pending > 0 && (
          <Text size="xs" c="dimmed">
            {t('attainment.pending', { count: item.pending })}
          </Text>
        )}
      </Table.Td>
    );
  const below = counted && item.share < target;
  return (
    <Table.Td>
      <Text size="sm" fw={700} c={below ? 'red.9' : undefined}>
        {Math.round(item.share * 1000) / 10} %{below && ` · ${t('attainment.belowTarget')}`}
      </Text>
      <Text size="xs" c="dimmed">
        {t('attainment.metOf', { met: item.met, total: item.total })}
        {item.pending > 0 && ` · ${t('attainment.pending', { count: item.pending })}`}
      </Text>
    </Table.Td>
  );
}

function AttainmentTable({ report, months }: { report: AttainmentReport; months: string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const find = (month: string, s: string) => report.items.find((i) => i.month === month && i.severity === s);
  return (
    <TableScroll minWidth={640} label={t('attainment.tableLabel')}>
      <Table verticalSpacing="sm" data-testid="attainment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('attainment.month')}</Table.Th>
            {SEVERITIES.map((s) => (
              <Table.Th key={s}>{t(`severity.${s}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months.map((m) => (
            <Table.Tr key={m}>
              <Table.Th scope="row">{formatMonth(m, locale)}</Table.Th>
              {SEVERITIES.map((s) => (
                <Cell
                  key={s}
                  item={find(m, s)}
                  target={report.target}
                  counted={report.targetSeverities.includes(s)}
                />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Share of cases acknowledged by their due time, per month and severity, against the commitment. */
export default function AttainmentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const provider = isProvider(user.role);
  const thisMonth = todayIn(zone).slice(0, 7);
  const [from, setFrom] = useState(addMonths(thisMonth, -5));
  const [to, setTo] = useState(thisMonth);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const valid = MONTH.test(from) && MONTH.test(to) && from <= to;
  const query = { from, to, partnerId, timeZone: zone };
  const report = useQuery({
    queryKey: ['reports', 'attainment', query],
    queryFn: () => api.get<AttainmentReport>('/reports/attainment', query),
    enabled: valid,
  });
  const months = valid ? monthsBetween(from, to) : [];
  const empty = report.data?.items.every((i) => i.total === 0 && i.pending === 0);

  return (
    <>
      <PageHeader
        title={t('attainment.title')}
        subtitle={t('attainment.subtitle', { zone })}
        actions={
          valid && (
            <Button
              component="a"
              href={`/api/v1/reports/attainment.csv${toSearch(query)}`}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('attainment.csv')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="month"
            label={t('attainment.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={
              MONTH.test(from)
                ? valid
                  ? undefined
                  : t('validation.endBeforeStart')
                : t('validation.required')
            }
            w={{ base: '48%', sm: 180 }}
          />
          <TextInput
            type="month"
            label={t('attainment.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={MONTH.test(to) ? undefined : t('validation.required')}
            w={{ base: '48%', sm: 180 }}
          />
          {provider && (
            <PartnerPicker
              label={t('fields.partner')}
              placeholder={t('filters.allPartners')}
              clearable
              includeInactive
              value={partnerId}
              onChange={setPartnerId}
              w={{ base: '100%', sm: 240 }}
            />
          )}
        </Group>
        {!valid ? null : report.isPending ? (
          <ListSkeleton rows={4} />
        ) : report.isError ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : empty ? (
          <EmptyState title={t('attainment.empty')} hint={t('attainment.emptyHint')} />
        ) : (
          <Stack gap="lg">
            <AttainmentChart report={report.data} months={months} />
            <AttainmentTable report={report.data} months={months} />
            <Text size="xs" c="dimmed">
              {t('attainment.footnote')}
            </Text>
          </Stack>
        )}
      </Paper>
    </>
  );
}
