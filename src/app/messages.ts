/**
 * The message contract between the channels and the conversations (design.md, "The message
 * contract"). Channels turn platform updates into `Inbound` and render `Reply`; the conversations see
 * nothing else of a platform.
 */

export type ChannelName = 'telegram' | 'zalo' | 'console';

/** The languages a person can choose (`/ngonngu`); texts live in `locales/<lang>.json`. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
export type ChatType = 'private' | 'group';

export interface Inbound {
  channel: ChannelName;
  chatId: string;
  chatType: ChatType;
  /** A group's title, when the platform gives one. */
  chatTitle?: string;
  userId: string;
  displayName: string;
  text?: string;
  /** A button press (Telegram callback data) already mapped to the option id it carries. */
  optionId?: string;
  /** The platform's reference to a photo the person sent (a Telegram file_id, a Zalo URL). */
  photoRef?: string;
  /** The platform's update or message id: exact-id deduplication, never "greater than". */
  updateId: string;
  at: Date;
  /** The chat was upgraded (Telegram group → supergroup) and now has this id. */
  migratedToChatId?: string;
  /** The person edited an earlier message: edits are not read (a figure is never changed in silence). */
  edited?: boolean;
  /**
   * The channel shows choices as buttons, not numbered lines (Telegram): a typed "1" there is not
   * option 1 (on a summary that lists indicators 1–11, it would send the report).
   */
  choicesAsButtons?: boolean;
}

/**
 * Text to show: a locale key and its params. A param may itself be a message (rendered in the same
 * language) or a list of messages (rendered one per line), so a reply stored in the outbox can be
 * rendered later in the recipient's language.
 */
export interface Message {
  key: string;
  params?: Params;
}
export type ParamValue = string | number | Message | Message[];
export type Params = Record<string, ParamValue>;

/** A label is a message, or text from data (a unit's name) shown as it is. */
export type Label = Message | { text: string };

export interface Choice {
  id: string;
  label: Label;
}

export interface Reply extends Message {
  /** Rows of options. Telegram shows buttons; Zalo and the console number them ("2" picks the 2nd). */
  choices?: Choice[][];
  image?: { png: Uint8Array; caption?: Message };
  document?: { fileName: string; bytes: Uint8Array; caption?: Message };
  /** Send to another chat than the one the update came from (a notice to the secretariat). */
  to?: { channel: ChannelName; chatId: string };
}

export function msg(key: string, params?: Params): Message {
  return params ? { key, params } : { key };
}

export function reply(key: string, params?: Params, extra: Omit<Reply, 'key' | 'params'> = {}): Reply {
  return { ...msg(key, params), ...extra };
}
