import pgUtils from 'pg/lib/utils.js';

/**
 * Inlining bind parameters as SQL literals, so that several statements can travel in one
 * simple-protocol message (one round trip) — see decision 0006.
 *
 * Values are first converted exactly as `pg` converts bind parameters (its own `prepareValue`),
 * then written as quoted literals. A quoted literal is an "unknown"-typed constant, which the
 * server types from context exactly like an untyped bind parameter, so the statement means the
 * same thing either way.
 */

/** A value rendered as a SQL literal that is safe whatever `standard_conforming_strings` says. */
export function sqlLiteral(value: unknown): string {
  const prepared = pgUtils.prepareValue(value);
  if (prepared === null) return 'NULL';
  if (Buffer.isBuffer(prepared)) return `'\\x${prepared.toString('hex')}'`;
  return quote(prepared);
}

function quote(text: string): string {
  // A NUL would end the protocol message early; PostgreSQL text cannot hold it anyway.
  if (text.includes('\0')) throw new RangeError('SQL text values cannot contain NUL characters');
  const quoted = `'${text.replaceAll("'", "''")}'`;
  // An E'' literal reads backslashes as escapes in every server configuration, so doubled ones
  // always stay literal backslashes.
  return text.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/**
 * Replaces the `$n` placeholders of a compiled statement with literals. Placeholders inside
 * string literals, quoted identifiers, dollar-quoted bodies and comments are left alone.
 */
export function inlineParameters(text: string, parameters: readonly unknown[]): string {
  if (parameters.length === 0) return text;
  const literals = parameters.map(sqlLiteral);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    const skipTo = skipQuoted(text, i);
    if (skipTo > i) {
      out += text.slice(i, skipTo);
      i = skipTo;
      continue;
    }
    if (char === '$' && isDigit(text.charCodeAt(i + 1)) && !isWordChar(text.charCodeAt(i - 1))) {
      let end = i + 1;
      while (isDigit(text.charCodeAt(end))) end++;
      const index = Number(text.slice(i + 1, end)) - 1;
      const literal = literals[index];
      if (literal === undefined) throw new RangeError(`no value for placeholder $${index + 1}`);
      out += literal;
      i = end;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}

/** Where a quoted or commented span starting at `start` ends, or `start` if none starts there. */
function skipQuoted(text: string, start: number): number {
  const char = text[start];
  const next = text[start + 1];
  if (char === "'") {
    const escapes =
      start > 0 && /[eE]/.test(text[start - 1] ?? '') && !isWordChar(text.charCodeAt(start - 2));
    return endOfQuoted(text, start + 1, "'", escapes);
  }
  if (char === '"') return endOfQuoted(text, start + 1, '"', false);
  if (char === '-' && next === '-') {
    const end = text.indexOf('\n', start);
    return end === -1 ? text.length : end + 1;
  }
  if (char === '/' && next === '*') {
    const end = text.indexOf('*/', start + 2);
    return end === -1 ? text.length : end + 2;
  }
  if (char === '$' && !isWordChar(text.charCodeAt(start - 1))) {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(start));
    if (tag) {
      const end = text.indexOf(tag[0], start + tag[0].length);
      return end === -1 ? text.length : end + tag[0].length;
    }
  }
  return start;
}

function endOfQuoted(text: string, from: number, quoteChar: string, backslashEscapes: boolean): number {
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (backslashEscapes && char === '\\') {
      i += 2;
      continue;
    }
    if (char === quoteChar) {
      if (text[i + 1] === quoteChar) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordChar(code: number): boolean {
  return (
    isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127
  );
}
