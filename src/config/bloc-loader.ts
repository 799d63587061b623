import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { z } from 'zod';
import type { Bloc } from '../domain/bloc.ts';
import { crossCheckBlocFile } from './bloc-checks.ts';
import { toBloc } from './bloc-mapping.ts';
import { blocErrorMap, didYouMean } from './bloc-messages.ts';
import { BLOC_FILE_KEYS, blocFileSchema } from './bloc-schema.ts';
import { readYaml } from './bloc-yaml.ts';

export { summarizeBloc } from './bloc-summary.ts';

/**
 * Reads bloc files (design.md, Configuration): YAML → schema and cross-section checks → `Bloc`.
 * Every problem is reported at once, each with its file, its dotted path and, where known, its line,
 * for the operator's terminal (`thidua check-config`).
 */

/** One problem in a bloc file. `path` is dotted (`years.2023.plans.bac-ha`), empty for the file itself. */
export interface BlocFileError {
  source: string;
  path: string;
  message: string;
  line?: number;
}

export type BlocLoadResult = { ok: true; bloc: Bloc } | { ok: false; errors: BlocFileError[] };

const YAML_EXTENSIONS = ['.yaml', '.yml'];

const checkedBlocFile = blocFileSchema.superRefine(
  (file, ctx) => {
    for (const issue of crossCheckBlocFile(file)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  },
  // Run even when other parts failed, so one check-config run lists every mistake.
  { when: () => true },
);

export function parseBlocYaml(text: string, sourceName: string): BlocLoadResult {
  const read = readYaml(text);
  const error = (path: readonly PropertyKey[], message: string, line?: number): BlocFileError => ({
    source: sourceName,
    path: path.map(String).join('.'),
    message,
    ...(line === undefined ? {} : { line }),
  });
  if (!read.ok) return { ok: false, errors: read.problems.map((p) => error(p.path, p.message, p.line)) };
  if (read.data === null || read.data === undefined) return { ok: false, errors: [error([], 'the file is empty')] };

  const errors = read.problems.map((p) => error(p.path, p.message, p.line));
  const parsed = checkedBlocFile.safeParse(read.data, { error: blocErrorMap });
  if (!parsed.success) {
    for (const { path, message } of parsed.error.issues.flatMap(splitUnknownKeys)) errors.push(error(path, message, read.lineOf(path)));
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors: sortByLine(errors) };
  return { ok: true, bloc: toBloc(parsed.data) };
}

/** zod reports all unknown keys of an object in one issue; the clerk needs each key's own path. */
function splitUnknownKeys(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string }[] {
  if (issue.code !== 'unrecognized_keys') return [{ path: issue.path, message: issue.message }];
  return issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown key${didYouMean(key, BLOC_FILE_KEYS)}` }));
}

function sortByLine(errors: BlocFileError[]): BlocFileError[] {
  // Stable sort: errors without a line keep their order after those with one.
  return [...errors].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/**
 * Loads one bloc file, or every `.yaml`/`.yml` file of a folder (one bloc per file, not recursive).
 * Good blocs are returned even when other files have errors; the caller decides whether to go on.
 */
export async function loadBlocs(pathToFileOrFolder: string): Promise<{ blocs: Bloc[]; errors: BlocFileError[] }> {
  const problem = (source: string, message: string): BlocFileError => ({ source, path: '', message });
  let files: string[];
  try {
    files = await blocFilesAt(pathToFileOrFolder);
  } catch (cause) {
    return { blocs: [], errors: [problem(pathToFileOrFolder, readFailure(cause))] };
  }
  if (files.length === 0) return { blocs: [], errors: [problem(pathToFileOrFolder, 'no .yaml or .yml bloc file in this folder')] };

  const blocs: Bloc[] = [];
  const errors: BlocFileError[] = [];
  const sourceOf = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      errors.push(problem(file, readFailure(cause)));
      continue;
    }
    const result = parseBlocYaml(text, file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const earlier = sourceOf.get(result.bloc.id);
    if (earlier !== undefined) {
      errors.push({ source: file, path: 'id', message: `bloc id "${result.bloc.id}" is already used by ${earlier}` });
      continue;
    }
    sourceOf.set(result.bloc.id, file);
    blocs.push(result.bloc);
  }
  return { blocs, errors };
}

async function blocFilesAt(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    if (!YAML_EXTENSIONS.includes(extname(path).toLowerCase())) throw new Error('a bloc file must end in .yaml or .yml');
    return [path];
  }
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    // Hidden files are editors' backups and lock files (.#bloc.yaml), not blocs.
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && YAML_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map((entry) => join(path, entry.name))
    .sort();
}

function readFailure(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return cause instanceof Error ? cause.message : String(cause);
}

/** One line per error: `file.yaml:12: years.2023.head: "x" is not a member unit of 2023`. */
export function formatBlocErrors(errors: readonly BlocFileError[]): string[] {
  return errors.map((e) => `${e.source}${e.line === undefined ? '' : `:${e.line}`}: ${e.path === '' ? '' : `${e.path}: `}${e.message}`);
}
