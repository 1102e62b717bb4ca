import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('ReadCache', () => {
  it('loads every time while it is not listening', async () => {
    const cache = new ReadCache(60_000);
    let loads = 0;
    await cache.read('k', async () => ++loads);
    await cache.read('k', async () => ++loads);
    expect(loads).toBe(2);
  });

  it('keeps an answer until its time is up or an invalidation', async () => {
    const cache = new ReadCache(1_000);
    cache.setListening(true);
    let clock = 0;
    let loads = 0;
    const read = () =>
      cache.read(
        'k',
        async () => ++loads,
        () => clock,
      );
    expect(await read()).toBe(1);
    clock = 999;
    expect(await read()).toBe(1);
    clock = 1_000;
    expect(await read()).toBe(2);
    cache.invalidate();
    expect(await read()).toBe(3);
  });

  it('never keeps an answer whose read began before an invalidation', async () => {
    const cache = new ReadCache(60_000);
    cache.setListening(true);
    const slow = deferred<string>();
    const stale = cache.read('k', () => slow.promise);
    cache.invalidate(); // a write committed while the read was under way
    slow.resolve('before the write');
    expect(await stale).toBe('before the write');
    expect(await cache.read('k', async () => 'after the write')).toBe('after the write');
  });

  it('answers, for any interleaving of reads and writes, only values no older than the last write', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('read', 'write', 'finish'), { maxLength: 40 }),
        async (steps) => {
          const cache = new ReadCache(60_000);
          cache.setListening(true);
          let version = 0; // the database's committed version
          const pending: { seen: number; done: (v: number) => void }[] = [];
          const answers: Promise<{ answer: number; writtenBefore: number }>[] = [];
          for (const step of steps) {
            if (step === 'write') {
              version++;
              cache.invalidate();
            } else if (step === 'finish') {
              pending.shift()?.done(0);
              await new Promise((resolve) => setImmediate(resolve)); // let the read store its answer
            } else {
              const seen = version;
              const writtenBefore = version;
              answers.push(
                cache
                  .read('k', () => {
                    const d = deferred<number>();
                    pending.push({ seen, done: () => d.resolve(seen) });
                    return d.promise;
                  })
                  .then((answer) => ({ answer, writtenBefore })),
              );
            }
          }
          for (const p of pending.splice(0)) p.done(0);
          for (const { answer, writtenBefore } of await Promise.all(answers)) {
            // A read may see a write that lands while it runs, never miss one that came before it.
            expect(answer).toBeGreaterThanOrEqual(writtenBefore);
          }
        },
      ),
    );
  });
});
