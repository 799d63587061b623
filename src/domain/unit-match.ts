import type { MemberUnit } from './bloc.ts';
import { foldText } from './text-fold.ts';

/**
 * Words for the kind of a unit that people may put in front of its name or leave out ("Huyện Si Ma
 * Cai", "si ma cai", "TP Lào Cai"): input grammar, folded. Longest first, so "thi xa" wins over "xa".
 */
export const UNIT_TYPE_WORDS: readonly string[] = [
  'thanh pho',
  'thi tran',
  'dac khu',
  'thi xa',
  'phuong',
  'huyen',
  'quan',
  'tp',
  'tx',
  'xa',
  'so',
  'h',
];

/** What a unit typed in chat refers to: one unit, several (offer choices), or none. */
export type UnitMatch =
  { type: 'unit'; unit: MemberUnit } | { type: 'ambiguous'; candidates: MemberUnit[] } | { type: 'none' };

/** Folded, with dashes and underscores as spaces, so `si-ma-cai` and "Si Ma Cai" compare equal. */
function normalise(text: string): string {
  return foldText(text.replace(/[-_]/g, ' '));
}

function withoutTypeWord(folded: string): string {
  for (const word of UNIT_TYPE_WORDS) {
    if (folded.startsWith(`${word} `)) return folded.slice(word.length + 1);
  }
  return folded;
}

/** The forms a unit may be typed as: its id, its full name, its name without the kind word. */
function formsOf(unit: MemberUnit): string[] {
  const name = normalise(unit.name);
  return [...new Set([normalise(unit.id), name, withoutTypeWord(name)])];
}

/**
 * Finds the unit someone typed (design.md, "Arguments in chat"): its id from the bloc file, or a
 * unique beginning of its name, diacritics, case and the kind word ("huyện", "TP") ignored. A form
 * typed in full wins over longer names it begins ("Bảo" would be Bảo itself even beside Bảo Yên).
 */
export function matchUnit(units: readonly MemberUnit[], text: string): UnitMatch {
  const typed = normalise(text);
  if (!typed) return { type: 'none' };
  const queries = [...new Set([typed, withoutTypeWord(typed)])].filter((q) => q.length > 0);
  const exact = units.filter((u) => formsOf(u).some((f) => queries.includes(f)));
  if (exact.length === 1 && exact[0]) return { type: 'unit', unit: exact[0] };
  if (exact.length > 1) return { type: 'ambiguous', candidates: exact };
  const prefixed = units.filter((u) => formsOf(u).some((f) => queries.some((q) => f.startsWith(q))));
  if (prefixed.length === 1 && prefixed[0]) return { type: 'unit', unit: prefixed[0] };
  if (prefixed.length > 1) return { type: 'ambiguous', candidates: prefixed };
  return { type: 'none' };
}
