import { msg, type Message } from '../../app/messages.ts';
import type { Indicator } from '../../domain/bloc.ts';
import { sameReportedValue, type ReportedValue, type ValueChange } from '../../domain/submission.ts';
import { withConfirmedMarks } from '../shared/figure-text.ts';
import { figureText, indicatorName } from './figure-text.ts';
import type { Here } from './navigation.ts';

/** A value as a receipt shows it: the figure with its marks, so a change of a mark alone is visible. */
function shown(value: ReportedValue, indicator: Indicator): Message {
  let out = figureText(value.value, indicator);
  if (value.estimate) out = msg('report.detail.estimate', { figure: out });
  out = withConfirmedMarks(out, { outOfRange: value.confirmedOutOfRange, validation: value.confirmedValidation });
  if (value.note) out = msg('report.detail.note', { figure: out, note: value.note });
  return out;
}

/** Whether only the text as typed differs ("45,2 tỷ" → "45.2 tỷ"): the same figure, marks and note. */
export function onlyRetyped({ before, after }: ValueChange): boolean {
  return before !== undefined && after !== undefined && sameReportedValue({ ...before, raw: after.raw }, after);
}

/**
 * A revision receipt's lines: one per value that changed (a figure, a mark, a note; added or
 * removed), and how many figures were only retyped with the same value. Those are a revision and are
 * audited (storage and this use one comparison, `sameReportedValue`), but listing "“1.502” →
 * “1,502”" beside real changes hides them. A value of an indicator the bloc file no longer has is
 * shown by its code.
 */
export function receiptChanges(here: Here, changes: readonly ValueChange[]): { lines: Message[]; retyped: number } {
  const valueChanges = changes.filter((c) => !onlyRetyped(c));
  const lines = valueChanges.map(({ indicatorCode, before, after }) => {
    const indicator = here.bloc.indicators.find((i) => i.code === indicatorCode);
    if (!indicator) {
      const raw = (v: ReportedValue | undefined) => v?.raw ?? msg('report.notReported');
      return msg('report.changeUnknown', { code: indicatorCode, before: raw(before), after: raw(after) });
    }
    const side = (v: ReportedValue | undefined): Message => (v ? shown(v, indicator) : msg('report.notReported'));
    return msg('report.change', {
      number: indicator.number,
      name: indicatorName(indicator, here.lang),
      before: side(before),
      after: side(after),
    });
  });
  return { lines, retyped: changes.length - valueChanges.length };
}
