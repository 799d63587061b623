import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALE_FILE, localeEntries, localeTypesSource, TYPES_FILE } from '../../scripts/locale-types.ts';
import { msg, reply } from '../../src/app/messages.ts';
import { t } from '../../src/i18n/i18n.ts';

describe('typed locale keys', () => {
  it('src/app/locale-keys.ts is current with locales/vi.json (run `npm run locales` after editing it)', () => {
    const dictionary: unknown = JSON.parse(readFileSync(LOCALE_FILE, 'utf8'));
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(localeTypesSource(dictionary));
  });

  it('reads each key with the placeholders of its text', () => {
    const entries = localeEntries({ report: { echo: '✓ {number}. {name}: {figure}', atFirst: 'x' } });
    expect(entries).toEqual([
      { key: 'report.echo', params: ['figure', 'name', 'number'] },
      { key: 'report.atFirst', params: [] },
    ]);
  });

  it('a misspelt key, a missing param or an unknown one fails `npm run typecheck`', () => {
    // tsc checks this file (tsconfig includes test/): each @ts-expect-error must meet an error, or the
    // typecheck fails with "Unused '@ts-expect-error' directive". The function is never called.
    const wrong = () => [
      // @ts-expect-error a misspelt key
      reply('report.nothingToKep'),
      // @ts-expect-error a key with placeholders needs its params
      msg('report.echo'),
      // @ts-expect-error a missing param
      msg('report.echo', { number: 1, name: 'Thu ngân sách' }),
      // @ts-expect-error a param the text does not use
      msg('report.nothingToKeep', { extra: 1 }),
      // @ts-expect-error t() checks keys too
      t('report.nothingToKep'),
    ];
    expect(wrong).toBeTypeOf('function');
    expect(msg('report.echo', { number: 1, name: 'Thu ngân sách', figure: '45 tỷ' })).toEqual({
      key: 'report.echo',
      params: { number: 1, name: 'Thu ngân sách', figure: '45 tỷ' },
    });
    expect(t('report.echo', { number: 1, name: 'Thu ngân sách', figure: '45 tỷ' })).toBe('✓ 1. Thu ngân sách: 45 tỷ');
  });
});
