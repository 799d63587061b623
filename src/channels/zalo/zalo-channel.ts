import type { ChannelSender } from '../../app/delivery.ts';
import type { Reply } from '../../app/messages.ts';
import { ZaloClient } from './client.ts';
import { keepingPhotos, type PhotoKeeping } from './photo-keeper.ts';
import { ZaloPoller, type ZaloPollerOptions } from './polling.ts';
import { createZaloSender, type ZaloImagePublisher } from './sender.ts';
import { checkToken, registerWebhook, validateWebhook } from './startup.ts';
import type { UpdateHandler, ZaloBotInfo, ZaloLogger } from './types.ts';
import { createZaloWebhookHandler, type WebhookHandler } from './webhook.ts';

export interface ZaloChannelOptions {
  /** ZALO_BOT_TOKEN. */
  token: string;
  /** ZALO_API_BASE. */
  apiBase?: string;
  /** ZALO_WEBHOOK_URL + ZALO_WEBHOOK_SECRET: webhook mode; long polling otherwise. */
  webhook?: { url: string; secret: string };
  engine: UpdateHandler;
  logger: ZaloLogger;
  /** PUBLIC_BASE_URL and the image server behind it (both needed for sendPhoto). */
  publicBaseUrl?: string;
  images?: ZaloImagePublisher;
  documentLink?: (reply: Reply) => Promise<string | undefined>;
  /** Where incoming photos are stored (their Zalo URLs expire); without it, photos keep their URL. */
  photos?: PhotoKeeping;
  /** Zalo refused the token mid-run (polling or a send): stop the channel, tell the operator. */
  onFatal?: (error: unknown) => void;
  /** Tuning for tests: poll timeout, backoff, lanes. */
  polling?: Pick<ZaloPollerOptions, 'pollTimeoutS' | 'backoff' | 'recordRetryDelaysMs' | 'maxLanes' | 'maxPending'>;
  sender?: { retryDelaysMs?: readonly number[]; quotaWaitsMs?: readonly number[] };
  /** A call other than getUpdates, getMe at start and sendPhoto gives up after this long (30 s). */
  timeoutMs?: number;
}

/** The bot's identity and its way to send, known before any update is taken (getMe at connect). */
export interface ZaloConnection {
  sender: ChannelSender;
  /** getMe's answer: the bot's id (its own messages are skipped) and name. */
  bot: ZaloBotInfo;
  /** Where updates go from now on; start the receiver once everything else is ready. */
  receive(engine: UpdateHandler): ZaloReceiver;
}

export interface ZaloReceiver {
  mode: 'polling' | 'webhook';
  /** Webhook mode: mount `handler` at `path` on the HTTP server before `start()`. */
  webhook?: { path: string; handler: WebhookHandler };
  /** Polling: deletes any webhook and starts polling. Webhook: setWebhook. */
  start(): Promise<void>;
  /** Polling: ends the loop and waits for updates in hand. Webhook: nothing (the server closes). */
  stop(): Promise<void>;
}

export type ZaloChannel = ZaloReceiver & Omit<ZaloConnection, 'receive'>;

/**
 * The Zalo door, shaped like the Telegram one so the composition root treats both alike: connected
 * first (the token checked by getMe, 2.5 s: a refused token throws `ZaloStartupError` with
 * `zalo.badToken`; the sender built), handed the engine after.
 */
export async function connectZalo(options: Omit<ZaloChannelOptions, 'engine'>): Promise<ZaloConnection> {
  const { logger, webhook } = options;
  if (webhook) validateWebhook(webhook.url, webhook.secret);
  const client = new ZaloClient({
    token: options.token,
    baseUrl: options.apiBase,
    defaultTimeoutMs: options.timeoutMs,
  });
  const bot = await checkToken(client);
  const sender = createZaloSender({
    client,
    logger,
    publicBaseUrl: options.publicBaseUrl,
    images: options.images,
    documentLink: options.documentLink,
    onAuthFailure: (error) => options.onFatal?.(error),
    ...options.sender,
  });
  const botId = bot.id || undefined;
  return { sender, bot, receive: (engine) => receiveInto(client, options, botId, engine) };
}

/** `connectZalo`, then `receive(engine)`: for callers that have the engine already. */
export async function createZaloChannel(options: ZaloChannelOptions): Promise<ZaloChannel> {
  const { receive, ...connection } = await connectZalo(options);
  return { ...connection, ...receive(options.engine) };
}

function receiveInto(
  client: ZaloClient,
  options: Omit<ZaloChannelOptions, 'engine'>,
  botId: string | undefined,
  receiving: UpdateHandler,
): ZaloReceiver {
  const { logger, webhook } = options;
  const engine = options.photos ? keepingPhotos(receiving, options.photos, logger) : receiving;
  if (webhook) {
    return {
      mode: 'webhook',
      webhook: {
        path: new URL(webhook.url).pathname,
        handler: createZaloWebhookHandler({ secret: webhook.secret, handler: engine, logger, botId }),
      },
      start: () => registerWebhook(client, webhook.url, webhook.secret),
      // Zalo keeps the webhook and delivers to it when the bot is back.
      stop: async () => {},
    };
  }
  const poller = new ZaloPoller({
    client,
    handler: engine,
    logger,
    botId,
    onFatal: options.onFatal,
    ...options.polling,
  });
  return { mode: 'polling', start: () => poller.start(), stop: () => poller.stop() };
}
