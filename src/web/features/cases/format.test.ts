import { describe, expect, test } from 'vitest';
import { dueState, formatDuration, formatOffset } from './format.ts';

describe('case time formatting', () => {
  test('durations', () => {
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(12 * 60_000 + 5_000, true)).toBe('12 min 05 s');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 05 min');
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 d 4 h');
    expect(formatDuration(20_000)).toBe('1 min');
  });

  test('where a case stands against its response due time', () => {
    const due = '2026-11-24T12:40:00.000Z';
    const at = (iso: string) => new Date(iso).getTime();
    const open = { acknowledgedAt: null, responseMet: null, responseDueAt: due };
    expect(dueState(open, at('2026-11-24T12:28:00Z'))).toEqual({ kind: 'due', ms: 12 * 60_000 });
    expect(dueState(open, at('2026-11-24T15:40:00Z'))).toEqual({ kind: 'overdue', ms: 3 * 3_600_000 });
    const acked = { acknowledgedAt: '2026-11-24T12:50:00Z', responseMet: false, responseDueAt: due };
    expect(dueState(acked, Date.now()).kind).toBe('missed');
  });

  test('offsets', () => {
    expect(formatOffset(60)).toBe('UTC+01:00');
    expect(formatOffset(-300)).toBe('UTC−05:00');
    expect(formatOffset(330)).toBe('UTC+05:30');
  });
});
