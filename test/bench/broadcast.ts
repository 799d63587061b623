/**
 * The broadcast scenario of `npm run bench` (issue 8): one message to each of 3,000 focal points
 * through the send limiter and the real telegraf sender, against the fake Bot API (in a process of
 * its own) enforcing Telegram's limit shape: per chat 1/s, per group 20/min, and a global rate scaled
 * up from 30/s so that the run is short. Retries work as the outbox dispatcher's do: 5xx and timeouts
 * back off with jitter a bounded number of times, a 429 waits its retry_after, a permanent refusal is
 * given up.
 */
import { Telegram } from 'telegraf';
import type { SendOutcome } from '../../src/app/delivery.ts';
import { reply } from '../../src/app/messages.ts';
import { SendLimiter } from '../../src/app/send-limiter.ts';
import { createTelegramSender } from '../../src/channels/telegram/sender.ts';
import type { RandomFaultRates } from '../fakes/fake-bot-faults.ts';
import { startFakeApiChild } from './fake-api-process.ts';
import { FIRST_CHAT, measureBroadcast, type BroadcastResult, type SenderLog } from './broadcast-measure.ts';

export interface BroadcastConfig {
  label: string;
  chats: number;
  /** The global rate the fake allows (sends in any 1 s). */
  allowedPerSecond: number;
  /** Bursts the fake tolerates above the rate (a token bucket); none: a strict one-second window. */
  allowedBurst?: number;
  /** The global rate the limiter is set to: a little under the allowed one, for timing jitter. */
  limiterPerSecond: number;
  faults?: RandomFaultRates;
  maxAttempts: number;
  backoffMs: number;
  /** Chats sent to first and not measured: a bot that has been running has warm code and sockets. */
  warmUpChats: number;
}

const WARM_UP_CHAT = 900_001;
const message = reply('engine.hint');

export async function runBroadcast(config: BroadcastConfig): Promise<BroadcastResult> {
  const api = await startFakeApiChild({
    limits: {
      perChatGapMs: 1000,
      perGroupPerMinute: 20,
      globalPerSecond: config.allowedPerSecond,
      ...(config.allowedBurst ? { globalBurst: config.allowedBurst } : {}),
    },
    ...(config.faults ? { randomFaults: config.faults } : {}),
  });
  const telegram = new Telegram(api.token, { apiRoot: api.url });
  const sender = createTelegramSender({ telegram, token: api.token, timeoutMs: 10_000 });
  const limiter = new SendLimiter({ limits: { globalPerSecond: config.limiterPerSecond } });
  const log: SenderLog = { starts: [], firstAttempts: new Map(), retries: 0, wallMs: 0 };
  const send = (chatId: string): Promise<SendOutcome> => {
    log.starts.push(Date.now());
    if (!log.firstAttempts.has(chatId)) log.firstAttempts.set(chatId, Date.now());
    return sender.send(chatId, message, 'vi');
  };
  const warmUp = { ...config, chats: config.warmUpChats };
  await broadcast(warmUp, WARM_UP_CHAT, limiter, (chatId) => sender.send(chatId, message, 'vi'));
  // Let the fake's one-second window empty before the measured run.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const started = performance.now();
  log.retries = await broadcast(config, FIRST_CHAT, limiter, send);
  log.wallMs = performance.now() - started;
  return measureBroadcast(config, await api.report(), log);
}

/**
 * Sends to every chat and resolves when each is delivered or given up; returns the retries made.
 * Like the dispatcher, it keeps the limiter fed two seconds ahead instead of queueing everything
 * (claimed outbox rows hold a lease).
 */
async function broadcast(
  config: BroadcastConfig,
  firstChat: number,
  limiter: SendLimiter,
  send: (chatId: string) => Promise<SendOutcome>,
): Promise<number> {
  const waiting = Array.from({ length: config.chats }, (_, i) => ({ chatId: String(firstChat + i), attempt: 1 }));
  const feedAhead = config.limiterPerSecond * 2;
  let unsettled = config.chats;
  let retries = 0;
  await new Promise<void>((resolve) => {
    const feed = (): void => {
      while (limiter.pending < feedAhead && waiting.length > 0) {
        const job = waiting.shift();
        if (job) void attempt(job);
      }
    };
    const settle = (): void => {
      unsettled -= 1;
      if (unsettled === 0) resolve();
      else feed();
    };
    const attempt = async (job: { chatId: string; attempt: number }): Promise<void> => {
      const outcome = await limiter.run(job.chatId, () => send(job.chatId), {
        priority: 'bulk',
        retryAfterMsOf: (o) => (o.ok ? undefined : o.retryAfterMs),
      });
      if (outcome.ok || outcome.permanent || job.attempt >= config.maxAttempts) return settle();
      retries += 1;
      const backoff = outcome.retryAfterMs ?? config.backoffMs * 2 ** (job.attempt - 1) * (1 + Math.random() * 0.3);
      setTimeout(() => {
        // A retry goes ahead of first attempts, as an outbox row due again is claimed by id.
        waiting.unshift({ chatId: job.chatId, attempt: job.attempt + 1 });
        feed();
      }, backoff);
      feed();
    };
    feed();
  });
  await limiter.onIdle();
  return retries;
}
