// What a case attachment may be: named sensibly, of a type support engineers exchange (logs,
// captures, screenshots, documents, archives), with content that matches its declared type.
// Pure, so every rule is unit-tested.
import type { FieldError } from '../../http/errors.ts';

interface FileKind {
  /** The type stored and served for this extension. */
  type: string;
  /** Content-Type headers accepted for it (browsers often send octet-stream or nothing). */
  accepts: string[];
  /** Leading bytes the content must start with, when the format has a signature. */
  magic?: number[][];
  text?: boolean;
}

const OCTET = 'application/octet-stream';
const TEXT: FileKind = { type: 'text/plain', accepts: ['text/plain', OCTET], text: true };
const JSON_KIND: FileKind = {
  type: 'application/json',
  accepts: ['application/json', 'text/plain', OCTET],
  text: true,
};
const GZIP: FileKind = {
  type: 'application/gzip',
  accepts: ['application/gzip', 'application/x-gzip', OCTET],
  magic: [[0x1f, 0x8b]],
};
const JPEG: FileKind = { type: 'image/jpeg', accepts: ['image/jpeg', OCTET], magic: [[0xff, 0xd8, 0xff]] };
const PCAP: FileKind = {
  type: OCTET,
  accepts: [OCTET, 'application/vnd.tcpdump.pcap'],
  // pcap (both byte orders, micro/nanosecond) and pcapng section header.
  magic: [
    [0xd4, 0xc3, 0xb2, 0xa1],
    [0xa1, 0xb2, 0xc3, 0xd4],
    [0x4d, 0x3c, 0xb2, 0xa1],
    [0xa1, 0xb2, 0x3c, 0x4d],
    [0x0a, 0x0d, 0x0d, 0x0a],
  ],
};

export const FILE_KINDS: Record<string, FileKind> = {
  txt: TEXT,
  log: TEXT,
  cfg: TEXT,
  conf: TEXT,
  csv: {
    type: 'text/csv',
    accepts: ['text/csv', 'text/plain', 'application/vnd.ms-excel', OCTET],
    text: true,
  },
  json: JSON_KIND,
  har: JSON_KIND,
  pdf: {
    type: 'application/pdf',
    accepts: ['application/pdf', OCTET],
    magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  },
  png: {
    type: 'image/png',
    accepts: ['image/png', OCTET],
    magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  },
  jpg: JPEG,
  jpeg: JPEG,
  zip: {
    type: 'application/zip',
    accepts: ['application/zip', 'application/x-zip-compressed', OCTET],
    magic: [
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
    ],
  },
  gz: GZIP,
  tgz: GZIP,
  pcap: PCAP,
  pcapng: PCAP,
  cap: PCAP,
};

/** Control characters (C0 and DEL) never belong in a file name. */
const hasControl = (text: string) =>
  [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

export interface AcceptedFile {
  fileName: string;
  contentType: string;
}

/** The field errors of an upload (empty when it may be stored) and what to store it as. */
export function checkAttachment(
  rawName: string,
  declaredType: string | undefined,
  bytes: Buffer,
): { errors: FieldError[]; file: AcceptedFile | null } {
  const fileName = rawName.normalize('NFC').trim();
  const errors: FieldError[] = [];
  const nameError = (code: string, message: string) => errors.push({ code, path: 'fileName', message });
  if (fileName.length === 0 || fileName.length > 200)
    nameError('invalid_name', 'a file name of 1 to 200 characters');
  else if (/[/\\]/.test(fileName) || hasControl(fileName) || fileName === '.' || fileName === '..')
    nameError('invalid_name', 'a plain file name without folders or control characters');
  const extension = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
  const kind = FILE_KINDS[extension];
  if (errors.length === 0 && !kind)
    nameError('file_type_not_allowed', `allowed file types: ${Object.keys(FILE_KINDS).join(', ')}`);
  if (bytes.length === 0) errors.push({ code: 'empty_file', path: 'body', message: 'the file is empty' });
  if (errors.length > 0 || !kind) return { errors, file: null };

  const type = (declaredType ?? OCTET).split(';')[0]?.trim().toLowerCase() || OCTET;
  if (!kind.accepts.includes(type))
    errors.push({
      code: 'type_mismatch',
      path: 'contentType',
      message: `a .${extension} file is sent as ${kind.accepts.join(' or ')}, not ${type}`,
    });
  if (kind.magic && !kind.magic.some((sig) => sig.every((byte, i) => bytes[i] === byte)))
    errors.push({
      code: 'content_mismatch',
      path: 'body',
      message: `the content is not a .${extension} file`,
    });
  if (kind.text && !isText(bytes))
    errors.push({
      code: 'content_mismatch',
      path: 'body',
      message: `a .${extension} file must be UTF-8 text`,
    });
  return { errors, file: errors.length === 0 ? { fileName, contentType: kind.type } : null };
}

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
