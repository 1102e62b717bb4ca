import { sql } from 'kysely';
import {
  type CapacityLevel,
  canProvision,
  capacityLevel,
  crossedThresholds,
  type Policy,
} from '../../../core/index.ts';
import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { CapacityResource, Role } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { AppError, conflict, type FieldError } from '../../http/errors.ts';
import { decodeCursor, pageOf } from '../../http/pagination.ts';
import { raiseEvent } from '../../notify/events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getCustomerRow } from '../directory/customers.service.ts';
import { INVENTORY_EDITORS } from './applications.service.ts';

export const CAPACITY_RESOURCES = ['knowledge_workers', 'workspace_devices'] as const;
/** The partner provisions users and devices within the capacity; the provider may correct counts. */
export const PROVISIONERS: readonly Role[] = [
  'partner_admin',
  'partner_engineer',
  'provider_admin',
  'provider_engineer',
];

/** Request field of each resource. */
export const RESOURCE_FIELDS: Record<CapacityResource, 'knowledgeWorkers' | 'workspaceDevices'> = {
  knowledge_workers: 'knowledgeWorkers',
  workspace_devices: 'workspaceDevices',
};

export type ResourceCounts = Partial<Record<'knowledgeWorkers' | 'workspaceDevices', number>>;

interface ResourceRow {
  resource: CapacityResource;
  entitled: number;
  provisioned: number;
}

function presentResource(policy: Policy, row: ResourceRow) {
  return {
    entitled: row.entitled,
    provisioned: row.provisioned,
    available: Math.max(0, row.entitled - row.provisioned),
    percent: row.entitled > 0 ? Math.round((row.provisioned / row.entitled) * 1000) / 10 : 0,
    level: capacityLevel(policy, row.provisioned, row.entitled),
  };
}

interface CustomerCapacityRow {
  customer_id: string;
  customer_name: string;
  partner_id: string;
  partner_name: string;
  activated_at: Date;
  kw_entitled: number;
  kw_provisioned: number;
  ws_entitled: number;
  ws_provisioned: number;
  open_expansions: number;
}

function presentCapacity(policy: Policy, row: CustomerCapacityRow) {
  return {
    customerId: row.customer_id,
    customerName: row.customer_name,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    activatedAt: row.activated_at.toISOString(),
    knowledgeWorkers: presentResource(policy, {
      resource: 'knowledge_workers',
      entitled: row.kw_entitled,
      provisioned: row.kw_provisioned,
    }),
    workspaceDevices: presentResource(policy, {
      resource: 'workspace_devices',
      entitled: row.ws_entitled,
      provisioned: row.ws_provisioned,
    }),
    openExpansions: row.open_expansions,
  };
}

/** One row per activated customer, both resources side by side, in the caller's scope. */
function capacityInScope(tx: Tx, scope: Scope) {
  return (
    tx
      .selectFrom('customer_capacity as kw')
      .innerJoin('customer_capacity as ws', (join) =>
        join.onRef('ws.customer_id', '=', 'kw.customer_id').on('ws.resource', '=', 'workspace_devices'),
      )
      .innerJoin('customers as c', 'c.id', 'kw.customer_id')
      // A left join: the partner's name is for display and must never drop a customer's row.
      .leftJoin('partners as p', 'p.id', 'kw.partner_id')
      .where('kw.resource', '=', 'knowledge_workers')
      .select([
        'kw.customer_id',
        'c.name as customer_name',
        'kw.partner_id',
        sql<string>`coalesce(p.name, '')`.as('partner_name'),
        'kw.activated_at',
        'kw.entitled as kw_entitled',
        'kw.provisioned as kw_provisioned',
        'ws.entitled as ws_entitled',
        'ws.provisioned as ws_provisioned',
        sql<number>`(SELECT count(*)::int FROM capacity_expansions x
        WHERE x.customer_id = kw.customer_id AND x.status IN ('requested', 'planned'))`.as('open_expansions'),
      ])
      .$if(scope.kind === 'partner', (qb) => qb.where('kw.partner_id', '=', scope.partnerId ?? ''))
      .$if(scope.kind === 'customer', (qb) => qb.where('kw.customer_id', '=', scope.customerId ?? ''))
  );
}

