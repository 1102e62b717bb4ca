import { type Expression, type RawBuilder, type Selectable, sql } from 'kysely';
import {
  classifyVersion,
  formatVersion,
  parseVersion,
  type Release,
  type ReleaseTrain,
  type VersionTier,
} from '../../../core/index.ts';
import type { Tx } from '../../db/database.ts';
import type { ReleaseTrainsTable } from '../../db/schema.ts';

/** The train in force: the newest published one, else the policy document's. */
export interface ActiveTrain {
  id: number | null;
  train: ReleaseTrain;
  publishedAt: Date | null;
  publishedBy: string | null;
  release: Release | null;
}

export function trainFromRow(row: Selectable<ReleaseTrainsTable>): ActiveTrain {
  return {
    id: row.id,
    train: row.train,
    publishedAt: row.published_at,
    publishedBy: row.published_by_label,
    release: row.published_release,
  };
}

export async function activeTrain(tx: Tx, policyTrain: ReleaseTrain): Promise<ActiveTrain> {
  const row = await tx
    .selectFrom('release_trains')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? trainFromRow(row)
    : { id: null, train: policyTrain, publishedAt: null, publishedBy: null, release: null };
}

/** Stored form of a version: '14.0 SU3' when it parses, else the text as given (unsupported). */
export function normalizeVersion(text: string): string {
  const parsed = parseVersion(text);
  return parsed ? formatVersion(parsed) : text.trim();
}

export function tierOf(train: ReleaseTrain, version: string): VersionTier {
  return classifyVersion(train, version).tier;
}

const versionsOf = (release: Release) => release.sus.map((su) => `${release.version} ${su}`.toLowerCase());

/**
 * The same classification as the policy core's `classifyVersion`, as one SQL expression over a
 * stored (normalised) version, so a publication re-classifies every application in one UPDATE.
 * A property test holds the two equal.
 */
export function tierSql(train: ReleaseTrain, version: Expression<string>): RawBuilder<VersionTier> {
  const lowered = sql`lower(${version})`;
  return sql<VersionTier>`CASE
    WHEN ${lowered} = ANY(${versionsOf(train.n)}::text[]) THEN 'n'
    WHEN ${lowered} = ANY(${versionsOf(train.n1)}::text[]) THEN 'n-1'
    WHEN ${lowered} = ANY(${versionsOf(train.n2)}::text[]) THEN 'n-2'
    ELSE 'unsupported' END`;
}

/** What to show beside a version: its tier, whether it must move, and to what. */
export function complianceOf(train: ReleaseTrain, tier: VersionTier) {
  const mustUpgrade = tier !== 'n';
  return { tier, mustUpgrade, upgradeTo: mustUpgrade ? train.target : null };
}
