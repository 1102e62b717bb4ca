import type { Policy } from '../../core/index.ts';
import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/database.ts';
import { remindUpcomingChanges } from '../modules/changes/change-reminders.job.ts';
import { applyRetention } from '../modules/inventory/backups.service.ts';
import { proposeRenewals } from '../modules/inventory/certificates.service.ts';
import { createSender } from '../notify/sender.ts';
import { sweepOrphanAttachments } from './attachment-sweep.job.ts';
import { runCaseClocks } from './case-clocks.job.ts';
import { remindAboutContacts } from './contact-reminder.job.ts';
import { startOutboxRelay } from './outbox-relay.ts';
import { cleanUpSessions } from './session-cleanup.job.ts';

export interface Worker {
  stop(): Promise<void>;
}

interface PeriodicJob {
  name: string;
  everyMs: number;
  run(db: Db, policy: Policy, config: Config): Promise<unknown>;
}

const JOBS: PeriodicJob[] = [
  { name: 'session-cleanup', everyMs: 10 * 60_000, run: cleanUpSessions },
  { name: 'contact-reminder', everyMs: 60 * 60_000, run: remindAboutContacts },
  // Plan-owed flags and monitoring auto-close are minute-accurate.
  { name: 'case-clocks', everyMs: 60_000, run: (db) => runCaseClocks(db) },
  // Daily in effect: each certificate is proposed once; hourly runs only pick up new ones sooner.
  { name: 'certificate-renewals', everyMs: 60 * 60_000, run: (db, policy) => proposeRenewals(db, policy) },
  // Hourly: a backup leaves the moment it is 33 days old and no longer among the 3 newest good.
  { name: 'backup-retention', everyMs: 60 * 60_000, run: (db, policy) => applyRetention(db, policy) },
  // Every 5 minutes: the day-before reminder goes out within minutes of the 24-hour mark.
  { name: 'change-reminders', everyMs: 5 * 60_000, run: (db, policy) => remindUpcomingChanges(db, policy) },
  // Hourly: files left by uploads whose transaction never committed.
  {
    name: 'attachment-sweep',
    everyMs: 60 * 60_000,
    run: (db, _policy, config) => sweepOrphanAttachments(db, config.attachmentsDir),
  },
];

/**
 * Runs the outbox relay continuously and the periodic jobs on their timers. Every job is
 * idempotent and the relay claims with SKIP LOCKED, so several workers may run side by side.
 */
export function startWorker(
  handle: DbHandle,
  config: Config,
  /** The policy document loaded and validated at start-up. */
  policy: Policy,
  log: (message: string, extra?: object) => void,
): Worker {
  const { db } = handle;
  let stopping = false;
  const running = new Set<Promise<unknown>>();
  const relay = startOutboxRelay(handle, { db, outbox: config.outbox, sender: createSender(config) }, log);
  const timers = JOBS.map((job) => {
    const tick = () => {
      if (stopping) return;
      const run = job
        .run(db, policy, config)
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
      await Promise.allSettled([...running, relay.stop()]);
    },
  };
}
