// Version compliance against the release train (SPEC §6): n, n-1, n-2; new deployments only on n;
// n-1 and n-2 must upgrade to the target. The train lists the exact service updates (SUs) of each
// tier [decision]: a version the train does not list is 'unsupported'.
import type { Release, ReleaseTrain } from './policy-document.ts';

export type VersionTier = 'n' | 'n-1' | 'n-2' | 'unsupported';

export interface ParsedVersion {
  release: string;
  su: string;
}

const VERSION_RE = /^v?(\d+(?:\.\d+)*)[\s-]*(SU\w+)$/i;

/** Accepts '14.0 SU3', '14.0-SU3', 'v14.0-SU3', '15SU2' (a bare major gets '.0'). */
export function parseVersion(text: string): ParsedVersion | null {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return null;
  const release = m[1]!.includes('.') ? m[1]! : `${m[1]}.0`;
  const su = `SU${m[2]!.slice(2)}`;
  return { release, su };
}

export const formatVersion = (v: ParsedVersion): string => `${v.release} ${v.su}`;

export interface VersionCompliance {
  version: string;
  tier: VersionTier;
  mustUpgrade: boolean;
  upgradeTo: string | null;
  newDeploymentAllowed: boolean;
}

const matches = (r: Release, v: ParsedVersion) =>
  r.version === v.release && r.sus.some((su) => su.toLowerCase() === v.su.toLowerCase());

export function classifyVersion(train: ReleaseTrain, version: string): VersionCompliance {
  const v = parseVersion(version);
  const tier: VersionTier = !v
    ? 'unsupported'
    : matches(train.n, v)
      ? 'n'
      : matches(train.n1, v)
        ? 'n-1'
        : matches(train.n2, v)
          ? 'n-2'
          : 'unsupported';
  const mustUpgrade = tier !== 'n';
  return {
    version: v ? formatVersion(v) : version,
    tier,
    mustUpgrade,
    upgradeTo: mustUpgrade ? train.target : null,
    newDeploymentAllowed: tier === 'n',
  };
}

/** Publishing a release: n → n-1 → n-2, the old n-2 drops off. Target defaults to the newest SU. */
export function shiftReleaseTrain(
  train: ReleaseTrain,
  release: Release,
  target?: string,
): { train: ReleaseTrain; dropped: Release } {
  if (release.sus.length === 0) throw new RangeError('a release needs at least one SU');
  return {
    train: {
      n: release,
      n1: train.n,
      n2: train.n1,
      target: target ?? `${release.version} ${release.sus.at(-1)}`,
    },
    dropped: train.n2,
  };
}

/** A version that needed no upgrade before the shift and needs one after (notify its partner). */
export function fallsOutOfCompliance(before: ReleaseTrain, after: ReleaseTrain, version: string): boolean {
  return !classifyVersion(before, version).mustUpgrade && classifyVersion(after, version).mustUpgrade;
}
