import type { ChannelName } from './messages.ts';
import type { Registration } from './ports.ts';

const CHANNELS: readonly ChannelName[] = ['telegram', 'zalo', 'console'];

/**
 * The private chat in which the bot writes to a registered person (a notice, a reminder): on every
 * channel a person's private chat with the bot has their user id as its id. Telegram gives a private
 * chat the id of the user (`chat.id == from.id`); Zalo's Bot API does the same in PRIVATE chats
 * (docs/reference: zalo-bot-api.md); the console (`thidua console`, the flow tests) follows the rule.
 * Undefined for a channel this program does not know (a row left by another version).
 */
export function privateChatOf(
  registration: Pick<Registration, 'channel' | 'userId'>,
): { channel: ChannelName; chatId: string } | undefined {
  const channel = CHANNELS.find((c) => c === registration.channel);
  return channel ? { channel, chatId: registration.userId } : undefined;
}
