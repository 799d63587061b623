import type { CliContext } from './cli/context.ts';
import { t } from './i18n/i18n.ts';

/**
 * Runs the bot on the configured channels until SIGINT/SIGTERM: stop taking updates, finish those in
 * flight, send what the outbox holds for a bounded time, close the database, exit 0.
 */
export async function runBot(ctx: CliContext): Promise<number> {
  const { runtime, logger } = ctx;
  logger.info({ blocs: ctx.blocs.map((b) => b.id) }, t('cli.startChecked', { blocs: ctx.blocs.length }));
  // The Telegram channel is wired in here by the Telegram issue work; until then say so and stop.
  logger.error('no channel adapter is built yet');
  await runtime.close(0);
  return 1;
}
