import type { Chat, Update, User } from 'telegraf/types';

/** A chat people write in: private, group or supergroup (channels are not for this bot). */
export type UserChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

/**
 * Telegram update factories with incrementing ids (as telegraf's own test fixtures): one instance per
 * fake server, so a test that restarts the bot never reuses an update id by accident.
 */
export class TelegramFixtures {
  private updateId = 10_000;
  private messageId = 100;
  private callbackId = 1;

  user(id: number, firstName: string, extra: Partial<User> = {}): User {
    return { id, is_bot: false, first_name: firstName, language_code: 'vi', ...extra };
  }

  privateChat(user: User): Chat.PrivateChat {
    return {
      id: user.id,
      type: 'private',
      first_name: user.first_name,
      ...(user.last_name ? { last_name: user.last_name } : {}),
    };
  }

  group(id: number, title: string): Chat.GroupChat {
    return { id, type: 'group', title };
  }

  supergroup(id: number, title: string): Chat.SupergroupChat {
    return { id, type: 'supergroup', title };
  }

  nextUpdateId(): number {
    return ++this.updateId;
  }

  text(chat: UserChat, from: User, text: string): Update.MessageUpdate {
    return { update_id: this.nextUpdateId(), message: { message_id: ++this.messageId, date: now(), chat, from, text } };
  }

  /** A command as a client sends it: text plus the `bot_command` entity over `/word(@bot)`. */
  command(chat: UserChat, from: User, text: string): Update.MessageUpdate {
    const length = text.split(/\s/, 1)[0]?.length ?? text.length;
    return {
      update_id: this.nextUpdateId(),
      message: {
        message_id: ++this.messageId,
        date: now(),
        chat,
        from,
        text,
        entities: [{ type: 'bot_command', offset: 0, length }],
      },
    };
  }

  /** A text or, when it starts with "/", a command. */
  say(chat: UserChat, from: User, text: string): Update.MessageUpdate {
    return text.startsWith('/') ? this.command(chat, from, text) : this.text(chat, from, text);
  }

  photo(chat: UserChat, from: User, caption?: string): Update.MessageUpdate {
    const id = ++this.messageId;
    const photo = [
      { file_id: `small-${id}`, file_unique_id: `us-${id}`, width: 90, height: 60, file_size: 1000 },
      { file_id: `large-${id}`, file_unique_id: `ul-${id}`, width: 1280, height: 853, file_size: 90_000 },
      { file_id: `medium-${id}`, file_unique_id: `um-${id}`, width: 320, height: 213, file_size: 9000 },
    ];
    return {
      update_id: this.nextUpdateId(),
      message: { message_id: id, date: now(), chat, from, photo, ...(caption ? { caption } : {}) },
    };
  }

  /** A button press on the bot's message `messageId` in `chat`. */
  callback(chat: UserChat, from: User, data: string, messageId = 1): Update.CallbackQueryUpdate {
    return {
      update_id: this.nextUpdateId(),
      callback_query: {
        id: String(this.callbackId++),
        from,
        chat_instance: `ci-${chat.id}`,
        data,
        message: { message_id: messageId, date: now(), chat, text: '…' },
      },
    };
  }

  /** The service message a group gets when it becomes a supergroup. */
  migrate(chat: Chat.GroupChat, from: User, newId: number): Update.MessageUpdate {
    return {
      update_id: this.nextUpdateId(),
      message: { message_id: ++this.messageId, date: now(), chat, from, migrate_to_chat_id: newId },
    };
  }

  edited(chat: UserChat, from: User, text: string): Update.EditedMessageUpdate {
    return {
      update_id: this.nextUpdateId(),
      edited_message: { message_id: ++this.messageId, date: now(), edit_date: now(), chat, from, text },
    };
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
