import { foldText } from '../text-fold.ts';
import { makePeriodId, periodMonth, periodYear, type PeriodId } from './period-id.ts';
import { PERIOD_VOCABULARY } from './period-vocabulary.ts';

/** Why a period typed in chat was not understood (locale keys). */
export type PeriodParseErrorKey = 'period.errors.badFormat' | 'period.errors.badMonth' | 'period.errors.badYear';

/**
 * What a person meant by a period: one month, a whole year to date (only where a command accepts
 * it: standings, export), or a problem to show them (a locale key and its params; `text` is always
 * the trimmed input).
 */
export type ParsedPeriod =
  | { type: 'period'; id: PeriodId }
  | { type: 'year'; year: number }
  | { type: 'error'; key: PeriodParseErrorKey; params: Record<string, string | number> };

/** Years a period may be in: four digits, and no figures of this bloc predate 2000. */
export const PERIOD_YEARS = { min: 2000, max: 2099 } as const;

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "thang" is tried before "t".
const anyOf = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const MONTH_WORD = `(?:${anyOf(PERIOD_VOCABULARY.monthWords)})`;
const YEAR_WORD = `(?:${anyOf(PERIOD_VOCABULARY.yearWords)})`;
const BARE_YEAR = /^(\d{4})$/;
const YEAR_FIRST = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const MONTH_FIRST = new RegExp(`^(?:${MONTH_WORD}\\s*)?(\\d{1,2})\\s*(?:[-/.]|${YEAR_WORD}|\\s)\\s*(\\d+)$`);
const MONTH_ONLY = new RegExp(`^${MONTH_WORD}\\s*(\\d{1,2})$`);

/**
 * Reads a period typed in chat: `6/2023`, `06/2023`, `T6/2023`, `tháng 6/2023`, `thang 6/2023`,
 * `Tháng 06 năm 2023`, `6-2023`, `2023-06` (case, diacritics and spaces ignored), or a bare year
 * `2023`. A two-digit year (`6/23`) is refused as `badYear`: it reads as a day in other notations and
 * costs two keystrokes to write in full.
 *
 * `current`, when given, is the bloc's current period (see `currentPeriod`): a month word with no
 * year (`T6`, `tháng 6`) then means the latest such month not after it. Without it that is `badFormat`.
 * Whether the period is open is not checked here (see `describePeriodRefusal`).
 */
export function parsePeriod(text: string, current?: PeriodId): ParsedPeriod {
  const trimmed = text.trim();
  const folded = foldText(text);
  const bad = (key: PeriodParseErrorKey, extra: Record<string, string | number> = {}): ParsedPeriod => ({
    type: 'error',
    key,
    params: { text: trimmed, ...extra },
  });

  const bareYear = BARE_YEAR.exec(folded);
  if (bareYear) {
    const year = Number(bareYear[1]);
    return yearInRange(year) ? { type: 'year', year } : bad('period.errors.badYear', { year: bareYear[1] ?? '' });
  }

  let monthText: string | undefined;
  let yearText: string | undefined;
  const yearFirst = YEAR_FIRST.exec(folded);
  const monthFirst = MONTH_FIRST.exec(folded);
  const monthOnly = MONTH_ONLY.exec(folded);
  if (yearFirst) [, yearText, monthText] = yearFirst;
  else if (monthFirst) [, monthText, yearText] = monthFirst;
  else if (monthOnly && current !== undefined) {
    monthText = monthOnly[1];
    const month = Number(monthText);
    yearText = String(month > periodMonth(current) ? periodYear(current) - 1 : periodYear(current));
  }
  if (monthText === undefined || yearText === undefined) return bad('period.errors.badFormat');

  const month = Number(monthText);
  if (month < 1 || month > 12) return bad('period.errors.badMonth', { month: monthText });
  const year = Number(yearText);
  if (yearText.length !== 4 || !yearInRange(year)) return bad('period.errors.badYear', { year: yearText });
  return { type: 'period', id: makePeriodId(year, month) };
}

function yearInRange(year: number): boolean {
  return year >= PERIOD_YEARS.min && year <= PERIOD_YEARS.max;
}
