import type { ZaloClient } from './client.ts';
import { isAuthError, isIdlePoll } from './errors.ts';
import { ChatLanes, RecentIds } from './lanes.ts';
import { clearWebhook } from './startup.ts';
import { logIgnored, parseUpdate, type ZaloInbound } from './to-inbound.ts';
import type { UpdateHandler, ZaloLogger, ZaloUpdate } from './types.ts';

export interface ZaloPollerOptions {
  client: ZaloClient;
  handler: UpdateHandler;
  logger: ZaloLogger;
  /** The bot's own id (getMe), so its messages are never read back. */
  botId?: string;
  /** getUpdates' `timeout`, in seconds. */
  pollTimeoutS?: number;
  /** Backoff after a failed poll (not after an idle 408): doubles from `initialMs` up to `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
  /** Waits before handing an update the engine could not record (`unrecorded`) to it again. */
  recordRetryDelaysMs?: readonly number[];
  maxLanes?: number;
  maxPending?: number;
  /** Zalo refused the token mid-run: polling has stopped. */
  onFatal?: (error: unknown) => void;
  random?: () => number;
}

const BACKOFF = { initialMs: 5_000, maxMs: 60_000 };
const RECORD_RETRY_MS = [1_000, 2_000, 4_000, 8_000, 16_000];

/**
 * Zalo long polling: any webhook deleted first, then `getUpdates({timeout: "30"})` in a loop. There
 * is no offset and no acknowledgement: an update is Zalo's to forget once it is in our hands, so one
 * the engine could not record is handed to it again for a while before it is given up (and logged).
 * An idle 408 polls again at once; other failures back off with jitter, 5 s doubling to 60 s.
 */
export class ZaloPoller {
  private readonly lanes: ChatLanes;
  private readonly recent = new RecentIds();
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly pollTimeoutS: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly random: () => number;

  constructor(private readonly options: ZaloPollerOptions) {
    this.lanes = new ChatLanes(options.maxLanes, options.maxPending);
    this.pollTimeoutS = options.pollTimeoutS ?? 30;
    this.backoff = options.backoff ?? BACKOFF;
    this.random = options.random ?? Math.random;
  }

  /** Deletes any webhook, then starts the loop; resolves once polling is under way. */
  async start(): Promise<void> {
    if (this.loop) return;
    await clearWebhook(this.options.client, this.options.logger);
    this.loop = this.run().catch((error: unknown) => {
      this.options.logger.error({ err: error, channel: 'zalo' }, 'zalo polling stopped with an error');
      this.options.onFatal?.(error);
    });
  }

  /** Ends the loop (the poll in flight is cancelled) and waits for the updates in hand. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await this.lanes.idle();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    const { client, logger } = this.options;
    let failures = 0;
    while (!this.stopped) {
      await this.lanes.waitForRoom(this.abort.signal);
      if (this.stopped) break;
      let updates: ZaloUpdate[];
      try {
        updates = await client.getUpdates(this.pollTimeoutS, this.abort.signal);
      } catch (error) {
        if (this.stopped) break;
        if (isIdlePoll(error)) {
          failures = 0;
          continue;
        }
        if (isAuthError(error)) {
          logger.error({ err: error, channel: 'zalo' }, 'Zalo refuses the bot token (ZALO_BOT_TOKEN): polling stopped');
          this.options.onFatal?.(error);
          return;
        }
        failures++;
        const delay = this.delayAfter(failures);
        logger.warn({ err: error, channel: 'zalo', retryInMs: delay }, 'zalo getUpdates failed');
        await this.pause(delay);
        continue;
      }
      failures = 0;
      for (const update of updates) this.dispatch(update);
    }
  }

  private dispatch(update: ZaloUpdate): void {
    const parsed = parseUpdate(update, { botId: this.options.botId });
    if (parsed.kind === 'ignored') return logIgnored(this.options.logger, update, parsed.reason);
    const { inbound } = parsed;
    if (this.recent.has(inbound.updateId)) {
      this.options.logger.debug({ channel: 'zalo', updateId: inbound.updateId }, 'zalo update seen already');
      return;
    }
    this.recent.add(inbound.updateId);
    this.lanes.push(inbound.chatId, () => this.deliver(inbound));
  }

  private async deliver(inbound: ZaloInbound): Promise<void> {
    const { handler, logger } = this.options;
    const delays = this.options.recordRetryDelaysMs ?? RECORD_RETRY_MS;
    const where = { channel: 'zalo', chatId: inbound.chatId, updateId: inbound.updateId };
    for (let attempt = 0; ; attempt++) {
      let result;
      try {
        result = await handler.handle(inbound);
      } catch (error) {
        logger.error({ err: error, ...where }, 'zalo update handler threw');
        result = 'unrecorded' as const;
      }
      if (result !== 'unrecorded') {
        logger.debug({ ...where, result }, 'zalo update handled');
        return;
      }
      const delay = delays[attempt];
      if (delay === undefined || this.stopped) {
        // Zalo will not deliver it again: say so, and let a redelivery (if any) through.
        this.recent.delete(inbound.updateId);
        logger.error(where, 'zalo update lost: the engine could not record it');
        return;
      }
      await this.pause(delay);
    }
  }

  private delayAfter(failures: number): number {
    const base = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (failures - 1));
    // ±25 %, so replicas restarted together do not poll in step.
    return Math.min(this.backoff.maxMs, Math.round(base * (0.75 + this.random() * 0.5)));
  }

  /** Sleeps, waking early on stop(). */
  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener('abort', done, { once: true });
    });
  }
}
