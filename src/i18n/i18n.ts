import vi from '../../locales/vi.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };

/**
 * `t(key, params, lang)` over `locales/*.json`. vi.json is the source of truth: its nested keys type
 * every call, and en.json must have the same shape (tsc fails the build otherwise; a test also checks
 * that no value is empty). Vietnamese has no plural forms, so a `{name}` replacer is all we need.
 */

import { isLang, LANGS, type Lang } from '../app/messages.ts';

export { isLang, LANGS, type Lang };

type Dictionary = typeof vi;
const dictionaries: Record<Lang, Dictionary> = { vi, en };

type Join<K extends string, P extends string> = `${K}.${P}`;
/** Every dotted path to a string in vi.json, e.g. `errors.generic`. */
export type LocaleKey = Paths<Dictionary>;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends object ? Join<K, Paths<T[K]>> : never;
}[keyof T & string];

export type Params = Record<string, string | number>;

export function lookup(key: string, lang: Lang): string | undefined {
  let node: unknown = dictionaries[lang];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Renders a key. An unknown key (from data, e.g. a stored reply) falls back to Vietnamese, then to the
 * key itself, so a message is never lost for want of a translation.
 */
export function t(key: LocaleKey | (string & {}), params: Params = {}, lang: Lang = 'vi'): string {
  const template = lookup(key, lang) ?? lookup(key, 'vi') ?? key;
  return template.replace(/\{(\w+)\}/g, (whole: string, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** All keys of a dictionary, for tests that compare locales. */
export function allKeys(lang: Lang): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') out.push(prefix);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(dictionaries[lang], '');
  return out.sort();
}
