import { describe, expect, it } from 'vitest';
import { loadDefaultPolicy } from '../../../core/test-support.ts';
import { feedCachesFor } from './feed-cache.ts';

const doc = (text: string, bytes = text.length) => ({ body: Buffer.alloc(bytes, text), etag: `"${text}"` });

describe('written-feed cache', () => {
  it('answers only while the key matches, one cache per policy object', () => {
    const policy = loadDefaultPolicy();
    const cache = feedCachesFor(policy).feeds;
    expect(feedCachesFor(policy).feeds).toBe(cache);
    expect(feedCachesFor(loadDefaultPolicy()).feeds).not.toBe(cache);
    cache.set('feed-1', 'v1', doc('a'));
    expect(cache.get('feed-1', 'v1')?.etag).toBe('"a"');
    expect(cache.get('feed-1', 'v2')).toBeNull();
    expect(cache.get('feed-2', 'v1')).toBeNull();
    cache.set('feed-1', 'v2', doc('b'));
    expect(cache.get('feed-1', 'v1')).toBeNull();
    expect(cache.get('feed-1', 'v2')?.etag).toBe('"b"');
  });

  it('drops the least recently used feeds past 256 feeds or 64 MiB', () => {
    const cache = feedCachesFor(loadDefaultPolicy()).feeds;
    for (let i = 0; i < 300; i++) cache.set(`feed-${i}`, 'k', doc('x', 10));
    expect(cache.get('feed-0', 'k')).toBeNull();
    expect(cache.get('feed-43', 'k')).toBeNull();
    expect(cache.get('feed-44', 'k')).not.toBeNull();
    cache.get('feed-44', 'k'); // now the most recent
    const big = 20 * 1024 * 1024;
    for (let i = 0; i < 3; i++) cache.set(`big-${i}`, 'k', doc('y', big));
    expect(cache.get('big-0', 'k')).not.toBeNull();
    cache.set('big-3', 'k', doc('y', big));
    // 4 × 20 MiB is over 64 MiB: the oldest entries go first, small ones included.
    expect(cache.get('feed-45', 'k')).toBeNull();
    expect(cache.get('big-1', 'k')).toBeNull();
    expect(cache.get('big-0', 'k')).not.toBeNull();
    expect(cache.get('big-3', 'k')).not.toBeNull();
  });

  it('keeps at most 20,000 written events, least recently used out first', () => {
    const { events } = feedCachesFor(loadDefaultPolicy());
    for (let i = 0; i < 20_000; i++) events.set(`e${i}`, `text ${i}`);
    expect(events.get('e0')).toBe('text 0');
    events.set('e20000', 'text 20000');
    expect(events.size).toBe(20_000);
    expect(events.get('e1')).toBeUndefined();
    expect(events.get('e0')).toBe('text 0');
    expect(events.get('e20000')).toBe('text 20000');
  });
});
