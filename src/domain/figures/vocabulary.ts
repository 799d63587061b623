/**
 * The words the bot understands around a figure (design.md: input grammar is data, not user-facing
 * text). Words are written here as people type them, with diacritics, and matched folded (no
 * diacritics, lower case), because phones often drop the accents: "ty", "tỉ" and "tỷ" must all work.
 */
import type { MeasureUnit } from '../bloc.ts';
import { foldText } from '../text-fold.ts';

/** The unit words of money, before the optional "đồng" that may follow them ("tỷ đồng"). */
const MONEY_BASES: ReadonlyArray<readonly [MeasureUnit, readonly string[]]> = [
  ['billion_vnd', ['tỷ', 'tỉ']],
  ['million_vnd', ['triệu', 'tr']],
  // "k" is left out on purpose: "20k" on an indicator kept in tỷ đồng could mean 20 nghìn tỷ or
  // 20 nghìn đồng, and the second reading would be taken silently as 0,00002.
  ['thousand_vnd', ['nghìn', 'ngàn']],
];

/** What may follow a money base word and still mean đồng: "tỷ đồng", "tr đ", "triệu VNĐ", "trđ". */
const MONEY_SUFFIXES = ['', ' đồng', ' đ', 'đ', ' VNĐ'];

/**
 * Every unit phrase the bot accepts after a number, with the unit it stands for. `percent` stands
 * for "%". "lượt tập thể" / "lượt cá nhân" are not here on purpose: accepting them on the wrong one
 * of the two commendation indicators would hide a figure typed in the wrong place.
 */
export const UNIT_PHRASES: ReadonlyArray<readonly [MeasureUnit, readonly string[]]> = [
  ...MONEY_BASES.map(([unit, bases]) => [unit, bases.flatMap((b) => MONEY_SUFFIXES.map((s) => b + s))] as const),
  ['vnd', ['đồng', 'đ', 'VNĐ', 'VND']],
  ['percent', ['%', 'phần trăm']],
  ['people', ['người', 'lao động', 'người lao động']],
  // The seed writes "152/152 xã, phường, thị trấn"; commas are read as spaces (see foldUnitText).
  ['communes', ['xã', 'phường', 'thị trấn', 'xã phường', 'xã phường thị trấn']],
  ['times', ['lượt']],
  ['criteria', ['tiêu chí']],
];

/** The words that join the two parts of a ratio: "62/127", "62 trên 127". */
export const RATIO_CONNECTORS: readonly string[] = ['/', 'trên'];

/** Folds a unit phrase as typed for lookup: commas and semicolons become spaces. */
export function foldUnitText(text: string): string {
  return foldText(text.replace(/[,;]/g, ' '));
}

const UNIT_BY_PHRASE: ReadonlyMap<string, MeasureUnit> = new Map(
  UNIT_PHRASES.flatMap(([unit, phrases]) => phrases.map((p) => [foldUnitText(p), unit] as const)),
);

const CONNECTORS: ReadonlySet<string> = new Set(RATIO_CONNECTORS.map(foldText));

/** The unit a phrase typed after a number stands for, or undefined when the bot does not know it. */
export function lookupUnitPhrase(text: string): MeasureUnit | undefined {
  return UNIT_BY_PHRASE.get(foldUnitText(text));
}

export function isRatioConnector(word: string): boolean {
  return CONNECTORS.has(foldText(word));
}
