/**
 * A broadcast: a notice from the secretariat to the focal points of every unit (or of one), sent
 * through the outbox as bulk. These are its rules, free of storage and wording.
 */

/** The longest text a broadcast takes: it must fit one Telegram message with its header (4,096). */
export const MAX_BROADCAST_LENGTH = 3500;

/**
 * `preview`: shown, waiting for a yes; `cancelled`: the secretariat said no; `sending`: confirmed and
 * in the outbox; `done`: every recipient's message was sent or failed, and the summary given.
 */
export type BroadcastStatus = 'preview' | 'sending' | 'cancelled' | 'done';

/** Why a message did not reach someone: they blocked the bot, the chat is gone, or it kept failing. */
export type BroadcastFailureReason = 'blocked' | 'chatNotFound' | 'other';

/** One recipient the broadcast did not reach. */
export interface BroadcastFailure {
  unitId: string;
  channel: string;
  chatId: string;
  reason: BroadcastFailureReason;
}

/**
 * How the secretariat follows a broadcast: `edit` (Telegram) keeps one message counting up, edited
 * at most every `PROGRESS_EDIT_GAP_MS`; `quarters` (console, Zalo: a message cannot be edited) adds
 * a line at each quarter.
 */
export type ProgressCadence = 'edit' | 'quarters';

/** Edits of the progress message come at least this far apart (Telegram: about one a second per chat). */
export const PROGRESS_EDIT_GAP_MS = 3000;

/** Where a broadcast stands, and what the secretariat was last told of it. */
export interface BroadcastProgress {
  recipients: number;
  /** Messages sent or failed for good. */
  settled: number;
  /** `settled` when the secretariat was last told (0: only "sending to N…"). */
  told: number;
  toldAt?: Date;
}

export type BroadcastNews = 'none' | 'progress' | 'finished';

/** Which quarter (0–4) `settled` of `recipients` has reached. */
export function quarterOf(settled: number, recipients: number): number {
  if (recipients <= 0) return 4;
  return Math.min(4, Math.floor((4 * settled) / recipients));
}

/** What to tell the secretariat now: nothing, the progress so far, or the final summary. */
export function broadcastNews(progress: BroadcastProgress, cadence: ProgressCadence, now: Date): BroadcastNews {
  const { recipients, settled, told, toldAt } = progress;
  if (settled >= recipients) return 'finished';
  if (settled <= told) return 'none';
  if (cadence === 'quarters') return quarterOf(settled, recipients) > quarterOf(told, recipients) ? 'progress' : 'none';
  const since = toldAt === undefined ? Infinity : now.getTime() - toldAt.getTime();
  return since >= PROGRESS_EDIT_GAP_MS ? 'progress' : 'none';
}
