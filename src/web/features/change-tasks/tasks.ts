/**
 * The SSO follow-up tasks of a certificate renewal, grouped the way a partner works them: by change,
 * then by customer, four steps in order. Pure functions, no React.
 */
import type { ChangeTask } from '../changes/types.ts';

export type TaskFilter = 'open' | 'done' | 'all';

export interface CustomerTasks {
  customerId: string;
  customerName: string;
  /** By position (1–4). */
  tasks: ChangeTask[];
  done: boolean;
}

export interface ChangeTasks {
  changeId: string;
  changeReference: string;
  changeTitle: string;
  customers: CustomerTasks[];
}

/**
 * Groups tasks by change (newest change first, as the tasks were created on its completion), then by
 * customer name; a customer's group is open until its last step is done. `filter` keeps the open or
 * the finished groups, whole, so the steps already done stay in view next to the open ones; the groups
 * named in `sticky` ('changeId/customerId', those worked on just now) stay whatever their state, so a
 * group does not vanish under the hand that ticks its last step.
 */
export function groupTasks(
  tasks: readonly ChangeTask[],
  filter: TaskFilter = 'all',
  sticky: ReadonlySet<string> = new Set(),
): ChangeTasks[] {
  const changes = new Map<string, ChangeTasks & { createdAt: string }>();
  const customers = new Map<string, CustomerTasks>();
  for (const task of tasks) {
    let change = changes.get(task.changeId);
    if (!change) {
      change = {
        changeId: task.changeId,
        changeReference: task.changeReference,
        changeTitle: task.changeTitle,
        customers: [],
        createdAt: task.createdAt,
      };
      changes.set(task.changeId, change);
    }
    if (task.createdAt > change.createdAt) change.createdAt = task.createdAt;
    const key = `${task.changeId}/${task.customerId}`;
    let customer = customers.get(key);
    if (!customer) {
      customer = { customerId: task.customerId, customerName: task.customerName, tasks: [], done: false };
      customers.set(key, customer);
      change.customers.push(customer);
    }
    customer.tasks.push(task);
  }
  const out: ChangeTasks[] = [];
  for (const change of [...changes.values()].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || a.changeReference.localeCompare(b.changeReference),
  )) {
    for (const customer of change.customers) {
      customer.tasks.sort((a, b) => a.position - b.position);
      customer.done = customer.tasks.every((t) => t.doneAt !== null);
    }
    const kept = change.customers
      .filter(
        (c) =>
          filter === 'all' ||
          (filter === 'done') === c.done ||
          sticky.has(groupKey(change.changeId, c.customerId)),
      )
      .sort((a, b) => a.customerName.localeCompare(b.customerName));
    if (kept.length > 0) {
      const { createdAt: _createdAt, ...rest } = change;
      out.push({ ...rest, customers: kept });
    }
  }
  return out;
}

/** The key of a customer's steps of one change, as `sticky` takes it. */
export function groupKey(changeId: string, customerId: string): string {
  return `${changeId}/${customerId}`;
}

/**
 * Whether a step may be ticked or unticked now: the steps are done in order, so a step is ticked only
 * once every earlier one is done, and unticked only while no later one is.
 */
export function canToggle(steps: readonly ChangeTask[], task: ChangeTask): boolean {
  if (task.doneAt === null) return steps.every((s) => s.position >= task.position || s.doneAt !== null);
  return steps.every((s) => s.position <= task.position || s.doneAt === null);
}

/** The list as it will be once the server has recorded the tick (or untick): for an optimistic update. */
export function applyToggle(
  tasks: readonly ChangeTask[],
  id: string,
  done: boolean,
  at: string,
  by: string,
): ChangeTask[] {
  return tasks.map((t) => (t.id === id ? { ...t, doneAt: done ? at : null, doneBy: done ? by : null } : t));
}
