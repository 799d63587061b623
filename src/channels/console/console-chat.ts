import { randomUUID } from 'node:crypto';
import type { ChannelSender, SendOutcome } from '../../app/delivery.ts';
import type { Inbound, Lang, Reply } from '../../app/messages.ts';
import { renderPlainText } from '../text-render.ts';
import { saveAttachments } from './console-files.ts';

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

/** One message the bot sent, as rendered and as keys (tests assert the keys). */
export interface SentMessage {
  chatId: string;
  reply: Reply;
  lang: Lang;
  text: string;
  /** Where the reply's image and document were written, in that order. */
  files: string[];
}

export interface ConsoleOutputOptions {
  /**
   * Where a reply's image (the standings chart) and document (the Excel file) are written: a terminal
   * cannot show them, so the text names the file instead. Without it they are kept in the reply only.
   */
  filesDir?: string;
}

/**
 * The console channel's sending side: the outbox's sender for `console`, built before the program so
 * the program is wired once. It renders each reply as plain text (choices numbered), writes its
 * image and document to `filesDir` with their paths in the text, hands it to `write`, and keeps it
 * for the chat it went to (several console chats may share one process).
 */
export class ConsoleOutput {
  private readonly byChat = new Map<string, SentMessage[]>();

  constructor(
    private readonly write: (message: SentMessage) => void = () => {},
    private readonly options: ConsoleOutputOptions = {},
  ) {}

  readonly sender: ChannelSender = {
    send: async (chatId: string, reply: Reply, lang: Lang): Promise<SendOutcome> => {
      const saved = this.options.filesDir ? await saveAttachments(this.options.filesDir, reply, lang) : undefined;
      const text = [renderPlainText(reply, lang), ...(saved?.lines ?? [])].join('\n');
      const message = { chatId, reply, lang, text, files: saved?.paths ?? [] };
      this.transcriptOf(chatId).push(message);
      this.write(message);
      return { ok: true };
    },
  };

  /** Everything sent to `chatId` so far, oldest first. */
  transcriptOf(chatId: string): SentMessage[] {
    let list = this.byChat.get(chatId);
    if (!list) {
      list = [];
      this.byChat.set(chatId, list);
    }
    return list;
  }
}

/**
 * A chat in the terminal, also used by the flow tests: each line typed is one update, and what the
 * bot answers is returned (choices as a numbered list) before the next line is read, so piped input
 * reads like a conversation.
 */
export class ConsoleChat {
  private seq = 0;

  constructor(
    private readonly engine: ConsoleEngine,
    private readonly delivery: ConsoleDelivery,
    private readonly output: ConsoleOutput,
    readonly identity: ConsoleIdentity,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Sends one message as the person and returns what the bot sent to this chat in answer. */
  async say(text: string, extra: Partial<Inbound> = {}): Promise<SentMessage[]> {
    const from = this.transcript.length;
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
    return this.transcript.slice(from);
  }

  get transcript(): readonly SentMessage[] {
    return this.output.transcriptOf(this.identity.chatId);
  }
}
