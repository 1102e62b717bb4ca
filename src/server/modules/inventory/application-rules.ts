import { parseVersion, type ReleaseTrain } from '../../../core/index.ts';
import type { ApplicationKind, ApplicationNode, Region } from '../../db/schema.ts';
import type { FieldError } from '../../http/errors.ts';
import { normalizeVersion, tierOf } from './release-train.ts';

/** An application as the rules see it, whether it came from JSON or from a CSV row. */
export interface ApplicationDraft {
  kind: ApplicationKind;
  name: string;
  version: string;
  nodes: ApplicationNode[];
  primaryDataCentre: string;
  failoverDataCentre: string | null;
  region: Region | null;
}

/**
 * The inventory's rules for one application; each broken rule is one error at `prefix + field`.
 * - exactly one publisher, host names unique, every node in the primary or failover data centre;
 * - an SME cluster names the region of its publisher; other applications follow their customer;
 * - the version reads as '<release> SU<n>';
 * - a new deployment goes only on n (SPEC §6) — not checked for updates and imports, which record
 *   what already runs.
 */
export function applicationErrors(
  draft: ApplicationDraft,
  customerRegion: Region,
  train: ReleaseTrain,
  options: { newDeployment: boolean; prefix?: string },
): FieldError[] {
  const at = (field: string) => `${options.prefix ?? ''}${field}`;
  const errors: FieldError[] = [];
  const publishers = draft.nodes.filter((n) => n.role === 'publisher').length;
  if (publishers !== 1)
    errors.push({
      code: 'one_publisher',
      path: at('nodes'),
      message: `an application has exactly one publisher (found ${publishers})`,
    });
  const seen = new Set<string>();
  for (const node of draft.nodes) {
    const host = node.hostname.toLowerCase();
    if (seen.has(host))
      errors.push({ code: 'duplicate_node', path: at('nodes'), message: `${node.hostname} is listed twice` });
    seen.add(host);
  }
  const centres = new Set([draft.primaryDataCentre, draft.failoverDataCentre].filter(Boolean));
  for (const node of draft.nodes)
    if (!centres.has(node.dataCentre))
      errors.push({
        code: 'node_data_centre',
        path: at('nodes'),
        message: `${node.hostname} is in ${node.dataCentre}, which is neither the primary nor the failover data centre`,
      });
  if (draft.failoverDataCentre !== null && draft.failoverDataCentre === draft.primaryDataCentre)
    errors.push({
      code: 'distinct_data_centres',
      path: at('failoverDataCentre'),
      message: 'the failover data centre must differ from the primary one',
    });
  if (draft.kind === 'sme' && draft.region === null)
    errors.push({
      code: 'sme_region_required',
      path: at('region'),
      message: "an SME cluster follows its publisher's region: name it",
    });
  if (draft.kind !== 'sme' && draft.region !== null && draft.region !== customerRegion)
    errors.push({
      code: 'region_follows_customer',
      path: at('region'),
      message: `only an SME cluster has its own region; this application follows its customer (${customerRegion})`,
    });
  if (!parseVersion(draft.version))
    errors.push({
      code: 'version_format',
      path: at('version'),
      message: `"${draft.version}" is not a version like "15.0 SU2"`,
    });
  else if (options.newDeployment && tierOf(train, draft.version) !== 'n')
    errors.push({
      code: 'new_deployment_not_on_n',
      path: at('version'),
      message: `new deployments go only on n (${train.n.sus.map((su) => `${train.n.version} ${su}`).join(', ')}); ${normalizeVersion(draft.version)} is ${tierOf(train, draft.version)}`,
    });
  return errors;
}

/** The region an application runs its calendar in. */
export function effectiveRegion(
  draft: Pick<ApplicationDraft, 'kind' | 'region'>,
  customerRegion: Region,
): Region {
  return draft.kind === 'sme' && draft.region ? draft.region : customerRegion;
}
