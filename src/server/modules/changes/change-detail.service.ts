import type { Policy } from '../../../core/policy-document.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { listChangeTasksOfChange } from './change-tasks.service.ts';
import { presentChange } from './changes.presenter.ts';
import { customersOfChange, getChangeRow } from './changes.service.ts';
import { requestsOfChange } from './reschedule-requests.service.ts';

/** How many affected customers the detail lists; the rest page through GET /changes/:id/customers. */
const DETAIL_CUSTOMERS = 200;

/**
 * One change with what the caller may see of it: its customers (first 200), its history (a partner
 * sees the reschedule requests of others as nothing), its requests, its follow-up tasks and the
 * partner change request it carries out.
 */
export async function getChangeDetail(tx: Tx, scope: Scope, policy: Policy, id: string, now = Date.now()) {
  const row = await getChangeRow(tx, scope, id);
  const [customers, history, requests, tasks, changeRequest] = await Promise.all([
    customersOfChange(tx, scope, id, { limit: DETAIL_CUSTOMERS }),
    tx
      .selectFrom('change_events')
      .select(['id', 'kind', 'status', 'detail', 'actor_label', 'at'])
      .where('change_id', '=', id)
      .$if(scope.kind !== 'provider' && scope.kind !== 'system', (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('partner_id', 'is', null),
            ...(scope.kind === 'partner' ? [eb('partner_id', '=', scope.partnerId ?? '')] : []),
          ]),
        ),
      )
      .orderBy('at')
      .orderBy('id')
      .execute(),
    requestsOfChange(tx, scope, id),
    listChangeTasksOfChange(tx, scope, id),
    tx
      .selectFrom('change_requests')
      .select('id')
      .where('change_id', '=', id)
      .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
      .$if(scope.kind === 'customer', (qb) => qb.where('customer_id', '=', scope.customerId ?? ''))
      .executeTakeFirst(),
  ]);
  return {
    ...presentChange(policy, scope, row, now),
    customers: customers.items,
    history: history.map((event) => ({
      id: event.id,
      kind: event.kind,
      status: event.status,
      detail: (event.detail ?? {}) as Record<string, unknown>,
      actor: event.actor_label,
      at: event.at.toISOString(),
    })),
    rescheduleRequests: requests,
    tasks,
    changeRequestId: changeRequest?.id ?? null,
  };
}
