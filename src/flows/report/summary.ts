import { msg, reply, type Choice, type Lang, type Message, type Reply } from '../../app/messages.ts';
import type { Bloc } from '../../domain/bloc.ts';
import { periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { figureDetail, indicatorName, planFor } from './figure-text.ts';
import type { ReportDraft } from './session.ts';

/** One line per indicator: "3. Giá trị sản xuất công nghiệp: 20.207 tỷ đồng — đạt 40,0% KH". */
export function summaryLines(bloc: Bloc, draft: ReportDraft, lang: Lang): Message[] {
  return bloc.indicators.map((indicator) => {
    const value = draft.values[indicator.code];
    const name = indicatorName(indicator, lang);
    if (!value) return msg('report.summary.missing', { number: indicator.number, name });
    const figure = figureDetail(value, indicator, planFor(bloc, draft.planYear, draft.unitId, indicator));
    return msg('report.summary.line', { number: indicator.number, name, figure });
  });
}

/** Every figure before sending, with the choice to send, change one, or cancel. */
export function showSummary(bloc: Bloc, draft: ReportDraft, lang: Lang): Reply {
  const count = bloc.indicators.filter((i) => draft.values[i.code]).length;
  const key = Object.keys(draft.sent).length > 0 ? 'report.summary.revision' : 'report.summary.title';
  return reply(
    key,
    {
      period: periodLabel(draft.periodId),
      unit: unitName(bloc, draft.unitId),
      count,
      total: bloc.indicators.length,
      lines: summaryLines(bloc, draft, lang),
    },
    {
      choices: [
        [{ id: 'send', label: msg('report.choice.send') }],
        [{ id: 'change', label: msg('report.choice.change') }],
        [{ id: 'cancel', label: msg('report.choice.cancel') }],
      ],
    },
  );
}

/** Which indicator to change: listed in the bloc's order, so option n is indicator n. */
export function askWhich(bloc: Bloc, lang: Lang): Reply {
  const choices: Choice[][] = bloc.indicators.map((i) => [{ id: i.code, label: { text: indicatorName(i, lang) } }]);
  choices.push([{ id: 'summary', label: msg('report.choice.backToSummary') }]);
  return reply('report.pickIndicator', { total: bloc.indicators.length }, { choices });
}
