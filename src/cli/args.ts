/**
 * The arguments of one `thidua` command. node's `parseArgs` throws a TypeError at whatever it does
 * not expect and takes `--as -:thuky` for two options, so the README's own `console --as -:thuky`
 * crashed: here a string option takes the next word whatever it starts with (only another `--…` is
 * read as a forgotten value), `--name=value` works too, and every mistake is a locale key the CLI
 * prints with the command's usage.
 */

export interface CommandSpec {
  /** The options, by name without `--`; each takes a value. */
  options: readonly string[];
  /** Options that take no value (`--force`): present means 'true'. */
  flags?: readonly string[];
  /** How many words the command takes besides its options. */
  positionals: number;
}

/** What was wrong, as a key under `cli.args.*` and the option or word it is about. */
export interface ArgsProblem {
  key: 'cli.args.missingValue' | 'cli.args.unknownOption' | 'cli.args.extraWord';
  /** The option as typed (`--role`) or the extra word. */
  word: string;
}

export type ParsedArgs =
  | { type: 'ok'; values: Record<string, string | undefined>; positionals: string[] }
  | { type: 'help' }
  | { type: 'error'; problem: ArgsProblem };

const HELP = new Set(['--help', '-h']);

export function parseCommandArgs(args: readonly string[], spec: CommandSpec): ParsedArgs {
  const values: Record<string, string | undefined> = {};
  const positionals: string[] = [];
  // Help wins over every other mistake: someone asking how to write the command is told.
  if (args.some((a) => HELP.has(a))) return { type: 'help' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (/^-[A-Za-z]/.test(arg)) return { type: 'error', problem: { key: 'cli.args.unknownOption', word: arg } };
    if (!arg.startsWith('--')) {
      // A dash before anything but a letter begins a value (`-:thuky`, `-` for no unit), not an option.
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (eq < 0 && spec.flags?.includes(name)) {
      values[name] = 'true';
      continue;
    }
    if (!spec.options.includes(name))
      return { type: 'error', problem: { key: 'cli.args.unknownOption', word: `--${name}` } };
    if (eq >= 0) {
      values[name] = arg.slice(eq + 1);
      continue;
    }
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--'))
      return { type: 'error', problem: { key: 'cli.args.missingValue', word: `--${name}` } };
    values[name] = next;
    i++;
  }
  const extra = positionals[spec.positionals];
  if (extra !== undefined) return { type: 'error', problem: { key: 'cli.args.extraWord', word: extra } };
  return { type: 'ok', values, positionals };
}
