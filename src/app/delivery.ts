import type { Lang, Reply } from './messages.ts';

/**
 * How a send went, as the outbox needs to know: sent (with the platform's id of the message, so a
 * later reply can edit it); try again (after `retryAfterMs` when the platform said so, e.g.
 * Telegram's 429 `retry_after`); or a permanent failure, either because the recipient refused
 * (blocked the bot, left, the chat is gone: `recipientRefused`, which marks the registration
 * unreachable) or because the request itself was wrong (our bug: logged loudly, never held
 * against the person).
 */
export type SendOutcome =
  | { ok: true; messageId?: string }
  | { ok: false; permanent: boolean; recipientRefused?: boolean; error: string; retryAfterMs?: number };

export interface SendOptions {
  /** The platform's id of an earlier message to edit instead (where the platform can edit). */
  editMessageId?: string;
}

/** One channel's way of delivering a rendered reply to a chat. */
export interface ChannelSender {
  send(chatId: string, reply: Reply, lang: Lang, options?: SendOptions): Promise<SendOutcome>;
}
