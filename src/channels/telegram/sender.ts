import { TelegramError, type Telegram } from 'telegraf';
import type { ChannelSender, SendOutcome } from '../../app/delivery.ts';
import type { Reply } from '../../app/messages.ts';
import type { Lang } from '../../app/messages.ts';
import { renderForTelegram, type TelegramOutput } from './render.ts';

export interface TelegramSenderOptions {
  /** telegraf's client (`bot.telegram`), already pointed at the configured API root. */
  telegram: Telegram;
  /** Removed from every error string we hand back (the outbox stores them). */
  token: string;
  /** One Bot API call gives up after this long (telegraf's own timeout is 500 s). */
  timeoutMs?: number;
}

type SendFailure = Extract<SendOutcome, { ok: false }>;

/**
 * The outbox's way to reach a Telegram chat: renders the reply (HTML, keyboards, split text, photo,
 * document) and tells the outbox how a failure should be treated. A reply of several parts is sent in
 * order; if a later part fails the whole reply is tried again (sends are at-least-once).
 */
export function createTelegramSender(options: TelegramSenderOptions): ChannelSender {
  const { telegram, token } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(chatId: string, reply: Reply, lang: Lang): Promise<SendOutcome> {
      let target = chatId;
      try {
        for (const output of renderForTelegram(reply, lang)) {
          try {
            await call(telegram, target, output, timeoutMs);
          } catch (error) {
            // The group became a supergroup: Telegram names the new id; send there once.
            const moved = migratedTo(error);
            if (!moved) throw error;
            target = moved;
            await call(telegram, target, output, timeoutMs);
          }
        }
        return { ok: true };
      } catch (error) {
        return classifySendError(error, token);
      }
    },
  };
}

async function call(telegram: Telegram, chatId: string, output: TelegramOutput, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  // telegraf types its signal with the `abort-controller` shim; Node's own signal is what node-fetch
  // checks for at run time.
  const signal = { signal: controller.signal as unknown as NonNullable<Parameters<Telegram['callApi']>[2]>['signal'] };
  try {
    if (output.kind === 'text') {
      await telegram.callApi(
        'sendMessage',
        {
          chat_id: chatId,
          text: output.text,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(output.keyboard ? { reply_markup: { inline_keyboard: output.keyboard } } : {}),
        },
        signal,
      );
    } else if (output.kind === 'photo') {
      const photo = { source: Buffer.from(output.png), filename: 'image.png' };
      await telegram.callApi('sendPhoto', { chat_id: chatId, photo, ...caption(output.caption) }, signal);
    } else {
      const document = { source: Buffer.from(output.bytes), filename: output.fileName };
      await telegram.callApi('sendDocument', { chat_id: chatId, document, ...caption(output.caption) }, signal);
    }
  } finally {
    clearTimeout(timer);
  }
}

function caption(text: string | undefined): { caption?: string; parse_mode?: 'HTML' } {
  return text ? { caption: text, parse_mode: 'HTML' } : {};
}

function migratedTo(error: unknown): string | undefined {
  if (!(error instanceof TelegramError)) return undefined;
  const id = error.parameters?.migrate_to_chat_id;
  return id === undefined ? undefined : String(id);
}

/**
 * How the outbox should treat a failed call (design.md, "Outbound"):
 *  - 429: wait `retry_after` seconds;
 *  - 400 (chat not found, bad request: the same call would fail again) and 403 (blocked by the user,
 *    user deactivated, bot kicked): permanent;
 *  - 401/404 (our token is wrong: the reader is not at fault), 409, 5xx, network errors and
 *    timeouts: transient, retried with backoff.
 * The error string never carries the token: telegraf's network errors include the request URL.
 */
export function classifySendError(error: unknown, token: string): SendFailure {
  const scrub = (text: string) =>
    (token ? text.split(token).join('[token]') : text).replace(/\/bot[^/\s]+\//g, '/bot[token]/');
  if (error instanceof TelegramError) {
    const description = scrub(`telegram ${error.code}: ${error.description}`);
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 5;
      return { ok: false, permanent: false, error: description, retryAfterMs: seconds * 1000 };
    }
    if (error.code === 400 || error.code === 403) return { ok: false, permanent: true, error: description };
    return { ok: false, permanent: false, error: description };
  }
  if (error instanceof Error) {
    if (error.name === 'AbortError') return { ok: false, permanent: false, error: 'telegram timeout' };
    const code = (error as { code?: unknown }).code;
    const kind = typeof code === 'string' ? code : error.name;
    return { ok: false, permanent: false, error: scrub(`telegram network error: ${kind}`) };
  }
  return { ok: false, permanent: false, error: 'telegram send failed' };
}
