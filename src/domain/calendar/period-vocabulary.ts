/**
 * Words people type around a period, as input grammar (design.md: words the bot understands are data
 * in the domain, not user-facing text). Written folded, as `foldText` leaves them: lower case, no
 * diacritics, so "Tháng", "tháng" and "thang" are all "thang".
 */
export const PERIOD_VOCABULARY = {
  /** Words that may come before the month number: "tháng 6/2023", "T6/2023". */
  monthWords: ['thang', 't'],
  /** Words that may stand between month and year: "tháng 06 năm 2023". */
  yearWords: ['nam'],
} as const satisfies Record<string, readonly string[]>;
