import type { BroadcastFailure, BroadcastStatus } from '../../domain/broadcast.ts';
import type { AuditActor, Language } from './core.ts';

/** A broadcast as stored: who sent what to whom, where its progress goes, and how it ended. */
export interface Broadcast {
  id: number;
  blocId: string;
  by: AuditActor;
  createdAt: Date;
  text: string;
  /** Only this unit's focal points; undefined: every unit's. */
  unitId?: string;
  status: BroadcastStatus;
  /** How many were counted at the preview, then how many were sent to at the confirmation. */
  recipients: number;
  /** The secretariat's chat: progress and the summary go there, in `lang`. */
  chat: { channel: string; chatId: string };
  lang: Language;
  confirmedAt?: Date;
  /** The outbox row of the "sending to N…" message, which progress edits replace. */
  progressOutboxId?: number;
  /** Recipients settled when the secretariat was last told, and when. */
  progressSettled: number;
  progressAt?: Date;
  finishedAt?: Date;
  delivered?: number;
  failed?: number;
  failures?: BroadcastFailure[];
}

export type NewBroadcast = Pick<
  Broadcast,
  'blocId' | 'by' | 'createdAt' | 'text' | 'unitId' | 'recipients' | 'chat' | 'lang'
>;

/** A broadcast's outbox rows by state. */
export interface BroadcastTally {
  delivered: number;
  /** Failed for good, or dropped. */
  failed: number;
  pending: number;
}

/** A recipient's row that failed or was dropped, with the platform's error when there was one. */
export interface FailedBroadcastRow {
  unitId: string;
  channel: string;
  chatId: string;
  error?: string;
}

/**
 * The secretariat's broadcasts (`/thongbao`). Each change of status happens once: `confirm`,
 * `cancel`, `markTold` and `finish` return false when another update or process got there first,
 * so a second press of "send" never sends twice and the summary is given once.
 */
export interface Broadcasts {
  /** Stores a broadcast at its preview (status `preview`); returns its id. */
  create(broadcast: NewBroadcast): Promise<number>;
  get(id: number): Promise<Broadcast | undefined>;
  /** `preview` → `sending`, with the number of recipients sent to; false if it was not a preview. */
  confirm(id: number, at: Date, recipients: number): Promise<boolean>;
  /** `preview` → `cancelled`; false if it was not a preview. */
  cancel(id: number, at: Date): Promise<boolean>;
  setProgressMessage(id: number, outboxId: number): Promise<void>;
  /** Broadcasts still sending (after a restart their progress is picked up again). */
  sending(): Promise<number[]>;
  /** Counts its outbox rows (those carrying this broadcast) by state. */
  tally(id: number): Promise<BroadcastTally>;
  failedRows(id: number): Promise<FailedBroadcastRow[]>;
  /** Records that the secretariat was told of `to` settled, if it had last been told of `from`. */
  markTold(id: number, from: number, to: number, at: Date): Promise<boolean>;
  /** `sending` → `done` with the results; false if it was done already. */
  finish(
    id: number,
    at: Date,
    result: { delivered: number; failed: number; failures: BroadcastFailure[] },
  ): Promise<boolean>;
}
