import type { Selectable } from 'kysely';
import { DAY_MS, type Policy, proposeCertificateRenewal } from '../../../core/index.ts';
import { type Db, inScope, queueWrite, type Scope, systemScope, type Tx } from '../../db/database.ts';
import type { CertificateKind, CertificatesTable } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { brokenRule, notFound } from '../../http/errors.ts';
import { newestPage, soonestFirst } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getApplicationRow, INVENTORY_EDITORS } from './applications.service.ts';
import { CERTIFICATE_STATUSES } from './inventory.schemas.ts';

export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
/** A certificate this close to expiry is "expiring soon"; the daily job proposes its renewal then. */
export const SOON_DAYS = 30;
/** How long the renewal change is planned to take inside the window. */
const RENEWAL_MINUTES = 60;

/** An expiry range; each end is open unless marked inclusive. */
interface ExpiryRange {
  from?: number;
  fromInclusive?: boolean;
  to?: number;
  toInclusive?: boolean;
}

/**
 * Where a certificate stands, as the expiry range of each status at `now`: expired; overdue (less
 * than 3 days left: past the latest day its renewal may start, SPEC §5 `certificate_window`); due
 * (3 to 7 days left, inclusive: inside the renewal range); soon (within 30 days); ok. The status
 * shown and the list filter both come from these ranges, so they agree at every boundary.
 */
function expiryRanges(policy: Policy, now: number): Record<CertificateStatus, ExpiryRange> {
  const { min, max } = policy.certificates.renewalDaysBefore;
  const at = (days: number) => now + days * DAY_MS;
  return {
    expired: { to: now, toInclusive: true },
    overdue: { from: now, to: at(min) },
    due: { from: at(min), fromInclusive: true, to: at(max), toInclusive: true },
    soon: { from: at(max), to: at(SOON_DAYS), toInclusive: true },
    ok: { from: at(SOON_DAYS) },
  };
}

function inRange(range: ExpiryRange, expires: number): boolean {
  const aboveFrom =
    range.from === undefined || (range.fromInclusive ? expires >= range.from : expires > range.from);
  const belowTo = range.to === undefined || (range.toInclusive ? expires <= range.to : expires < range.to);
  return aboveFrom && belowTo;
}

export function certificateStatus(policy: Policy, expiresAt: Date, now: number): CertificateStatus {
  const ranges = expiryRanges(policy, now);
  const expires = expiresAt.getTime();
  return CERTIFICATE_STATUSES.find((status) => inRange(ranges[status], expires)) ?? 'ok';
}

type CertificateRow = Selectable<CertificatesTable> & { application_name: string; customer_name: string };

function presentCertificate(row: CertificateRow, policy: Policy, now: number) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    applicationId: row.application_id,
    applicationName: row.application_name,
    kind: row.kind,
    subject: row.subject,
    expiresAt: row.expires_at.toISOString(),
    status: certificateStatus(policy, row.expires_at, now),
    proposal:
      row.proposed_at === null
        ? null
        : {
            start: row.proposal_start?.toISOString() ?? null,
            end: row.proposal_end?.toISOString() ?? null,
            problem: row.proposal_problem,
            proposedAt: row.proposed_at.toISOString(),
          },
    renewedAt: row.renewed_at?.toISOString() ?? null,
  };
}

function certificatesInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('certificates as k')
    .innerJoin('applications as a', 'a.id', 'k.application_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .selectAll('k')
    .select(['a.name as application_name', 'c.name as customer_name'])
    .$if(scope.kind === 'partner', (qb) => qb.where('k.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('k.customer_id', '=', scope.customerId ?? ''));
}

export interface CertificateFilter {
  customerId?: string;
  applicationId?: string;
  certificateId?: string;
  status?: 'attention' | CertificateStatus;
  limit?: number;
  cursor?: string;
}

/** Soonest expiry first. `status=attention` is everything expired, overdue, due or soon. */
export async function listCertificates(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  filter: CertificateFilter,
  now = Date.now(),
) {
  const ranges = expiryRanges(policy, now);
  // Attention: everything up to the end of "soon" (expired, overdue, due, soon).
  const range: ExpiryRange | null =
    filter.status === 'attention'
      ? { to: ranges.soon.to, toInclusive: true }
      : filter.status
        ? ranges[filter.status]
        : null;
  const from = range?.from === undefined ? null : new Date(range.from);
  const to = range?.to === undefined ? null : new Date(range.to);
  const rows = await certificatesInScope(tx, scope)
    .$if(filter.customerId !== undefined, (qb) => qb.where('k.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.applicationId !== undefined, (qb) =>
      qb.where('k.application_id', '=', filter.applicationId ?? ''),
    )
    .$if(filter.certificateId !== undefined, (qb) => qb.where('k.id', '=', filter.certificateId ?? ''))
    .$if(from !== null, (qb) => qb.where('k.expires_at', range?.fromInclusive ? '>=' : '>', from as Date))
    .$if(to !== null, (qb) => qb.where('k.expires_at', range?.toInclusive ? '<=' : '<', to as Date))
    .$call(soonestFirst('k.expires_at', 'k.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return {
    items: page.items.map((row) => presentCertificate(row, policy, now)),
    nextCursor: page.nextCursor,
  };
}

async function getCertificateRow(tx: Tx, scope: Scope, id: string) {
  const row = await certificatesInScope(tx, scope).where('k.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('certificate');
  return row;
}

export async function addCertificate(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: { applicationId: string; kind: CertificateKind; subject: string; expiresAt: string },
  now = Date.now(),
) {
  requireRole(scope, INVENTORY_EDITORS);
  const application = await getApplicationRow(tx, scope, input.applicationId);
  const row = await tx
    .insertInto('certificates')
    .values({
      partner_id: application.partner_id,
      customer_id: application.customer_id,
      application_id: application.id,
      kind: input.kind,
      subject: input.subject.trim(),
      expires_at: new Date(input.expiresAt),
      updated_at: new Date(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const certificate = presentCertificate(
    { ...row, application_name: application.name, customer_name: application.customer_name },
    policy,
    now,
  );
  await recordAudit(tx, scope, {
    action: 'certificate.added',
    entityType: 'certificate',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    after: certificate,
  });
  return certificate;
}

/** A renewal records the new expiry and clears the proposal, so the next one is made in time. */
export async function recordRenewal(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  id: string,
  input: { expiresAt: string },
  now = Date.now(),
) {
  requireRole(scope, INVENTORY_EDITORS);
  const before = await getCertificateRow(tx, scope, id);
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= Math.max(before.expires_at.getTime(), now))
    throw brokenRule(
      'expiry_not_later',
      'expiresAt',
      'the renewed certificate must expire later than the old one and in the future',
    );
  const row = await tx
    .updateTable('certificates')
    .set({
      expires_at: expiresAt,
      renewed_at: new Date(now),
      proposal_start: null,
      proposal_end: null,
      proposal_problem: null,
      proposed_at: null,
      updated_at: new Date(now),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const certificate = presentCertificate(
    { ...row, application_name: before.application_name, customer_name: before.customer_name },
    policy,
    now,
  );
  await recordAudit(tx, scope, {
    action: 'certificate.renewed',
    entityType: 'certificate',
    entityId: id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before: { expiresAt: before.expires_at.toISOString() },
    after: { expiresAt: certificate.expiresAt },
  });
  return certificate;
}

/**
 * The daily certificate job: every certificate within 30 days of expiry that has no proposal yet
 * gets one — the earliest slot 3–7 days before expiry inside its region's maintenance window (policy
 * core) — and `certificates` subscribers of the provider and the partner hear of it once. Rows are
 * claimed with SKIP LOCKED and marked in the same transaction, so two workers propose each once.
 */
export async function proposeRenewals(
  db: Db,
  policy: Policy,
  now = Date.now(),
): Promise<{ proposed: number }> {
  const scope = systemScope('job:certificates');
  return inScope(db, scope, async (tx) => {
    const rows = await tx
      .selectFrom('certificates as k')
      .innerJoin('applications as a', 'a.id', 'k.application_id')
      .innerJoin('customers as c', 'c.id', 'k.customer_id')
      .select([
        'k.id',
        'k.partner_id',
        'k.customer_id',
        'k.subject',
        'k.kind',
        'k.expires_at',
        'a.name',
        'a.region',
        'c.name as customer_name',
      ])
      .where('k.proposed_at', 'is', null)
      .where('k.expires_at', '<=', new Date(now + SOON_DAYS * DAY_MS))
      .orderBy('k.expires_at')
      .limit(500)
      .forUpdate('k')
      .skipLocked()
      .execute();
    for (const row of rows) {
      const proposal = proposeCertificateRenewal(
        policy,
        row.region,
        row.expires_at.getTime(),
        now,
        RENEWAL_MINUTES,
      );
      const slot = proposal.earliest;
      // Queued with the event: the whole batch reaches the database with the COMMIT.
      await queueWrite(
        tx,
        tx
          .updateTable('certificates')
          .set({
            proposal_start: slot ? new Date(slot.start) : null,
            proposal_end: slot ? new Date(slot.end) : null,
            proposal_problem: slot ? null : (proposal.reason ?? 'expired_or_too_late'),
            proposed_at: new Date(now),
            updated_at: new Date(now),
          })
          .where('id', '=', row.id),
      );
      await raiseEvent(tx, scope, {
        category: 'certificates',
        kind: slot ? 'certificate.renewal_proposed' : 'certificate.renewal_overdue',
        subjectType: 'certificate',
        subjectId: row.id,
        payload: {
          certificateId: row.id,
          subject: row.subject,
          kind: row.kind,
          applicationName: row.name,
          customerName: row.customer_name,
          region: row.region,
          expiresAt: row.expires_at.toISOString(),
          proposalStart: slot ? new Date(slot.start).toISOString() : null,
          proposalEnd: slot ? new Date(slot.end).toISOString() : null,
          problem: slot ? null : (proposal.reason ?? null),
        },
        toProvider: true,
        toPartners: [row.partner_id],
      });
    }
    return { proposed: rows.length };
  });
}
