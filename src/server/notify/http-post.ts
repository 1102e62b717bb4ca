import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookNetwork } from '../config.ts';
import { RefusedAddress, resolveAllowedAddress } from './address-guard.ts';

export interface PostResult {
  ok: boolean;
  statusCode: number | null;
  /** The first kilobyte of the answer, for the delivery log. */
  excerpt: string | null;
  error: string | null;
  /** The failure will not go away by itself (refused address, 4xx other than 408/409/425/429). */
  permanent: boolean;
}

export interface PostOptions {
  allowNetworks: readonly WebhookNetwork[];
  timeoutMs: number;
  headers: Record<string, string>;
}

const EXCERPT_BYTES = 1024;
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/**
 * POSTs a JSON body to a webhook. The host is resolved and checked first, and the socket connects
 * to exactly that address (TLS still verifies the host name); redirects are not followed; the
 * whole exchange has one deadline; at most 1 kB of the answer is kept.
 */
export async function postJson(target: string, body: string, options: PostOptions): Promise<PostResult> {
  const fail = (error: string, permanent: boolean, statusCode: number | null = null): PostResult => ({
    ok: false,
    statusCode,
    excerpt: null,
    error,
    permanent,
  });
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return fail('the target is not a URL', true);
  }
  let resolved: { address: string; family: 4 | 6 };
  try {
    resolved = await resolveAllowedAddress(url.hostname, options.allowNetworks);
  } catch (error) {
    if (error instanceof RefusedAddress) return fail(error.message, true);
    return fail(`DNS: ${(error as Error).message}`, false);
  }
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: resolved.address, family: resolved.family },
      ]);
    } else callback(null, resolved.address, resolved.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: pinnedLookup,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'DI-Ops-Notifier/1',
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        // Past 1 kB the answer is read to its end (for the status) but not kept.
        response.on('data', (chunk: Buffer) => {
          if (kept < EXCERPT_BYTES) {
            chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
            kept += Math.min(chunk.length, EXCERPT_BYTES - kept);
          }
        });
        const done = () => {
          const status = response.statusCode ?? 0;
          // Cut on a character boundary: a multi-byte character split at 1 kB is dropped.
          const excerpt = Buffer.concat(chunks)
            .toString('utf8')
            .replace(/\uFFFD$/, '')
            .slice(0, EXCERPT_BYTES);
          const ok = status >= 200 && status < 300;
          finish({
            ok,
            statusCode: status,
            excerpt: excerpt.length > 0 ? excerpt : null,
            error: ok
              ? null
              : status >= 300 && status < 400
                ? `HTTP ${status}: redirects are not followed`
                : `HTTP ${status}`,
            permanent: !ok && status >= 300 && status < 500 && !RETRYABLE_4XX.has(status),
          });
        };
        response.on('end', done);
        response.on('error', (error) => finish(fail(error.message, false, response.statusCode ?? null)));
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      finish(fail(`no answer within ${options.timeoutMs} ms`, false));
    }, options.timeoutMs);
    request.on('error', (error) => finish(fail(error.message, false)));
    request.end(body);
  });
}
