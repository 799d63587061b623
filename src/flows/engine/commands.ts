import type { ChatType } from '../../app/messages.ts';
import { foldText } from '../../domain/text-fold.ts';

export interface ParsedCommand {
  /** The command word, folded: `baocao`, `report`. */
  name: string;
  /** The rest of the message, trimmed, as typed. */
  args: string;
}

const SLASH_COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;

/**
 * Reads a command from a message. In groups only slash commands count (privacy mode: the bot sees
 * little else), and `/cmd@otherbot` is someone else's. In private chats the command word also works
 * without the slash ("baocao 6/2023"), but only for words in `known`, so ordinary text is not taken
 * for a command.
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
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = foldText(first).replace(/[^a-z0-9]/g, '');
  if (!known.has(word)) return undefined;
  return { name: word, args: rest.join(' ').trim() };
}
