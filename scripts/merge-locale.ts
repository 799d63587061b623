/**
 * Adds sections to the locale files, or merges two versions of one, without hand-editing big JSON.
 *
 *   node --import tsx scripts/merge-locale.ts sections.json
 *       sections.json is {"vi": {"section": {...}}, "en": {"section": {...}}}: each is deep-merged into
 *       locales/<lang>.json (new keys added, same keys replaced), then src/app/locale-keys.ts is
 *       regenerated.
 *   node --import tsx scripts/merge-locale.ts --git-merge-driver %O %A %B
 *       a git merge driver for locales/*.json (two branches that each added keys): the union of
 *       both sides is written to %A; a key both sides changed to different texts is a conflict
 *       (exit 1, %A untouched) for a person to settle.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALE_FILE, localeTypesSource, TYPES_FILE } from './locale-types.ts';

type Tree = { [key: string]: string | Tree };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `extra` merged into `base`: new keys added, texts replaced. */
export function deepMerge(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] = isTree(current) && isTree(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** Three-way: what each side changed relative to `base`; the dotted keys both changed differently. */
export function threeWay(base: Tree, ours: Tree, theirs: Tree, path = ''): { merged: Tree; conflicts: string[] } {
  const merged: Tree = {};
  const conflicts: string[] = [];
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
  for (const key of keys) {
    const [b, o, t] = [base[key], ours[key], theirs[key]];
    const here = path ? `${path}.${key}` : key;
    if (isTree(o) && isTree(t)) {
      const inner = threeWay(isTree(b) ? b : {}, o, t, here);
      merged[key] = inner.merged;
      conflicts.push(...inner.conflicts);
    } else if (JSON.stringify(o) === JSON.stringify(t)) {
      if (o !== undefined) merged[key] = o;
    } else if (JSON.stringify(o) === JSON.stringify(b)) {
      if (t !== undefined) merged[key] = t; // only theirs changed it (or removed it)
    } else if (JSON.stringify(t) === JSON.stringify(b)) {
      if (o !== undefined) merged[key] = o; // only ours changed it
    } else {
      conflicts.push(here);
      if (o !== undefined) merged[key] = o;
    }
  }
  return { merged, conflicts };
}

const readTree = (path: string): Tree => JSON.parse(readFileSync(path, 'utf8')) as Tree;

function writeTree(path: string, tree: Tree): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(tree, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

function main(args: string[]): number {
  if (args[0] === '--git-merge-driver') {
    const [, basePath = '', oursPath = '', theirsPath = ''] = args;
    const { merged, conflicts } = threeWay(readTree(basePath), readTree(oursPath), readTree(theirsPath));
    if (conflicts.length > 0) {
      console.error(`locale keys changed on both sides: ${conflicts.join(', ')}`);
      return 1;
    }
    writeTree(oursPath, merged);
    return 0;
  }
  const [sectionsPath] = args;
  if (!sectionsPath) {
    console.error('usage: merge-locale.ts sections.json | --git-merge-driver %O %A %B');
    return 2;
  }
  const sections = readTree(sectionsPath);
  for (const lang of ['vi', 'en']) {
    const extra = sections[lang];
    if (!isTree(extra)) continue;
    const path = fileURLToPath(new URL(`../locales/${lang}.json`, import.meta.url));
    writeTree(path, deepMerge(readTree(path), extra));
  }
  writeFileSync(TYPES_FILE, localeTypesSource(readTree(LOCALE_FILE)));
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
