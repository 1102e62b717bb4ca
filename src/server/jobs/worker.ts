import type { Db } from '../db/database.ts';
import { cleanUpSessions } from './session-cleanup.job.ts';

export interface Worker {
  stop(): Promise<void>;
}

interface PeriodicJob {
  name: string;
  everyMs: number;
  run(db: Db): Promise<unknown>;
}

const JOBS: PeriodicJob[] = [{ name: 'session-cleanup', everyMs: 10 * 60_000, run: cleanUpSessions }];

/**
 * Runs the periodic jobs. Every job is idempotent, so several workers may run side by side;
 * the outbox relay and SLA watches join this list as their issues land.
 */
export function startWorker(db: Db, log: (message: string, extra?: object) => void): Worker {
  let stopping = false;
  const running = new Set<Promise<unknown>>();
  const timers = JOBS.map((job) => {
    const tick = () => {
      if (stopping) return;
      const run = job
        .run(db)
        .then((result) => log(`job ${job.name} done`, { result }))
        .catch((error: Error) => log(`job ${job.name} failed: ${error.message}`))
        .finally(() => running.delete(run));
      running.add(run);
    };
    setTimeout(tick, 1_000).unref();
    return setInterval(tick, job.everyMs);
  });
  return {
    async stop() {
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
