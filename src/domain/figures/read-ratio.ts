import type { Indicator } from '../bloc.ts';
import { figureError } from './figure-error.ts';
import type { FigureReading } from './figure-reading.ts';
import { digitsValue, parseNumberToken, type Digits } from './number-shape.ts';
import { settle } from './valid-range.ts';

/**
 * One part of a ratio: a whole number, plain or grouped by dots or spaces. "1.234" is thousands:
 * its decimal reading is not whole (and "1.000" read as 1 is not how anyone writes one). A comma is
 * refused rather than weighed: "20,000" would have two whole readings, and counts of communes are
 * never written with a decimal mark.
 */
function wholePart(token: string): Digits | undefined {
  if (token === '' || token.includes(',')) return undefined;
  const shape = parseNumberToken(token);
  if (shape.type === 'exact') return shape.digits.frac === '' ? shape.digits : undefined;
  if (shape.type === 'dot_three') return shape.thousands;
  return undefined;
}

/** Reads "a/b" or "a trên b" for a ratio indicator (domain rule 6). */
export function readRatio(first: string, second: string, negative: boolean, indicator: Indicator): FigureReading {
  const a = wholePart(first);
  const b = wholePart(second);
  if (!a || !b) return figureError('ratioNotWhole', indicator);
  const numerator = digitsValue(a);
  const denominator = digitsValue(b);
  // Counts of communes are never negative, whatever the range says.
  if (negative && numerator !== 0) return figureError('negative', indicator);
  if (denominator === 0) return figureError('ratioZeroDenominator', indicator);
  if (indicator.ratioAtMostOne && numerator > denominator) {
    return figureError('ratioAboveOne', indicator, { numerator, denominator });
  }
  return settle({ type: 'ratio', numerator, denominator }, indicator);
}
