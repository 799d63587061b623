import type { User } from 'telegraf/types';
import { messageOf, type LocaleKey, type Params, type ParamsArg } from '../../../src/app/messages.ts';
import { escapeHtml } from '../../../src/channels/telegram/render.ts';
import type { Lang } from '../../../src/i18n/i18n.ts';
import { renderMessage } from '../../../src/i18n/render.ts';
import type { FakeBotApi, SentMessage } from '../../fakes/fake-bot-api.ts';
import type { UserChat } from '../../fakes/telegram-fixtures.ts';

/**
 * A person using Telegram against the fake Bot API: types text and commands, presses buttons, and
 * reads what the bot sent to their chat. Works in polling and webhook mode (the fake delivers the
 * way the bot receives). Flow e2e tests (report, nomination…) are written with this.
 */
export class TelegramUser {
  readonly user: User;
  readonly chat: UserChat;

  constructor(
    readonly api: FakeBotApi,
    id: number,
    firstName: string,
    options: { lastName?: string; chat?: UserChat } = {},
  ) {
    this.user = api.updates.user(id, firstName, options.lastName ? { last_name: options.lastName } : {});
    this.chat = options.chat ?? api.updates.privateChat(this.user);
  }

  get chatId(): string {
    return String(this.chat.id);
  }

  /** Everything the bot sent to this chat so far. */
  messages(): SentMessage[] {
    return this.api.messagesTo(this.chat.id);
  }

  lastMessages(n = 1): SentMessage[] {
    return this.messages().slice(-n);
  }

  /** Sends text (a command when it starts with "/") and returns at once. */
  async send(text: string): Promise<void> {
    await this.api.send(this.api.updates.say(this.chat, this.user, text));
  }

  /** Sends and waits for `count` new messages to this chat; returns them. */
  async say(text: string, count = 1, timeoutMs = 15_000): Promise<SentMessage[]> {
    const before = this.messages().length;
    await this.send(text);
    return this.waitForNew(before, count, timeoutMs);
  }

  /** Presses the button labelled `label` on the latest message that has it; waits for `count` replies. */
  async press(label: string, count = 1, timeoutMs = 15_000): Promise<SentMessage[]> {
    const message = [...this.messages()].reverse().find((m) => buttonsOf(m).some((b) => b.text === label));
    const button = message ? buttonsOf(message).find((b) => b.text === label) : undefined;
    if (!message || !button?.callback_data)
      throw new Error(
        `no button "${label}" in this chat; buttons: ${this.messages()
          .flatMap(buttonsOf)
          .map((b) => b.text)
          .join(', ')}`,
      );
    const before = this.messages().length;
    await this.api.send(this.api.updates.callback(this.chat, this.user, button.callback_data, message.message_id));
    return this.waitForNew(before, count, timeoutMs);
  }

  private async waitForNew(before: number, count: number, timeoutMs: number): Promise<SentMessage[]> {
    await this.api.waitForMessages(this.chat.id, before + count, timeoutMs);
    return this.messages().slice(before);
  }
}

export function buttonsOf(message: SentMessage): Array<{ text: string; callback_data?: string }> {
  return (message.reply_markup?.inline_keyboard ?? []).flat();
}

/** The text the bot sends for a key, as it arrives on Telegram (rendered, then HTML-escaped). */
export function expectedText<K extends LocaleKey>(key: K, ...args: [...ParamsArg<K>, lang?: Lang]): string {
  const [params, lang] = args as unknown as [Params | undefined, Lang | undefined];
  return escapeHtml(renderMessage(messageOf(key, params ?? {}), lang ?? 'vi'));
}
