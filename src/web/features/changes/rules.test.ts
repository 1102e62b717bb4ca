import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem.ts';
import { violationRegion, violationsOf } from './rules.tsx';

describe('violationRegion', () => {
  it('takes the region the entry names', () => {
    expect(violationRegion({ region: 'APJC', message: 'the change lies outside the window' })).toBe('APJC');
  });

  it('prefers the named region to the message prefix', () => {
    expect(violationRegion({ region: 'AMER', message: 'EMEA: outside the window' })).toBe('AMER');
  });

  it('reads the prefix only when no region is named', () => {
    expect(violationRegion({ message: 'EMEA: outside the window' })).toBe('EMEA');
    expect(violationRegion({ region: undefined, message: 'AUS: notice' })).toBe('AUS');
    expect(violationRegion({ message: 'ABC: not a region' })).toBeUndefined();
    expect(violationRegion({ message: 'an upgrade must name its reason' })).toBeUndefined();
  });

  it('ignores a named region it does not know, without reading the prefix', () => {
    expect(violationRegion({ region: 'LATAM', message: 'EMEA: outside the window' })).toBeUndefined();
  });
});

describe('violationsOf', () => {
  const problem = (
    status: number,
    errors: { code: string; path?: string; message: string; region?: string }[],
  ) =>
    new ApiError({ type: 'about:blank', title: 'Unprocessable', status, code: 'validation_failed', errors });

  it("turns a 422's entries into violations with their region", () => {
    const error = problem(422, [
      { code: 'outside_window', path: 'start', region: 'EMEA', message: 'EMEA: outside the window' },
      { code: 'notice_period', path: 'start', message: 'AMER: not enough notice' },
      { code: 'upgrade_reason_required', path: 'reason', message: 'an upgrade must name its reason' },
    ]);
    expect(violationsOf(error)).toEqual([
      { code: 'outside_window', message: 'EMEA: outside the window', region: 'EMEA' },
      { code: 'notice_period', message: 'AMER: not enough notice', region: 'AMER' },
      { code: 'upgrade_reason_required', message: 'an upgrade must name its reason' },
    ]);
  });

  it('answers nothing for other problems', () => {
    expect(violationsOf(problem(409, [{ code: 'conflict', message: 'moved' }]))).toEqual([]);
    expect(violationsOf(new Error('offline'))).toEqual([]);
  });
});
