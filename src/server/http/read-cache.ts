import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Scope } from '../db/database.ts';
import { callerScope } from './authenticate.ts';

/** The channel the directory tables' statement triggers notify (migration 0012). */
export const READ_CACHE_CHANNEL = 'diops_read_cache';
const MAX_ENTRIES = 10_000;

interface Entry {
  value: unknown;
  until: number;
}

/**
 * Answers of hot directory reads, per caller and URL (decision 0008). An answer is kept only while
 * every change to its tables is certain to empty the cache: this node's own writes empty it before
 * their response leaves, other processes' writes through a NOTIFY their trigger sends at commit.
 * Without a working LISTEN connection the cache is off and every read goes to the database.
 *
 * A read stores its answer only if no invalidation happened since it began, so an answer read
 * before a write committed can never outlive that write's invalidation.
 */
export class ReadCache {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, Entry>();
  #generation = 0;
  #listening = false;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get active(): boolean {
    return this.#listening && this.#ttlMs > 0;
  }

  /** Whether other processes' writes can reach this cache (the LISTEN connection is up). */
  setListening(listening: boolean): void {
    this.#listening = listening;
    this.invalidate();
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }

  async read<T>(key: string, load: () => Promise<T>, now = Date.now): Promise<T> {
    const hit = this.peek<T>(key, now);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await load();
    this.keep(key, value, generation, now);
    return value;
  }

  /** A kept value that has not expired, if the cache is on. */
  peek<T>(key: string, now = Date.now): T | undefined {
    if (!this.active) return undefined;
    const hit = this.#entries.get(key);
    return hit && hit.until > now() ? (hit.value as T) : undefined;
  }

  /** Forgets one value (its owner found it out of date). */
  forget(key: string): void {
    this.#entries.delete(key);
  }

  /** Taken before a load: `keep` refuses the loaded value if an invalidation came in between. */
  get generation(): number {
    return this.#generation;
  }

  keep(key: string, value: unknown, generation: number, now = Date.now): void {
    if (generation !== this.#generation || !this.active) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value ?? '');
    this.#entries.set(key, { value, until: now() + this.#ttlMs });
  }
}

/** The key of one caller's answer: everything the scope can change, and the full URL. */
function cacheKey(scope: Scope, url: string): string {
  return `${scope.userId}|${scope.kind}|${scope.role}|${scope.partnerId}|${scope.customerId}|${url}`;
}

/** Serves a GET from the read cache when it may, else loads and (if still valid) keeps the answer. */
export function cachedRead<T>(request: FastifyRequest, load: () => Promise<T>): Promise<T> {
  return request.server.ctx.readCache.read(cacheKey(callerScope(request), request.url), load);
}

/**
 * Wires the cache to the server: a successful write request empties it before its response is
 * sent, and a LISTEN connection empties it on every other process's change. Reconnects after a
 * lost connection; the cache stays off until it is listening again.
 */
export function registerReadCache(app: FastifyInstance, pool: pg.Pool): void {
  // All three answer from the directory tables, so the same changes empty them all.
  const caches = [app.ctx.readCache, app.ctx.openingContexts, app.ctx.caseNames];
  const cache = {
    invalidate: () => {
      for (const c of caches) c.invalidate();
    },
    setListening: (listening: boolean) => {
      for (const c of caches) c.setListening(listening);
    },
  };
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    if (!request.routeOptions.config?.leavesDirectory) cache.invalidate();
  });

  let closing = false;
  let listener: pg.PoolClient | null = null;
  const onNotification = () => cache.invalidate();
  /**
   * Gives the connection up for good: it is destroyed, never handed to other work. Its error
   * handler stays (a no-op from now on), so a late error on it cannot go unhandled.
   */
  const drop = (client: pg.PoolClient) => {
    client.removeListener('notification', onNotification);
    if (listener === client) listener = null;
    client.release(true);
  };
  function onError(this: pg.PoolClient) {
    if (listener !== this) return;
    cache.setListening(false);
    drop(this);
    if (!closing) setTimeout(() => void listen(), 1_000).unref();
  }
  const listen = async () => {
    let client: pg.PoolClient | null = null;
    try {
      client = await pool.connect();
      client.on('notification', onNotification);
      client.on('error', onError);
      listener = client;
      await client.query(`LISTEN ${READ_CACHE_CHANNEL}`);
      if (listener === client) cache.setListening(true);
    } catch (error) {
      // A connection that failed through its error event has already been dropped and retried.
      if (client && listener !== client) return;
      if (client) drop(client);
      app.log.warn(`read cache off: LISTEN failed (${(error as Error).message})`);
      if (!closing) setTimeout(() => void listen(), 5_000).unref();
    }
  };
  app.addHook('onReady', listen);
  app.addHook('onClose', async () => {
    closing = true;
    cache.setListening(false);
    if (listener) drop(listener);
  });
}