export interface CapacityFilter {
  partnerId?: string;
  customerId?: string;
  /** Only customers with a resource at 80 % or more of its entitlement. */
  attention?: boolean;
  limit?: number;
  cursor?: string;
}

/** Active customers by name with their capacity use; `attention` keeps those at a threshold or above. */
export async function listCapacity(tx: Tx, scope: Scope, policy: Policy, filter: CapacityFilter) {
  const after = decodeCursor(filter.cursor);
  const limit = filter.limit ?? 50;
  const warn = policy.capacity.thresholds[0];
  const rows = await capacityInScope(tx, scope)
    .where('c.active', '=', true)
    .$if(filter.partnerId !== undefined, (qb) => qb.where('kw.partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.customerId !== undefined, (qb) => qb.where('kw.customer_id', '=', filter.customerId ?? ''))
    .$if(filter.attention === true, (qb) =>
      qb.where(
        sql<boolean>`(kw.provisioned >= ${warn}::numeric * kw.entitled OR ws.provisioned >= ${warn}::numeric * ws.entitled)`,
      ),
    )
    .$if(after !== null, (qb) =>
      qb.where(sql<boolean>`(lower(c.name), c.id) > (${after?.k}, ${after?.id}::uuid)`),
    )
    .orderBy(sql`lower(c.name)`)
    .orderBy('c.id')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (row) => ({ k: row.customer_name.toLowerCase(), id: row.customer_id }));
  return { items: page.items.map((row) => presentCapacity(policy, row)), nextCursor: page.nextCursor };
}

/** The customer's capacity row; `lock` holds both resource rows until the transaction ends. */
async function capacityRow(tx: Tx, scope: Scope, customerId: string, lock = false) {
  const row = await capacityInScope(tx, scope)
    .where('kw.customer_id', '=', customerId)
    .$if(lock, (qb) => qb.forUpdate(['kw', 'ws']))
    .executeTakeFirst();
  if (!row) {
    // In scope but not activated yet is a different answer from "no such customer".
    await getCustomerRow(tx, scope, customerId);
    throw new AppError(
      404,
      'not_activated',
      'The customer has no capacity recorded: it is not activated yet.',
    );
  }
  return row;
}

export async function getCapacity(tx: Tx, scope: Scope, policy: Policy, customerId: string) {
  return presentCapacity(policy, await capacityRow(tx, scope, customerId));
}

/**
 * Activation: the knowledge-worker and workspace-device counts the partner gave (the end state),
 * recorded once by the provider; later growth goes through expansions.
 */
export async function activateCapacity(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  customerId: string,
  input: { knowledgeWorkers: number; workspaceDevices: number },
  now = Date.now(),
) {
  requireRole(scope, INVENTORY_EDITORS);
  const customer = await getCustomerRow(tx, scope, customerId);
  try {
    await tx
      .insertInto('customer_capacity')
      .values(
        CAPACITY_RESOURCES.map((resource) => ({
          customer_id: customer.id,
          partner_id: customer.partner_id,
          resource,
          entitled: input[RESOURCE_FIELDS[resource]],
          activated_at: new Date(now),
          updated_at: new Date(now),
        })),
      )
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, 'customer_capacity_pkey'))
      throw conflict(
        'already_activated',
        'The customer is already activated; raise its capacity through an expansion.',
      );
    throw error;
  }
  const capacity = await getCapacity(tx, scope, policy, customerId);
  await recordAudit(tx, scope, {
    action: 'capacity.activated',
    entityType: 'customer_capacity',
    entityId: customerId,
    partnerId: customer.partner_id,
    customerId,
    after: input,
  });
  return capacity;
}

/**
 * The partner reports its provisioned counts. Beyond the entitlement answers 409 and changes
 * nothing; crossing 80 % or 90 % upwards notifies the partner once per crossing (the rows are
 * locked, so two reports at once cannot both see the same "before").
 */
