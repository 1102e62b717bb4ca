import { describe, expect, it } from 'vitest';
import defaultPolicy from '../../policy/default.json' with { type: 'json' };
import { validatePolicy } from './policy-document.ts';

const clone = (): Record<string, unknown> & typeof defaultPolicy => structuredClone(defaultPolicy);
const errorsOf = (doc: unknown) => {
  const r = validatePolicy(doc);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.rule}`);
};

describe('policy document validation', () => {
  it('accepts the shipped default', () => {
    expect(errorsOf(clone())).toEqual([]);
  });
  it('rejects unknown properties, naming them', () => {
    const doc = clone();
    doc.extra = 1;
    (doc.regions.AMER as Record<string, unknown>).colour = 'red';
    expect(errorsOf(doc)).toEqual([
      '/extra additionalProperties',
      '/regions/AMER/colour additionalProperties',
    ]);
  });
  it('names missing and mistyped fields', () => {
    const doc = clone() as Record<string, unknown>;
    delete doc.tacPhone;
    expect(errorsOf(doc)).toEqual(['/tacPhone required']);
    const bad = clone();
    (bad.regions.EMEA.businessHours as { start: string }).start = '9am';
    expect(errorsOf(bad)).toEqual(['/regions/EMEA/businessHours/start pattern']);
  });
  it('semantic checks: zone, hours order, holiday country/state, thresholds, target', () => {
    const doc = clone();
    doc.regions.AMER.timeZone = 'Mars/Olympus';
    doc.regions.APJC.businessHours = { start: '17:00', end: '09:00' };
    (doc.regions.AUS.holidays as { state: string }).state = 'XX';
    doc.severity.impactThresholds.largeFrom = 0.1;
    doc.versions.target = '14.0 SU4';
    expect(errorsOf(doc)).toEqual([
      '/regions/AMER/timeZone timeZone',
      '/regions/APJC/businessHours businessHoursOrder',
      '/regions/AUS/holidays/state holidayState',
      '/severity/impactThresholds thresholdOrder',
      '/versions/target targetOnN',
    ]);
  });
  it('rejects a non-object and an impossible date', () => {
    expect(errorsOf(null)).toEqual(['/ type']);
    const doc = clone();
    doc.effectiveFrom = '2026-02-30';
    expect(errorsOf(doc).length).toBeGreaterThan(0);
  });
});
