import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Telegraf, TelegramError, type Types } from 'telegraf';
import type { ChannelSender } from '../../app/delivery.ts';
import type { Inbound } from '../../app/messages.ts';
import type { CommandName } from '../../app/permissions.ts';
import type { Log } from '../../app/ports.ts';
import { normaliseApiRoot } from './api-root.ts';
import { registerCommandMenus } from './command-menu.ts';
import { createTelegramSender } from './sender.ts';
import { callbackQueryId, toInbound } from './to-inbound.ts';

/** The conversation engine as the channel sees it: resolves once the update is committed. */
export interface UpdateHandler {
  handle(inbound: Inbound): Promise<unknown>;
}

export interface TelegramConnectOptions {
  token: string;
  apiRoot?: string;
  log: Log;
  sendTimeoutMs?: number;
}

export interface ReceiveOptions {
  engine: UpdateHandler;
  /** Webhook mode (TELEGRAM_WEBHOOK_URL/SECRET); long polling otherwise. */
  webhook?: { url: string; secret: string };
  /** The commands that are built: the "/" menus offer only these. */
  commands: ReadonlySet<CommandName>;
  /** Called when updates can no longer be received (polling refused: 401, 409 another poller). */
  onFatal?: (error: unknown) => void;
}

export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The bot's identity and its way to send, known before any update is taken (getMe at connect). */
export interface TelegramConnection {
  /** The bot's @username (from getMe), for deep links and `/cmd@bot` in groups. */
  username: string;
  sender: ChannelSender;
  /** Where updates go from now on; start it once everything else is ready. */
  receive(options: ReceiveOptions): TelegramReceiver;
}

export interface TelegramReceiver {
  mode: 'polling' | 'webhook';
  /** Webhook mode: mount `handler` at `path` on the HTTP server before `start()`. */
  webhook?: { path: string; handler: WebhookHandler };
  /** Starts receiving: long polling, or registers the webhook. Resolves once it is under way. */
  start(): Promise<void>;
  /** Stops taking updates; polling finishes the batch in hand and confirms its offset first. */
  stop(): Promise<void>;
}

/**
 * Why the bot could not connect at start: Telegram refused the token (401/404 from getMe: the
 * token is wrong or revoked), or Telegram could not be reached at all (network, DNS, a proxy).
 * The two need different fixes, so they are told apart, as grammY's two error types do.
 */
export function connectFailure(error: unknown): 'tokenRefused' | 'unreachable' {
  return error instanceof TelegramError && (error.code === 401 || error.code === 404) ? 'tokenRefused' : 'unreachable';
}

/** Only what the bot reads (edits only to say they are not read); channel posts and membership news never arrive. */
const ALLOWED_UPDATES: Types.UpdateType[] = ['message', 'edited_message', 'callback_query'];

/**
 * The engine could not even record an update (the database is down). Thrown past `bot.catch` so
 * long polling stops before confirming the batch (the process exits and, restarted, gets the batch
 * again) and a webhook answers 500 (Telegram delivers it again).
 */
export class UpdateNotRecordedError extends Error {
  constructor(readonly updateId: string) {
    super(`update ${updateId} could not be recorded`);
    this.name = 'UpdateNotRecordedError';
  }
}

/** The webhook response of the update being handled, so the middleware can make it a 500. */
const webhookResponse = new AsyncLocalStorage<ServerResponse>();
/** Generous: an update resolves only after its commit, which may wait for a busy database. */
const HANDLER_TIMEOUT_MS = 5 * 60_000;
const STOP_WAIT_MS = 15_000;

/**
 * The Telegram door (telegraf 4.16). One middleware maps each update and waits for the engine's
 * commit, so long polling confirms a batch only after it is handled and a webhook answers 200 only
 * after the commit (`webhookReply` off: telegraf would otherwise answer early). `bot.catch` is the
 * one error boundary: it logs and never rethrows (telegraf's default rethrows and stops polling).
 */
export async function connectTelegram(options: TelegramConnectOptions): Promise<TelegramConnection> {
  const log = options.log.child({ channel: 'telegram' });
  const apiRoot = normaliseApiRoot(options.apiRoot);
  const bot = new Telegraf(options.token, {
    telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) },
    handlerTimeout: HANDLER_TIMEOUT_MS,
  });
  bot.botInfo = await bot.telegram.getMe();
  const sender = createTelegramSender({
    telegram: bot.telegram,
    token: options.token,
    timeoutMs: options.sendTimeoutMs,
  });
  return {
    username: bot.botInfo.username,
    sender,
    receive: (receiving) => receiveInto(bot, log, receiving),
  };
}

