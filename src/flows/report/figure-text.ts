import { msg, type Message, type Params } from '../../app/messages.ts';
import { blocYear, planOf, type Bloc, type Indicator, type MeasureUnit } from '../../domain/bloc.ts';
import type { FigureValue } from '../../domain/figure.ts';
import { formatFigure, formatNumber, formatPercent, percentOfPlan } from '../../domain/figures/index.ts';
import type { Lang } from '../../i18n/i18n.ts';
import type { DraftValue } from './session.ts';

/**
 * Figures as the person sees them: the number in Vietnamese format (domain) with the unit word
 * (locale `units.*`), completion against the plan, and the marks a figure carries.
 */

export function unitWord(unit: MeasureUnit | string): Message {
  return msg(`units.${unit}`);
}

/** "20.207 tỷ đồng", "51,6%", "13/13 xã" for a number already written out. */
export function numberWithUnit(number: string, indicator: Indicator): Message {
  if (indicator.unit === 'percent') return msg('report.value.percent', { number });
  return msg('report.value.unit', { number, unit: unitWord(indicator.unit) });
}

export function figureText(value: FigureValue, indicator: Indicator): Message {
  return numberWithUnit(formatFigure(value, indicator), indicator);
}

/** The indicator's name in the person's language. */
export function indicatorName(indicator: Indicator, lang: Lang): string {
  return lang === 'en' ? indicator.name.en : indicator.name.vi;
}

/** The unit's plan for the indicator in the year whose plans apply, when the bloc file has one. */
export function planFor(bloc: Bloc, planYear: number, unitId: string, indicator: Indicator): number | undefined {
  return planOf(blocYear(bloc, planYear).year, unitId, indicator.code);
}

/**
 * The figure with what it means: "— đạt 40,0% KH" where a plan gives completion (amounts, counts,
 * numbers), the share a/b for a ratio; a percent of plan is already a completion.
 */
function withCompletion(value: FigureValue, indicator: Indicator, plan: number | undefined): Message {
  const figure = figureText(value, indicator);
  if (value.type === 'ratio') {
    const share = percentOfPlan(value.numerator, value.denominator);
    return share === undefined ? figure : msg('report.detail.share', { figure, percent: formatPercent(share) });
  }
  if (plan === undefined || indicator.unit === 'percent') return figure;
  const percent = percentOfPlan(value, plan);
  return percent === undefined ? figure : msg('report.detail.ofPlan', { figure, percent: formatPercent(percent) });
}

/** A figure of the draft as the summary and the echo show it: completion, estimate, confirmation, note. */
export function figureDetail(value: DraftValue, indicator: Indicator, plan: number | undefined, notes: ReadingNotes = {}): Message {
  let out = readingNotes(withCompletion(value.value, indicator, plan), notes);
  if (value.estimate) out = msg('report.detail.estimate', { figure: out });
  if (value.confirmed) out = msg('report.detail.confirmed', { figure: out });
  if (value.note) out = msg('report.detail.note', { figure: out, note: value.note });
  return out;
}

/** The echo also says how the text was read: a converted unit, a dot taken as a decimal point. */
export interface ReadingNotes {
  convertedFrom?: string;
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
export function figureErrorParams(params: Record<string, string | number>, example: string, indicator: Indicator): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = (name === 'unit' || name === 'expected') && typeof value === 'string' ? unitWord(value) : value;
  }
  out.example = numberWithUnit(example, indicator);
  return out;
}
