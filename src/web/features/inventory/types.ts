/**
 * Inventory shapes as answered by the API, written by hand from
 * src/server/modules/inventory/inventory.schemas.ts.
 */
import type { Region } from '../../api/types.ts';
import type { ChangeStatus, UpgradeReason } from '../changes/types.ts';

export const APPLICATION_KINDS = ['cucm', 'cucxn', 'imp', 'cer', 'expressway', 'sme'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const VERSION_TIERS = ['n', 'n-1', 'n-2', 'unsupported'] as const;
export type VersionTier = (typeof VERSION_TIERS)[number];

export const NODE_ROLES = ['publisher', 'subscriber'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

export interface ApplicationNode {
  hostname: string;
  role: NodeRole;
  dataCentre: string;
}

export interface Compliance {
  tier: VersionTier;
  mustUpgrade: boolean;
  upgradeTo: string | null;
}

export interface Application {
  id: string;
  partnerId: string;
  customerId: string;
  customerName: string;
  kind: ApplicationKind;
  name: string;
  version: string;
  region: Region;
  nodes: ApplicationNode[];
  primaryDataCentre: string;
  failoverDataCentre: string | null;
  ssoEnabled: boolean;
  compliance: Compliance;
  createdAt: string;
  updatedAt: string;
}

/** The body of POST /applications; PATCH takes the same fields (less customer and kind), all optional. */
export interface ApplicationBody {
  customerId: string;
  kind: ApplicationKind;
  name: string;
  version: string;
  nodes: ApplicationNode[];
  primaryDataCentre: string;
  failoverDataCentre?: string | null;
  ssoEnabled?: boolean;
  region?: Region;
}
export type ApplicationPatch = Partial<Omit<ApplicationBody, 'customerId' | 'kind'>>;

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface Release {
  version: string;
  sus: string[];
}

export interface ReleaseTrain {
  n: Release;
  n1: Release;
  n2: Release;
  target: string;
}

export interface ActiveTrain {
  train: ReleaseTrain;
  /** Null while the policy document's train applies (nothing published yet). */
  publishedAt: string | null;
  publishedBy: string | null;
  release: Release | null;
}

export interface ReleaseHistory {
  active: ActiveTrain;
  history: ActiveTrain[];
}

export interface PublishReleaseBody {
  version: string;
  sus: string[];
  target?: string;
}

export interface PublishResult {
  train: ReleaseTrain;
  previousTrain: ReleaseTrain;
  reclassified: number;
  fellOutOfCompliance: { customers: number; applications: number };
  campaignId: string | null;
}

export type TierCounts = Record<VersionTier, number>;

export interface PartnerCompliance {
  partnerId: string;
  partnerName: string;
  applications: number;
  tiers: TierCounts;
  customersMustUpgrade: number;
  compliantShare: number;
}

export interface CustomerCompliance {
  customerId: string;
  customerName: string;
  partnerId: string;
  applications: number;
  tiers: TierCounts;
}

export interface ComplianceReport {
  train: ReleaseTrain;
  partners: PartnerCompliance[];
  customers: CustomerCompliance[];
}

export interface CampaignCustomer {
  customerId: string;
  customerName: string;
  region: Region;
  partnerId: string;
  partnerName: string;
  applicationIds: string[];
  /** The campaign's upgrade change covering the customer (not cancelled): planning again skips it. */
  upgradeChange: { id: string; reference: string; status: ChangeStatus } | null;
}

/** POST /upgrade-campaigns/:id/changes; the server takes below_n_minus_1 and 240 minutes when left out. */
export interface CampaignChangesBody {
  reason?: UpgradeReason;
  /** 30–600 */
  durationMinutes?: number;
  /** Not before this instant (ISO). */
  after?: string;
}

export interface Campaign {
  id: string;
  target: string;
  createdAt: string;
  customers: CampaignCustomer[];
}
