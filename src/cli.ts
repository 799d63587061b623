import { t } from './i18n/i18n.ts';
import { parseCommandArgs, type CommandSpec } from './cli/args.ts';
import { runCheckConfig } from './cli/check-config.ts';
import { runDemo } from './cli/demo.ts';
import { runExport } from './cli/export.ts';
import { runInvite } from './cli/invite.ts';
import { runMigrate } from './cli/migrate.ts';
import { runStart } from './cli/start.ts';
import { runConsoleCommand } from './cli/console.ts';
import { renderConfigProblem } from './cli/config-problems.ts';
import { ConfigError } from './config/env.ts';

type Parsed = { values: Record<string, string | undefined>; positionals: string[] };

interface Command extends CommandSpec {
  usage:
    | 'cli.usageOf.start'
    | 'cli.usageOf.console'
    | 'cli.usageOf.checkConfig'
    | 'cli.usageOf.invite'
    | 'cli.usageOf.migrate'
    | 'cli.usageOf.demo'
    | 'cli.usageOf.export';
  run(parsed: Parsed): Promise<number>;
}

/** Every subcommand: its options, how many words it takes, its usage text and what runs it. */
const COMMANDS: Record<string, Command> = {
  start: { options: [], positionals: 0, usage: 'cli.usageOf.start', run: () => runStart([]) },
  console: {
    options: ['as'],
    positionals: 0,
    usage: 'cli.usageOf.console',
    run: ({ values }) => runConsoleCommand(values.as),
  },
  'check-config': {
    options: [],
    positionals: 1,
    usage: 'cli.usageOf.checkConfig',
    run: ({ positionals }) => runCheckConfig(positionals[0]),
  },
  invite: {
    options: ['role', 'unit', 'bloc', 'ttl'],
    positionals: 0,
    usage: 'cli.usageOf.invite',
    run: ({ values }) => runInvite(values),
  },
  migrate: { options: [], positionals: 0, usage: 'cli.usageOf.migrate', run: () => runMigrate() },
  demo: {
    options: ['bloc'],
    flags: ['force'],
    positionals: 0,
    usage: 'cli.usageOf.demo',
    run: ({ values }) => runDemo({ bloc: values.bloc, force: values.force === 'true' }),
  },
  export: {
    options: ['period', 'bloc', 'out'],
    positionals: 0,
    usage: 'cli.usageOf.export',
    run: ({ values }) => runExport(values),
  },
};

const HELP_WORDS = new Set(['help', '--help', '-h']);

/**
 * The `thidua` command. Each subcommand returns its exit status; output goes to stdout/stderr in
 * Vietnamese (the operator's language), and nothing here calls process.exit so tests can run it.
 * A mistake in the arguments is one line saying what, then the command's usage (exit 2).
 */
export async function runCli(argv: string[]): Promise<number> {
  const [name = 'start', ...rest] = argv;
  if (HELP_WORDS.has(name)) {
    // `thidua help invite` is `thidua invite --help`.
    const about = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    console.log(about ? t(about.usage) : t('cli.usage'));
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(t('cli.unknownCommand', { command: name }));
    console.error(t('cli.usage'));
    return 2;
  }
  const parsed = parseCommandArgs(rest, command);
  if (parsed.type === 'help') {
    console.log(t(command.usage));
    return 0;
  }
  if (parsed.type === 'error') {
    console.error(t(parsed.problem.key, { command: name, word: parsed.problem.word }));
    console.error(t(command.usage));
    return 2;
  }
  try {
    return await command.run(parsed);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(t('cli.configInvalid'));
      for (const p of error.problems) console.error(`  ${renderConfigProblem(p)}`);
      return 1;
    }
    throw error;
  }
}
