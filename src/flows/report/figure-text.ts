import { msg, type Lang, type Message, type Params } from '../../app/messages.ts';
import { isMeasureUnit, type Indicator, type MeasureUnit } from '../../domain/bloc.ts';
import { formatNumber } from '../../domain/figures/index.ts';
import { figureWithCompletion, numberWithUnit, unitWord, withConfirmedMarks } from '../shared/figure-text.ts';
import type { DraftValue } from './session.ts';

export { figureText, numberWithUnit, planFor, unitWord } from '../shared/figure-text.ts';

/**
 * Figures as the person reporting sees them: the shared figure with completion, and the marks a
 * figure of the draft carries (estimate, confirmed out of range or against a rule, note, how the text was
 * read).
 */

/** The indicator's name in the person's language. */
export function indicatorName(indicator: Indicator, lang: Lang): string {
  return lang === 'en' ? indicator.name.en : indicator.name.vi;
}

/** A figure of the draft as the summary and the echo show it: completion, estimate, confirmation, note. */
export function figureDetail(
  value: DraftValue,
  indicator: Indicator,
  plan: number | undefined,
  notes: ReadingNotes = {},
): Message {
  let out = readingNotes(figureWithCompletion(value.value, indicator, plan), notes);
  if (value.estimate) out = msg('report.detail.estimate', { figure: out });
  out = withConfirmedMarks(out, { outOfRange: value.confirmed, validation: value.confirmedRule });
  if (value.note) out = msg('report.detail.note', { figure: out, note: value.note });
  return out;
}

/** The echo also says how the text was read: a converted unit, a dot taken as a decimal point. */
export interface ReadingNotes {
  convertedFrom?: MeasureUnit;
  englishDecimal?: boolean;
}

export function readingNotes(figure: Message, notes: ReadingNotes): Message {
  let out = figure;
  if (notes.englishDecimal) out = msg('report.detail.englishDecimal', { figure: out });
  if (notes.convertedFrom) out = msg('report.detail.converted', { figure: out, from: unitWord(notes.convertedFrom) });
  return out;
}

/** The valid range, "0–19 tiêu chí"; a ratio's range is a percent of a/b. */
export function rangeText(indicator: Indicator): Message {
  const { min, max } = indicator.range;
  const number = `${formatNumber(min, indicator.decimals)}–${formatNumber(max, indicator.decimals)}`;
  return indicator.kind === 'ratio' ? msg('report.value.percent', { number }) : numberWithUnit(number, indicator);
}

/**
 * The params of a figure error for the person: unit codes become unit words, and the example gets
 * its unit ("ví dụ: 20.207 tỷ đồng").
 */
export function figureErrorParams(
  params: Record<string, string | number>,
  example: string,
  indicator: Indicator,
): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = (name === 'unit' || name === 'expected') && isMeasureUnit(value) ? unitWord(value) : value;
  }
  out.example = numberWithUnit(example, indicator);
  return out;
}
