/**
 * Capacity shapes as answered by the API, written by hand from
 * src/server/modules/inventory/capacity.schemas.ts.
 */

export const CAPACITY_RESOURCES = ['knowledge_workers', 'workspace_devices'] as const;
export type CapacityResource = (typeof CAPACITY_RESOURCES)[number];

/** The request and response field of each resource. */
export type ResourceField = 'knowledgeWorkers' | 'workspaceDevices';
export const RESOURCE_FIELDS: Record<CapacityResource, ResourceField> = {
  knowledge_workers: 'knowledgeWorkers',
  workspace_devices: 'workspaceDevices',
};

export const CAPACITY_LEVELS = ['ok', 'warning80', 'warning90', 'over'] as const;
export type CapacityLevel = (typeof CAPACITY_LEVELS)[number];

export interface ResourceUse {
  entitled: number;
  provisioned: number;
  available: number;
  /** provisioned / entitled, in percent with one decimal. */
  percent: number;
  level: CapacityLevel;
}

export interface Capacity {
  customerId: string;
  customerName: string;
  partnerId: string;
  partnerName: string;
  activatedAt: string;
  knowledgeWorkers: ResourceUse;
  workspaceDevices: ResourceUse;
  /** Expansions requested or planned. */
  openExpansions: number;
}

export const EXPANSION_STATUSES = ['requested', 'planned', 'completed', 'cancelled'] as const;
export type ExpansionStatus = (typeof EXPANSION_STATUSES)[number];

export interface Expansion {
  id: string;
  partnerId: string;
  customerId: string;
  customerName: string;
  caseId: string;
  caseNumber: string;
  resource: CapacityResource;
  additional: number;
  reason: string;
  status: ExpansionStatus;
  plannedFor: string | null;
  planNote: string | null;
  completedAt: string | null;
  cancelledReason: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

export type ResourceCounts = Partial<Record<ResourceField, number>>;

export interface ActivationBody {
  knowledgeWorkers: number;
  workspaceDevices: number;
}

export interface ExpansionBody {
  customerId: string;
  caseId: string;
  resource: CapacityResource;
  additional: number;
  reason: string;
}

export interface PlanBody {
  plannedFor: string;
  note?: string;
}
