/**
 * Pure helpers of the inventory screens: tier colours, error mapping (form fields and the
 * line-numbered CSV import table), chart geometry and the release-train preview. No React here.
 */
import type { FieldError } from '../../api/problem.ts';
import type { InventorySearch } from './search.ts';
import {
  type ApplicationNode,
  type Release,
  type ReleaseTrain,
  type TierCounts,
  VERSION_TIERS,
  type VersionTier,
} from './types.ts';

/** Mantine colour of each tier's badge: n green, n-1 yellow, n-2 orange, unsupported red. */
export const TIER_COLOR: Record<VersionTier, 'green' | 'yellow' | 'orange' | 'red'> = {
  n: 'green',
  'n-1': 'yellow',
  'n-2': 'orange',
  unsupported: 'red',
};

/** Dark text shades for light badges, so each keeps at least 4.5:1 contrast. */
export const TIER_TEXT: Record<VersionTier, string> = {
  n: '#1e5c2b',
  'n-1': '#5c4000',
  'n-2': '#8f3108',
  unsupported: '#9b1c1c',
};

/** Chart fills with at least 3:1 contrast against white (WCAG non-text contrast), told apart by lightness too. */
export const TIER_FILL: Record<VersionTier, string> = {
  n: '#2b8a3e',
  'n-1': '#9a7400',
  'n-2': '#e8590c',
  unsupported: '#a51d2d',
};

/** How far behind a tier is: 0 for n … 3 for unsupported. */
export const tierRank = (tier: VersionTier): number => VERSION_TIERS.indexOf(tier);

/** '15.0 SU1', '15.0 SU2' … : the versions a release stands for. */
export const releaseVersions = (release: Release): string[] =>
  release.sus.map((su) => `${release.version} ${su}`);

export function countNodes(nodes: readonly ApplicationNode[]): { publishers: number; subscribers: number } {
  const publishers = nodes.filter((n) => n.role === 'publisher').length;
  return { publishers, subscribers: nodes.length - publishers };
}

export const totalOf = (tiers: TierCounts): number =>
  VERSION_TIERS.reduce((sum, tier) => sum + tiers[tier], 0);

/** Share of applications on n (1 when there are none: nothing is out of compliance). */
export function shareOnN(tiers: TierCounts): number {
  const total = totalOf(tiers);
  return total === 0 ? 1 : tiers.n / total;
}

/** "82 %" — whole percent, rounded down so 99.6 % is never shown as fully compliant. */
export function formatShare(share: number): string {
  const percent = share >= 1 ? 100 : Math.floor(share * 100);
  return `${percent} %`;
}

export interface Segment {
  tier: VersionTier;
  count: number;
  x: number;
  width: number;
}

/**
 * One horizontal stacked bar: a segment per tier with applications, laid out left to right
 * (n first) over `width`, proportional to the count. Empty tiers get no segment.
 */
export function stackSegments(tiers: TierCounts, width: number): Segment[] {
  const total = totalOf(tiers);
  if (total === 0) return [];
  const segments: Segment[] = [];
  let x = 0;
  for (const tier of VERSION_TIERS) {
    const count = tiers[tier];
    if (count === 0) continue;
    const w = (count / total) * width;
    segments.push({ tier, count, x, width: w });
    x += w;
  }
  return segments;
}

// ── Errors ────────────────────────────────────────────────────────────────────────────────────

/** A problem's `path` as a dotted field path: '/nodes/0/hostname' and 'nodes[0].hostname' → 'nodes.0.hostname'. */
export function normalizePath(path: string | undefined): string {
  return (path ?? '')
    .replace(/^\/+/, '')
    .replaceAll('/', '.')
    .replace(/\[(\d+)\]/g, '.$1');
}

export interface ImportErrorRow {
  key: string;
  /** The line in the file (the header is line 1); null for errors about the whole file. */
  line: number | null;
  /** The CSV column, or 'line' for the row as a whole; null for the header and the file. */
  column: string | null;
  code: string;
  message: string;
}

const CELL_PATH = /^rows\[(\d+)\]\.(.+)$/;

/** The server prefixes each row's message with "line N: "; the table has its own line column. */
export const stripLinePrefix = (message: string): string => message.replace(/^line \d+:\s*/, '');

