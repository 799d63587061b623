import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Bloc } from '../domain/bloc.ts';
import { crossCheckBlocFile } from './bloc-checks.ts';
import { problemsOf } from './bloc-issues.ts';
import { toBloc } from './bloc-mapping.ts';
import { problem, type BlocErrorKey, type BlocProblem, type ProblemParams } from './bloc-messages.ts';
import { displayPath } from './bloc-path.ts';
import { blocFileSchema } from './bloc-schema.ts';
import { looksLikeBlocFile, readYaml } from './bloc-yaml.ts';

export { blocWarnings, summarizeBloc, type BlocSummary } from './bloc-summary.ts';
export { BLOC_ERROR_KINDS, BLOC_ERROR_PREFIX, type BlocErrorKind } from './bloc-messages.ts';

/**
 * Reads bloc files (design.md, Configuration): YAML → schema and cross-section checks → `Bloc`.
 * Every problem is reported at once, each with its file, its dotted path and, where known, its line,
 * for the operator's terminal (`thidua check-config`). Problems are locale keys with params, never
 * sentences: the CLI renders them (src/cli/bloc-source.ts), Vietnamese first.
 */

/**
 * One problem in a bloc file. `path` is dotted (`years.2023.plans.bac-ha`), a list item counted from 1
 * with its code or id (`indicators[3] (gia-tri-cong-nghiep).kind`, see bloc-path.ts), empty for the file;
 * `key` is under `blocFile.errors.*` in locales/, `params` fill its placeholders.
 */
export interface BlocFileError {
  source: string;
  path: string;
  line?: number;
  key: BlocErrorKey;
  params: ProblemParams;
}

export type BlocLoadResult = { ok: true; bloc: Bloc } | { ok: false; errors: BlocFileError[] };

const YAML_EXTENSIONS = ['.yaml', '.yml'];

const checkedBlocFile = blocFileSchema.superRefine(
  (file, ctx) => {
    for (const { path, key, params } of crossCheckBlocFile(file))
      ctx.addIssue({ code: 'custom', path, message: key, params });
  },
  // Run even when other parts failed, so one check-config run lists every mistake.
  { when: () => true },
);

export function parseBlocYaml(text: string, sourceName: string): BlocLoadResult {
  const read = readYaml(text);
  const data = read.ok ? read.data : undefined;
  const error = (path: readonly PropertyKey[], found: BlocProblem, line?: number): BlocFileError => ({
    source: sourceName,
    path: displayPath(data, path),
    ...(line === undefined ? {} : { line }),
    key: found.key,
    params: found.params,
  });
  if (!read.ok) return { ok: false, errors: read.problems.map((p) => error(p.path, p, p.line)) };
  if (read.data === null || read.data === undefined) return { ok: false, errors: [error([], problem('emptyFile'))] };

  const errors = read.problems.map((p) => error(p.path, p, p.line));
  // The issues' input names what the clerk wrote ("cần một con số (đang là "abc")").
  const parsed = checkedBlocFile.safeParse(read.data, { reportInput: true });
  if (!parsed.success) {
    for (const found of parsed.error.issues.flatMap(problemsOf))
      errors.push(error(found.path, found, read.lineOf(found.path)));
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors: sortByLine(errors) };
  return { ok: true, bloc: toBloc(parsed.data) };
}

function sortByLine(errors: BlocFileError[]): BlocFileError[] {
  // Stable sort: errors without a line keep their order after those with one.
  return [...errors].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/**
 * What a bloc file or folder holds: the good blocs, every problem, and the YAML files of a folder
 * passed over because they are no bloc file (no top-level `id` and `indicators`: a compose.yaml).
 */
export interface BlocsLoaded {
  blocs: Bloc[];
  errors: BlocFileError[];
  skipped: string[];
}

/**
 * Loads one bloc file, or every `.yaml`/`.yml` file of a folder that looks like a bloc file (one bloc
 * per file, not recursive). Good blocs are returned even when other files have errors; the caller
 * decides whether to go on.
 */
export async function loadBlocs(pathToFileOrFolder: string): Promise<BlocsLoaded> {
  const fileProblem = (source: string, found: BlocProblem): BlocFileError => ({ source, path: '', ...found });
  let found: { files: string[]; folder: boolean } | BlocProblem;
  try {
    found = await blocFilesAt(pathToFileOrFolder);
  } catch (cause) {
    return { blocs: [], errors: [fileProblem(pathToFileOrFolder, readFailure(cause))], skipped: [] };
  }
  if ('key' in found) return { blocs: [], errors: [fileProblem(pathToFileOrFolder, found)], skipped: [] };

  const blocs: Bloc[] = [];
  const errors: BlocFileError[] = [];
  const skipped: string[] = [];
  const sourceOf = new Map<string, string>();
  for (const file of found.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      errors.push(fileProblem(file, readFailure(cause)));
      continue;
    }
    // A file named on its own is a bloc file whatever it holds: its mistakes are shown.
    if (found.folder && !looksLikeBlocFile(text)) {
      skipped.push(file);
      continue;
    }
    const result = parseBlocYaml(text, file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const earlier = sourceOf.get(result.bloc.id);
    if (earlier !== undefined) {
      errors.push({ source: file, path: 'id', ...problem('duplicateBlocId', { id: result.bloc.id, other: earlier }) });
      continue;
    }
    sourceOf.set(result.bloc.id, file);
    blocs.push(result.bloc);
  }
  if (found.folder && blocs.length === 0 && errors.length === 0)
    errors.push(fileProblem(pathToFileOrFolder, problem('noBlocFiles')));
  return { blocs, errors, skipped };
}

/** The YAML files at a path, or the problem with the path itself (not YAML, an empty folder). */
async function blocFilesAt(path: string): Promise<{ files: string[]; folder: boolean } | BlocProblem> {
  const info = await stat(path);
  if (!info.isDirectory())
    return YAML_EXTENSIONS.includes(extname(path).toLowerCase())
      ? { files: [path], folder: false }
      : problem('notYamlFile');
  const entries = await readdir(path, { withFileTypes: true });
  const files = entries
    // Hidden files are editors' backups and lock files (.#bloc.yaml), not blocs.
    .filter(
      (entry) =>
        entry.isFile() && !entry.name.startsWith('.') && YAML_EXTENSIONS.includes(extname(entry.name).toLowerCase()),
    )
    .map((entry) => join(path, entry.name))
    .sort();
  return files.length > 0 ? { files, folder: true } : problem('noBlocFiles');
}

function readFailure(cause: unknown): BlocProblem {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return problem('notFound');
  if (code === 'EACCES') return problem('permissionDenied');
  // The system's own short message (EISDIR, EMFILE…) is all there is to say.
  return problem('readFailed', { detail: cause instanceof Error ? cause.message : String(cause) });
}
