import type { Indicator } from '../bloc.ts';
import type { FigureValue } from '../figure.ts';

/**
 * Validation rules (DHIS2's name for them): a figure that reads well and sits inside its valid range
 * may still be unlikely for this unit, against the unit's own plan or its previous month. Such a
 * figure is asked back with what it was compared with, never taken in silence, and kept when the
 * person confirms it (`ReportedValue.confirmedValidation`).
 */
export type ValidationFinding =
  /** A ratio whose total is not the unit's plan (the plan of a ratio is its denominator: 17 communes). */
  | { rule: 'denominator'; plan: number }
  /** A year-to-date figure lower than the same unit's previous month of the same year. */
  | { rule: 'belowPrevious'; previous: number }
  /** More than ten times the previous month's figure. */
  | { rule: 'aboveTenfold'; previous: number }
  /** Less than a tenth of the previous month's figure. */
  | { rule: 'belowTenth'; previous: number };

export type ValidationRule = ValidationFinding['rule'];

/** What a figure is checked against: the unit's plan, and its previous month. */
export interface ValidationContext {
  /** The unit's plan for the indicator in the period's year, when the bloc file gives one. */
  plan?: number;
  /** The same unit's figure for the month before, when it reported one. */
  previous?: FigureValue;
  /** Whether that month is in the same year: a cumulative figure starts again in January. */
  previousSameYear: boolean;
}

/** The kinds compared with the previous month: percent kinds are left to their ranges (a year-on-year % may fall). */
const HISTORY_KINDS: ReadonlySet<Indicator['kind']> = new Set(['amount', 'count', 'number']);
/** The kinds that add up over the year, so never go down within it. */
const NEVER_DOWN_KINDS: ReadonlySet<Indicator['kind']> = new Set(['amount', 'count']);
const TENFOLD = 10;

/** The first rule the figure breaks, or undefined when none does. */
export function validationFinding(
  indicator: Indicator,
  value: FigureValue,
  context: ValidationContext,
): ValidationFinding | undefined {
  if (value.type === 'ratio') {
    const { plan } = context;
    return plan !== undefined && plan > 0 && value.denominator !== plan ? { rule: 'denominator', plan } : undefined;
  }
  const previous = context.previous;
  if (!HISTORY_KINDS.has(indicator.kind) || previous?.type !== 'scalar') return undefined;
  const cumulative = indicator.aggregation === 'cumulative';
  // January's year to date is not comparable with December's.
  if (cumulative && !context.previousSameYear) return undefined;
  const now = value.value;
  const before = previous.value;
  if (!Number.isFinite(now) || !Number.isFinite(before)) return undefined;
  if (cumulative && NEVER_DOWN_KINDS.has(indicator.kind) && now < before)
    return { rule: 'belowPrevious', previous: before };
  if (now === 0 || before === 0) return undefined;
  const ratio = Math.abs(now / before);
  if (ratio > TENFOLD) return { rule: 'aboveTenfold', previous: before };
  if (ratio < 1 / TENFOLD) return { rule: 'belowTenth', previous: before };
  return undefined;
}
