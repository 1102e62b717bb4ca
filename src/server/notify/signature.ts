import { createHmac } from 'node:crypto';

/**
 * Generic webhook signature: HMAC-SHA256 over `${timestamp}.${body}` with the subscription's
 * secret, hex encoded, sent as `X-DIOps-Signature: v1=<hex>` next to `X-DIOps-Timestamp`.
 * Signing the timestamp lets receivers refuse replays older than a few minutes.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
