import { t } from './i18n/i18n.ts';
import { runCheckConfig } from './cli/check-config.ts';
import { runDemo } from './cli/demo.ts';
import { runExport } from './cli/export.ts';
import { runInvite } from './cli/invite.ts';
import { runMigrate } from './cli/migrate.ts';
import { runStart } from './cli/start.ts';
import { runConsoleCommand } from './cli/console.ts';
import { ConfigError } from './config/env.ts';

/**
 * The `thidua` command. Each subcommand returns its exit status; output goes to stdout/stderr in
 * Vietnamese (the operator's language), and nothing here calls process.exit so tests can run it.
 */
export async function runCli(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await runStart(rest);
      case 'console':
        return await runConsoleCommand(rest);
      case 'check-config':
        return await runCheckConfig(rest);
      case 'invite':
        return await runInvite(rest);
      case 'migrate':
        return await runMigrate(rest);
      case 'demo':
        return await runDemo(rest);
      case 'export':
        return await runExport(rest);
      case 'help':
      case '--help':
      case '-h':
        console.log(t('cli.usage'));
        return 0;
      default:
        console.error(t('cli.unknownCommand', { command }));
        console.error(t('cli.usage'));
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(t('cli.configInvalid'));
      for (const p of error.problems) console.error(`  ${p}`);
      return 1;
    }
    throw error;
  }
}
