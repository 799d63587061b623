import { PERIOD_VOCABULARY } from '../../domain/calendar/index.ts';
import { foldText } from '../../domain/text-fold.ts';

const MONTH_WORDS: readonly string[] = PERIOD_VOCABULARY.monthWords;

/**
 * Splits the arguments of `/xem [unit] [period]`: unit names have no digits, so the period starts at
 * the first word with a digit, or at the month word just before it ("bao yen tháng 6/2023"). A month
 * word can also end a name ("Bảo Thắng" folds to "bao thang"): it stays with the name when the name
 * so extended still fits a unit (`fitsUnit`).
 */
export function splitUnitAndPeriod(
  text: string,
  fitsUnit: (name: string) => boolean,
): { unitText: string; periodText: string } {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let at = words.findIndex((w) => /\d/.test(w));
  if (at < 0) return { unitText: words.join(' '), periodText: '' };
  const before = words[at - 1];
  if (before !== undefined && MONTH_WORDS.includes(foldText(before))) {
    const partOfName = at > 1 && fitsUnit(words.slice(0, at).join(' '));
    if (!partOfName) at -= 1;
  }
  return { unitText: words.slice(0, at).join(' '), periodText: words.slice(at).join(' ') };
}
