import { msg, reply, type Lang, type Message, type Reply } from '../../app/messages.ts';
import type { Bloc, Indicator } from '../../domain/bloc.ts';
import { addMonths } from '../../domain/calendar/index.ts';
import type { FigureValue } from '../../domain/figure.ts';
import { exampleFor, formatFigure, formatNumber, magnitudeOf } from '../../domain/figures/index.ts';
import { periodLabel } from '../shared/format.ts';
import {
  figureText,
  indicatorName,
  numberWithUnit,
  planFor,
  rangeText,
  readingNotes,
  unitWord,
} from './figure-text.ts';
import type { OpenQuestion, ReportDraft } from './session.ts';

/**
 * The question for one indicator: "Chỉ tiêu 3/11", its name and unit, then what helps to answer it:
 * the year's plan, the previous period's figure, the figure already there (sent before, or typed
 * earlier) with the word to keep it, an example, and the navigation words.
 */
export function askIndicator(bloc: Bloc, draft: ReportDraft, index: number, lang: Lang): Reply {
  const indicator = bloc.indicators[index];
  if (!indicator) throw new Error(`No indicator at ${index}`);
  const details: Message[] = [];
  const plan = planFor(bloc, draft.planYear, draft.unitId, indicator);
  if (plan !== undefined) {
    details.push(
      msg('report.ask.plan', { year: draft.planYear, figure: figureText({ type: 'scalar', value: plan }, indicator) }),
    );
  }
  const previous = draft.previous[indicator.code];
  if (previous) {
    details.push(
      msg('report.ask.previous', {
        period: periodLabel(addMonths(draft.periodId, -1)),
        figure: figureText(previous.value, indicator),
      }),
    );
  }
  const current = draft.values[indicator.code];
  if (current) {
    const sent = draft.sent[indicator.code];
    const key =
      sent && sent.raw === current.raw && formatFigure(sent.value, indicator) === formatFigure(current.value, indicator)
        ? 'report.ask.sent'
        : 'report.ask.typed';
    details.push(msg(key, { figure: figureText(current.value, indicator) }));
  }
  // A ratio's example fits the unit ("17/17", its plan's communes), not the province's total.
  details.push(msg('report.ask.example', { example: numberWithUnit(exampleFor(indicator, plan), indicator) }));
  // Where "quay lại" leads: nowhere on the first question, the summary when changing one item.
  const back = draft.mode === 'one' ? 'ToSummary' : draft.mode === 'all' && index === 0 ? 'First' : '';
  details.push(msg(`report.ask.hint.${indicator.required ? 'required' : 'optional'}${back}`));
  return reply('report.ask.question', {
    number: indicator.number,
    total: bloc.indicators.length,
    name: indicatorName(indicator, lang),
    unit: unitWord(indicator.unit),
    details,
  });
}

/**
 * A reading with its order of magnitude in words, "20.207 tỷ đồng (≈ 20 nghìn tỷ)": the two readings
 * of "20,207" differ by a thousand, which a dot and a comma alone hardly show. A percent needs none.
 */
function withMagnitude(label: Message, value: FigureValue, indicator: Indicator): Message {
  if (value.type !== 'scalar' || indicator.unit === 'percent') return label;
  const magnitude = magnitudeOf(value.value, indicator.unit);
  if (!magnitude) return label;
  const amount = formatNumber(magnitude.amount, magnitude.decimals);
  return msg('report.readingMagnitude', {
    figure: label,
    magnitude: msg(`figures.magnitude.${magnitude.scale}`, { amount }),
  });
}

/** Two readings of "1.234" (or "20,207") to choose from, and "nhập lại". */
export function askAmbiguous(indicator: Indicator, question: OpenQuestion, lang: Lang): Reply {
  const choices = question.readings.map((value, i) => [
    {
      id: `r${i}`,
      label: withMagnitude(
        readingNotes(figureText(value, indicator), { convertedFrom: question.convertedFrom }),
        value,
        indicator,
      ),
    },
  ]);
  choices.push([{ id: 'retype', label: msg('report.choice.retype') }]);
  return reply(
    'report.ambiguous',
    { number: indicator.number, name: indicatorName(indicator, lang), raw: question.raw },
    { choices },
  );
}

/** A value outside the valid range: keep it (confirmed) or type it again. */
export function askConfirm(indicator: Indicator, question: OpenQuestion, lang: Lang): Reply {
  const value = question.readings[0];
  if (!value) throw new Error('An out-of-range question without its value');
  return reply(
    'report.outOfRange',
    {
      number: indicator.number,
      name: indicatorName(indicator, lang),
      figure: readingNotes(figureText(value, indicator), question),
      range: rangeText(indicator),
    },
    {
      choices: [
        [{ id: 'keep', label: msg('report.choice.keepOutOfRange') }],
        [{ id: 'retype', label: msg('report.choice.retype') }],
      ],
    },
  );
}