export async function setProvisioned(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  customerId: string,
  input: ResourceCounts,
) {
  requireRole(scope, PROVISIONERS);
  // Locked: two reports at once cannot both see the same "before" and notify twice.
  const current = await capacityRow(tx, scope, customerId, true);
  const rows: ResourceRow[] = [
    { resource: 'knowledge_workers', entitled: current.kw_entitled, provisioned: current.kw_provisioned },
    { resource: 'workspace_devices', entitled: current.ws_entitled, provisioned: current.ws_provisioned },
  ];
  const changes = rows.flatMap((row) => {
    const wanted = input[RESOURCE_FIELDS[row.resource]];
    return wanted === undefined || wanted === row.provisioned ? [] : [{ row, wanted }];
  });
  const over: FieldError[] = changes
    .filter(({ row, wanted }) => !canProvision(0, wanted, row.entitled))
    .map(({ row, wanted }) => ({
      code: 'capacity_exceeded',
      path: RESOURCE_FIELDS[row.resource],
      message: `${wanted} is above the entitlement of ${row.entitled}; an expansion must raise it first`,
    }));
  if (over.length > 0)
    throw new AppError(409, 'capacity_exceeded', 'Provisioning beyond the entitled capacity.', {
      errors: over,
    });

  for (const { row, wanted } of changes) {
    await tx
      .updateTable('customer_capacity')
      .set({ provisioned: wanted, updated_at: new Date() })
      .where('customer_id', '=', customerId)
      .where('resource', '=', row.resource)
      .execute();
    const crossed = crossedThresholds(policy, row.provisioned, wanted, row.entitled);
    if (crossed.length > 0) await notifyCrossing(tx, scope, policy, current, row, wanted, crossed);
  }
  const after = (resource: CapacityResource, before: number) =>
    changes.find((c) => c.row.resource === resource)?.wanted ?? before;
  const capacity = presentCapacity(policy, {
    ...current,
    kw_provisioned: after('knowledge_workers', current.kw_provisioned),
    ws_provisioned: after('workspace_devices', current.ws_provisioned),
  });
  if (changes.length > 0)
    await recordAudit(tx, scope, {
      action: 'capacity.provisioned',
      entityType: 'customer_capacity',
      entityId: customerId,
      partnerId: current.partner_id,
      customerId,
      before: Object.fromEntries(changes.map(({ row }) => [RESOURCE_FIELDS[row.resource], row.provisioned])),
      after: Object.fromEntries(changes.map(({ row, wanted }) => [RESOURCE_FIELDS[row.resource], wanted])),
    });
  return capacity;
}

const THRESHOLD_PERCENT: Partial<Record<CapacityLevel, (policy: Policy) => number>> = {
  warning80: (policy) => Math.round(policy.capacity.thresholds[0] * 100),
  warning90: (policy) => Math.round(policy.capacity.thresholds[1] * 100),
};

/** One notice naming the highest threshold reached (80 → 95 % in one report is one message). */
async function notifyCrossing(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  customer: { customer_id: string; customer_name: string; partner_id: string },
  row: ResourceRow,
  provisioned: number,
  crossed: CapacityLevel[],
) {
  const highest = [...crossed].reverse().find((level) => THRESHOLD_PERCENT[level] !== undefined);
  if (!highest) return;
  await raiseEvent(tx, scope, {
    category: 'capacity',
    kind: 'capacity.threshold_crossed',
    subjectType: 'customer',
    subjectId: customer.customer_id,
    payload: {
      customerId: customer.customer_id,
      customerName: customer.customer_name,
      resource: row.resource,
      level: highest,
      thresholdPercent: THRESHOLD_PERCENT[highest]?.(policy) ?? 0,
      crossed,
      provisioned,
      entitled: row.entitled,
      percent: presentResource(policy, { ...row, provisioned }).percent,
    },
    toPartners: [customer.partner_id],
  });
}
