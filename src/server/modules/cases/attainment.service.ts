import { sql } from 'kysely';
import { type Policy, SEVERITIES, type Severity } from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { hideFromCustomers } from '../../http/authenticate.ts';
import { csvDocument } from '../../http/csv.ts';
import { brokenRule } from '../../http/errors.ts';
import { isTimeZone } from '../../notify/format.ts';

export interface AttainmentFilter {
  from: string;
  to: string;
  partnerId?: string;
  timeZone?: string;
}

const MAX_MONTHS = 36;

function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return (year ?? 0) * 12 + ((m ?? 1) - 1);
}

function monthName(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Share of cases acknowledged by their due time, per severity and month of opening (in the
 * report's time zone). A case counts once its response is decided: acknowledged (met or late) or
 * still unacknowledged past its due time (missed); cases not yet due are reported as pending.
 */
export async function attainmentReport(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  filter: AttainmentFilter,
  now = new Date(),
) {
  hideFromCustomers(scope, 'report');
  const timeZone = filter.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone))
    throw brokenRule('unknown_time_zone', 'timeZone', `unknown time zone ${timeZone}`);
  const first = monthIndex(filter.from);
  const last = monthIndex(filter.to);
  if (last < first) throw brokenRule('range_reversed', 'to', 'to must not be before from');
  if (last - first + 1 > MAX_MONTHS) throw brokenRule('range_too_long', 'to', `at most ${MAX_MONTHS} months`);
  const partnerId = scope.kind === 'partner' ? scope.partnerId : (filter.partnerId ?? null);

  const rows = await tx
    .selectFrom('cases as c')
    .select([
      sql<string>`to_char(c.opened_at AT TIME ZONE ${timeZone}, 'YYYY-MM')`.as('month'),
      'c.severity',
      sql<number>`count(*) FILTER (WHERE c.response_met)::int`.as('met'),
      sql<number>`count(*) FILTER (WHERE NOT c.response_met OR (c.acknowledged_at IS NULL AND c.response_due_at <= ${now}))::int`.as(
        'missed',
      ),
      sql<number>`count(*) FILTER (WHERE c.acknowledged_at IS NULL AND c.response_due_at > ${now})::int`.as(
        'pending',
      ),
    ])
    .where(sql<boolean>`c.opened_at >= (${`${filter.from}-01`}::timestamp AT TIME ZONE ${timeZone})`)
    .where(sql<boolean>`c.opened_at < (${`${monthName(last + 1)}-01`}::timestamp AT TIME ZONE ${timeZone})`)
    .$if(partnerId !== null, (qb) => qb.where('c.partner_id', '=', partnerId ?? ''))
    .groupBy(['month', 'c.severity'])
    .execute();
  const found = new Map(rows.map((row) => [`${row.month}/${row.severity}`, row]));
  const items = [];
  for (let m = first; m <= last; m++) {
    for (const severity of SEVERITIES) {
      const month = monthName(m);
      const row = found.get(`${month}/${severity}`);
      const met = row?.met ?? 0;
      const missed = row?.missed ?? 0;
      const total = met + missed;
      items.push({
        month,
        severity,
        total,
        met,
        missed,
        pending: row?.pending ?? 0,
        share: total ? met / total : null,
      });
    }
  }
  return {
    timeZone,
    target: policy.attainmentTarget,
    targetSeverities: ['S3', 'S4'] as Severity[],
    items,
  };
}

export function attainmentCsv(
  report: Awaited<ReturnType<typeof attainmentReport>>,
  partnerName: string,
): string {
  const header = ['month', 'severity', 'partner', 'total', 'met', 'missed', 'pending', 'share', 'target'];
  const rows = report.items.map((item) => [
    item.month,
    item.severity,
    partnerName,
    item.total,
    item.met,
    item.missed,
    item.pending,
    item.share === null ? null : item.share.toFixed(4),
    report.targetSeverities.includes(item.severity) ? report.target : null,
  ]);
  return csvDocument(header, rows);
}

/** The partner's name for the CSV, or "all partners" for the provider's whole view. */
export async function reportPartnerName(
  tx: Tx,
  scope: Scope,
  partnerId: string | undefined,
): Promise<string> {
  const id = scope.kind === 'partner' ? scope.partnerId : partnerId;
  if (!id) return 'all partners';
  const row = await tx.selectFrom('partners').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? 'unknown partner';
}
