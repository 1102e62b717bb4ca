// RFC 5545 content lines: TEXT escaping (§3.3.11), line folding at 75 octets (§3.1) and the
// DATE-TIME forms (§3.3.5). Pure string work, written for the hot path of a 2,000-event feed.

export const CRLF = '\r\n';
const MAX_OCTETS = 75;

// Control characters other than HTAB and the line breaks are not allowed in TEXT: dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const TEXT_SPECIAL = /\r\n|[\\;,\n\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const HAS_TEXT_SPECIAL = /[\\;,\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function escapeOne(match: string): string {
  switch (match) {
    case '\\':
      return '\\\\';
    case ';':
      return '\\;';
    case ',':
      return '\\,';
    case '\r\n':
    case '\n':
    case '\r':
      return '\\n';
    default:
      return '';
  }
}

/** A TEXT value: backslash, semicolon and comma escaped, every line break as `\n`. */
export function escapeText(value: string): string {
  return HAS_TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIAL, escapeOne) : value;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * One content line folded so no physical line exceeds 75 octets (UTF-8) before its CRLF: the
 * continuation lines start with one space, which counts towards their 75. A character is never
 * split, so a multi-byte character moves whole to the next line.
 */
export function foldLine(line: string): string {
  const length = line.length;
  // Three octets per UTF-16 unit at most: short lines need no counting.
  if (length <= MAX_OCTETS / 3) return line;
  const octetCount = Buffer.byteLength(line, 'utf8');
  if (octetCount <= MAX_OCTETS) return line;
  if (octetCount === length) {
    // ASCII only: one octet per character.
    let folded = line.slice(0, MAX_OCTETS);
    for (let i = MAX_OCTETS; i < length; i += MAX_OCTETS - 1)
      folded += `${CRLF} ${line.slice(i, i + MAX_OCTETS - 1)}`;
    return folded;
  }
  let folded = '';
  let start = 0;
  let octets = 0;
  let limit = MAX_OCTETS;
  for (let i = 0; i < length; ) {
    const codePoint = line.codePointAt(i) ?? 0;
    const size = utf8Length(codePoint);
    if (octets + size > limit) {
      folded += `${line.slice(start, i)}${CRLF} `;
      start = i;
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    octets += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return folded + line.slice(start);
}

/** Collects content lines; `text()` joins them into one flat string. */
export class IcsWriter {
  readonly #parts: string[] = [];

  /** A line known to be at most 75 ASCII characters: written as is. */
  short(line: string): void {
    this.#parts.push(line, CRLF);
  }

  /** Any content line: folded at 75 octets. */
  line(line: string): void {
    this.#parts.push(foldLine(line), CRLF);
  }

  text(): string {
    return this.#parts.join('');
  }
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYYMMDDTHHMMSS` of the UTC fields of an epoch-ms value (seconds truncated below). */
function basicDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}`;
}

/** DATE-TIME in UTC form: `20260310T200000Z`. */
export function formatUtc(epochMs: number): string {
  return `${basicDateTime(epochMs)}Z`;
}

/** DATE-TIME in local form, from wall-clock ms "as if UTC" (ZoneClock.toLocal): `20260310T210000`. */
export function formatLocal(localMs: number): string {
  return basicDateTime(localMs);
}

/** A UTC offset as `+HHMM` (or `+HHMMSS` when it has seconds), from minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad2(h)}${pad2(m)}${s === 0 ? '' : pad2(s)}`;
}
