import type { Indicator } from '../bloc.ts';
import type { FigureReading } from './figure-reading.ts';
import { MAX_FIGURE_LENGTH, normaliseFigureText, splitFigure } from './normalise.ts';
import { readRatio } from './read-ratio.ts';
import { lookupUnitPhrase } from './vocabulary.ts';

/**
 * A bare whole number typed for a ratio whose unit has a plan: "17" for a district of 17 communes
 * reads as 17/17 (the plan of a ratio is its denominator). Only a reading: the conversation asks the
 * person to confirm it. Undefined when the text is not a bare number (with at most the indicator's
 * unit word, "17 xã"), or there is no usable plan.
 */
export function readAsShareOfPlan(
  text: string,
  indicator: Indicator,
  plan: number | undefined,
): FigureReading | undefined {
  if (indicator.kind !== 'ratio' || plan === undefined || !Number.isInteger(plan) || plan <= 0) return undefined;
  if (text.length > MAX_FIGURE_LENGTH) return undefined;
  const parts = splitFigure(normaliseFigureText(text));
  if (!parts || parts.second !== undefined) return undefined;
  if (parts.unitText !== '' && lookupUnitPhrase(parts.unitText) !== indicator.unit) return undefined;
  return readRatio(parts.first, String(plan), parts.negative, indicator);
}
