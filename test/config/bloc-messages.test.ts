import { describe, expect, it } from 'vitest';
import { BLOC_ERROR_KINDS, BLOC_ERROR_PREFIX } from '../../src/config/bloc-loader.ts';
import { lookup } from '../../src/i18n/i18n.ts';

describe('bloc-file problems are locale keys', () => {
  it('has a Vietnamese and an English text for every kind of problem', () => {
    for (const kind of BLOC_ERROR_KINDS) {
      expect(lookup(`${BLOC_ERROR_PREFIX}${kind}`, 'vi'), kind).toBeDefined();
      expect(lookup(`${BLOC_ERROR_PREFIX}${kind}`, 'en'), kind).toBeDefined();
    }
  });
});
