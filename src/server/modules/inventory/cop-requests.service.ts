import type { Selectable } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import type { ChecksumAlgorithm, CopPackage, CopRequestStatus, CopRequestsTable } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, type FieldError, notFound, unprocessable } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getApplicationRow, INVENTORY_EDITORS } from './applications.service.ts';
import { PROVISIONERS } from './capacity.service.ts';

/**
 * COP file service requests (operations guide): the partner asks for a COP file for one of its
 * customer's applications; the provider only uploads it to the instance's SFTP server, recording
 * the file name and checksum; the partner installs it when it suits and marks it installed. Every
 * step is audited and tells the other side.
 */
const STEPS: Record<
  'upload' | 'install' | 'reject' | 'cancel',
  { from: CopRequestStatus[]; to: CopRequestStatus; notify: 'provider' | 'partner' | 'other_side' }
> = {
  upload: { from: ['requested'], to: 'uploaded', notify: 'partner' },
  install: { from: ['uploaded'], to: 'installed', notify: 'provider' },
  reject: { from: ['requested'], to: 'rejected', notify: 'partner' },
  cancel: { from: ['requested', 'uploaded'], to: 'cancelled', notify: 'other_side' },
};

/** Cisco COP files end in .cop, signed ones in .cop.sgn or .cop.sha512. */
const COP_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*\.cop(\.sgn|\.sha512)?$/i;
/** Expressway takes no COP files (its packages are .tlp). */
const COP_APPLICATIONS = new Set(['cucm', 'cucxn', 'imp', 'cer', 'sme']);
const CHECKSUM_HEX_LENGTH: Record<ChecksumAlgorithm, number> = { md5: 32, sha256: 64, sha512: 128 };

type CopRow = Selectable<CopRequestsTable> & { customer_name: string; application_name: string };

