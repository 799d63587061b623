import { processFacts, readEnv } from '../config/env.ts';
import { t } from '../i18n/i18n.ts';
import { startBot } from '../main.ts';
import { runConsole } from './console.ts';
import { readConfiguration } from './context.ts';

/**
 * `npm start`: with a channel token, runs the bot; with none, on a terminal, opens the console chat
 * on the shipped example bloc (or BLOC_FILE); with none and no terminal, says what to set.
 */
export async function runStart(_args: string[]): Promise<number> {
  const config = readEnv();
  const hasChannel = Boolean(config.telegram || config.zalo);
  if (!hasChannel && !processFacts().interactive) {
    console.error(t('cli.noChannel'));
    return 1;
  }
  const read = await readConfiguration({ config });
  if (typeof read === 'number') return read;
  if (!hasChannel) return runConsole(read, undefined);
  return startBot(read);
}
