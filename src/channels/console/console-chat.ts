import { randomUUID } from 'node:crypto';
import type { ChannelSender, SendOutcome } from '../../app/delivery.ts';
import type { Inbound, Reply } from '../../app/messages.ts';
import type { Lang } from '../../i18n/i18n.ts';
import { renderPlainText } from '../text-render.ts';

/** What the console needs of the program: hand in an update, then deliver what it produced. */
export interface ConsoleEngine {
  handle(inbound: Inbound): Promise<unknown>;
}
export interface ConsoleDelivery {
  /** Resolves once everything due has been sent. */
  flush(): Promise<void>;
}

export interface ConsoleIdentity {
  userId: string;
  displayName: string;
  chatId: string;
  chatType?: 'private' | 'group';
}

/**
 * A chat in the terminal, also used by the flow tests: each line typed is one update, and what the
 * bot answers is printed (choices as a numbered list) before the next line is read, so piped input
 * reads like a conversation.
 */
/** One message the bot sent, as rendered and as keys (tests assert the keys). */
export interface SentMessage {
  chatId: string;
  reply: Reply;
  lang: Lang;
  text: string;
}

export class ConsoleChat {
  private readonly printed: SentMessage[] = [];
  private seq = 0;

  constructor(
    private readonly engine: ConsoleEngine,
    private readonly delivery: ConsoleDelivery,
    private readonly identity: ConsoleIdentity,
    private readonly write: (text: string) => void = () => {},
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The sender the outbox uses for the console channel: it prints and remembers. */
  readonly sender: ChannelSender = {
    send: (chatId: string, reply: Reply, lang: Lang): Promise<SendOutcome> => {
      const text = renderPlainText(reply, lang);
      this.printed.push({ chatId, reply, lang, text });
      this.write(chatId === this.identity.chatId ? text : `[→ ${chatId}] ${text}`);
      return Promise.resolve({ ok: true });
    },
  };

  /** Sends one line as the person and returns what the bot printed in answer. */
  async say(text: string, extra: Partial<Inbound> = {}): Promise<SentMessage[]> {
    const from = this.printed.length;
    this.seq += 1;
    await this.engine.handle({
      channel: 'console',
      chatId: this.identity.chatId,
      chatType: this.identity.chatType ?? 'private',
      userId: this.identity.userId,
      displayName: this.identity.displayName,
      text,
      updateId: `${randomUUID()}-${this.seq}`,
      at: this.clock(),
      ...extra,
    });
    await this.delivery.flush();
    return this.printed.slice(from);
  }

  get transcript(): readonly SentMessage[] {
    return this.printed;
  }
}
