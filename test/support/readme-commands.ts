/**
 * The command lines the README shows in its ```bash blocks, as a person would copy them: each line
 * (comments dropped) cut at `&&`, each part split into words as a shell would (quotes kept
 * together). Only our own commands are kept: `npm …`, `npx thidua …` and `thidua …`.
 */

export interface ReadmeCommand {
  /** The part of the line as written in the README. */
  text: string;
  /** `npm` or `thidua` (`npx thidua` runs our bin). */
  program: 'npm' | 'thidua';
  /** The words after the program. */
  args: string[];
  /** `echo "…" | npx thidua …`: what the line pipes to the command (with its line break). */
  input?: string;
}

/** The one pipe the README may show: a line of text typed into the console. */
const ECHO_PIPE = /^echo\s+("[^"]*"|'[^']*')\s*\|\s*(.+)$/;

const FENCE = /^\s*```+\s*(\S*)\s*$/;
const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'console']);

/** Every command of ours in the README's shell blocks, in reading order. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  let inShell: boolean | undefined;
  for (const line of markdown.split('\n')) {
    const fence = FENCE.exec(line);
    if (fence) {
      inShell = inShell === undefined ? SHELL_LANGS.has(fence[1] ?? '') : undefined;
      continue;
    }
    if (!inShell) continue;
    const code = line.replace(/^\s*\$\s+/, '').trim();
    if (code === '' || code.startsWith('#')) continue;
    for (const part of code.split('&&').map((p) => p.trim())) {
      const piped = ECHO_PIPE.exec(part);
      const input = piped ? `${(piped[1] ?? '').slice(1, -1)}\n` : undefined;
      const words = shellWords(piped ? (piped[2] ?? '') : part);
      const [first, second, ...rest] = words;
      const extra = input === undefined ? {} : { input };
      if (first === 'npm') out.push({ text: part, program: 'npm', args: words.slice(1), ...extra });
      else if (first === 'thidua') out.push({ text: part, program: 'thidua', args: words.slice(1), ...extra });
      else if (first === 'npx' && second === 'thidua')
        out.push({ text: part, program: 'thidua', args: rest, ...extra });
    }
  }
  return out;
}

/**
 * Words as a shell splits them, for the plain lines a README shows. Anything a shell would do more
 * with (pipes, redirections, variables, globs) is refused: the test runs no shell, so it could not run
 * the line as written.
 */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if ('|<>;$`*?()'.includes(ch)) {
      throw new Error(`README shows a shell line this test cannot run as written: ${text}`);
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error(`README shows a line with an unclosed quote: ${text}`);
  if (word !== undefined) words.push(word);
  return words;
}
