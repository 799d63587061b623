/**
 * Reads a figure typed in chat for one indicator (domain.md, "Figures in chat"). The one promise:
 * nothing is ever misread in silence. A form that could mean two things is asked back
 * (`ambiguous`), a value outside the valid range is asked to confirm (`out_of_range`), anything
 * else that is not one of the accepted shapes is refused with an example.
 */
import { MONEY_SCALE, MONEY_UNITS, type Indicator, type MeasureUnit } from '../bloc.ts';
import type { FigureValue } from '../figure.ts';
import { figureError } from './figure-error.ts';
import type { FigureReading, ReadingNotes } from './figure-reading.ts';
import { MAX_FIGURE_LENGTH, normaliseFigureText, splitFigure } from './normalise.ts';
import { digitsValue, isWhole, parseNumberToken, shiftDigits, type Digits, type NumberShape } from './number-shape.ts';
import { readRatio } from './read-ratio.ts';
import { inValidRange, settle } from './valid-range.ts';
import { lookupUnitPhrase } from './vocabulary.ts';

export type { FigureErrorKey, FigureReading } from './figure-reading.ts';

const PERCENT_KINDS: ReadonlySet<string> = new Set(['percent_of_plan', 'percent', 'yoy_percent']);
const isMoney = (u: MeasureUnit): u is (typeof MONEY_UNITS)[number] => (MONEY_UNITS as readonly string[]).includes(u);
const decimalExponent = (u: (typeof MONEY_UNITS)[number]): number => Math.round(Math.log10(MONEY_SCALE[u]));

/** The unit text checked against the indicator: how far to move the decimal point, or an error. */
type UnitCheck = { ok: true; shift: number; convertedFrom?: MeasureUnit } | { ok: false; reading: FigureReading };

function checkUnit(unitText: string, indicator: Indicator): UnitCheck {
  if (unitText === '') return { ok: true, shift: 0 };
  // Digits or a slash after the number: "1e9", "20 tỷ 5", "152/" are no unit phrase.
  if (/[\d/]/.test(unitText)) return { ok: false, reading: figureError('notANumber', indicator) };
  const typed = lookupUnitPhrase(unitText);
  if (typed === undefined) {
    return {
      ok: false,
      reading: figureError('unknownUnit', indicator, { word: Array.from(unitText).slice(0, 30).join('') }),
    };
  }
  const wrong = (): UnitCheck => ({
    ok: false,
    reading: figureError('wrongUnit', indicator, { unit: typed, expected: indicator.unit }),
  });
  if (typed === 'percent') return PERCENT_KINDS.has(indicator.kind) ? { ok: true, shift: 0 } : wrong();
  if (isMoney(typed)) {
    if (!isMoney(indicator.unit) || indicator.kind === 'ratio') return wrong();
    if (typed === indicator.unit) return { ok: true, shift: 0 };
    return { ok: true, shift: decimalExponent(typed) - decimalExponent(indicator.unit), convertedFrom: typed };
  }
  // A label word (xã, người, lượt, tiêu chí) only says what is counted: it must be this indicator's.
  return typed === indicator.unit ? { ok: true, shift: 0 } : wrong();
}

function readScalar(
  shape: Exclude<NumberShape, { type: 'error' }>,
  negative: boolean,
  unit: { shift: number; convertedFrom?: MeasureUnit },
  indicator: Indicator,
): FigureReading {
  const converted = (d: Digits): Digits => shiftDigits(d, unit.shift);
  // `+ 0` turns -0 into 0, so "-0" reads as 0.
  const scalar = (d: Digits): FigureValue => ({
    type: 'scalar',
    value: (negative ? -1 : 1) * digitsValue(converted(d)) + 0,
  });
  // "Valid" is what the kind allows, not the range: a count has no decimals.
  const kindAllows = (d: Digits): boolean => indicator.kind !== 'count' || isWhole(converted(d));
  const inRange = (v: FigureValue): boolean => inValidRange(v, indicator);
  const notes: ReadingNotes = unit.convertedFrom ? { convertedFrom: unit.convertedFrom } : {};

  const first = shape.type === 'exact' ? shape.digits : shape.thousands;
  const firstValue = scalar(first);
  // A negative figure where the range has no negatives is a slip, not an unusual value: refuse it
  // rather than ask to confirm it. Where the bloc file allows negatives, the range decides.
  if (firstValue.type === 'scalar' && firstValue.value < 0 && indicator.range.min >= 0) {
    return figureError('negative', indicator);
  }
  switch (shape.type) {
    case 'exact':
      if (!kindAllows(shape.digits)) return figureError('notWhole', indicator);
      return settle(firstValue, indicator, shape.englishDecimal ? { ...notes, englishDecimal: true } : notes);
    case 'dot_three': {
      // Domain rule 2: thousands, unless only the decimal reading is inside the range.
      const decimal = scalar(shape.decimal);
      if (inRange(firstValue) || !kindAllows(shape.decimal) || !inRange(decimal))
        return settle(firstValue, indicator, notes);
      return { type: 'ambiguous', readings: [firstValue, decimal], reason: 'dot_thousands_or_decimal', ...notes };
    }
    case 'comma_three': {
      // Domain rule 4: asked back unless the kind rules the decimal reading out. A difference of
      // range alone still asks: "20,207" is as likely English thousands as a Vietnamese decimal,
      // and a range is too wide to tell them apart safely.
      const decimal = scalar(shape.decimal);
      if (!kindAllows(shape.decimal)) return settle(firstValue, indicator, notes);
      return { type: 'ambiguous', readings: [decimal, firstValue], reason: 'comma_decimal_or_thousands', ...notes };
    }
  }
}

/** Reads `text` as a figure of `indicator`. Never throws. */
export function readFigure(text: string, indicator: Indicator): FigureReading {
  // Checked on the raw text, before any work, so a pasted report costs nothing.
  if (text.length > MAX_FIGURE_LENGTH) return figureError('tooLong', indicator, { max: MAX_FIGURE_LENGTH });
  const normalised = normaliseFigureText(text);
  if (normalised === '') return figureError('empty', indicator);
  const parts = splitFigure(normalised);
  if (!parts) return figureError('notANumber', indicator);

  if (parts.second !== undefined) {
    if (indicator.kind !== 'ratio') return figureError('ratioNotExpected', indicator);
    const unit = checkUnit(parts.unitText, indicator);
    if (!unit.ok) return unit.reading;
    return readRatio(parts.first, parts.second, parts.negative, indicator);
  }
  const shape = parseNumberToken(parts.first);
  if (shape.type === 'error') return figureError(shape.key, indicator);
  if (indicator.kind === 'ratio') return figureError('ratioExpected', indicator);
  const unit = checkUnit(parts.unitText, indicator);
  if (!unit.ok) return unit.reading;
  return readScalar(shape, parts.negative, unit, indicator);
}
