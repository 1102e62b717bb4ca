import type { Selectable } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import type { ChangeTasksTable } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { newestFirst, newestPage } from '../../http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { changeReference } from './changes.presenter.ts';
import { CHANGE_REQUESTERS } from './changes.service.ts';

type TaskRow = Selectable<ChangeTasksTable> & {
  change_number: number;
  change_title: string;
  customer_name: string;
};

function presentTask(row: TaskRow) {
  return {
    id: row.id,
    changeId: row.change_id,
    changeReference: changeReference(row.change_number),
    changeTitle: row.change_title,
    customerId: row.customer_id,
    customerName: row.customer_name,
    partnerId: row.partner_id,
    kind: row.kind,
    position: row.position,
    doneAt: row.done_at?.toISOString() ?? null,
    doneBy: row.done_by_label,
    createdAt: row.created_at.toISOString(),
  };
}

function tasksInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('change_tasks as t')
    .innerJoin('changes as ch', 'ch.id', 't.change_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .selectAll('t')
    .select(['ch.number as change_number', 'ch.title as change_title', 'c.name as customer_name'])
    .$if(scope.kind === 'partner', (qb) => qb.where('t.partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('t.customer_id', '=', scope.customerId ?? ''));
}

export interface TaskFilter {
  status?: 'open' | 'done';
  customerId?: string;
  changeId?: string;
  limit?: number;
  cursor?: string;
}

/** Newest batches first; within a change and customer the four steps in order. */
export async function listChangeTasks(tx: Tx, scope: Scope, filter: TaskFilter) {
  const rows = await tasksInScope(tx, scope)
    .$if(filter.status === 'open', (qb) => qb.where('t.done_at', 'is', null))
    .$if(filter.status === 'done', (qb) => qb.where('t.done_at', 'is not', null))
    .$if(filter.customerId !== undefined, (qb) => qb.where('t.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.changeId !== undefined, (qb) => qb.where('t.change_id', '=', filter.changeId ?? ''))
    .$call(newestFirst('t.created_at', 't.id', filter))
    .execute();
  const page = newestPage(rows, filter);
  const items = page.items
    .map(presentTask)
    .sort(
      (a, b) =>
        b.createdAt.localeCompare(a.createdAt) ||
        a.changeId.localeCompare(b.changeId) ||
        a.customerName.localeCompare(b.customerName) ||
        a.position - b.position,
    );
  return { items, nextCursor: page.nextCursor };
}

export async function listChangeTasksOfChange(tx: Tx, scope: Scope, changeId: string) {
  const rows = await tasksInScope(tx, scope)
    .where('t.change_id', '=', changeId)
    .orderBy('c.name')
    .orderBy('t.position')
    .execute();
  return rows.map(presentTask);
}

/**
 * The partner ticks a step off (or back on). The steps are done in order: a step waits for the ones
 * before it, and a step cannot be reopened while a later one is done.
 */
export async function setTaskDone(tx: Tx, scope: Scope, id: string, done: boolean, now = Date.now()) {
  if (scope.kind !== 'partner') throw forbidden('The partner works through its follow-up tasks.');
  requireRole(scope, CHANGE_REQUESTERS);
  const before = await tasksInScope(tx, scope).where('t.id', '=', id).forUpdate('t').executeTakeFirst();
  if (!before) throw notFound('task');
  if ((before.done_at !== null) === done)
    throw conflict('task_unchanged', done ? 'The task is already done.' : 'The task is not done.');
  const siblings = await tx
    .selectFrom('change_tasks')
    .select(['position', 'done_at'])
    .where('change_id', '=', before.change_id)
    .where('customer_id', '=', before.customer_id)
    .execute();
  if (done && siblings.some((s) => s.position < before.position && s.done_at === null))
    throw conflict('task_order', 'Finish the steps before this one first.');
  if (!done && siblings.some((s) => s.position > before.position && s.done_at !== null))
    throw conflict('task_order', 'Reopen the later steps first.');
  const row = await tx
    .updateTable('change_tasks')
    .set(
      done ? { done_at: new Date(now), done_by_label: scope.label } : { done_at: null, done_by_label: null },
    )
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const task = presentTask({ ...before, ...row });
  await recordAudit(tx, scope, {
    action: done ? 'change_task.done' : 'change_task.reopened',
    entityType: 'change_task',
    entityId: id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before: presentTask(before),
    after: task,
  });
  return task;
}
