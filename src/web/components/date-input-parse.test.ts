import { describe, expect, test } from 'vitest';
import { parseDateInput } from './date-input-parse.ts';

describe('parseDateInput', () => {
  test('reads ISO and day-first numeric dates', () => {
    expect(parseDateInput('2027-01-31', 'en')).toBe('2027-01-31');
    expect(parseDateInput(' 2027-1-5 ', 'es')).toBe('2027-01-05');
    expect(parseDateInput('31/1/2027', 'en')).toBe('2027-01-31');
    expect(parseDateInput('5.3.2027', 'es')).toBe('2027-03-05');
    expect(parseDateInput('05-03-2027', 'es')).toBe('2027-03-05');
  });

  test('reads month names of the app language, and of the other one', () => {
    expect(parseDateInput('5 Sept 2027', 'en')).toBe('2027-09-05');
    expect(parseDateInput('5 sep 2027', 'en')).toBe('2027-09-05');
    expect(parseDateInput('31 January 2027', 'en')).toBe('2027-01-31');
    expect(parseDateInput('Jan 31, 2027', 'en')).toBe('2027-01-31');
    expect(parseDateInput('5 ene 2027', 'es')).toBe('2027-01-05');
    expect(parseDateInput('5 de enero de 2027', 'es')).toBe('2027-01-05');
    expect(parseDateInput('12 dic. 2027', 'es')).toBe('2027-12-12');
    expect(parseDateInput('12 dec 2027', 'es')).toBe('2027-12-12');
    expect(parseDateInput('12 dic 2027', 'en')).toBe('2027-12-12');
  });

  test('rejects what is not one real day', () => {
    for (const text of [
      '',
      '2027',
      '31/2/2027',
      '2027-13-01',
      '1/1/27',
      '5 ma 2027',
      '5 foo 2027',
      'today',
    ]) {
      expect(parseDateInput(text, 'en'), text).toBeNull();
    }
    expect(parseDateInput('29/2/2028', 'en')).toBe('2028-02-29');
    expect(parseDateInput('29/2/2027', 'en')).toBeNull();
  });
});
