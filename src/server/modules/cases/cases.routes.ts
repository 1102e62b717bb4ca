import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { callerScope } from '../../http/authenticate.ts';
import { contentDisposition, sendCsv } from '../../http/downloads.ts';
import { brokenRule } from '../../http/errors.ts';
import { ProblemResponses } from '../../http/openapi.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { openFile, removeFile } from '../../storage/attachment-store.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import { attainmentCsv, attainmentReport, reportPartnerName } from './attainment.service.ts';
import {
  acknowledgeCase,
  addComment,
  changeSeverity,
  changeStatus,
  escalateCase,
} from './case-actions.service.ts';
import { addAttachment, getAttachment } from './case-attachments.service.ts';
import { type OpenCaseInput, type OpeningContext, openCase, openCaseInKnownContext } from './case-opening.ts';
import {
  AcknowledgeBody,
  Attachment,
  AttachmentParams,
  AttachmentQuery,
  AttainmentQuery,
  AttainmentReport,
  Case,
  CaseDetail,
  CaseEvent,
  CasePage,
  CaseQuery,
  CaseSummary,
  CommentBody,
  OpenCaseBody,
  ReasonBody,
  SeverityBody,
  StatusBody,
} from './cases.schemas.ts';
import { caseSummary, getCase, listCases } from './cases.service.ts';

const tags = ['cases'];
const policyOf = (request: FastifyRequest) => request.server.ctx.policy.policy;

/**
 * Opens a case in one round trip when this node has recently looked up the same partner, customer
 * and contract (decision 0010), else in two. The look-up's context is kept (`CASE_CONTEXT_CACHE_MS`)
 * until a change to the directory empties the cache; the write checks it again anyway, so a kept
 * context that no longer holds writes nothing, is forgotten, and the case opens the ordinary way.
 */
async function openCaseForRequest(request: FastifyRequest<{ Body: OpenCaseInput }>) {
  const cache = request.server.ctx.openingContexts;
  const policy = policyOf(request);
  const input = request.body;
  const key = `case-opening|${callerScope(request).partnerId}|${input.customerId}|${input.contractNumber.trim().toUpperCase()}`;
  const now = new Date();
  const known = cache.peek<OpeningContext>(key);
  if (known) {
    const opened = await inRequestScope(request, (tx, scope) =>
      openCaseInKnownContext(tx, scope, policy, input, now, known),
    );
    if (opened) return opened;
    cache.forget(key);
  }
  const generation = cache.generation;
  return inRequestScope(request, (tx, scope) =>
    openCase(tx, scope, policy, input, now, {
      commit: true,
      onLookedUp: (context) => cache.keep(key, context, generation),
    }),
  );
}

