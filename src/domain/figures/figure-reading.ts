/** What reading a typed figure can give, and the locale keys of its errors. */
import type { MeasureUnit, ValidRange } from '../bloc.ts';
import type { FigureValue } from '../figure.ts';

/**
 * Every error a typed figure can get, as locale keys. A test checks that each exists in
 * `locales/*.json`; params are listed in read-figure.ts where the error is made.
 */
export const FIGURE_ERROR_KEYS = [
  'figures.errors.empty',
  'figures.errors.tooLong',
  'figures.errors.notANumber',
  'figures.errors.badGrouping',
  'figures.errors.mixedSeparators',
  'figures.errors.unknownUnit',
  'figures.errors.wrongUnit',
  'figures.errors.notWhole',
  'figures.errors.negative',
  'figures.errors.ratioExpected',
  'figures.errors.ratioNotExpected',
  'figures.errors.ratioNotWhole',
  'figures.errors.ratioZeroDenominator',
  'figures.errors.ratioAboveOne',
] as const;

export type FigureErrorKey = (typeof FIGURE_ERROR_KEYS)[number];

export type AmbiguityReason = 'dot_thousands_or_decimal' | 'comma_decimal_or_thousands';

/** What the echo should point out about how the text was read. */
export interface ReadingNotes {
  /** The money unit typed, when the figure was converted into the indicator's unit. */
  convertedFrom?: MeasureUnit;
  /** True when a dot was read as an English decimal point ("54.9"). */
  englishDecimal?: boolean;
}

export type FigureReading =
  | ({ type: 'value'; value: FigureValue } & ReadingNotes)
  | {
      type: 'ambiguous';
      /** Both readings, in the order of the reason's name (dot: thousands first; comma: decimal first). */
      readings: [FigureValue, FigureValue];
      reason: AmbiguityReason;
      convertedFrom?: MeasureUnit;
    }
  | ({ type: 'out_of_range'; value: FigureValue; range: ValidRange } & ReadingNotes)
  | { type: 'error'; key: FigureErrorKey; params: Record<string, string | number>; example: string };
