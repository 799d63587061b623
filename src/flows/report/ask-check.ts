import { msg, reply, type Reply } from '../../app/messages.ts';
import type { Indicator } from '../../domain/bloc.ts';
import { addMonths } from '../../domain/calendar/index.ts';
import { formatNumber } from '../../domain/figures/index.ts';
import { periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { figureText, indicatorName, numberWithUnit, planFor, readingNotes } from './figure-text.ts';
import type { Here } from './navigation.ts';
import type { OpenQuestion } from './session.ts';

/**
 * The questions of the validation rules: a figure asked back with what it was compared with (the
 * unit's plan, its previous month), and a bare number read as a share of the plan. Each offers to keep
 * the figure or type it again; "đúng" keeps it too.
 */

const retype = { id: 'retype', label: msg('report.choice.retype') };

/** "Huyện Bảo Yên có 17 xã theo kế hoạch; đồng chí ghi tổng 152, đúng không?" and the like. */
export function askCheck(here: Here, indicator: Indicator, question: OpenQuestion): Reply {
  const value = question.readings[0];
  if (!value || question.rule === undefined || question.reference === undefined)
    throw new Error('A check question without its value, rule or reference');
  const head = { number: indicator.number, name: indicatorName(indicator, here.lang) };
  const choices = [[{ id: 'keep', label: msg('report.choice.keepOutOfRange') }], [retype]];
  if (question.rule === 'denominator') {
    const total = value.type === 'ratio' ? value.denominator : 0;
    return reply(
      'report.check.denominator',
      {
        ...head,
        unit: unitName(here.bloc, here.draft.unitId),
        plan: numberWithUnit(formatNumber(question.reference, 0), indicator),
        total: formatNumber(total, 0),
      },
      { choices },
    );
  }
  return reply(
    `report.check.${question.rule}`,
    {
      ...head,
      figure: readingNotes(figureText(value, indicator), question),
      period: periodLabel(addMonths(here.draft.periodId, -1)),
      previous: figureText({ type: 'scalar', value: question.reference }, indicator),
    },
    { choices },
  );
}

/** "17" for a ratio: "Huyện Bảo Yên có 17 xã theo kế hoạch, nên bot hiểu là 17/17 xã, đúng không?" */
export function askShare(here: Here, indicator: Indicator, question: OpenQuestion): Reply {
  const value = question.readings[0];
  const plan = planFor(here.bloc, here.draft.planYear, here.draft.unitId, indicator);
  if (!value || plan === undefined) throw new Error('A share question without its value or plan');
  const figure = figureText(value, indicator);
  return reply(
    'report.shareOfPlan',
    {
      number: indicator.number,
      name: indicatorName(indicator, here.lang),
      raw: question.raw,
      unit: unitName(here.bloc, here.draft.unitId),
      plan: numberWithUnit(formatNumber(plan, 0), indicator),
      figure,
    },
    { choices: [[{ id: 'keep', label: msg('report.choice.acceptShare', { figure }) }], [retype]] },
  );
}
