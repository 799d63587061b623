import { createHash } from 'node:crypto';
import type { ChatType, Inbound } from '../../app/messages.ts';
import { idOf } from './json.ts';
import type { ZaloMessage, ZaloUpdate } from './types.ts';

/** What a Zalo message carried, read from its event name (and its fields when the name is new). */
export type ZaloContent = 'text' | 'image' | 'sticker' | 'voice' | 'unsupported';

/**
 * An `Inbound` plus what the message carried. The engine reads the contract's flags: `unreadable`
 * for a sticker, a voice note or withheld content (answered `zalo.unsupported`), `groupsUnsupported`
 * (a group mention is pointed to the private chat) and `mustSayAutomated` (Zalo's terms).
 */
export interface ZaloInbound extends Inbound {
  channel: 'zalo';
  content: ZaloContent;
}

export type ParsedUpdate =
  | { kind: 'inbound'; inbound: ZaloInbound }
  | { kind: 'ignored'; reason: 'not-an-update' | 'no-message' | 'own-message' | 'no-chat' };

export interface ToInboundOptions {
  /** The bot's own id (getMe), so its own messages are never read back. */
  botId?: string;
  /** Used when a message has no date. */
  now?: Date;
}

const EVENT_CONTENT: Record<string, ZaloContent> = {
  'message.text.received': 'text',
  'message.image.received': 'image',
  'message.sticker.received': 'sticker',
  'message.voice.received': 'voice',
  'message.unsupported.received': 'unsupported',
};

/** Epoch values below this are seconds (10^11 s is the year 5138; 10^11 ms is 1973). */
const SECONDS_BELOW = 1e11;

/**
 * The update in a body: flat `{event_name, message}` (webhooks, in practice) or wrapped
 * `{ok, result: {…}}` (getUpdates, and webhooks as the docs describe them). Undefined for anything
 * that is neither.
 */
export function unwrapUpdate(body: unknown): ZaloUpdate | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const inner = 'result' in record && !('event_name' in record) ? record.result : record;
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return undefined;
  const update = inner as ZaloUpdate;
  if (typeof update.event_name !== 'string' && update.message === undefined) return undefined;
  return update;
}

/**
 * Maps one Zalo update (either envelope) to an `Inbound`, or says why it is skipped. Pure, so the
 * mapping is tested without the network. Every field is read defensively: the shapes are known from
 * captures, not from a schema Zalo publishes.
 */
export function parseUpdate(body: unknown, options: ToInboundOptions = {}): ParsedUpdate {
  const update = unwrapUpdate(body);
  if (!update) return { kind: 'ignored', reason: 'not-an-update' };
  const message = update.message;
  // message.unsupported.received may come with no message at all: nothing to answer.
  if (message === null || typeof message !== 'object') return { kind: 'ignored', reason: 'no-message' };
  const chatId = idOf(message.chat?.id);
  if (!chatId) return { kind: 'ignored', reason: 'no-chat' };
  const chatType = chatTypeOf(message, chatId);
  // In a private chat the chat id is the person's id.
  const userId = idOf(message.from?.id) ?? (chatType === 'private' ? chatId : undefined);
  if (!userId) return { kind: 'ignored', reason: 'no-chat' };
  if (message.from?.is_bot === true || (options.botId && userId === options.botId))
    return { kind: 'ignored', reason: 'own-message' };
  const content = contentOf(update.event_name, message);
  const photoRef = content === 'image' ? (text(message.photo_url) ?? text(message.photo)) : undefined;
  const inbound: ZaloInbound = {
    channel: 'zalo',
    chatId,
    chatType,
    userId,
    displayName: text(message.from?.display_name) ?? text(message.from?.name) ?? userId,
    text: textOf(content, message),
    ...(photoRef ? { photoRef } : {}),
    updateId: updateIdOf(chatId, update, message),
    at: dateOf(message.date, options.now ?? new Date()),
    content,
    ...(content === 'text' || content === 'image' ? {} : { unreadable: 'content' as const }),
    groupsUnsupported: true,
    mustSayAutomated: true,
  };
  return { kind: 'inbound', inbound };
}

/** `parseUpdate` for callers that only need the inbound. */
export function toInbound(body: unknown, options: ToInboundOptions = {}): ZaloInbound | undefined {
  const parsed = parseUpdate(body, options);
  return parsed.kind === 'inbound' ? parsed.inbound : undefined;
}

/**
 * The dedupe key: the message id within its chat. Zalo documents no update id, and whether
 * `message_id` is unique per bot or only per chat is not known; scoped to the chat, a per-chat
 * numbering could never make another chat's message look like a duplicate (and be dropped). A
 * message without an id gets a digest of what it holds, so a redelivery still dedupes.
 */
function updateIdOf(chatId: string, update: ZaloUpdate, message: ZaloMessage): string {
  const messageId = idOf(message.message_id);
  if (messageId) return `${chatId}:${messageId}`;
  const digest = createHash('sha256')
    .update(
      JSON.stringify([update.event_name, chatId, message.from?.id, message.date, message.text, message.photo_url]),
    )
    .digest('hex')
    .slice(0, 24);
  return `${chatId}:h${digest}`;
}

function contentOf(eventName: string | undefined, message: ZaloMessage): ZaloContent {
  const named = eventName ? EVENT_CONTENT[eventName] : undefined;
  if (named === 'text' && typeof message.text !== 'string') return 'unsupported';
  if (named) return named;
  // An event name we do not know yet: read what the message holds.
  if (text(message.photo_url) ?? text(message.photo)) return 'image';
  if (typeof message.text === 'string') return 'text';
  return 'unsupported';
}

function textOf(content: ZaloContent, message: ZaloMessage): string {
  if (content === 'text') return message.text ?? '';
  if (content === 'image') return text(message.caption) ?? text(message.text) ?? '';
  // A sticker, a voice note, protected content: nothing the bot can read.
  return '';
}

function chatTypeOf(message: ZaloMessage, chatId: string): ChatType {
  const type = message.chat?.chat_type?.toUpperCase();
  if (type === 'PRIVATE') return 'private';
  if (type === 'GROUP') return 'group';
  // Not given: a private chat is the one whose id is the sender's.
  const from = idOf(message.from?.id);
  return from === undefined || from === chatId ? 'private' : 'group';
}

function dateOf(value: unknown, fallback: Date): Date {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return fallback;
  return new Date(n < SECONDS_BELOW ? n * 1000 : n);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Logs a skipped update: at debug when skipping is normal (no message, our own), at warn when the
 * body has a shape we do not read, since a change of Zalo's format would otherwise drop every
 * message in silence. Only the field names are logged, never what people wrote.
 */
export function logIgnored(
  logger: { debug(obj: object, msg?: string): void; warn(obj: object, msg?: string): void },
  body: unknown,
  reason: Extract<ParsedUpdate, { kind: 'ignored' }>['reason'],
): void {
  if (reason === 'no-message' || reason === 'own-message') {
    logger.debug({ channel: 'zalo', reason }, 'zalo update ignored');
    return;
  }
  logger.warn({ channel: 'zalo', reason, shape: shapeOf(body) }, 'zalo update in a shape the bot does not read');
}

function shapeOf(body: unknown, depth = 0): unknown {
  if (Array.isArray(body)) return depth < 2 ? body.slice(0, 1).map((v) => shapeOf(v, depth + 1)) : '[array]';
  if (body === null || typeof body !== 'object') return typeof body;
  if (depth >= 3) return '{…}';
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, shapeOf(v, depth + 1)]));
}
