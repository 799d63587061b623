import { randomUUID } from 'node:crypto';
import type { ChannelSender } from './delivery.ts';
import type { AskedQuestion, Clock, Log, Outbox, OutboxRow } from './ports.ts';
import { fromPayload } from './outbox-payload.ts';

/** Whether the person has moved past the question a row asks (the engine's session knows). */
export type QuestionMovedPast = (question: AskedQuestion, now: Date) => Promise<boolean>;

export interface DispatcherOptions {
  batchSize?: number;
  leaseMs?: number;
  /** How many failed attempts before a message is given up (transient errors only). */
  maxAttempts?: number;
  /** Base of the exponential backoff, in ms; jitter is added. */
  backoffMs?: number;
  /** Polls this often even when nobody kicks (rows whose retry time came, other processes' rows). */
  idlePollMs?: number;
}

/**
 * Sends what the outbox holds, after the commit that put it there (design.md, "Outbound"). Rows are
 * claimed with a lease, so two processes never send the same row; sends are at-least-once (a crash
 * between send and mark repeats a message, never a submission). 5xx and timeouts back off with
 * jitter a bounded number of times; a permanent refusal is marked failed.
 */
export class OutboxDispatcher {
  private readonly owner = `dispatcher-${randomUUID()}`;
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private current: Promise<void> = Promise.resolve();
  private readonly opts: Required<DispatcherOptions>;

  constructor(
    private readonly outbox: Outbox,
    private readonly senders: Partial<Record<string, ChannelSender>>,
    private readonly clock: Clock,
    private readonly log: Log,
    options: DispatcherOptions = {},
    private readonly movedPast: QuestionMovedPast = () => Promise.resolve(false),
  ) {
    this.opts = { batchSize: 50, leaseMs: 60_000, maxAttempts: 8, backoffMs: 1000, idlePollMs: 1000, ...options };
  }

  /** Starts the idle poll. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Sends now (called after each commit). Calls while a round runs make it run once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.current = this.round();
  }

  /** Resolves once everything due now has been handled, including a round already under way. */
  async flush(): Promise<void> {
    do {
      await this.current;
      while ((await this.sendBatch()) > 0) {
        /* until nothing due is left */
      }
    } while (this.running);
    await this.current;
  }

  /** Sends what is due until nothing is left or `deadlineMs` passes; then stops polling. */
  async drain(deadlineMs: number): Promise<void> {
    const until = Date.now() + deadlineMs;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
    while (Date.now() < until) {
      const sent = await this.sendBatch();
      if (sent === 0) break;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.kick();
      this.schedule();
    }, this.opts.idlePollMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        while ((await this.sendBatch()) > 0 && !this.stopped) {
          /* keep going while rows come */
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.log.error({ err: error }, 'outbox round failed');
    } finally {
      this.running = false;
    }
  }

  /** Claims one batch and sends it; returns how many rows were handled. */
  async sendBatch(): Promise<number> {
    const channels = Object.keys(this.senders).filter((c) => this.senders[c]);
    const rows = await this.outbox.claim(
      this.owner,
      this.opts.batchSize,
      this.opts.leaseMs,
      this.clock.now(),
      channels,
    );
    // Once a chat's message has to wait, its later messages in this batch wait too: replies keep order.
    const waiting = new Map<string, Date>();
    for (const row of rows) {
      const chat = `${row.channel}:${row.chatId}`;
      const until = waiting.get(chat);
      if (until) {
        await this.outbox.markRetry(row.id, 'waiting for an earlier message to this chat', until);
        continue;
      }
      const retryAt = await this.sendRow(row);
      if (retryAt) waiting.set(chat, retryAt);
    }
    return rows.length;
  }

  /** Sends one row; returns when it will be tried again, if it has to wait. */
  private async sendRow(row: OutboxRow): Promise<Date | undefined> {
    const decoded = fromPayload(row.payload);
    const sender = this.senders[row.channel];
    // Claimed before (a crash, a lost lease): the question may be answered by now; asking it again
    // could make the person's next answer land on the wrong question.
    if (row.question && row.attempts >= 2 && (await this.movedPast(row.question, this.clock.now()))) {
      await this.outbox.drop([row.id], this.clock.now());
      return undefined;
    }
    if (!decoded || !sender) {
      await this.outbox.markFailed(
        row.id,
        decoded ? `no sender for ${row.channel}` : 'unreadable payload',
        this.clock.now(),
      );
      return undefined;
    }
    let outcome;
    try {
      outcome = await sender.send(row.chatId, decoded.reply, decoded.lang);
    } catch (error) {
      outcome = { ok: false as const, permanent: false, error: error instanceof Error ? error.message : String(error) };
    }
    const now = this.clock.now();
    if (outcome.ok) {
      await this.outbox.markSent(row.id, now);
      return undefined;
    }
    if (outcome.permanent || row.attempts >= this.opts.maxAttempts) {
      this.log.warn(
        { outboxId: row.id, channel: row.channel, chatId: row.chatId, error: outcome.error },
        'message given up',
      );
      await this.outbox.markFailed(row.id, outcome.error, now);
      return undefined;
    }
    const backoff =
      outcome.retryAfterMs ?? this.opts.backoffMs * 2 ** Math.max(0, row.attempts - 1) * (1 + Math.random() * 0.3);
    const retryAt = new Date(now.getTime() + backoff);
    await this.outbox.markRetry(row.id, outcome.error, retryAt);
    return retryAt;
  }
}
