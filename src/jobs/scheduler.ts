import cron from 'node-cron';
import type { Log } from '../app/ports.ts';

export interface ScheduledJob {
  name: string;
  /** A cron expression, read in `timezone`. */
  cron: string;
  run(now: Date): Promise<unknown>;
}

/**
 * The only place that imports node-cron. Jobs are plain functions of `now`; a failure is logged and
 * the next run still happens. `noOverlap` skips a tick while the previous run is still going.
 */
export function startScheduler(jobs: readonly ScheduledJob[], timezone: string, log: Log): { stop(): Promise<void> } {
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          const result = await job.run(new Date());
          log.info({ job: job.name, result }, 'job done');
        } catch (error) {
          log.error({ err: error, job: job.name }, 'job failed');
        }
      },
      { timezone, name: job.name, noOverlap: true },
    ),
  );
  return {
    async stop() {
      for (const task of tasks) await task.stop();
    },
  };
}
