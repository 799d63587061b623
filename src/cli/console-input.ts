import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * What the console reads: one message at a time, in order, none lost between the menu and the chat.
 * Piped input is one message per line, as scripts and tests rely on. On a terminal a paste is one
 * message, as Telegram and Zalo deliver it: bracketed paste mode (the terminal wraps a paste in
 * ESC[200~ … ESC[201~, which node's keypress reader names paste-start and paste-end) keeps the
 * pasted lines together until Enter sends them. Ctrl+C and Ctrl+D end the input.
 */
export interface MessageSource {
  /** The next message, or undefined once the input has ended. */
  next(): Promise<string | undefined>;
  /** Shows `prompt` and waits for the next message (a terminal redraws it while editing). */
  ask(prompt: string): Promise<string | undefined>;
  /** Whether a person types at a terminal (prompts shown, pastes grouped). */
  readonly terminal: boolean;
  close(): void;
}

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

interface KeyPress {
  name?: string;
}

export function openMessageSource(input: Readable, output: Writable, terminal: boolean): MessageSource {
  const rl: Interface = createInterface({ input, output, terminal });
  const ready: string[] = [];
  const waiting: Array<(message: string | undefined) => void> = [];
  let pasted: string[] | undefined;
  let pasting = false;
  let ended = false;

  const deliver = (message: string) => {
    const take = waiting.shift();
    if (take) take(message);
    else ready.push(message);
  };
  rl.on('line', (line: string) => {
    if (pasting) {
      (pasted ??= []).push(line);
      return;
    }
    if (pasted) {
      // The line that Enter ended after a paste is the paste's last line (empty when the paste ended
      // with a line break).
      const lines = line === '' ? pasted : [...pasted, line];
      pasted = undefined;
      deliver(lines.join('\n'));
      return;
    }
    deliver(line);
  });
  rl.on('close', () => {
    ended = true;
    if (pasted) deliver(pasted.join('\n'));
    pasted = undefined;
    for (const take of waiting.splice(0)) take(undefined);
    if (terminal) output.write(PASTE_OFF);
  });
  if (terminal) {
    // Without a listener readline would only pause on Ctrl+C; the person means to leave.
    rl.on('SIGINT', () => rl.close());
    input.on('keypress', (_text: unknown, key: KeyPress | undefined) => {
      if (key?.name === 'paste-start') {
        pasting = true;
        pasted ??= [];
      } else if (key?.name === 'paste-end') {
        pasting = false;
      }
    });
    output.write(PASTE_ON);
  }

  const next = (): Promise<string | undefined> => {
    const message = ready.shift();
    if (message !== undefined) return Promise.resolve(message);
    if (ended) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  };
  return {
    terminal,
    next,
    ask(prompt: string) {
      if (terminal) {
        rl.setPrompt(prompt);
        rl.prompt();
      } else {
        output.write(prompt);
      }
      return next();
    },
    close: () => rl.close(),
  };
}
