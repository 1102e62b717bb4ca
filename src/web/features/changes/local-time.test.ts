import { describe, expect, it } from 'vitest';
import {
  formatMinutes,
  formatRangeIn,
  formatWallRange,
  formatWallTime,
  minutesBetween,
  readWallTime,
  toWallTime,
} from './local-time.ts';

describe('readWallTime', () => {
  it('reads an ordinary evening in each region zone', () => {
    expect(readWallTime('2026-03-24T21:00', 'Europe/Paris')).toEqual({
      instant: '2026-03-24T20:00:00.000Z',
      kind: 'ok',
      reads: '2026-03-24T21:00',
    });
    expect(readWallTime('2026-03-24T21:00', 'America/New_York')?.instant).toBe('2026-03-25T01:00:00.000Z');
    expect(readWallTime('2026-03-24T21:00', 'Asia/Tokyo')?.instant).toBe('2026-03-24T12:00:00.000Z');
    expect(readWallTime('2026-03-24T21:00', 'Australia/Sydney')?.instant).toBe('2026-03-24T10:00:00.000Z');
  });

  it('crosses the Paris spring-forward night (2026-03-29): before and after the jump', () => {
    // 21:00 on Saturday is still CET (+1), 06:00 on Sunday already CEST (+2): an 8-hour window.
    const start = readWallTime('2026-03-28T21:00', 'Europe/Paris');
    const end = readWallTime('2026-03-29T06:00', 'Europe/Paris');
    expect(start?.instant).toBe('2026-03-28T20:00:00.000Z');
    expect(end?.instant).toBe('2026-03-29T04:00:00.000Z');
    expect(start && end ? minutesBetween(start.instant, end.instant) : 0).toBe(8 * 60);
    expect(end?.kind).toBe('ok');
  });

  it('says when a Paris time does not exist (02:30 on 2026-03-29) and what the clock shows instead', () => {
    expect(readWallTime('2026-03-29T02:30', 'Europe/Paris')).toEqual({
      instant: '2026-03-29T01:30:00.000Z',
      kind: 'skipped',
      reads: '2026-03-29T03:30',
    });
  });

  it('says when a Paris time happens twice (02:30 on 2026-10-25) and takes the earlier one', () => {
    expect(readWallTime('2026-10-25T02:30', 'Europe/Paris')).toEqual({
      instant: '2026-10-25T00:30:00.000Z',
      kind: 'repeated',
      reads: '2026-10-25T02:30',
    });
    // The fall-back night makes the window 10 hours long.
    const start = readWallTime('2026-10-24T21:00', 'Europe/Paris');
    const end = readWallTime('2026-10-25T06:00', 'Europe/Paris');
    expect(start && end ? minutesBetween(start.instant, end.instant) : 0).toBe(10 * 60);
  });

  it('handles New York (2026-03-08) and Sydney (2026-04-05, 2026-10-04) the same way', () => {
    expect(readWallTime('2026-03-08T02:30', 'America/New_York')?.kind).toBe('skipped');
    expect(readWallTime('2026-11-01T01:30', 'America/New_York')).toEqual({
      instant: '2026-11-01T05:30:00.000Z',
      kind: 'repeated',
      reads: '2026-11-01T01:30',
    });
    expect(readWallTime('2026-04-05T02:30', 'Australia/Sydney')?.kind).toBe('repeated');
    expect(readWallTime('2026-10-04T02:30', 'Australia/Sydney')?.kind).toBe('skipped');
    // Tokyo keeps no summer time.
    expect(readWallTime('2026-03-29T02:30', 'Asia/Tokyo')?.kind).toBe('ok');
  });

  it('refuses what is not a complete, real wall time', () => {
    expect(readWallTime('', 'Europe/Paris')).toBeUndefined();
    expect(readWallTime('2026-03-29', 'Europe/Paris')).toBeUndefined();
    expect(readWallTime('2026-02-30T21:00', 'Europe/Paris')).toBeUndefined();
    expect(readWallTime('2026-03-29T24:00', 'Europe/Paris')).toBeUndefined();
  });

  it('round-trips with toWallTime', () => {
    const reading = readWallTime('2026-07-01T23:15', 'Australia/Sydney');
    expect(reading && toWallTime(reading.instant, 'Australia/Sydney')).toBe('2026-07-01T23:15');
    expect(toWallTime('2026-03-29T04:00:00Z', 'Europe/Paris')).toBe('2026-03-29T06:00');
  });
});

describe('formatting', () => {
  it('shows a window on its own wall clock, with weekdays, in English and Spanish', () => {
    expect(formatWallRange('2026-03-28T21:00', '2026-03-29T06:00', 'en')).toBe(
      'Sat, 28 Mar 2026, 21:00 → Sun, 29 Mar 2026, 06:00',
    );
    expect(formatWallRange('2026-03-28T21:00', '2026-03-29T06:00', 'es')).toMatch(
      /^sáb, 28 mar 2026, 21:00 → dom, 29 mar 2026, 06:00$/,
    );
    expect(formatWallRange('2026-03-24T01:00', '2026-03-24T03:00', 'en')).toBe(
      'Tue, 24 Mar 2026, 01:00 → 03:00',
    );
    expect(formatWallTime('2026-03-24T21:05', 'en')).toBe('Tue, 24 Mar 2026, 21:05');
  });

  it('shows instants in a zone across the Paris spring-forward night', () => {
    expect(formatRangeIn('2026-03-28T20:00:00Z', '2026-03-29T04:00:00Z', 'Europe/Paris', 'en')).toBe(
      'Sat, 28 Mar 2026, 21:00 → Sun, 29 Mar 2026, 06:00',
    );
    expect(formatRangeIn('2026-03-28T20:00:00Z', '2026-03-29T04:00:00Z', 'Asia/Tokyo', 'en')).toBe(
      'Sun, 29 Mar 2026, 05:00 → 13:00',
    );
  });

  it('says how long', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(570)).toBe('9 h 30 min');
    expect(formatMinutes(26 * 60)).toBe('1 d 2 h');
  });
});
