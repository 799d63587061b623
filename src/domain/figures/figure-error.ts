import type { Indicator } from '../bloc.ts';
import type { FigureErrorKey, FigureReading } from './figure-reading.ts';
import { exampleFor } from './format-figure.ts';

/** The part of a key after `figures.errors.`, so call sites stay short and the key stays typed. */
export type FigureErrorName = FigureErrorKey extends `figures.errors.${infer K}` ? K : never;

/** An error reading, with an example of the right form for this indicator. */
export function figureError(
  name: FigureErrorName,
  indicator: Indicator,
  params: Record<string, string | number> = {},
): FigureReading {
  return { type: 'error', key: `figures.errors.${name}`, params, example: exampleFor(indicator) };
}
