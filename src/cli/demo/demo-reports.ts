import { blocYear, planOf, type Bloc, type Indicator, type MemberUnit } from '../../domain/bloc.ts';
import {
  isOnTime,
  makePeriodId,
  parseLocalDate,
  periodInstants,
  startOfLocalDay,
  type PeriodId,
} from '../../domain/calendar/index.ts';
import type { FigureValue } from '../../domain/figure.ts';
import { formatFigure } from '../../domain/figures/format-figure.ts';
import type { ReportedValue, Submission } from '../../domain/submission.ts';
import {
  COMMENDATION_MONTH_WEIGHT,
  CUMULATIVE_SHARE,
  DEMO_LATE,
  DEMO_MISSING,
  DEMO_ESTIMATES,
  DEMO_REVISION,
  SEED_COMMENDATIONS,
  SEED_JUNE,
  type SeedUnitFigures,
} from './seed-figures.ts';

/** The half year the seed reviews. */
export const DEMO_YEAR = 2023;
export const DEMO_MONTHS = 6;

/** One report to store: what the focal point sent, when, and a later correction if any. */
export interface DemoReport {
  submission: Submission;
  at: Date;
  correction?: { submission: Submission; at: Date; reason: string };
}

/** A unit the seed does not name (another bloc file): middling figures, so the demo still runs. */
const AVERAGE_UNIT: SeedUnitFigures = {
  budgetPercent: 50,
  crop: 50.5,
  industry: 0,
  industryYoy: 95,
  jobsPercent: 62,
  enrolment: 99.5,
  ruralCommunes: 0,
  criteria: 10,
  commendationWeight: 1,
};

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;
const scalar = (value: number): FigureValue => ({ type: 'scalar', value });
const ratio = (numerator: number, denominator: number): FigureValue => ({ type: 'ratio', numerator, denominator });

/**
 * How far a unit's year to date had got by month `i` (0 = January): the bloc's pace, each unit a few
 * percent ahead or behind in a pattern of its own before June (so ranks move from month to month),
 * and exactly its June figure in June. The unit that sends nothing for June sent its half-year
 * figures in May, so the latest figures of the nine still add up to the seed's totals (20.207 tỷ).
 */
function shareOf(unitIndex: number, unitId: string, i: number): number {
  const pace = CUMULATIVE_SHARE[i] ?? 1;
  if (unitId === DEMO_MISSING.unitId && i === DEMO_MONTHS - 2) return 1;
  if (i >= DEMO_MONTHS - 1) return pace;
  return pace * (1 + (((unitIndex * 7 + i * 3) % 5) - 2) * 0.04);
}

/** A figure of month `i` (0 = January) for an indicator, from the unit's June figures. */
function figureOf(
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
function rawOf(value: FigureValue, indicator: Indicator): string {
  const text = formatFigure(value, indicator);
  if (['percent_of_plan', 'percent', 'yoy_percent'].includes(indicator.kind)) return `${text}%`;
  return indicator.unit === 'billion_vnd' ? `${text} tỷ` : text;
}

/** Splits `total` over `weights` in whole numbers that add up exactly (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) {
    const slot = order[k % order.length];
    if (slot) out[slot.i] = (out[slot.i] ?? 0) + 1;
  }
  return out;
}

/** The local instant a unit sent month `month`: the 13th–16th at office hours, Si Ma Cai's June late. */
function sentAt(bloc: Bloc, unitIndex: number, unitId: string, periodId: PeriodId, month: number): Date {
  const late = unitId === DEMO_LATE.unitId && periodId === DEMO_LATE.periodId;
  const day = late ? 20 : 13 + (unitIndex % 4);
  const minutes = (8 + (unitIndex % 3)) * 60 + 15 * (unitIndex % 4);
  const date = parseLocalDate(`${DEMO_YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  if (!date) throw new Error('bad demo date');
  return new Date(startOfLocalDay(date, bloc.calendar.timezone).getTime() + minutes * 60_000);
}

/**
 * The demo's reports for January–June 2023: every member unit every month, except Mường Khương's
 * June; Si Ma Cai's June sent late; three units' June industrial values sent as estimates ("ước đạt"); Bảo Yên's
 * June budget revenue corrected after sending. Commendations add up to the seed's half-year totals.
 */
export function demoReports(bloc: Bloc): DemoReport[] {
  const year = blocYear(bloc, DEMO_YEAR).year;
  const cells: Array<{ unit: MemberUnit; unitIndex: number; month: number }> = [];
  year.units.forEach((unit, unitIndex) => {
    for (let month = 1; month <= DEMO_MONTHS; month++) {
      const periodId = makePeriodId(DEMO_YEAR, month);
      if (unit.id === DEMO_MISSING.unitId && periodId === DEMO_MISSING.periodId) continue;
      cells.push({ unit, unitIndex, month });
    }
  });
  const weights = cells.map(
    (c) => (SEED_JUNE[c.unit.id] ?? AVERAGE_UNIT).commendationWeight * (COMMENDATION_MONTH_WEIGHT[c.month - 1] ?? 0),
  );
  const collectives = apportion(SEED_COMMENDATIONS.collectives, weights);
  const individuals = apportion(SEED_COMMENDATIONS.individuals, weights);

  return cells.map(({ unit, unitIndex, month }, cell): DemoReport => {
    const periodId = makePeriodId(DEMO_YEAR, month);
    const seed = SEED_JUNE[unit.id] ?? AVERAGE_UNIT;
    const values: ReportedValue[] = bloc.indicators.map((indicator) => {
      const plan = planOf(year, unit.id, indicator.code);
      const value =
        indicator.code === 'khen-thuong-tap-the'
          ? scalar(collectives[cell] ?? 0)
          : indicator.code === 'khen-thuong-ca-nhan'
            ? scalar(individuals[cell] ?? 0)
            : figureOf(indicator, unit.id, plan, seed, shareOf(unitIndex, unit.id, month - 1), month - 1);
      const estimate = month === DEMO_MONTHS && indicator.code === 'gia-tri-cong-nghiep' && DEMO_ESTIMATES.has(unit.id);
      return { indicatorCode: indicator.code, raw: rawOf(value, indicator), value, estimate };
    });
    const at = sentAt(bloc, unitIndex, unit.id, periodId, month);
    const submission: Submission = {
      blocId: bloc.id,
      periodId,
      unitId: unit.id,
      status: 'submitted',
      values,
      firstSubmittedAt: at,
      lastSubmittedAt: at,
      onTime: isOnTime(periodInstants(bloc.calendar, periodId), at),
      revision: 0,
    };
    const r = DEMO_REVISION;
    if (unit.id !== r.unitId || periodId !== r.periodId) return { submission, at };
    // The first sending had the budget revenue before the tax office's correction.
    const indicator = bloc.indicators.find((i) => i.code === r.indicatorCode);
    const plan = planOf(year, unit.id, r.indicatorCode);
    if (!indicator || plan === undefined) return { submission, at };
    const first = scalar(round((plan * r.firstPercent) / 100, indicator.decimals));
    const firstValues = values.map((v) =>
      v.indicatorCode === r.indicatorCode ? { ...v, value: first, raw: rawOf(first, indicator) } : v,
    );
    const correctedAt = new Date(at.getTime() + 26 * 3_600_000);
    return {
      submission: { ...submission, values: firstValues },
      at,
      correction: {
        submission: { ...submission, lastSubmittedAt: correctedAt },
        at: correctedAt,
        reason: r.reason,
      },
    };
  });
}
