import { TelegramError, type Telegram } from 'telegraf';
import type { ChannelSender, SendOptions, SendOutcome } from '../../app/delivery.ts';
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
    async send(chatId: string, reply: Reply, lang: Lang, sendOptions: SendOptions = {}): Promise<SendOutcome> {
      let target = chatId;
      const outputs = renderForTelegram(reply, lang);
      try {
        const [first] = outputs;
        // An edit replaces an earlier message (a broadcast's progress): a single text only.
        if (sendOptions.editMessageId && outputs.length === 1 && first?.kind === 'text') {
          const edited = await edit(telegram, target, sendOptions.editMessageId, first, timeoutMs);
          if (edited) return { ok: true, messageId: sendOptions.editMessageId };
        }
        // The first part's id stands for the reply (an edit replaces a one-part text).
        const ids: string[] = [];
        for (const output of outputs) {
          try {
            ids.push(await call(telegram, target, output, timeoutMs));
          } catch (error) {
            // The group became a supergroup: Telegram names the new id; send there once.
            const moved = migratedTo(error);
            if (!moved) throw error;
            target = moved;
            ids.push(await call(telegram, target, output, timeoutMs));
          }
        }
        const [messageId] = ids;
        return { ok: true, ...(messageId === undefined ? {} : { messageId }) };
      } catch (error) {
        return classifySendError(error, token);
      }
    },
  };
}

/**
 * Edits a text in place; false when Telegram cannot (the message is too old, was deleted): the caller
 * then sends it anew. "Message is not modified" is an edit that already holds.
 */
async function edit(
  telegram: Telegram,
  chatId: string,
  messageId: string,
  output: Extract<TelegramOutput, { kind: 'text' }>,
  timeoutMs: number,
): Promise<boolean> {
  const signal = AbortSignal.timeout(timeoutMs) as unknown as NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];
  try {
    await telegram.callApi(
      'editMessageText',
      {
        chat_id: chatId,
        message_id: Number(messageId),
        text: output.text,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(output.keyboard ? { reply_markup: { inline_keyboard: output.keyboard } } : {}),
      },
      { signal },
    );
    return true;
  } catch (error) {
    if (error instanceof TelegramError && /not modified/i.test(error.description)) return true;
    if (error instanceof TelegramError && error.code === 400) return false;
    throw error;
  }
}

/** Sends one output; resolves with the new message's id. */
async function call(telegram: Telegram, chatId: string, output: TelegramOutput, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  // telegraf types its signal with the `abort-controller` shim; Node's own signal is what node-fetch
  // checks for at run time.
  const signal = { signal: controller.signal as unknown as NonNullable<Parameters<Telegram['callApi']>[2]>['signal'] };
  try {
    if (output.kind === 'text') {
      const sent = await telegram.callApi(
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
      return String(sent.message_id);
    }
    if (output.kind === 'photo') {
      const photo = { source: Buffer.from(output.png), filename: 'image.png' };
      const sent = await telegram.callApi('sendPhoto', { chat_id: chatId, photo, ...caption(output.caption) }, signal);
      return String(sent.message_id);
    }
    const document = { source: Buffer.from(output.bytes), filename: output.fileName };
    const sent = await telegram.callApi(
      'sendDocument',
      { chat_id: chatId, document, ...caption(output.caption) },
      signal,
    );
    return String(sent.message_id);
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
 *  - 403 (blocked by the user, user deactivated, bot kicked) and 400 "chat not found": the recipient
 *    is gone, permanently (the registration is marked unreachable);
 *  - any other 400: our request is wrong; the same call would fail again, so permanent, but it is
 *    our bug and never held against the person;
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
    if (error.code === 403 || (error.code === 400 && /chat not found/i.test(error.description))) {
      return { ok: false, permanent: true, recipientRefused: true, error: description };
    }
    if (error.code === 400) return { ok: false, permanent: true, recipientRefused: false, error: description };
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
