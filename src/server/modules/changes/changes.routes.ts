import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ProblemResponses } from '../../http/openapi.ts';
import { pageSchema } from '../../http/pagination.ts';
import { inRequestScope } from '../../http/route-helpers.ts';
import { IdParams } from '../directory/directory.schemas.ts';
import { getChangeDetail } from './change-detail.service.ts';
import {
  cancelChange,
  completeChange,
  nextSlotFor,
  rescheduleChange,
  startChange,
} from './change-lifecycle.service.ts';
import { listChangeTasks, setTaskDone } from './change-tasks.service.ts';
import {
  CampaignChangesBody,
  CancelBody,
  Change,
  ChangeBody,
  ChangeCheck,
  ChangeCheckBody,
  ChangeCustomer,
  ChangeDetail,
  ChangeList,
  ChangeQuery,
  ChangeTask,
  CopInstallBody,
  CustomersQuery,
  DeclineBody,
  NextSlotAnswer,
  NoteBody,
  RescheduleBody,
  RescheduleRequest,
  RescheduleRequestBody,
  RescheduleRequestQuery,
  TaskQuery,
} from './changes.schemas.ts';
import { checkProposedChange, createChange, listChangeCustomers, listChanges } from './changes.service.ts';
import { planCampaignUpgrades, planCertificateRenewal, planCopInstall } from './planned-changes.service.ts';
import {
  declineRescheduleRequest,
  listRescheduleRequests,
  requestReschedule,
  withdrawRescheduleRequest,
} from './reschedule-requests.service.ts';

const tags = ['changes'];

