import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Webhook signing secrets must be readable by the worker (it signs with them), so they cannot be
 * hashed like passwords. With SECRETS_KEY set they are sealed with AES-256-GCM; without it they
 * are stored as generated, and start-up says so.
 */
const PREFIX = 'v1:';

export function sealSecret(secret: string, key: Buffer | null): string {
  if (!key) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

export function openSecret(stored: string, key: Buffer | null): string {
  if (!stored.startsWith(PREFIX)) return stored;
  if (!key) throw new Error('this webhook secret is sealed: set SECRETS_KEY to the key it was sealed with');
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A new signing secret: 32 random bytes, prefixed so it is recognisable in a secrets manager. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
