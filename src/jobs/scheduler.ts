import cron from 'node-cron';

export interface ScheduledJob {
  name: string;
  /** A cron expression, read in `timezone`. */
  cron: string;
  run(now: Date): Promise<unknown>;
}

export interface SchedulerLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * The only place that imports node-cron. Jobs are plain functions of `now`; a failure is logged and
 * the next run still happens. `noOverlap` skips a tick while the previous run is still going.
 */
export function startScheduler(
  jobs: readonly ScheduledJob[],
  timezone: string,
  logger: SchedulerLogger,
): { stop(): Promise<void> } {
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          const result = await job.run(new Date());
          logger.info({ job: job.name, result }, 'job done');
        } catch (error) {
          logger.error({ err: error, job: job.name }, 'job failed');
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
