import type { Reply } from './messages.ts';
import type { Lang } from './messages.ts';

/**
 * How a send went, as the outbox needs to know: sent; try again (after `retryAfterMs` when the
 * platform said so, e.g. Telegram's 429 `retry_after`); or a permanent refusal (blocked, chat gone).
 */
export type SendOutcome = { ok: true } | { ok: false; permanent: boolean; error: string; retryAfterMs?: number };

/** One channel's way of delivering a rendered reply to a chat. */
export interface ChannelSender {
  send(chatId: string, reply: Reply, lang: Lang): Promise<SendOutcome>;
}
