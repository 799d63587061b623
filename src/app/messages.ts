/**
 * The message contract between the channels and the conversations (design.md, "The message
 * contract"). Channels turn platform updates into `Inbound` and render `Reply`; the conversations see
 * nothing else of a platform.
 */

import type { LocaleKey, LocaleParamNames } from './locale-keys.ts';

export type { LocaleKey };

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
  /**
   * What the bot could not read of the message: `content` (a sticker, a voice note, content the
   * platform withheld) or `photo` (a photo came but could not be kept: its download failed). It gets
   * a fixed answer; a conversation in progress stays at its step.
   */
  unreadable?: 'content' | 'photo';
  /**
   * The channel serves no group chats (Zalo: groups are in limited testing, only mentions reach a
   * bot): a group message is pointed to the private chat, and the leaders' group stays on Telegram.
   */
  groupsUnsupported?: boolean;
  /** The platform's terms require telling people they talk to software (Zalo): said on registering. */
  mustSayAutomated?: boolean;
}

/**
 * Text to show: a locale key and its params. A param may itself be a message (rendered in the same
 * language) or a list of messages (rendered one per line), so a reply stored in the outbox can be
 * rendered later in the recipient's language. The key is typed from `locales/vi.json`
 * (`locale-keys.ts`, generated); `msg` and `reply` also check that the params are exactly the
 * key's placeholders, so a misspelt key or a missing param fails the typecheck.
 */
export interface Message {
  key: LocaleKey;
  params?: Params;
}
export type ParamValue = string | number | Message | Message[];
export type Params = Record<string, ParamValue>;

/** The params of one key: exactly the names its text uses. */
export type ParamsOf<K extends LocaleKey> = [LocaleParamNames[K]] extends [never]
  ? Record<string, never>
  : Record<LocaleParamNames[K], ParamValue>;

/** What follows the key in `msg` and `reply`: the params, optional only for a key that has none. */
export type ParamsArg<K extends LocaleKey> = [LocaleParamNames[K]] extends [never]
  ? [params?: Record<string, never>]
  : [params: ParamsOf<K>];

/** A label is a message, or text from data (a unit's name) shown as it is. */
export type Label = Message | { text: string };

export interface Choice {
  id: string;
  label: Label;
}

/** What a reply may carry besides its text. */
export interface ReplyExtras {
  /** Rows of options. Telegram shows buttons; Zalo and the console number them ("2" picks the 2nd). */
  choices?: Choice[][];
  image?: { png: Uint8Array; caption?: Message };
  document?: { fileName: string; bytes: Uint8Array; caption?: Message };
  /** Send to another chat than the one the update came from (a notice to the secretariat). */
  to?: { channel: ChannelName; chatId: string };
  /**
   * The outbox id of an earlier reply to the same chat that this one replaces: an edit where the
   * platform can edit (Telegram: a broadcast's progress counting up), a new message where it cannot.
   */
  replaces?: number;
}

export interface Reply extends Message, ReplyExtras {}

export function msg<K extends LocaleKey>(key: K, ...[params]: ParamsArg<K>): Message {
  return params ? { key, params } : { key };
}

export function reply<K extends LocaleKey>(key: K, ...[params, extra]: [...ParamsArg<K>, extra?: ReplyExtras]): Reply {
  const text: Message = params ? { key, params: params as Params } : { key };
  return { ...text, ...extra };
}

/**
 * A message whose key is chosen at run time among several that take different params, the params
 * assembled beside it (a figure error, a calendar refusal from the domain): the key is still
 * checked, the params only as `Params`. Prefer `msg`, which checks both.
 */
export function messageOf(key: LocaleKey, params: Params = {}): Message {
  return { key, params };
}
