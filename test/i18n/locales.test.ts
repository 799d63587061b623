import { describe, expect, it } from 'vitest';
import { allKeys, format, lookup, t, type LocaleKey } from '../../src/i18n/i18n.ts';
import { FIGURE_ERROR_KEYS } from '../../src/domain/figures/index.ts';
import { PERMISSIONS } from '../../src/app/permissions.ts';
import { MONEY_UNITS } from '../../src/domain/bloc.ts';

describe('locales', () => {
  it('vi and en have exactly the same keys', () => {
    expect(allKeys('en')).toEqual(allKeys('vi'));
  });

  it('no value is empty, and both languages use the same placeholders', () => {
    for (const key of allKeys('vi')) {
      const vi = lookup(key, 'vi') ?? '';
      const en = lookup(key, 'en') ?? '';
      expect(vi.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en), key).toEqual(names(vi));
    }
  });

  it('has a message for every figure error the reader can return', () => {
    for (const k of FIGURE_ERROR_KEYS) expect(lookup(k, 'vi'), k).toBeDefined();
  });

  it('has a help line for every command and a word for every money unit', () => {
    for (const c of Object.keys(PERMISSIONS)) expect(lookup(`help.commands.${c}`, 'vi'), c).toBeDefined();
    for (const u of MONEY_UNITS) expect(lookup(`units.${u}`, 'vi'), u).toBeDefined();
  });

  it('fills params and falls back to Vietnamese, then to the key', () => {
    expect(t('common.period', { month: 6, year: 2023 }, 'vi')).toBe('tháng 6/2023');
    expect(format('no.such.key' as LocaleKey, {}, 'en')).toBe('no.such.key');
  });
});