function receiveInto(bot: Telegraf, log: Log, options: ReceiveOptions): TelegramReceiver {
  const { engine, webhook } = options;

  bot.use(async (ctx) => {
    const inbound = toInbound(ctx.update);
    // Hand the update to the engine before anything is awaited: updates of one batch then queue in
    // the order Telegram sent them.
    const handled = inbound ? engine.handle(inbound) : undefined;
    // Marked as observed now: should it reject while we answer the button, Node must not take it
    // for an unhandled rejection; the `await` below still hands the error to bot.catch.
    handled?.catch(() => {});
    const queryId = callbackQueryId(ctx.update);
    if (queryId) {
      // Answer at once so the button stops spinning; the engine checks the press itself.
      await ctx.answerCbQuery().catch((error: unknown) => log.debug({ err: error }, 'answerCallbackQuery failed'));
    }
    if (!handled || !inbound) return;
    const result = await handled;
    log.debug({ chatId: inbound.chatId, updateId: inbound.updateId, result }, 'update handled');
    if (result === 'unrecorded') {
      const res = webhookResponse.getStore();
      if (res && !res.headersSent) res.statusCode = 500;
      throw new UpdateNotRecordedError(inbound.updateId);
    }
  });
  bot.catch((error, ctx) => {
    log.error({ err: error, chatId: ctx.chat?.id, updateId: ctx.update.update_id }, 'telegram update failed');
    if (error instanceof UpdateNotRecordedError) {
      // telegraf confirms the offset when polling ends (Polling.loop's finally → syncUpdateOffset),
      // which would acknowledge the very batch we could not record. Its own 401/409 path skips that
      // sync with this flag; we take the same path. (telegraf 4.16 src/core/network/polling.ts)
      const polling = (bot as unknown as { polling?: { skipOffsetSync: boolean } }).polling;
      if (polling) polling.skipOffsetSync = true;
      throw error;
    }
  });

  const registerMenus = () => {
    registerCommandMenus(bot.telegram, options.commands).catch((error: unknown) =>
      log.warn({ err: error }, 'could not register the command menu (ignored)'),
    );
  };

  if (webhook) {
    const url = new URL(webhook.url);
    // Not `bot.createWebhook`: it forces https:// onto the URL and returns the handler only after
    // setWebhook, while Telegram may already be delivering to a URL set by an earlier run.
    const handler = bot.webhookCallback(url.pathname + url.search, { secretToken: webhook.secret });
    return {
      mode: 'webhook',
      webhook: {
        path: url.pathname,
        handler: (req, res) =>
          webhookResponse.run(res, () =>
            handler(req, res).catch((error: unknown) => {
              if (!(error instanceof UpdateNotRecordedError)) throw error;
              // Already answered 500 (set before telegraf ended the response): Telegram retries.
            }),
          ),
      },
      async start() {
        await bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
        registerMenus();
      },
      async stop() {
        // The HTTP server is closed by its owner; Telegram keeps the webhook and redelivers later.
      },
    };
  }

  let polling: Promise<void> | undefined;
  let pollingDone = false;
  return {
    mode: 'polling',
    async start() {
      await new Promise<void>((resolve, reject) => {
        let launched = false;
        // `launch` resolves only when polling stops: never await it here (telegraf #1749).
        polling = bot
          .launch({ allowedUpdates: ALLOWED_UPDATES }, () => {
            launched = true;
            resolve();
          })
          .catch((error: unknown) => {
            if (!launched) return reject(error);
            log.error({ err: error }, 'long polling stopped with an error');
            options.onFatal?.(error);
          })
          .finally(() => {
            pollingDone = true;
          });
      });
      registerMenus();
    },
    async stop() {
      if (!polling) return;
      // `onLaunch` fires just before polling begins; `stop()` in that window throws "Bot is not
      // running!", so try again for a moment.
      const until = Date.now() + STOP_WAIT_MS;
      for (;;) {
        try {
          bot.stop('shutdown');
          break;
        } catch {
          if (pollingDone || Date.now() > until) break;
          await sleep(50);
        }
      }
      const finished = await Promise.race([polling.then(() => true), sleep(STOP_WAIT_MS).then(() => false)]);
      if (!finished) log.warn({}, 'long polling did not stop in time');
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
