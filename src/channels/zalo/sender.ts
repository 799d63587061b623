import type { ChannelSender, SendOutcome } from '../../app/delivery.ts';
import type { Reply } from '../../app/messages.ts';
import type { Lang } from '../../app/messages.ts';
import { classifySendError, failureKind, retryableAtOnce } from './classify.ts';
import type { ZaloClient } from './client.ts';
import { ZaloApiError } from './errors.ts';
import { documentFallback, renderForZalo, type ZaloOutput } from './render.ts';
import type { ZaloLogger } from './types.ts';

/** Serves a PNG where Zalo can fetch it (several times, for an hour); filled by the integrator. */
export interface ZaloImagePublisher {
  /** An absolute URL, or a path under PUBLIC_BASE_URL; undefined when it cannot publish now. */
  publishImage(png: Uint8Array): Promise<string | undefined>;
}

export interface ZaloSenderOptions {
  client: ZaloClient;
  logger: ZaloLogger;
  /** PUBLIC_BASE_URL: without it (or without `images`) a reply's image is left out. */
  publicBaseUrl?: string;
  images?: ZaloImagePublisher;
  /** A one-time download link for a reply's document; undefined means "use Telegram or the CLI". */
  documentLink?: (reply: Reply) => Promise<string | undefined>;
  /** Zalo refused our token (401/403): the integrator stops the channel. Called on every refusal. */
  onAuthFailure?: (error: ZaloApiError) => void;
  /** Waits before trying a part again after a 5xx or a dropped connection (not after a timeout). */
  retryDelaysMs?: readonly number[];
  /** Waits suggested to the outbox after consecutive 429s: Zalo gives no Retry-After. */
  quotaWaitsMs?: readonly number[];
  random?: () => number;
}

const RETRY_DELAYS_MS = [500, 1500];
/** The reference's guess (5, 15, 60 s); the quota is per bot, so the count is kept across chats. */
const QUOTA_WAITS_MS = [5_000, 15_000, 60_000];

/**
 * The outbox's way to reach a Zalo chat. A reply becomes texts of at most 2000 units (choices as a
 * numbered list, never buttons: Zalo has none), then a photo by URL when one can be published, then
 * a document's replacement (Zalo cannot send files). Parts go in order; a part that meets a 5xx or a
 * dropped connection is tried again here, so the parts already sent are not repeated by an outbox
 * retry of the whole reply. Anything else is classified for the outbox (classify.ts).
 */
export function createZaloSender(options: ZaloSenderOptions): ChannelSender {
  const { client, logger } = options;
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const quotaWaits = options.quotaWaitsMs ?? QUOTA_WAITS_MS;
  const random = options.random ?? Math.random;
  let quotaHits = 0;

  const withRetries = async (call: () => Promise<unknown>): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await call();
        return;
      } catch (error) {
        const delay = retryDelays[attempt];
        if (delay === undefined || !retryableAtOnce(error)) throw error;
        await sleep(delay * (1 + random() * 0.3));
      }
    }
  };

  const sendPhoto = async (chatId: string, output: Extract<ZaloOutput, { kind: 'photo' }>): Promise<void> => {
    const url = await publish(options, output.png, logger);
    if (!url) return;
    try {
      await withRetries(() => client.sendPhoto(chatId, url, output.caption));
    } catch (error) {
      // A refused image says nothing about the reader: the text already went, so the reply stands.
      if (failureKind(error) !== 'refused') throw error;
      logger.warn({ err: error, channel: 'zalo', chatId }, 'zalo refused the image; sent the text alone');
    }
  };

  const sendDocument = async (
    chatId: string,
    reply: Reply,
    output: Extract<ZaloOutput, { kind: 'document' }>,
    lang: Lang,
  ) => {
    let link: string | undefined;
    try {
      link = await options.documentLink?.(reply);
    } catch (error) {
      logger.warn({ err: error, channel: 'zalo', chatId }, 'no download link for the document');
    }
    for (const part of documentFallback(output, link, lang))
      if (part.kind === 'text') await withRetries(() => client.sendMessage(chatId, part.text));
  };

  return {
    async send(chatId: string, reply: Reply, lang: Lang): Promise<SendOutcome> {
      try {
        for (const output of renderForZalo(reply, lang)) {
          if (output.kind === 'text') await withRetries(() => client.sendMessage(chatId, output.text));
          else if (output.kind === 'photo') await sendPhoto(chatId, output);
          else await sendDocument(chatId, reply, output, lang);
        }
        quotaHits = 0;
        return { ok: true };
      } catch (error) {
        const kind = failureKind(error);
        if (kind === 'auth') {
          logger.error(
            { err: error, channel: 'zalo', chatId },
            'Zalo refuses the bot token (ZALO_BOT_TOKEN): nothing can be sent until it is replaced',
          );
          if (error instanceof ZaloApiError) options.onAuthFailure?.(error);
        }
        if (kind !== 'quota') return classifySendError(error);
        const base = quotaWaits[Math.min(quotaHits, quotaWaits.length - 1)] ?? 60_000;
        quotaHits++;
        return classifySendError(error, Math.round(base * (1 + random() * 0.2)));
      }
    },
  };
}

/** The image's public URL, or undefined (no PUBLIC_BASE_URL, no publisher, or it failed). */
async function publish(options: ZaloSenderOptions, png: Uint8Array, logger: ZaloLogger): Promise<string | undefined> {
  if (!options.publicBaseUrl || !options.images) return undefined;
  try {
    const where = await options.images.publishImage(png);
    if (!where) return undefined;
    // A path is taken under the base URL's own path (a reverse proxy may serve the bot under one).
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(where);
    const base = options.publicBaseUrl.replace(/\/+$/, '');
    const url = new URL(absolute ? where : `${base}/${where.replace(/^\/+/, '')}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch (error) {
    logger.warn({ err: error, channel: 'zalo' }, 'could not publish the image; sending the text alone');
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
