import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  BLOC_ERROR_PREFIX,
  parseBlocYaml,
  type BlocErrorKind,
  type BlocFileError,
} from '../../src/config/bloc-loader.ts';
import type { Bloc } from '../../src/domain/bloc.ts';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** The errors of a bloc text that must not load. */
export function errorsOf(text: string): BlocFileError[] {
  const result = parseBlocYaml(text, 'test.yaml');
  if (result.ok) throw new Error('expected errors, the bloc loaded');
  return result.errors;
}

/** An expected problem: its path, its kind (the key under `blocFile.errors.`) and its params. */
export interface Found {
  path: string;
  kind: BlocErrorKind;
  params: Record<string, string | number>;
}

export const at = (path: string, kind: BlocErrorKind, params: Record<string, string | number> = {}): Found => ({
  path,
  kind,
  params,
});

/** The kind of an error's key; fails the test if the key is not under `blocFile.errors.`. */
export function kindOf(error: BlocFileError): string {
  expect(error.key.startsWith(BLOC_ERROR_PREFIX), error.key).toBe(true);
  return error.key.slice(BLOC_ERROR_PREFIX.length);
}

/** Path, kind and params of each error: the form the assertions read best in (no wording). */
export const problemsOf = (text: string): Found[] =>
  errorsOf(text).map((e) => ({ path: e.path, kind: kindOf(e) as BlocErrorKind, params: e.params }));

export function blocOf(text: string): Bloc {
  const result = parseBlocYaml(text, 'test.yaml');
  if (!result.ok) expect(result.errors).toEqual([]);
  if (!result.ok) throw new Error('unreachable');
  return result.bloc;
}

/** The minimal fixture with one text replaced: each test plants one mistake in a known-good file. */
export function minimalWith(search: string | RegExp, replacement: string): string {
  const text = fixture('minimal.yaml');
  const changed = text.replace(search, replacement);
  if (changed === text) throw new Error(`fixture has no ${String(search)}`);
  return changed;
}
