import { readEnv, type Config } from '../config/env.ts';
import type { Bloc } from '../domain/bloc.ts';
import { blocYear } from '../domain/bloc.ts';
import { t } from '../i18n/i18n.ts';
import { EXAMPLE_BLOC_FILE, formatBlocWarnings, readBlocSource } from './bloc-source.ts';

/** What every command reads before it asks the composition root (src/main.ts) for a program. */
export interface Configuration {
  config: Config;
  blocs: Bloc[];
}

/**
 * Reads the environment and the bloc file(s). Returns the exit status instead when something is
 * wrong, after printing what and how to fix it; says at every start when a bloc lacks this year.
 */
export async function readConfiguration(options: { config?: Config } = {}): Promise<Configuration | number> {
  const config = options.config ?? readEnv();
  const source = await readBlocSource(config.blocFile ?? EXAMPLE_BLOC_FILE);
  if (!source.ok) {
    console.error(t('cli.blocFileInvalid'));
    for (const line of source.lines) console.error(`  ${line}`);
    return 1;
  }
  for (const file of source.skipped) console.error(t('cli.blocFileSkipped', { file }));
  for (const line of formatBlocWarnings(source.blocs, new Date())) console.error(line);
  const year = new Date().getFullYear();
  for (const bloc of source.blocs) {
    const chosen = blocYear(bloc, year);
    // Said at every start (design.md), so the example bloc's 2023 plans in a later year surprise no one.
    if (chosen.fallback) console.error(t('cli.fallbackYear', { bloc: bloc.id, year, used: chosen.year.year }));
  }
  return { config, blocs: source.blocs };
}
