import type { Logger } from 'pino';
import type { Bloc } from '../domain/bloc.ts';
import { blocYear } from '../domain/bloc.ts';
import { readEnv, type Config } from '../config/env.ts';
import { t } from '../i18n/i18n.ts';
import { createLogger } from '../logging/logger.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { EXAMPLE_BLOC_FILE, readBlocSource } from './bloc-source.ts';

/** What every command that touches the database shares: config, blocs, a logger, the runtime. */
export interface CliContext {
  config: Config;
  blocs: Bloc[];
  logger: Logger;
  runtime: Runtime;
}

/** Every secret the logs must never show: tokens, webhook secrets, passwords inside database URLs. */
export function secretsOf(config: Config): string[] {
  const passwordOf = (url: string | undefined) => {
    if (!url) return undefined;
    try {
      return decodeURIComponent(new URL(url).password) || undefined;
    } catch {
      return undefined;
    }
  };
  return [
    config.telegram?.token,
    config.telegram?.webhook?.secret,
    config.zalo?.token,
    config.zalo?.webhook?.secret,
    passwordOf(config.databaseUrl),
    passwordOf(config.sessionStoreUrl),
  ].filter((s): s is string => Boolean(s));
}

/**
 * Reads the environment and the bloc file(s), opens and migrates the database. Returns the exit
 * status instead when something is wrong, after printing what and how to fix it.
 */
export async function openCliContext(
  options: { logLevel?: string; config?: Config } = {},
): Promise<CliContext | number> {
  const config = options.config ?? readEnv();
  const source = await readBlocSource(config.blocFile ?? EXAMPLE_BLOC_FILE);
  if (!source.ok) {
    console.error(t('cli.blocFileInvalid'));
    for (const line of source.lines) console.error(`  ${line}`);
    return 1;
  }
  const logger = createLogger({ level: options.logLevel ?? config.logLevel, secrets: secretsOf(config) });
  const year = new Date().getFullYear();
  for (const bloc of source.blocs) {
    const chosen = blocYear(bloc, year);
    // Said at every start (design.md), so the example bloc's 2023 plans in a later year surprise no one.
    if (chosen.fallback) console.error(t('cli.fallbackYear', { bloc: bloc.id, year, used: chosen.year.year }));
  }
  const runtime = await createRuntime({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    sessionStoreUrl: config.sessionStoreUrl,
    blocs: source.blocs,
    admins: config.admins,
    logger,
  });
  return { config, blocs: source.blocs, logger, runtime };
}
