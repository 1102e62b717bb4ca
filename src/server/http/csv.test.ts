import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.ts';

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
  });

  it('quotes commas, quotes and line breaks, and leaves plain values alone', () => {
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(0.95)).toBe('0.95');
    expect(csvCell(null)).toBe('');
    expect(csvCell('S3')).toBe('S3');
  });
});
