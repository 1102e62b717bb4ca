import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer secrets; only their SHA-256 is stored, so a database leak reveals no usable token. */
export const SESSION_PREFIX = 'dios_';
export const API_TOKEN_PREFIX = 'diop_';

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
