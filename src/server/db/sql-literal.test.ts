import { describe, expect, it } from 'vitest';
import { inlineParameters, sqlLiteral } from './sql-literal.ts';

describe('sqlLiteral', () => {
  it('quotes text, doubling quotes, and switches to E-strings for backslashes', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(42)).toBe("'42'");
    expect(sqlLiteral(true)).toBe("'true'");
    expect(sqlLiteral(Buffer.from([0, 255]))).toBe("'\\x00ff'");
    expect(sqlLiteral(['a', 'b"c'])).toBe(`E'{"a","b\\\\"c"}'`);
  });

  it('refuses NUL characters, which would cut the protocol message short', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(RangeError);
  });
});

describe('inlineParameters', () => {
  it('replaces each placeholder, including two-digit ones', () => {
    const params = Array.from({ length: 11 }, (_, i) => `v${i + 1}`);
    expect(inlineParameters('select $1, $10, $11, $2', params)).toBe("select 'v1', 'v10', 'v11', 'v2'");
  });

  it('leaves placeholders inside literals, identifiers, comments and dollar quotes alone', () => {
    const text = `select '$1', E'\\'$1', "$1", $1 -- $1\n, /* $1 */ $tag$ $1 $tag$, $$ $1 $$, x$1`;
    expect(inlineParameters(text, ['v'])).toBe(
      `select '$1', E'\\'$1', "$1", 'v' -- $1\n, /* $1 */ $tag$ $1 $tag$, $$ $1 $$, x$1`,
    );
  });

  it('names a placeholder without a value', () => {
    expect(() => inlineParameters('select $2', ['only one'])).toThrow(/\$2/);
  });
});