/** Changes and maintenance (SPEC §5): planning, notice, lifecycle, rescheduling, follow-up tasks. */
export async function changeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const policy = () => fastify.ctx.policy.policy;
  const one = { 200: Change, ...ProblemResponses };

  app.get(
    '/changes',
    {
      schema: {
        tags,
        summary:
          'Changes by start time; from/to pick those overlapping [from, to); status=open for the unfinished',
        querystring: ChangeQuery,
        response: { 200: pageSchema(Change), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listChanges(tx, scope, policy(), request.query)),
  );
  app.post(
    '/changes',
    {
      schema: {
        tags,
        summary:
          'Plan a change: every scheduling rule in every affected region (422 naming each); notices queued',
        body: ChangeBody,
        response: { 201: Change, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inRequestScope(request, (tx, scope) => createChange(tx, scope, policy(), request.body))),
  );
  app.post(
    '/changes/check',
    {
      schema: {
        tags,
        summary:
          'Check a proposed change against every rule without writing (live checking), with the next slot',
        body: ChangeCheckBody,
        response: { 200: ChangeCheck, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => checkProposedChange(tx, scope, policy(), request.body)),
  );
  app.get(
    '/changes/:id',
    {
      schema: {
        tags,
        summary: 'One change with its customers, history, requests and tasks',
        params: IdParams,
        response: { 200: ChangeDetail, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => getChangeDetail(tx, scope, policy(), request.params.id)),
  );
  app.get(
    '/changes/:id/customers',
    {
      schema: {
        tags,
        summary: "The change's affected customers in the caller's scope, by name",
        params: IdParams,
        querystring: CustomersQuery,
        response: { 200: pageSchema(ChangeCustomer), ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        listChangeCustomers(tx, scope, request.params.id, request.query),
      ),
  );
  app.get(
    '/changes/:id/next-slot',
    {
      schema: {
        tags,
        summary: 'The earliest slot of the same duration that breaks no rule, notice from now (provider)',
        params: IdParams,
        response: { 200: NextSlotAnswer, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => nextSlotFor(tx, scope, policy(), request.params.id)),
  );
  app.post(
    '/changes/:id/start',
    { schema: { tags, summary: 'The change is under way (provider)', params: IdParams, response: one } },
    (request) => inRequestScope(request, (tx, scope) => startChange(tx, scope, policy(), request.params.id)),
  );
  app.post(
    '/changes/:id/complete',
    {
      schema: {
        tags,
        summary:
          'The change is done (provider); a certificate renewal gives SSO customers their follow-up tasks',
        params: IdParams,
        body: NoteBody,
        response: one,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        completeChange(tx, scope, policy(), request.params.id, request.body),
      ),
  );
  app.post(
    '/changes/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a change not yet started (provider)',
        params: IdParams,
        body: CancelBody,
        response: one,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        cancelChange(tx, scope, policy(), request.params.id, request.body),
      ),
  );
  app.post(
    '/changes/:id/reschedule',
    {
      schema: {
        tags,
        summary: 'Move a change to a new slot under the same rules (provider); grants the open requests',
        params: IdParams,
        body: RescheduleBody,
        response: one,
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        rescheduleChange(tx, scope, policy(), request.params.id, request.body),
      ),
  );
  app.post(
    '/changes/:id/reschedule-requests',
    {
      schema: {
        tags,
        summary: 'Ask to reschedule a change, with a detailed reason (partner)',
        params: IdParams,
        body: RescheduleRequestBody,
        response: { 201: RescheduleRequest, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            requestReschedule(tx, scope, policy(), request.params.id, request.body),
          ),
        ),
  );
  app.get(
    '/reschedule-requests',
    {
      schema: {
        tags,
        summary: 'Reschedule requests; status=open is the provider queue, oldest first',
        querystring: RescheduleRequestQuery,
        response: { 200: pageSchema(RescheduleRequest), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listRescheduleRequests(tx, scope, request.query)),
  );
  app.post(
    '/reschedule-requests/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a reschedule request with a note (provider)',
        params: IdParams,
        body: DeclineBody,
        response: { 200: RescheduleRequest, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) =>
        declineRescheduleRequest(tx, scope, request.params.id, request.body),
      ),
  );
  app.post(
    '/reschedule-requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an open reschedule request (the partner that asked)',
        params: IdParams,
        response: { 200: RescheduleRequest, ...ProblemResponses },
      },
    },
    (request) =>
      inRequestScope(request, (tx, scope) => withdrawRescheduleRequest(tx, scope, request.params.id)),
  );
  app.post(
    '/cop-installs',
    {
      schema: {
        tags,
        summary:
          'Install a COP file: a cop_install change in the earliest allowed slot (emergency: the next provider window, no notice)',
        body: CopInstallBody,
        response: { 201: Change, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) => planCopInstall(tx, scope, policy(), request.body)),
        ),
  );
  app.post(
    '/certificates/:id/renewal-change',
    {
      schema: {
        tags,
        summary:
          "Plan the certificate's renewal change in its proposed slot (7–3 days before expiry, in a window)",
        params: IdParams,
        response: { 201: Change, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            planCertificateRenewal(tx, scope, policy(), request.params.id),
          ),
        ),
  );
  app.post(
    '/upgrade-campaigns/:id/changes',
    {
      schema: {
        tags,
        summary:
          "Plan the campaign's upgrade changes: one per region in the earliest slot after the notice period",
        params: IdParams,
        body: CampaignChangesBody,
        response: { 201: ChangeList, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inRequestScope(request, (tx, scope) =>
            planCampaignUpgrades(tx, scope, policy(), request.params.id, request.body),
          ),
        ),
  );
  app.get(
    '/change-tasks',
    {
      schema: {
        tags,
        summary: "The partner's follow-up tasks after certificate renewals for SSO customers",
        querystring: TaskQuery,
        response: { 200: pageSchema(ChangeTask), ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => listChangeTasks(tx, scope, request.query)),
  );
  app.post(
    '/change-tasks/:id/done',
    {
      schema: {
        tags,
        summary: 'Tick a follow-up step off (partner; in order)',
        params: IdParams,
        response: { 200: ChangeTask, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => setTaskDone(tx, scope, request.params.id, true)),
  );
  app.post(
    '/change-tasks/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a follow-up step (partner)',
        params: IdParams,
        response: { 200: ChangeTask, ...ProblemResponses },
      },
    },
    (request) => inRequestScope(request, (tx, scope) => setTaskDone(tx, scope, request.params.id, false)),
  );
}