export async function caseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Cases, their history, attachments, audit rows and notices: never the directory.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, leavesDirectory: true };
  });

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Open a case (the partner’s support team); S1/S2 notify incidents subscribers',
        body: OpenCaseBody,
        response: { 201: CaseDetail, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await openCaseForRequest(request)),
  );
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases in the caller’s scope: filters, full-text search, newest first or due soonest',
        querystring: CaseQuery,
        response: { 200: CasePage, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        listCases(tx, scope, policyOf(request), request.query, new Date(), request.server.ctx.caseNames),
      ),
  );
  app.get(
    '/cases/summary',
    {
      schema: {
        tags,
        summary:
          'Counts for the caller: open, unacknowledged, overdue, owing a plan, escalated, per severity',
        response: { 200: CaseSummary, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => caseSummary(tx, scope)),
  );
  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case with its timeline, attachments and the explanation of its due time',
        params: IdParams,
        response: { 200: CaseDetail, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => getCase(tx, scope, policyOf(request), request.params.id)),
  );
  app.post(
    '/cases/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge (provider): records acknowledgedAt and whether the response was met',
        params: IdParams,
        body: Type.Union([Type.Null(), AcknowledgeBody]),
        response: { 200: Case, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        acknowledgeCase(tx, scope, policyOf(request), request.params.id, request.body ?? {}),
      ),
  );
  app.post(
    '/cases/:id/severity',
    {
      schema: {
        tags,
        summary: 'Raise (partner or provider) or lower (provider only) the severity, with a reason',
        params: IdParams,
        body: SeverityBody,
        response: { 200: Case, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        changeSeverity(tx, scope, policyOf(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/cases/:id/status',
    {
      schema: {
        tags,
        summary: 'Move the case along its lifecycle (allowed transitions per side)',
        params: IdParams,
        body: StatusBody,
        response: { 200: Case, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        changeStatus(tx, scope, policyOf(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/cases/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a resolved or monitored case (back to in progress), with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Case, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => {
        if (request.body.reason.trim() === '')
          throw brokenRule('required', 'reason', 'a reason to reopen is required');
        return changeStatus(tx, scope, policyOf(request), request.params.id, {
          status: 'in_progress',
          note: request.body.reason,
        });
      }),
  );
  app.post(
    '/cases/:id/escalate',
    {
      schema: {
        tags,
        summary: 'Management escalation by the partner, with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Case, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        escalateCase(tx, scope, policyOf(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/cases/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment (both sides), internal note or status and action plan (provider)',
        params: IdParams,
        body: CommentBody,
        response: { 201: CaseEvent, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            addComment(tx, scope, request.params.id, request.body),
          ),
        ),
  );
  app.get(
    '/cases/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (only within the caller’s scope)',
        params: AttachmentParams,
        response: { 200: Type.Unknown({ description: 'the file' }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const row = await inRequestScope(request, (tx, scope) =>
        getAttachment(tx, scope, request.params.id, request.params.attachmentId),
      );
      const file = await openFile(request.server.ctx.config.attachmentsDir, row.storage_key);
      return reply
        .header('content-type', row.content_type)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(row.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
  await app.register(attachmentUpload);

  app.get(
    '/reports/attainment',
    {
      schema: {
        tags,
        summary: 'Response attainment per severity and month, against the commitment for S3/S4',
        querystring: AttainmentQuery,
        response: { 200: AttainmentReport, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => attainmentReport(tx, scope, policyOf(request), request.query)),
  );
  app.get(
    '/reports/attainment.csv',
    {
      schema: {
        tags,
        summary: 'The attainment report as CSV (formula-like cells neutralised)',
        querystring: AttainmentQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const csv = await inRequestScope(request, async (tx, scope) => {
        const report = await attainmentReport(tx, scope, policyOf(request), request.query);
        return attainmentCsv(report, await reportPartnerName(tx, scope, request.query.partnerId));
      });
      return sendCsv(reply, `attainment-${request.query.from}-to-${request.query.to}.csv`, csv);
    },
  );
}

/**
 * Uploads send the file itself as the body (no multipart): this route alone takes any media type
 * as raw bytes, up to ATTACHMENT_MAX_BYTES; the rules on name, type and content decide the rest.
 */
async function attachmentUpload(fastify: FastifyInstance): Promise<void> {
  const limit = fastify.ctx.config.attachmentMaxBytes;
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
    done(null, body),
  );
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/cases/:id/attachments',
    {
      bodyLimit: limit,
      schema: {
        tags,
        summary: 'Attach a file: the raw bytes as the body, its type as Content-Type, its name in ?fileName',
        params: IdParams,
        querystring: AttachmentQuery,
        response: { 201: Attachment, ...ProblemResponses },
      },
    },
    async (
      request: FastifyRequest<{ Params: { id: string }; Querystring: { fileName: string } }>,
      reply: FastifyReply,
    ) => {
      const dir = request.server.ctx.config.attachmentsDir;
      let storedKey: string | null = null;
      try {
        const attachment = await inRequestScope(request, (tx, scope) =>
          addAttachment(
            tx,
            scope,
            dir,
            request.params.id,
            {
              fileName: request.query.fileName,
              contentType: request.headers['content-type'],
              bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
            },
            (key) => {
              storedKey = key;
            },
          ),
        );
        return reply.code(201).send(attachment);
      } catch (error) {
        // The row was not committed: its file must not stay behind.
        if (storedKey) await removeFile(dir, storedKey);
        throw error;
      }
    },
  );
}
