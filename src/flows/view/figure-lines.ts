import { msg, type Lang, type Message } from '../../app/messages.ts';
import type { Bloc } from '../../domain/bloc.ts';
import { periodYear, type PeriodId } from '../../domain/calendar/index.ts';
import type { ReportedValue } from '../../domain/submission.ts';
import { figureWithCompletion, planFor, withConfirmedMarks } from '../shared/figure-text.ts';

/**
 * The lines of a report, one per indicator in the bloc file's order (its number is the shortcut the
 * focal point types), each figure as the report's echo shows it (shared formatter), marked if it is
 * an estimate or was confirmed when asked (outside its valid range, against the unit's plan or previous
 * month), with its note on the line below. A value of an
 * indicator the bloc file no longer has is shown as it was typed.
 */
export function figureLines(
  bloc: Bloc,
  unitId: string,
  periodId: PeriodId,
  values: readonly ReportedValue[],
  lang: Lang,
): Message[] {
  const year = periodYear(periodId);
  const byCode = new Map(values.map((v) => [v.indicatorCode, v]));
  const lines: Message[] = [];
  for (const indicator of bloc.indicators) {
    const value = byCode.get(indicator.code);
    if (!value) continue;
    const figure = withConfirmedMarks(
      figureWithCompletion(value.value, indicator, planFor(bloc, year, unitId, indicator)),
      { outOfRange: value.confirmedOutOfRange, validation: value.confirmedValidation },
    );
    const params = { number: indicator.number, name: indicator.name[lang], figure };
    lines.push(msg(value.estimate ? 'view.lineEstimate' : 'view.line', params));
    if (value.note) lines.push(msg('view.note', { note: value.note }));
  }
  const known = new Set(bloc.indicators.map((i) => i.code));
  for (const value of values) {
    if (!known.has(value.indicatorCode))
      lines.push(msg('view.lineUnknown', { code: value.indicatorCode, raw: value.raw }));
  }
  return lines;
}
