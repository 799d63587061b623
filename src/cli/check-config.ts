import { t } from '../i18n/i18n.ts';
import { loadBlocs, summarizeBloc } from '../config/bloc-loader.ts';
import { readEnv } from '../config/env.ts';
import { EXAMPLE_BLOC_FILE, formatBlocErrors, formatBlocSummary } from './bloc-source.ts';

/**
 * `thidua check-config [file|folder]`: a short summary of each good bloc, or every error with its
 * path (and line, for broken YAML) and exit status 1. Without an argument it checks BLOC_FILE, or the
 * shipped example when that is unset. In a folder, YAML files that are no bloc file (a compose.yaml)
 * are named as skipped. Printed in Vietnamese, the secretariat's language.
 */
export async function runCheckConfig(pathArg: string | undefined): Promise<number> {
  const path = pathArg ?? readEnv().blocFile ?? EXAMPLE_BLOC_FILE;
  const { blocs, errors, skipped } = await loadBlocs(path);
  for (const file of skipped) console.log(t('cli.blocFileSkipped', { file }));
  for (const bloc of blocs) {
    for (const line of formatBlocSummary(summarizeBloc(bloc, new Date()))) console.log(line);
    console.log('');
  }
  if (errors.length > 0) {
    console.error(t('cli.blocFileInvalid'));
    for (const line of formatBlocErrors(errors)) console.error(`  ${line}`);
    return 1;
  }
  console.log(t('cli.blocFileOk'));
  return 0;
}
