import type { Inbound } from '../../app/messages.ts';

/**
 * The Zalo Bot Platform's wire shapes, as far as they are known (shared/reference/zalo-bot-api.md).
 * Every field is optional or loosely typed on purpose: bodies come from outside and are read
 * defensively by `to-inbound.ts`, never trusted as these types say.
 */

/** `{ok, result?, error_code?, description?}`: every method answers in it, 200 even for a bad token. */
export interface ZaloEnvelope<T = unknown> {
  ok?: boolean;
  result?: T;
  error_code?: number;
  description?: string;
}

export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
}

export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
}

/** What sendMessage and sendPhoto return. */
export interface ZaloSent {
  message_id: string;
  date?: number;
}

export interface ZaloMessage {
  message_id?: string;
  /** Epoch milliseconds in practice; some copies show seconds (below 1e11 is seconds). */
  date?: number;
  chat?: { id?: string; chat_type?: string };
  from?: { id?: string; display_name?: string; name?: string; is_bot?: boolean };
  text?: string;
  caption?: string;
  /** The field seen live; the docs say `photo`. Both are read. */
  photo_url?: string;
  photo?: string;
  message_type?: string;
  sticker?: string;
  url?: string;
  voice_url?: string;
}

/** One update: flat from webhooks in practice, wrapped in `{ok, result}` by getUpdates and the docs. */
export interface ZaloUpdate {
  event_name?: string;
  message?: ZaloMessage;
}

/** The logging the Zalo channel needs; pino's Logger satisfies it. */
export interface ZaloLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** What the engine says of an update (`ConversationEngine.handle`): `unrecorded` means not stored. */
export type HandleResult = 'handled' | 'duplicate' | 'failed' | 'unrecorded';

/** The conversation engine as the channel sees it: resolves once the update is committed. */
export interface UpdateHandler {
  handle(inbound: Inbound): Promise<HandleResult>;
}
