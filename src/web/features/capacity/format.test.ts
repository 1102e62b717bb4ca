import { describe, expect, it } from 'vitest';
import { barWidth, byUse, changedCounts, exceededFields, formatPercent, validCount } from './format.ts';
import { parseCapacitySearch } from './search.ts';
import type { Capacity, ResourceUse } from './types.ts';

const use = (provisioned: number, entitled: number): ResourceUse => ({
  entitled,
  provisioned,
  available: Math.max(0, entitled - provisioned),
  percent: entitled > 0 ? Math.round((provisioned / entitled) * 1000) / 10 : 0,
  level: 'ok',
});

const capacity = (name: string, kw: ResourceUse, ws: ResourceUse): Capacity => ({
  customerId: name,
  customerName: name,
  partnerId: 'p',
  partnerName: 'Partner P',
  activatedAt: '2026-01-01T00:00:00Z',
  knowledgeWorkers: kw,
  workspaceDevices: ws,
  openExpansions: 0,
});

describe('capacity format', () => {
  it('reads the 409 per field, with the entitlement the server names', () => {
    const errors = [
      {
        code: 'capacity_exceeded',
        path: 'workspaceDevices',
        message: '11 is above the entitlement of 10; an expansion must raise it first',
      },
      { code: 'capacity_exceeded', path: 'knowledgeWorkers', message: 'worded otherwise' },
      { code: 'other', path: 'knowledgeWorkers', message: 'ignored' },
    ];
    expect(exceededFields(errors, { knowledgeWorkers: 100, workspaceDevices: 8 })).toEqual({
      workspaceDevices: 10,
      knowledgeWorkers: 100,
    });
  });

  it('sends only the counts that changed', () => {
    const c = capacity('A', use(10, 100), use(5, 10));
    expect(changedCounts(c, { knowledgeWorkers: 10, workspaceDevices: 7 })).toEqual({ workspaceDevices: 7 });
    expect(changedCounts(c, { knowledgeWorkers: '', workspaceDevices: 5 })).toEqual({});
  });

  it('orders customers by their highest use, keeping the name order on ties', () => {
    const rows = [
      capacity('A', use(10, 100), use(1, 10)),
      capacity('B', use(95, 100), use(0, 10)),
      capacity('C', use(10, 100), use(1, 10)),
    ];
    expect(byUse(rows).map((r) => r.customerName)).toEqual(['B', 'A', 'C']);
  });

  it('draws bars within the track and formats percents', () => {
    expect(barWidth(50, 200)).toBe(100);
    expect(barWidth(130, 200)).toBe(200);
    expect(barWidth(0, 200)).toBe(0);
    expect(formatPercent(82.4)).toBe('82.4 %');
    expect(formatPercent(100)).toBe('100 %');
  });

  it('accepts whole counts only, and parses the URL defensively', () => {
    expect(validCount(0)).toBe(0);
    expect(validCount(1.5)).toBeNull();
    expect(validCount(-1)).toBeNull();
    expect(validCount('')).toBeNull();
    expect(parseCapacitySearch({ attention: 'true', customerId: 'nope' })).toEqual({ attention: true });
  });
});
