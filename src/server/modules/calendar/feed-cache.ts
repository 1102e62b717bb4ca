import type { Policy } from '../../../core/policy-document.ts';

export interface FeedDocument {
  /** The VCALENDAR as UTF-8, ready to send. */
  body: Buffer;
  etag: string;
}

const MAX_ENTRIES = 256;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Written feeds per feed id, kept while their key (the fingerprint of what they were written
 * from) still matches: a calendar app polling an unchanged feed costs two short queries, not the
 * reading and writing of 2,000 events. Least recently used first out; at most 256 feeds and
 * 64 MiB per process.
 */
class FeedCache {
  readonly #entries = new Map<string, { key: string; document: FeedDocument }>();
  #bytes = 0;

  get(feedId: string, key: string): FeedDocument | null {
    const entry = this.#entries.get(feedId);
    if (!entry || entry.key !== key) return null;
    this.#entries.delete(feedId);
    this.#entries.set(feedId, entry);
    return entry.document;
  }

  set(feedId: string, key: string, document: FeedDocument): void {
    this.delete(feedId);
    if (document.body.byteLength > MAX_BYTES) return;
    this.#entries.set(feedId, { key, document });
    this.#bytes += document.body.byteLength;
    for (const [id] of this.#entries) {
      if (this.#entries.size <= MAX_ENTRIES && this.#bytes <= MAX_BYTES) break;
      this.delete(id);
    }
  }

  delete(feedId: string): void {
    const entry = this.#entries.get(feedId);
    if (!entry) return;
    this.#bytes -= entry.document.body.byteLength;
    this.#entries.delete(feedId);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

const MAX_EVENTS = 20_000;

/**
 * Written change events by change id, row version and link: when one change of a 2,000-change feed
 * moves, only its row is read and its event written again; the other 1,999 are reused. Least
 * recently used first out, at most 20,000 events.
 */
class EventCache {
  readonly #events = new Map<string, string>();

  get(key: string): string | undefined {
    const text = this.#events.get(key);
    if (text !== undefined) {
      this.#events.delete(key);
      this.#events.set(key, text);
    }
    return text;
  }

  set(key: string, text: string): void {
    this.#events.delete(key);
    this.#events.set(key, text);
    if (this.#events.size > MAX_EVENTS) {
      for (const [oldest] of this.#events) {
        this.#events.delete(oldest);
        if (this.#events.size <= MAX_EVENTS) break;
      }
    }
  }

  get size(): number {
    return this.#events.size;
  }
}

export interface FeedCaches {
  feeds: FeedCache;
  events: EventCache;
}

const caches = new WeakMap<Policy, FeedCaches>();

/** The caches for feeds written under one policy object (a new policy starts empty). */
export function feedCachesFor(policy: Policy): FeedCaches {
  let found = caches.get(policy);
  if (!found) {
    found = { feeds: new FeedCache(), events: new EventCache() };
    caches.set(policy, found);
  }
  return found;
}