/** The import's 422 `errors` as table rows, in file order: `rows[12].version` → line 12, column version. */
export function importErrorRows(errors: readonly FieldError[]): ImportErrorRow[] {
  const rows = errors.map((error, index): ImportErrorRow => {
    const path = error.path ?? '';
    const cell = CELL_PATH.exec(path);
    const line = cell ? Number(cell[1]) : path === 'header' ? 1 : null;
    return {
      key: `${index}`,
      line,
      column: cell ? (cell[2] ?? null) : null,
      code: error.code,
      message: stripLinePrefix(error.message),
    };
  });
  // Whole-file problems first, then by line; the server's order within a line is kept.
  return rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The values some messages carry, for the translations that name them. A code missing here needs
 * none; a pattern that does not match (the server's wording changed) falls back to the message.
 */
const MESSAGE_PARAMS: Record<string, RegExp> = {
  csv_malformed: /^(?<detail>.+)$/,
  csv_column_missing: /"(?<value>[^"]*)"/,
  csv_column_unknown: /"(?<value>[^"]*)"/,
  csv_cell_count: /^(?<cells>\d+) cells where the header has (?<expected>\d+)/,
  data_centre: /"(?<value>[^"]*)"/,
  hostname: /"(?<value>[^"]*)"/,
  duplicate_row: /line (?<other>\d+)/,
  one_publisher: /\(found (?<found>\d+)\)/,
  duplicate_node: /^(?<value>\S+) is listed twice/,
  node_data_centre: /^(?<value>\S+) is in (?<centre>.+), which/,
  region_follows_customer: /\((?<region>[A-Z]+)\)$/,
  version_format: /^"(?<value>[^"]*)"/,
  new_deployment_not_on_n: /only on n \((?<allowed>.+)\); (?<value>.+) is (?<tier>\S+)$/,
  application_name_taken: /"(?<value>[^"]*)"/,
  release_known: /^(?<value>\S+) is already/,
  release_not_newer: /newer than n \((?<value>[^)]+)\)$/,
};

/** The parameters a translation of `code` interpolates, or null when they cannot be read. */
export function messageParams(code: string, message: string): Record<string, string> | null {
  const pattern = MESSAGE_PARAMS[code];
  if (!pattern) return {};
  const groups = pattern.exec(stripLinePrefix(message))?.groups;
  return groups ? { ...groups } : null;
}

export type Translate = (key: string, options: Record<string, string>) => string;

/** An error for people: translated by code (with the values its message names), else the server's message. */
export function errorText(error: Pick<FieldError, 'code' | 'message'>, t: Translate): string {
  const message = stripLinePrefix(error.message);
  const params = messageParams(error.code, error.message);
  if (params === null) return message;
  return t(`inventory.errors.${error.code}`, { ...params, defaultValue: message });
}

export interface SplitErrors {
  /** First error per known field path (e.g. 'version', 'nodes', 'nodes.1.hostname'). */
  byField: Record<string, FieldError>;
  /** Errors naming no known field: shown above the form. */
  unmatched: FieldError[];
}

/**
 * Sorts a problem's errors onto form fields. `fields` are the form's plain fields; node rows are
 * `nodes.N.hostname|role|dataCentre`, and anything else under `nodes` lands on 'nodes'.
 */
export function splitErrors(errors: readonly FieldError[], fields: readonly string[]): SplitErrors {
  const byField: Record<string, FieldError> = {};
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const path = normalizePath(error.path);
    let field: string | undefined;
    if (fields.includes(path)) field = path;
    else if (/^nodes\.\d+\.(hostname|role|dataCentre)$/.test(path)) field = path;
    else if (path.startsWith('nodes.') && fields.includes('nodes')) field = 'nodes';
    if (field) byField[field] ??= error;
    else unmatched.push(error);
  }
  return { byField, unmatched };
}

// ── Queries and links ─────────────────────────────────────────────────────────────────────────

/** The list query for the page's search (only what the API takes). */
export function applicationsQuery(search: InventorySearch) {
  return {
    customerId: search.customerId,
    partnerId: search.partnerId,
    kind: search.kind,
    tier: search.tier,
    mustUpgrade: search.mustUpgrade,
    q: search.q,
  };
}

/** The export keeps the customer and partner filters (the only ones the export takes). */
export function exportHref(search: Pick<InventorySearch, 'customerId' | 'partnerId'>): string {
  const params = new URLSearchParams();
  if (search.customerId) params.set('customerId', search.customerId);
  if (search.partnerId) params.set('partnerId', search.partnerId);
  const text = params.toString();
  return `/api/v1/applications/export.csv${text ? `?${text}` : ''}`;
}

export const hasFilters = (search: InventorySearch): boolean => Object.keys(search).length > 0;

// ── Releases ──────────────────────────────────────────────────────────────────────────────────

const RELEASE = /^\d+(\.\d+)*$/;
const SU = /^SU\w+$/;

/** 'su2' → 'SU2'; the API wants SU followed by letters or digits (3 to 10 characters). */
export function normalizeSu(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, '');
  return /^su/i.test(trimmed) ? `SU${trimmed.slice(2)}` : trimmed;
}

export const isReleaseNumber = (text: string): boolean =>
  RELEASE.test(text.trim()) && text.trim().length <= 20;

export const isSu = (text: string): boolean => SU.test(text) && text.length >= 3 && text.length <= 10;

export interface TrainShift {
  next: ReleaseTrain;
  /** The release that leaves the train: its applications become unsupported. */
  dropped: Release;
}

/** What publishing `release` does to `train` (mirrors the policy core): n → n-1 → n-2, n-2 drops off. */
export function shiftTrain(train: ReleaseTrain, release: Release, target?: string): TrainShift {
  const newest = release.sus.at(-1) ?? '';
  return {
    next: {
      n: release,
      n1: train.n,
      n2: train.n1,
      target: target?.trim() ? target.trim() : `${release.version} ${newest}`,
    },
    dropped: train.n2,
  };
}
