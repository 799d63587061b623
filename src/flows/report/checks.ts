import type { Indicator } from '../../domain/bloc.ts';
import { addMonths, periodYear } from '../../domain/calendar/index.ts';
import type { FigureValue } from '../../domain/figure.ts';
import { validationFinding, type ValidationContext } from '../../domain/validation/index.ts';
import type { Answer } from './answer.ts';
import { planFor } from './figure-text.ts';
import type { Here } from './navigation.ts';
import type { OpenQuestion } from './session.ts';

/**
 * The validation rules of domain/validation applied to a figure of the draft: against the unit's plan
 * (a ratio's total) and the unit's own previous month (already in the draft, `previous`).
 */
export function validationContext(here: Here, indicator: Indicator): ValidationContext {
  const { draft } = here;
  return {
    plan: planFor(here.bloc, draft.planYear, draft.unitId, indicator),
    previous: draft.previous[indicator.code]?.value,
    previousSameYear: periodYear(addMonths(draft.periodId, -1)) === periodYear(draft.periodId),
  };
}

/** The question to ask back about a figure a rule finds unlikely, or undefined to take it. */
export function checkQuestion(
  here: Here,
  indicator: Indicator,
  answer: Answer,
  value: FigureValue,
  notes: { convertedFrom?: OpenQuestion['convertedFrom']; englishDecimal?: boolean },
): OpenQuestion | undefined {
  const finding = validationFinding(indicator, value, validationContext(here, indicator));
  if (!finding) return undefined;
  return {
    kind: 'check',
    code: indicator.code,
    raw: answer.figure,
    note: answer.note,
    estimate: answer.estimate,
    readings: [value],
    rule: finding.rule,
    reference: finding.rule === 'denominator' ? finding.plan : finding.previous,
    ...(notes.convertedFrom ? { convertedFrom: notes.convertedFrom } : {}),
    ...(notes.englishDecimal ? { englishDecimal: true } : {}),
  };
}
