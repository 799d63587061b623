import type { Indicator } from '../bloc.ts';
import type { FigureValue } from '../figure.ts';
import { figureError } from './figure-error.ts';
import type { FigureReading, ReadingNotes } from './figure-reading.ts';

/**
 * Whether a figure is inside the indicator's valid range (inclusive). A ratio is checked as the
 * percent a/b × 100, not per part: its parts have no range of their own (152/152 and 62/127 are
 * both fine), and the a ≤ b rule is checked separately. A ratio with b = 0 is never in range.
 */
export function inValidRange(value: FigureValue, indicator: Indicator): boolean {
  const { min, max } = indicator.range;
  const n = value.type === 'scalar' ? value.value : (value.numerator / value.denominator) * 100;
  return Number.isFinite(n) && n >= min && n <= max;
}

/**
 * The reading of one settled value: taken when in range, otherwise asked to confirm. Also what a
 * conversation uses after the person picked one reading of an ambiguous figure.
 */
export function settle(value: FigureValue, indicator: Indicator, notes: ReadingNotes = {}): FigureReading {
  if (value.type === 'scalar' && !Number.isFinite(value.value)) return figureError('notANumber', indicator);
  return inValidRange(value, indicator)
    ? { type: 'value', value, ...notes }
    : { type: 'out_of_range', value, range: indicator.range, ...notes };
}
