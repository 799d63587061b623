import { fileURLToPath } from 'node:url';
import type { Bloc } from '../domain/bloc.ts';
import { blocWarnings, loadBlocs, type BlocFileError, type BlocSummary } from '../config/bloc-loader.ts';
import { format, type Lang } from '../i18n/i18n.ts';
import { renderMessage } from '../i18n/render.ts';

/**
 * Where the bloc file's problems and summary become text. src/config returns locale keys and params
 * (it holds no sentence and does not import src/i18n: both are adapters, design.md, Layers); the CLI,
 * which wires adapters together, renders them in the operator's language, Vietnamese first.
 */

/** The example bloc shipped with the code: what `npm start` uses when no BLOC_FILE is set. */
export const EXAMPLE_BLOC_FILE = fileURLToPath(new URL('../../deploy/bloc.example.yaml', import.meta.url));

/** `skipped`: YAML files of a bloc folder that are no bloc file (a compose.yaml beside them). */
export type BlocSourceResult = { ok: true; blocs: Bloc[]; skipped: string[] } | { ok: false; lines: string[] };

/** Loads the blocs from a file or folder and turns errors into the lines check-config prints. */
export async function readBlocSource(path: string, lang: Lang = 'vi'): Promise<BlocSourceResult> {
  const { blocs, errors, skipped } = await loadBlocs(path);
  if (errors.length > 0) return { ok: false, lines: formatBlocErrors(errors, lang) };
  return { ok: true, blocs, skipped };
}

/**
 * One line per error, the path as written in the file:
 * `bloc.yaml:12: years.2023.plans.bac-ha.thu-ngan-sach: cần một con số (đang là "abc")`.
 */
export function formatBlocErrors(errors: readonly BlocFileError[], lang: Lang = 'vi'): string[] {
  return errors.map((e) => {
    const where = `${e.source}${e.line === undefined ? '' : `:${e.line}`}`;
    return `${where}: ${e.path === '' ? '' : `${e.path}: `}${format(e.key, e.params, lang)}`;
  });
}

/** The summary of a good bloc: its heading, then one indented line per fact. */
export function formatBlocSummary(summary: BlocSummary, lang: Lang = 'vi'): string[] {
  return [renderMessage(summary.heading, lang), ...summary.lines.map((line) => `  ${renderMessage(line, lang)}`)];
}

/** The warnings of each bloc for the year of `today`, one line each after the bloc's id (said at start-up). */
export function formatBlocWarnings(blocs: readonly Bloc[], today: Date, lang: Lang = 'vi'): string[] {
  return blocs.flatMap((bloc) => blocWarnings(bloc, today).map((line) => `${bloc.id}: ${renderMessage(line, lang)}`));
}
