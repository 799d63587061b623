import type { ChatType } from '../../app/messages.ts';
import { foldText } from '../../domain/text-fold.ts';

export interface ParsedCommand {
  /** The command word, folded: `baocao`, `report`. */
  name: string;
  /** The rest of the message, trimmed, as typed. */
  args: string;
}

const SLASH_COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;

/** A command word typed as words ("dang ky", "bao cao", "toi la ai"): at most this many. */
const MAX_COMMAND_WORDS = 3;

/**
 * Reads a command from a message. In groups only slash commands count (privacy mode: the bot sees
 * little else), and `/cmd@otherbot` is someone else's. In private chats the command word also works
 * without the slash ("baocao 6/2023"), also typed as the words it is made of ("Đăng ký ACDE-FG34",
 * "bao cao"), but only for words in `known`, so ordinary text is not taken for a command. The
 * shortest match wins, so "huy bo" stays `huy`.
 */
export function parseCommand(
  text: string,
  chatType: ChatType,
  known: ReadonlySet<string>,
  botUsername?: string,
): ParsedCommand | undefined {
  const trimmed = text.trim();
  const slash = SLASH_COMMAND.exec(trimmed);
  if (slash) {
    const [, word = '', mention, rest = ''] = slash;
    if (mention && botUsername && mention.toLowerCase() !== botUsername.toLowerCase()) return undefined;
    return { name: word.toLowerCase(), args: rest.trim() };
  }
  if (chatType !== 'private') return undefined;
  const words = trimmed.split(/\s+/);
  let name = '';
  for (let n = 1; n <= Math.min(MAX_COMMAND_WORDS, words.length); n++) {
    name += foldText(words[n - 1] ?? '').replace(/[^a-z0-9]/g, '');
    if (known.has(name)) return { name, args: words.slice(n).join(' ').trim() };
  }
  return undefined;
}
