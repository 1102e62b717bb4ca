import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatLocal, formatOffset, formatUtc } from './ics-format.ts';

/** What ical.js reads back from one folded SUMMARY line. */
function readSummary(value: string): string {
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    'UID:x',
    'DTSTAMP:20260101T000000Z',
    foldLine(`SUMMARY:${escapeText(value)}`),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  return String(event?.getFirstPropertyValue('summary'));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters TEXT cannot carry
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const expected = (value: string) => value.replace(CONTROL, '').replace(/\r\n|\r/g, '\n');

describe('TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
    expect(escapeText('plain text')).toBe('plain text');
    expect(escapeText('bell\u0007 and tab\t')).toBe('bell and tab\t');
  });

  it('round-trips any text through ical.js (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (value) => {
        expect(readSummary(value)).toBe(expected(value));
      }),
      { numRuns: 300 },
    );
    expect(readSummary('Upgrade, then; reboot \\ now\nsecond line')).toBe(
      'Upgrade, then; reboot \\ now\nsecond line',
    );
  });
});

describe('line folding', () => {
  const unfold = (folded: string) => folded.replace(/\r\n /g, '');

  it('leaves lines of 75 octets alone and folds longer ones', () => {
    const exact = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(exact)).toBe(exact);
    const longer = `${exact}y`;
    expect(foldLine(longer)).toBe(`${exact}\r\n y`);
  });

  it('counts octets, not characters, and never splits a character', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'😀'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical[0]).toBe(`SUMMARY:${'é'.repeat(33)}`); // 8 + 66 octets; one more é would be 76
    for (const [i, part] of physical.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('keeps every physical line within 75 octets and unfolds to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (value) => {
        const line = `DESCRIPTION:${value.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n'))
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('date-time and offset forms', () => {
  it('writes UTC and local DATE-TIME and UTC offsets', () => {
    expect(formatUtc(Date.parse('2026-03-08T07:05:09.999Z'))).toBe('20260308T070509Z');
    expect(formatLocal(Date.parse('2026-12-31T21:00:00Z'))).toBe('20261231T210000');
    expect(formatOffset(60)).toBe('+0100');
    expect(formatOffset(-300)).toBe('-0500');
    expect(formatOffset(345)).toBe('+0545');
    expect(formatOffset(-210)).toBe('-0330');
    expect(formatOffset(0)).toBe('+0000');
    expect(formatOffset(-(4 * 60 + 56 + 2 / 60))).toBe('-045602');
  });
});
