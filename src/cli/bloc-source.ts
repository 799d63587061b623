import { fileURLToPath } from 'node:url';
import type { Bloc } from '../domain/bloc.ts';
import { formatBlocErrors, loadBlocs } from '../config/bloc-loader.ts';

/** The example bloc shipped with the code: what `npm start` uses when no BLOC_FILE is set. */
export const EXAMPLE_BLOC_FILE = fileURLToPath(new URL('../../deploy/bloc.example.yaml', import.meta.url));

export type BlocSourceResult = { ok: true; blocs: Bloc[] } | { ok: false; lines: string[] };

/** Loads the blocs from a file or folder and turns errors into the lines check-config prints. */
export async function readBlocSource(path: string): Promise<BlocSourceResult> {
  const { blocs, errors } = await loadBlocs(path);
  if (errors.length > 0) return { ok: false, lines: formatBlocErrors(errors) };
  return { ok: true, blocs };
}
