import type { Indicator } from '../../domain/bloc.ts';
import type { FigureValue } from '../../domain/figure.ts';
import { formatFigure } from '../../domain/figures/format-figure.ts';
import { CUMULATIVE_SHARE, DEMO_MISSING, type SeedUnitFigures } from './seed-figures.ts';

/** The months the demo fills: January to June. */
export const DEMO_MONTHS = 6;

export const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;
export const scalar = (value: number): FigureValue => ({ type: 'scalar', value });
const ratio = (numerator: number, denominator: number): FigureValue => ({ type: 'ratio', numerator, denominator });

/**
 * How far a unit's year to date had got by month `i` (0 = January): the bloc's pace, each unit a few
 * percent ahead or behind in a pattern of its own before June (so ranks move from month to month),
 * and exactly its June figure in June. The unit that sends nothing for June sent its half-year
 * figures in May, so the latest figures of the nine still add up to the seed's totals (20.207 tỷ).
 */
export function shareOf(unitIndex: number, unitId: string, i: number): number {
  const pace = CUMULATIVE_SHARE[i] ?? 1;
  if (unitId === DEMO_MISSING.unitId && i === DEMO_MONTHS - 2) return 1;
  if (i >= DEMO_MONTHS - 1) return pace;
  return pace * (1 + (((unitIndex * 7 + i * 3) % 5) - 2) * 0.04);
}

/** A figure of month `i` (0 = January) for an indicator, from the unit's June figures. */
export function figureOf(
  indicator: Indicator,
  unitId: string,
  plan: number | undefined,
  seed: SeedUnitFigures,
  share: number,
  i: number,
) {
  const d = indicator.decimals;
  switch (indicator.code) {
    case 'thu-ngan-sach':
      return scalar(round(((plan ?? 100) * seed.budgetPercent * share) / 100, d));
    case 'san-luong-cay-trong':
      return scalar(round(seed.crop * share, d));
    case 'gia-tri-cong-nghiep':
      return scalar(round((seed.industry || (plan ?? 100) * 0.4) * share, d));
    case 'gia-tri-cong-nghiep-cung-ky':
      return scalar(round(seed.industryYoy - (5 - i) * 1.5, d));
    case 'viec-lam-moi':
      return scalar(Math.round(((plan ?? 1000) * seed.jobsPercent * share) / 100));
    case 'pho-cap-giao-duc':
      return ratio(plan ?? 10, plan ?? 10);
    case 'huy-dong-hoc-sinh':
      return scalar(seed.enrolment);
    case 'xa-nong-thon-moi': {
      // Bát Xát and Bảo Yên each had one more commune recognised in April.
      const later = i < 3 && (unitId === 'bat-xat' || unitId === 'bao-yen') ? 1 : 0;
      const total = plan ?? 10;
      return ratio((seed.ruralCommunes || Math.round(total / 2)) - later, total);
    }
    case 'tieu-chi-ntm':
      return scalar(round(seed.criteria - (5 - i) * 0.05, d));
    default:
      return genericFigure(indicator, plan, share);
  }
}

/** Any other indicator: half its plan (or range) by June, growing through the months when cumulative. */
function genericFigure(indicator: Indicator, plan: number | undefined, share: number): FigureValue {
  const grow = indicator.aggregation === 'cumulative' ? share : 1;
  if (indicator.kind === 'ratio') return ratio(Math.round((plan ?? 10) / 2), plan ?? 10);
  const { min, max } = indicator.range;
  const base = plan ?? (indicator.kind === 'percent_of_plan' ? 50 : min + (Math.min(max, 1000) - min) / 2);
  const value = indicator.kind === 'percent_of_plan' || plan === undefined ? base : plan / 2;
  return scalar(round(value * grow, indicator.kind === 'count' ? 0 : indicator.decimals));
}

/** What a focal point would have typed for it: "936 tỷ", "51,6%", "17/17", "1.962". */
export function rawOf(value: FigureValue, indicator: Indicator): string {
  const text = formatFigure(value, indicator);
  if (['percent_of_plan', 'percent', 'yoy_percent'].includes(indicator.kind)) return `${text}%`;
  return indicator.unit === 'billion_vnd' ? `${text} tỷ` : text;
}
