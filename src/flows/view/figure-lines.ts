import { msg, type Message } from '../../app/messages.ts';
import { blocYear, planOf, type Bloc, type BlocYear, type Indicator } from '../../domain/bloc.ts';
import { periodYear, type PeriodId } from '../../domain/calendar/index.ts';
import { formatFigure, formatPercent, percentOfPlan } from '../../domain/figures/index.ts';
import type { ReportedValue } from '../../domain/submission.ts';
import type { Lang } from '../../i18n/i18n.ts';

/**
 * A figure as officials write it: "20.207 tỷ đồng — đạt 91,9% KH" where the unit has a plan for an
 * amount or a count (domain.md: completion = value ÷ plan), "51,6% KH" for a percent of plan typed
 * as such, "99,7%", "15/17 xã".
 */
function figureMessage(indicator: Indicator, value: ReportedValue, year: BlocYear, unitId: string): Message {
  const text = formatFigure(value.value, indicator);
  if (indicator.kind === 'percent_of_plan') return msg('view.figurePercentOfPlan', { value: text });
  if (indicator.unit === 'percent') return msg('view.figurePercent', { value: text });
  const unit = msg(`units.${indicator.unit}`);
  const plan = indicator.kind === 'amount' || indicator.kind === 'count' ? planOf(year, unitId, indicator.code) : undefined;
  const percent = plan === undefined ? undefined : percentOfPlan(value.value, plan);
  return percent === undefined
    ? msg('view.figure', { value: text, unit })
    : msg('view.figureWithPlan', { value: text, unit, percent: formatPercent(percent) });
}

/**
 * The lines of a report, one per indicator in the bloc file's order (its number is the shortcut the
 * focal point types), each marked if it is an estimate, with its note on the line below. A value of
 * an indicator the bloc file no longer has is shown as it was typed.
 */
export function figureLines(bloc: Bloc, unitId: string, periodId: PeriodId, values: readonly ReportedValue[], lang: Lang): Message[] {
  const year = blocYear(bloc, periodYear(periodId)).year;
  const byCode = new Map(values.map((v) => [v.indicatorCode, v]));
  const lines: Message[] = [];
  for (const indicator of bloc.indicators) {
    const value = byCode.get(indicator.code);
    if (!value) continue;
    const params = { number: indicator.number, name: indicator.name[lang], figure: figureMessage(indicator, value, year, unitId) };
    lines.push(msg(value.estimate ? 'view.lineEstimate' : 'view.line', params));
    if (value.note) lines.push(msg('view.note', { note: value.note }));
  }
  const known = new Set(bloc.indicators.map((i) => i.code));
  for (const value of values) {
    if (!known.has(value.indicatorCode)) lines.push(msg('view.lineUnknown', { code: value.indicatorCode, raw: value.raw }));
  }
  return lines;
}
