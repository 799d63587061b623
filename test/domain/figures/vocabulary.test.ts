import { describe, expect, it } from 'vitest';
import {
  FIGURE_ERROR_KEYS,
  RATIO_CONNECTORS,
  UNIT_PHRASES,
  lookupUnitPhrase,
} from '../../../src/domain/figures/index.ts';
import { foldUnitText } from '../../../src/domain/figures/vocabulary.ts';

describe('vocabulary', () => {
  it('never gives one folded phrase two units', () => {
    const seen = new Map<string, string>();
    for (const [unit, phrases] of UNIT_PHRASES) {
      for (const phrase of phrases) {
        const folded = foldUnitText(phrase);
        expect(seen.get(folded) ?? unit, `${phrase} is both ${seen.get(folded)} and ${unit}`).toBe(unit);
        seen.set(folded, unit);
      }
    }
  });

  it.each([
    ['tỷ đồng', 'billion_vnd'],
    ['TỈ', 'billion_vnd'],
    ['ty', 'billion_vnd'],
    ['triệu VNĐ', 'million_vnd'],
    ['trđ', 'million_vnd'],
    ['Ngàn đồng', 'thousand_vnd'],
    ['vnđ', 'vnd'],
    ['%', 'percent'],
    ['Phần Trăm', 'percent'],
    ['nguoi', 'people'],
    ['xã, phường, thị trấn', 'communes'],
    ['luot', 'times'],
    ['tieu chi', 'criteria'],
  ])('reads %s as %s', (phrase, unit) => {
    expect(lookupUnitPhrase(phrase)).toBe(unit);
  });

  it('does not know "k", "lượt tập thể" or two units', () => {
    expect(lookupUnitPhrase('k')).toBeUndefined();
    expect(lookupUnitPhrase('lượt tập thể')).toBeUndefined();
    expect(lookupUnitPhrase('tỷ triệu')).toBeUndefined();
  });

  it('joins ratios with / and trên', () => {
    expect(RATIO_CONNECTORS).toEqual(['/', 'trên']);
  });

  it('lists unique error keys under figures.errors', () => {
    expect(new Set(FIGURE_ERROR_KEYS).size).toBe(FIGURE_ERROR_KEYS.length);
    for (const key of FIGURE_ERROR_KEYS) expect(key).toMatch(/^figures\.errors\.[a-zA-Z]+$/);
  });
});
