import type { Chat, Message, PhotoSize, Update, User } from 'telegraf/types';
import type { ChatType, Inbound } from '../../app/messages.ts';

/**
 * Maps a Telegram update to our `Inbound`, or undefined for updates the bot does not handle (edited
 * messages, channel posts, membership changes, inline queries…): those are skipped without error.
 * Pure, so the mapping is tested without telegraf or the network.
 */
export function toInbound(update: Update, now: Date = new Date()): Inbound | undefined {
  if ('message' in update) return fromMessage(update.update_id, update.message);
  if ('edited_message' in update) {
    const edited = fromMessage(update.update_id, update.edited_message);
    return edited ? { ...edited, edited: true } : undefined;
  }
  if ('callback_query' in update) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    const type = chat ? chatTypeOf(chat) : undefined;
    // A button under an inline-mode message has no chat; the bot sends none of those.
    if (!chat || !type || !('data' in query) || typeof query.data !== 'string') return undefined;
    return {
      ...base(update.update_id, chat, type, query.from, now),
      optionId: query.data,
    };
  }
  return undefined;
}

/** The id to answer a button press with (telegraf's `answerCbQuery`), if the update is one. */
export function callbackQueryId(update: Update): string | undefined {
  return 'callback_query' in update ? update.callback_query.id : undefined;
}

function fromMessage(updateId: number, message: Message): Inbound | undefined {
  const type = chatTypeOf(message.chat);
  if (!type) return undefined;
  const at = new Date(message.date * 1000);
  const from = message.from;
  if (!from) return undefined;
  const inbound = base(updateId, message.chat, type, from, at);
  if ('migrate_to_chat_id' in message) return { ...inbound, migratedToChatId: String(message.migrate_to_chat_id) };
  if ('text' in message) return { ...inbound, text: message.text };
  if ('photo' in message) {
    const photoRef = largest(message.photo)?.file_id;
    return { ...inbound, text: message.caption ?? '', photoRef };
  }
  // Other kinds (a sticker, a voice note) get the "commands only" hint in a private chat; in a
  // group they are service messages or chatter the bot must not answer.
  if (type === 'private') return { ...inbound, text: '' };
  return undefined;
}

function base(updateId: number, chat: Chat, chatType: ChatType, from: User, at: Date): Inbound {
  const title = 'title' in chat ? chat.title : undefined;
  return {
    channel: 'telegram',
    chatId: String(chat.id),
    chatType,
    ...(title !== undefined && chatType === 'group' ? { chatTitle: title } : {}),
    userId: String(from.id),
    displayName: displayName(from),
    updateId: String(updateId),
    at,
    choicesAsButtons: true,
  };
}

function chatTypeOf(chat: Chat): ChatType | undefined {
  if (chat.type === 'private') return 'private';
  if (chat.type === 'group' || chat.type === 'supergroup') return 'group';
  return undefined;
}

/** "First Last", else @username, else the numeric id: never empty. */
export function displayName(user: User): string {
  const full = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  if (full) return full;
  return user.username ? `@${user.username}` : String(user.id);
}

/** Telegram sends several sizes of one photo; the largest is the one worth keeping. */
function largest(sizes: readonly PhotoSize[]): PhotoSize | undefined {
  let best: PhotoSize | undefined;
  for (const size of sizes) if (!best || size.width * size.height > best.width * best.height) best = size;
  return best;
}
