import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../http/downloads.ts';
import { checkAttachment } from './attachment-rules.ts';

const text = Buffer.from('hello\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('attachment rules', () => {
  it('accepts what support engineers exchange, stored under the extension’s own type', () => {
    expect(checkAttachment('trace.log', 'text/plain', text).file).toEqual({
      fileName: 'trace.log',
      contentType: 'text/plain',
    });
    expect(checkAttachment('Screen Shot.PNG', 'application/octet-stream', png).file?.contentType).toBe(
      'image/png',
    );
    expect(
      checkAttachment('capture.pcap', undefined, Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 0])).errors,
    ).toEqual([]);
  });

  it('refuses paths, control characters, unknown types and empty files, naming the field', () => {
    const codes = (name: string, type = 'text/plain', bytes = text) =>
      checkAttachment(name, type, bytes).errors.map((e) => `${e.code}@${e.path}`);
    expect(codes('../etc/passwd.log')).toEqual(['invalid_name@fileName']);
    expect(codes('a\\b.log')).toEqual(['invalid_name@fileName']);
    expect(codes('bad\u0007.log')).toEqual(['invalid_name@fileName']);
    expect(codes('x'.repeat(201))).toEqual(['invalid_name@fileName']);
    expect(codes('setup.exe', 'application/octet-stream')).toEqual(['file_type_not_allowed@fileName']);
    expect(codes('page.html', 'text/html')).toEqual(['file_type_not_allowed@fileName']);
    expect(codes('noextension')).toEqual(['file_type_not_allowed@fileName']);
    expect(codes('empty.log', 'text/plain', Buffer.alloc(0))).toEqual(['empty_file@body']);
  });

  it('checks the content against the type: signatures for binaries, UTF-8 for text', () => {
    const codes = (name: string, type: string, bytes: Buffer) =>
      checkAttachment(name, type, bytes).errors.map((e) => `${e.code}@${e.path}`);
    expect(codes('shot.png', 'image/png', text)).toEqual(['content_mismatch@body']);
    expect(codes('doc.pdf', 'application/pdf', text)).toEqual(['content_mismatch@body']);
    expect(codes('notes.txt', 'text/plain', Buffer.from([0x66, 0x00, 0x67]))).toEqual([
      'content_mismatch@body',
    ]);
    expect(codes('notes.txt', 'text/plain', Buffer.from([0xc3, 0x28]))).toEqual(['content_mismatch@body']);
    expect(codes('shot.png', 'text/plain', png)).toEqual(['type_mismatch@contentType']);
  });

  it('names downloads safely: an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('informe "año".pdf')).toBe(
      `attachment; filename="informe _a_o_.pdf"; filename*=UTF-8''informe%20%22a%C3%B1o%22.pdf`,
    );
  });
});
