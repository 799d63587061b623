import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseBlocYaml, type BlocFileError } from '../../src/config/bloc-loader.ts';
import type { Bloc } from '../../src/domain/bloc.ts';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** The errors of a bloc text that must not load. */
export function errorsOf(text: string): BlocFileError[] {
  const result = parseBlocYaml(text, 'test.yaml');
  if (result.ok) throw new Error('expected errors, the bloc loaded');
  return result.errors;
}

/** `path: message` of each error, the form the assertions read best in. */
export const pathsAndMessages = (text: string): string[] => errorsOf(text).map((e) => `${e.path}: ${e.message}`);

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
