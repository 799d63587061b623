/**
 * A figure as read from chat. Most indicators hold one number; a ratio holds two whole numbers
 * (152/152 communes). Values are always in the indicator's own unit (money converted).
 */
export type FigureValue = { type: 'scalar'; value: number } | { type: 'ratio'; numerator: number; denominator: number };

/** The number a figure stands for when compared with plans, ranges and targets. */
export function figureNumber(value: FigureValue): number {
  return value.type === 'scalar' ? value.value : value.numerator / value.denominator;
}
