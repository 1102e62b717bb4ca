// Helpers for the core's tests only: local wall times through Temporal, independent of zone-clock.
import { Temporal } from 'temporal-polyfill';
import defaultPolicyJson from '../../policy/default.json' with { type: 'json' };
import { type Policy, type Region, validatePolicy } from './policy-document.ts';

export const ZONES: Record<Region, string> = {
  AMER: 'America/New_York',
  APJC: 'Asia/Tokyo',
  AUS: 'Australia/Sydney',
  EMEA: 'Europe/Paris',
};

/** A fresh, validated copy of the default policy (fresh object = fresh calendar caches). */
export function loadDefaultPolicy(): Policy {
  const result = validatePolicy(structuredClone(defaultPolicyJson));
  if (!result.ok) throw new Error(`default policy invalid: ${JSON.stringify(result.errors)}`);
  return result.policy;
}

/** Epoch ms of a local wall time 'YYYY-MM-DDTHH:MM' in the region's zone. */
export function at(region: Region, local: string): number {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(ZONES[region]).epochMilliseconds;
}

/** 'YYYY-MM-DDTHH:MM±HH:MM' local rendering of an instant, for readable assertions. */
export function local(region: Region, epochMs: number): string {
  const z = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(ZONES[region]);
  return `${z.toPlainDateTime().toString({ smallestUnit: 'minute' })}${z.offset}`;
}

export const utc = (iso: string): number => Date.parse(iso);
