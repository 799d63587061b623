import type { Telegram } from 'telegraf';
import type { BotCommand, BotCommandScope } from 'telegraf/types';
import type { CommandName } from '../../app/permissions.ts';
import { LANGS, msg, type Lang, type LocaleKey } from '../../app/messages.ts';
import { renderMessage } from '../../i18n/render.ts';

/** The commands that have a menu description in the locale files. */
type Described<K> = K extends `telegram.commands.${infer C}` ? C : never;
export type MenuCommand = Described<LocaleKey> & CommandName;

/** What a focal point uses, in the order the "/" menu of a private chat shows them. */
export const PRIVATE_MENU: readonly MenuCommand[] = [
  'baocao',
  'dexuat',
  'dsdexuat',
  'xem',
  'trangthai',
  'bangxephang',
  'tiendo',
  'dangky',
  'toilaai',
  'ngonngu',
  'trogiup',
  'huy',
];

/** The leaders' group: what anyone there may use, plus /nhom for the secretariat to register it. */
export const GROUP_MENU: readonly MenuCommand[] = ['bangxephang', 'tiendo', 'chitiet', 'nhom', 'trogiup'];

const DESCRIPTION_LIMIT = 256;

export function menuCommands(names: readonly MenuCommand[], lang: Lang): BotCommand[] {
  return names.map((name) => ({
    command: name,
    description: renderMessage(msg(`telegram.commands.${name}`), lang).slice(0, DESCRIPTION_LIMIT),
  }));
}

/**
 * Registers the "/" menus: the private-chat and group scopes, in Vietnamese by default and in
 * English for clients set to English. Rejects on the first failure; the caller logs it and goes on
 * (emulators answer 500 to setMyCommands).
 */
export async function registerCommandMenus(telegram: Telegram, built: ReadonlySet<CommandName>): Promise<void> {
  const scopes: Array<{ scope: BotCommandScope; names: readonly MenuCommand[] }> = [
    { scope: { type: 'all_private_chats' }, names: PRIVATE_MENU },
    { scope: { type: 'all_group_chats' }, names: GROUP_MENU },
  ];
  for (const { scope, names } of scopes) {
    for (const lang of LANGS) {
      // Vietnamese is the default menu (no language_code); English is shown to English clients.
      const language = lang === 'vi' ? {} : { language_code: lang };
      const offered = names.filter((name) => built.has(name));
      await telegram.setMyCommands(menuCommands(offered, lang), { scope, ...language });
    }
  }
}
