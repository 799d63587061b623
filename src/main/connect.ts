import type { Logger } from 'pino';
import type { Clock, Repositories } from '../app/ports.ts';
import { SendLimiter } from '../app/send-limiter.ts';
import { keepArrivedPhoto } from '../app/use-cases/keep-photo.ts';
import { oneTimeDocumentLink, publishImage } from '../app/use-cases/public-files.ts';
import { connectTelegram, connectFailure, type TelegramConnection } from '../channels/telegram/telegram-channel.ts';
import { ZaloStartupError } from '../channels/zalo/startup.ts';
import { connectZalo as connectZaloBot, type ZaloConnection } from '../channels/zalo/zalo-channel.ts';
import type { Config, SendRates } from '../config/env.ts';
import { DRAFT_TTL_MS } from '../flows/engine/session.ts';

/** Why a program could not be built: a channel refused or could not be reached (said, not thrown raw). */
export class ChannelConnectError extends Error {
  constructor(
    readonly channel: 'telegram' | 'zalo',
    readonly reason: 'tokenRefused' | 'unreachable' | 'misconfigured',
    options: { cause: unknown },
  ) {
    super(`${channel}: ${reason}`, options);
    this.name = 'ChannelConnectError';
  }
}

/** A channel's limiter from its configured rates (design.md, "Outbound"). */
export function limiterFor(rates: SendRates): SendLimiter {
  return new SendLimiter({
    limits: {
      globalPerSecond: rates.perSecond,
      perChatGapMs: rates.perChatMs,
      ...(rates.perGroupPerMinute === undefined ? {} : { perGroupPerMinute: rates.perGroupPerMinute }),
    },
  });
}

/** The Telegram door: getMe tells a refused token from an unreachable Bot API. */
export async function connectTelegramChannel(
  telegram: NonNullable<Config['telegram']>,
  log: Logger,
): Promise<TelegramConnection> {
  try {
    return await connectTelegram({ token: telegram.token, apiRoot: telegram.apiRoot, log });
  } catch (error) {
    throw new ChannelConnectError('telegram', connectFailure(error), { cause: error });
  }
}

export interface ZaloDeps {
  log: Logger;
  repos: Repositories;
  clock: Clock;
  onFatal: (error: unknown) => void;
}

/**
 * The Zalo door: getMe checks the token (a refusal names ZALO_BOT_TOKEN); images and export links go
 * through the files table under PUBLIC_BASE_URL (without it, the text alone, and the export answer
 * says to use Telegram or the CLI); incoming photos are stored at once, for a draft's life. The
 * receiver gets the engine in runBot, like Telegram's.
 */
export async function connectZaloChannel(
  config: Config,
  zalo: NonNullable<Config['zalo']>,
  deps: ZaloDeps,
): Promise<ZaloConnection> {
  const { repos, clock } = deps;
  const base = config.publicBaseUrl;
  try {
    return await connectZaloBot({
      token: zalo.token,
      apiBase: zalo.apiBase,
      webhook: zalo.webhook,
      logger: deps.log,
      publicBaseUrl: base,
      images: base ? { publishImage: (png) => publishImage(repos.files, base, png, clock.now()) } : undefined,
      documentLink: base
        ? async (reply) =>
            reply.document ? oneTimeDocumentLink(repos.files, base, reply.document, clock.now()) : undefined
        : undefined,
      photos: { store: (photo) => keepArrivedPhoto(repos.files, photo, clock.now(), DRAFT_TTL_MS) },
      onFatal: deps.onFatal,
    });
  } catch (error) {
    if (!(error instanceof ZaloStartupError)) throw error;
    const reason =
      error.key === 'zalo.badToken'
        ? 'tokenRefused'
        : error.key === 'zalo.apiUnreachable'
          ? 'unreachable'
          : 'misconfigured';
    throw new ChannelConnectError('zalo', reason, { cause: error });
  }
}

/** A promise resolved by the first `fire` (later calls do nothing): the sender reports every refusal. */
export function once<T>(): { promise: Promise<T>; fire(value: T): void } {
  let fire: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => (fire = resolve));
  return { promise, fire: (value) => fire(value) };
}
