import { describe, expect, it } from 'vitest';
import * as core from './index.ts';
import { loadDefaultPolicy } from './test-support.ts';

const policy = loadDefaultPolicy();

describe('JSON edge (shapes of SPEC §7)', () => {
  it('instants: ISO with offset, Date or epoch ms; bare local times refused', () => {
    expect(core.toEpochMs('2026-06-09T16:00:00-04:00')).toBe(Date.UTC(2026, 5, 9, 20));
    expect(core.toEpochMs(new Date(5))).toBe(5);
    expect(() => core.toEpochMs('2026-06-09T16:00:00')).toThrow(RangeError);
    expect(() => core.toEpochMs('soon')).toThrow(RangeError);
  });
  it('severity and response due', () => {
    expect(core.severityCall(policy, { affectedShare: 0.5, urgency: 'critical' })).toEqual({
      impact: 'large',
      urgency: 'critical',
      severity: 'S1',
    });
    expect(
      core.responseDueCall(policy, { severity: 'S3', region: 'AMER', openedAt: '2026-06-09T20:00:00Z' }),
    ).toEqual({
      dueAt: '2026-06-10T20:00:00.000Z',
    });
    const ex = core.responseDueCall(policy, {
      severity: 'S3',
      region: 'AMER',
      openedAt: '2026-07-02T20:00:00Z',
      explain: true,
    });
    expect(JSON.stringify(ex.explain)).toContain(
      '"date":"2026-07-03","names":["Independence Day (substitute day)"]',
    );
    expect(JSON.stringify(ex.explain)).toContain('"businessMinutes":480');
  });
  it('maintenance check with default notice time and explain', () => {
    const body = {
      region: 'AMER' as const,
      type: 'service_interrupting' as const,
      start: '2026-06-10T01:00:00Z',
      end: '2026-06-10T02:00:00Z',
      explain: true,
    };
    const r = core.maintenanceCheckCall(policy, body, '2026-06-09T20:00:00Z');
    expect(r.allowed).toBe(false);
    expect(r.violations[0]).toMatchObject({ code: 'notice_period', region: 'AMER' });
    expect((r.violations[0]!.explain as { earliestStart: string }).earliestStart).toBe(
      '2026-06-24T20:00:00.000Z',
    );
  });
  it('windows and backup retention', () => {
    const w = core.maintenanceWindowsCall(policy, {
      region: 'EMEA',
      from: '2026-10-25T00:00:00Z',
      to: '2026-10-26T00:00:00Z',
    });
    expect(w.items).toEqual([
      { start: '2026-10-25T20:00:00.000Z', end: '2026-10-26T05:00:00.000Z', kind: 'weekend' },
    ]);
    expect(() =>
      core.maintenanceWindowsCall(policy, { region: 'EMEA', from: 0, to: 500 * 86_400_000 }),
    ).toThrow(RangeError);
    const b = core.backupRetentionCall(policy, {
      now: '2026-11-24T00:00:00Z',
      backups: [
        { id: 'old', takenAt: '2026-01-01T00:00:00Z', ok: true },
        { id: 'new', takenAt: '2026-11-23T00:00:00Z', ok: false },
      ],
    });
    expect(b).toEqual({ retain: ['old', 'new'], purge: [] });
  });
  it('next slot answers ISO instants', () => {
    const r = core.nextSlotCall(
      policy,
      { regions: ['AMER', 'EMEA'], type: 'routine', durationMinutes: 60 },
      '2026-06-09T16:00:00Z',
    ) as {
      common: { start: string };
    };
    expect(r.common.start).toBe('2026-06-10T01:00:00.000Z');
  });
});
