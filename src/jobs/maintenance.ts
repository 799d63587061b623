import type { Files, Outbox, ProcessedUpdates } from '../app/ports.ts';

/** How long each kind of record is kept once it has done its work. */
export const RETENTION = {
  /**
   * Telegram keeps an undelivered update for 24 hours and Zalo less; after a week of silence
   * Telegram may restart update ids anywhere, so old ids must go or new updates would be skipped.
   */
  processedUpdatesMs: 2 * 24 * 3_600_000,
  /** Sent messages can hold personal data (a nomination's summary): keep them a week for support. */
  finishedOutboxMs: 7 * 24 * 3_600_000,
} as const;

export interface MaintenanceDeps {
  processedUpdates: Pick<ProcessedUpdates, 'purgeBefore'>;
  outbox: Pick<Outbox, 'purgeFinished' | 'countDropped'>;
  /** Expired files: served images and export links past their life, photos no nomination took. */
  files: Pick<Files, 'purgeExpired'>;
  /** Deletes expired sessions (keyv checks expiry only on read). */
  purgeExpiredSessions(now: Date): Promise<number>;
}

export interface MaintenanceReport {
  /**
   * Messages dropped unsent in the last day (logged with the job's result): reminders whose office
   * day ended while the bot was down or the queue was slow, replies moved past, reminders no longer
   * wanted. Read before the purge, which keeps such rows a week anyway.
   */
  droppedLastDay: number;
  processedUpdates: number;
  outbox: number;
  sessions: number;
  files: number;
}

/** Daily clean-up: a plain function of (deps, now), so it is tested without a scheduler. */
export async function runMaintenance(deps: MaintenanceDeps, now: Date): Promise<MaintenanceReport> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    droppedLastDay: await deps.outbox.countDropped(before(24 * 3_600_000)),
    processedUpdates: await deps.processedUpdates.purgeBefore(before(RETENTION.processedUpdatesMs)),
    outbox: await deps.outbox.purgeFinished(before(RETENTION.finishedOutboxMs)),
    sessions: await deps.purgeExpiredSessions(now),
    // Expired means unusable already (reads check the expiry): the purge only frees the space.
    files: await deps.files.purgeExpired(now),
  };
}
