import { msg, type Message } from '../../app/messages.ts';
import type { Indicator } from '../../domain/bloc.ts';
import { sameReportedValue, type ReportedValue, type ValueChange } from '../../domain/submission.ts';
import { withConfirmedMark } from '../shared/figure-text.ts';
import { figureText, indicatorName } from './figure-text.ts';
import type { Here } from './navigation.ts';

/** A value as a receipt shows it: the figure with its marks, so a change of a mark alone is visible. */
function shown(value: ReportedValue, indicator: Indicator): Message {
  let out = figureText(value.value, indicator);
  if (value.estimate) out = msg('report.detail.estimate', { figure: out });
  out = withConfirmedMark(out, value.confirmedOutOfRange);
  if (value.note) out = msg('report.detail.note', { figure: out, note: value.note });
  return out;
}

/**
 * A receipt's lines, one per change storage audited (the same comparison: `sameReportedValue`). Where
 * only the text as typed differs ("45,2 tỷ" → "45.2 tỷ") the two texts are shown, since the figures
 * read the same; a value of an indicator the bloc file no longer has is shown by its code.
 */
export function changeLines(here: Here, changes: readonly ValueChange[]): Message[] {
  return changes.map(({ indicatorCode, before, after }) => {
    const indicator = here.bloc.indicators.find((i) => i.code === indicatorCode);
    if (!indicator) {
      const raw = (v: ReportedValue | undefined) => v?.raw ?? msg('report.notReported');
      return msg('report.changeUnknown', { code: indicatorCode, before: raw(before), after: raw(after) });
    }
    const head = { number: indicator.number, name: indicatorName(indicator, here.lang) };
    if (before && after && sameReportedValue({ ...before, raw: after.raw }, after)) {
      return msg('report.changeRaw', {
        ...head,
        before: before.raw,
        after: after.raw,
        figure: shown(after, indicator),
      });
    }
    const side = (v: ReportedValue | undefined): Message => (v ? shown(v, indicator) : msg('report.notReported'));
    return msg('report.change', { ...head, before: side(before), after: side(after) });
  });
}
