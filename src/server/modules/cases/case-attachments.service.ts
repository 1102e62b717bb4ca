import { randomUUID } from 'node:crypto';
import type { Scope, Tx } from '../../db/database.ts';
import { conflict, notFound, unprocessable } from '../../http/errors.ts';
import { storeFile } from '../../storage/attachment-store.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkAttachment } from './attachment-rules.ts';
import { writerSide } from './case-actions.service.ts';
import { actorName, recordCaseEvent } from './case-history.ts';
import { presentAttachment } from './cases.presenter.ts';
import { getCaseRow } from './cases.service.ts';

/**
 * Stores an upload as a file, then records it in the caller's transaction. When the transaction
 * fails the caller removes the file (see the route); the row never exists without its file.
 */
export async function addAttachment(
  tx: Tx,
  scope: Scope,
  storeDir: string,
  id: string,
  upload: { fileName: string; contentType: string | undefined; bytes: Buffer },
  stored: (key: string) => void,
) {
  writerSide(scope);
  const row = await getCaseRow(tx, scope, id);
  if (row.status === 'closed') throw conflict('case_closed', 'The case is closed.');
  const { errors, file } = checkAttachment(upload.fileName, upload.contentType, upload.bytes);
  if (!file) throw unprocessable(errors);
  const attachmentId = randomUUID();
  const saved = await storeFile(storeDir, attachmentId, upload.bytes);
  stored(saved.key);
  const attachment = await tx
    .insertInto('case_attachments')
    .values({
      id: attachmentId,
      case_id: row.id,
      partner_id: row.partner_id,
      customer_id: row.customer_id,
      file_name: file.fileName,
      content_type: file.contentType,
      size: saved.size,
      sha256: saved.sha256,
      storage_key: saved.key,
      uploaded_by: scope.userId,
      uploaded_by_name: actorName(scope),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordCaseEvent(tx, scope, row, {
    kind: 'attachment_added',
    body: null,
    data: { attachmentId, fileName: file.fileName, size: saved.size },
  });
  await recordAudit(tx, scope, {
    action: 'case.attachment_added',
    entityType: 'case',
    entityId: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    after: { attachmentId, fileName: file.fileName, size: saved.size, sha256: saved.sha256 },
  });
  return presentAttachment(attachment);
}

/** An attachment of a case the caller can see; anything else is 404. */
export async function getAttachment(tx: Tx, scope: Scope, caseId: string, attachmentId: string) {
  await getCaseRow(tx, scope, caseId);
  const row = await tx
    .selectFrom('case_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return row;
}