function presentCopRequest(row: CopRow) {
  return {
    id: row.id,
    number: row.number,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    applicationId: row.application_id,
    applicationName: row.application_name,
    package: row.package,
    fileName: row.file_name,
    reason: row.reason,
    status: row.status,
    upload:
      row.uploaded_at === null
        ? null
        : {
            sftpPath: row.sftp_path ?? '',
            checksumAlgorithm: row.checksum_algorithm ?? 'sha256',
            checksum: row.checksum ?? '',
            uploadedAt: row.uploaded_at.toISOString(),
            uploadedBy: row.uploaded_by_label ?? '',
          },
    installedAt: row.installed_at?.toISOString() ?? null,
    installedBy: row.installed_by_label,
    closingReason: row.closing_reason,
    requestedBy: row.requested_by_label,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type CopRequest = ReturnType<typeof presentCopRequest>;

function copRequestsInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('cop_requests as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .selectAll('r')
    .select(['c.name as customer_name', 'a.name as application_name'])
    .$if(scope.kind === 'partner', (qb) => qb.where('r.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('r.customer_id', '=', scope.customerId ?? ''));
}

export interface CopRequestFilter {
  status?: CopRequestStatus | 'open';
  customerId?: string;
  applicationId?: string;
  limit?: number;
  cursor?: string;
}

export async function listCopRequests(tx: Tx, scope: Scope, filter: CopRequestFilter) {
  const statuses: CopRequestStatus[] | null =
    filter.status === 'open' ? ['requested', 'uploaded'] : filter.status ? [filter.status] : null;
  const rows = await copRequestsInScope(tx, scope)
    .$if(statuses !== null, (qb) => qb.where('r.status', 'in', statuses ?? []))
    .$if(filter.customerId !== undefined, (qb) => qb.where('r.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.applicationId !== undefined, (qb) =>
      qb.where('r.application_id', '=', filter.applicationId ?? ''),
    )
    .$call(newestFirst('r.created_at', 'r.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  return { items: page.items.map(presentCopRequest), nextCursor: page.nextCursor };
}

export async function getCopRequest(tx: Tx, scope: Scope, id: string) {
  const row = await copRequestsInScope(tx, scope).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('COP request');
  return presentCopRequest(row);
}

async function raiseCopEvent(
  tx: Tx,
  scope: Scope,
  request: CopRequest,
  kind: string,
  to: 'provider' | 'partner',
) {
  await raiseEvent(tx, scope, {
    category: 'upgrades',
    kind,
    subjectType: 'cop_request',
    subjectId: request.id,
    payload: {
      copRequestId: request.id,
      number: request.number,
      customerName: request.customerName,
      applicationName: request.applicationName,
      package: request.package,
      fileName: request.fileName,
      status: request.status,
      sftpPath: request.upload?.sftpPath ?? null,
      checksum: request.upload ? `${request.upload.checksumAlgorithm}:${request.upload.checksum}` : null,
      reason: request.closingReason ?? request.reason,
    },
    ...(to === 'provider' ? { toProvider: true } : { toPartners: [request.partnerId] }),
  });
}

const fileNameError = (path: string): FieldError => ({
  code: 'cop_file_name',
  path,
  message: 'a COP file name ends in .cop, .cop.sgn or .cop.sha512 (letters, digits, dots, dashes)',
});

export async function requestCop(
  tx: Tx,
  scope: Scope,
  input: { applicationId: string; package: CopPackage; fileName: string; reason: string },
) {
  requireRole(scope, PROVISIONERS);
  const application = await getApplicationRow(tx, scope, input.applicationId);
  const errors: FieldError[] = [];
  if (!COP_APPLICATIONS.has(application.kind))
    errors.push({
      code: 'application_kind',
      path: 'applicationId',
      message: 'COP files install on CUCM, SME, Unity Connection, IM&P and CER; Expressway takes none',
    });
  const fileName = input.fileName.trim();
  if (!COP_FILE_NAME.test(fileName)) errors.push(fileNameError('fileName'));
  if (errors.length > 0) throw unprocessable(errors);
  const row = await tx
    .insertInto('cop_requests')
    .values({
      partner_id: application.partner_id,
      customer_id: application.customer_id,
      application_id: application.id,
      package: input.package,
      file_name: fileName,
      reason: input.reason.trim(),
      requested_by_label: scope.label,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const request = presentCopRequest({
    ...row,
    customer_name: application.customer_name,
    application_name: application.name,
  });
  await recordAudit(tx, scope, {
    action: 'cop_request.requested',
    entityType: 'cop_request',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    after: request,
  });
  await raiseCopEvent(tx, scope, request, 'cop.requested', 'provider');
  return request;
}

async function step(
  tx: Tx,
  scope: Scope,
  id: string,
  action: keyof typeof STEPS,
  set: Partial<
    Pick<
      CopRow,
      | 'sftp_path'
      | 'checksum'
      | 'checksum_algorithm'
      | 'file_name'
      | 'uploaded_at'
      | 'uploaded_by_label'
      | 'installed_at'
      | 'installed_by_label'
      | 'closing_reason'
    >
  >,
  check?: (before: CopRow) => FieldError[],
) {
  const before = await copRequestsInScope(tx, scope).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
  if (!before) throw notFound('COP request');
  const rule = STEPS[action];
  if (!rule.from.includes(before.status))
    throw conflict('invalid_transition', `A COP request that is ${before.status} cannot be ${rule.to}.`);
  const errors = check?.(before) ?? [];
  if (errors.length > 0) throw unprocessable(errors);
  const row = await tx
    .updateTable('cop_requests')
    .set({ ...set, status: rule.to, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const request = presentCopRequest({
    ...row,
    customer_name: before.customer_name,
    application_name: before.application_name,
  });
  await recordAudit(tx, scope, {
    action: `cop_request.${rule.to}`,
    entityType: 'cop_request',
    entityId: id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before: presentCopRequest(before),
    after: request,
  });
  const to = rule.notify === 'other_side' ? (scope.kind === 'partner' ? 'provider' : 'partner') : rule.notify;
  await raiseCopEvent(tx, scope, request, `cop.${rule.to}`, to);
  return request;
}

/** The provider uploaded the file to the instance's SFTP server: which file, where, its checksum. */
export async function recordUpload(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { fileName?: string; sftpPath: string; checksumAlgorithm: ChecksumAlgorithm; checksum: string },
  now = Date.now(),
) {
  requireRole(scope, INVENTORY_EDITORS);
  const checksum = input.checksum.trim().toLowerCase();
  const fileName = input.fileName?.trim();
  return step(
    tx,
    scope,
    id,
    'upload',
    {
      ...(fileName ? { file_name: fileName } : {}),
      sftp_path: input.sftpPath.trim(),
      checksum_algorithm: input.checksumAlgorithm,
      checksum,
      uploaded_at: new Date(now),
      uploaded_by_label: scope.label,
    },
    () => {
      const errors: FieldError[] = [];
      if (fileName !== undefined && !COP_FILE_NAME.test(fileName)) errors.push(fileNameError('fileName'));
      const length = CHECKSUM_HEX_LENGTH[input.checksumAlgorithm];
      if (!new RegExp(`^[0-9a-f]{${length}}$`).test(checksum))
        errors.push({
          code: 'checksum_format',
          path: 'checksum',
          message: `a ${input.checksumAlgorithm} checksum is ${length} hexadecimal digits`,
        });
      return errors;
    },
  );
}

/** The partner installed the uploaded file on the application. */
export async function markInstalled(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { installedAt?: string },
  now = Date.now(),
) {
  requireRole(scope, PROVISIONERS);
  const installedAt = input.installedAt ? Date.parse(input.installedAt) : now;
  return step(
    tx,
    scope,
    id,
    'install',
    { installed_at: new Date(installedAt), installed_by_label: scope.label },
    (before) => {
      const uploaded = before.uploaded_at?.getTime() ?? 0;
      if (installedAt > now + 5 * 60_000 || installedAt < uploaded)
        return [
          {
            code: 'installed_at_range',
            path: 'installedAt',
            message: 'the installation time lies between the upload and now',
          },
        ];
      return [];
    },
  );
}

export async function rejectCop(tx: Tx, scope: Scope, id: string, input: { reason: string }) {
  requireRole(scope, INVENTORY_EDITORS);
  return step(tx, scope, id, 'reject', { closing_reason: input.reason.trim() });
}

export async function cancelCop(tx: Tx, scope: Scope, id: string, input: { reason: string }) {
  requireRole(scope, PROVISIONERS);
  return step(tx, scope, id, 'cancel', { closing_reason: input.reason.trim() });
}
