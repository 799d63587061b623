import type { ZaloMessage, ZaloUpdate } from '../../src/channels/zalo/types.ts';

/** A person on Zalo: ids are 20-hex strings, as in every capture. */
export interface ZaloUser {
  id: string;
  name: string;
}

/**
 * Zalo update factories with fresh ids (one instance per fake server). They build the flat shape
 * webhooks carry in practice; the fake wraps it in `{ok, result}` where the API does.
 */
export class ZaloFixtures {
  private seq = 0;

  /** A user id like `6ede9afa66b88fe6d6a9`, unique in this instance. */
  userId(): string {
    return hex(0x6ede9afa, ++this.seq);
  }

  user(name: string, id = this.userId()): ZaloUser {
    return { id, name };
  }

  /** A group chat id, distinct from any user id. */
  groupId(): string {
    return hex(0x9a00b11c, ++this.seq);
  }

  nextMessageId(): string {
    return hex(0x3b1d0e77, ++this.seq);
  }

  text(from: ZaloUser, text: string, extra: Partial<ZaloMessage> = {}): ZaloUpdate {
    return { event_name: 'message.text.received', message: this.message(from, { text, ...extra }) };
  }

  /** A photo: in `photo_url` (what the live server sends) or `photo` (what the docs say). */
  image(from: ZaloUser, url: string, options: { field?: 'photo_url' | 'photo'; caption?: string } = {}): ZaloUpdate {
    const photo = options.field === 'photo' ? { photo: url } : { photo_url: url };
    const caption = options.caption !== undefined ? { caption: options.caption } : {};
    return {
      event_name: 'message.image.received',
      message: this.message(from, { ...photo, ...caption, message_type: 'CHAT_PHOTO' }),
    };
  }

  sticker(from: ZaloUser): ZaloUpdate {
    const sticker = { sticker: 'bfe458bf64fa8da4d4eb', url: 'https://zalo-api.zadn.vn/api/emoticon/sticker/webpc' };
    return { event_name: 'message.sticker.received', message: this.message(from, sticker) };
  }

  voice(from: ZaloUser): ZaloUpdate {
    const voice = { voice_url: 'https://voice-talk.zdn.vn/a.aac' };
    return { event_name: 'message.voice.received', message: this.message(from, voice) };
  }

  /** Content withheld for legal reasons: with an empty message, or (as seen) with none at all. */
  unsupported(from: ZaloUser, withMessage = true): ZaloUpdate {
    return withMessage
      ? { event_name: 'message.unsupported.received', message: this.message(from, {}) }
      : { event_name: 'message.unsupported.received' };
  }

  /** A mention of the bot in a group (the only group messages a bot receives). */
  groupText(from: ZaloUser, groupId: string, text: string): ZaloUpdate {
    const message = this.message(from, { text });
    return { event_name: 'message.text.received', message: { ...message, chat: { id: groupId, chat_type: 'GROUP' } } };
  }

  private message(from: ZaloUser, extra: Partial<ZaloMessage>): ZaloMessage {
    return {
      message_id: this.nextMessageId(),
      date: Date.now(),
      chat: { id: from.id, chat_type: 'PRIVATE' },
      from: { id: from.id, display_name: from.name, is_bot: false },
      ...extra,
    };
  }
}

/** Wraps an update as getUpdates (and the docs' webhook) deliver it. */
export function wrapped(update: ZaloUpdate): { ok: true; result: ZaloUpdate } {
  return { ok: true, result: update };
}

function hex(prefix: number, n: number): string {
  return `${prefix.toString(16).padStart(8, '0')}${n.toString(16).padStart(12, '0')}`;
}
