/**
 * Writes `src/app/locale-keys.ts` from `locales/vi.json`: every key, and the names of the
 * placeholders its text uses, as types. `reply()`, `msg()` and `t()` take only these keys, each with
 * exactly its params, so a misspelt key or a missing param fails `npm run typecheck` instead of
 * showing a raw key to a person. Run `npm run locales` after editing vi.json (a test checks the
 * file is current).
 *
 *   node --import tsx scripts/locale-types.ts          # write the file
 *   node --import tsx scripts/locale-types.ts --check  # exit 1 if it is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LOCALE_FILE = fileURLToPath(new URL('../locales/vi.json', import.meta.url));
export const TYPES_FILE = fileURLToPath(new URL('../src/app/locale-keys.ts', import.meta.url));

/** Every dotted key of a locale dictionary with the placeholder names of its text, in file order. */
export function localeEntries(dictionary: unknown): Array<{ key: string; params: string[] }> {
  const out: Array<{ key: string; params: string[] }> = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') {
      const params = [...new Set([...node.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
      out.push({ key: prefix, params });
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(dictionary, '');
  return out;
}

/** The text of the generated module. */
export function localeTypesSource(dictionary: unknown): string {
  const lines = localeEntries(dictionary).map(({ key, params }) => {
    const names = params.length === 0 ? 'never' : params.map((p) => `'${p}'`).join(' | ');
    return `  '${key}': ${names};`;
  });
  return [
    '// Generated from locales/vi.json by scripts/locale-types.ts (npm run locales): do not edit by hand.',
    '',
    '/** Every locale key, with the names of the placeholders its text uses (`never`: none). */',
    'export interface LocaleParamNames {',
    ...lines,
    '}',
    '',
    '/** A key of `locales/vi.json` (and `en.json`, which has the same keys). */',
    'export type LocaleKey = keyof LocaleParamNames;',
    '',
  ].join('\n');
}

function main(): void {
  const source = localeTypesSource(JSON.parse(readFileSync(LOCALE_FILE, 'utf8')));
  if (process.argv.includes('--check')) {
    const current = readFileSync(TYPES_FILE, 'utf8');
    if (current !== source) {
      console.error('src/app/locale-keys.ts is stale: run `npm run locales`.');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(TYPES_FILE, source);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
