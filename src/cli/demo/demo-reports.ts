import { blocYear, planOf, type Bloc, type MemberUnit } from '../../domain/bloc.ts';
import {
  isOnTime,
  makePeriodId,
  parseLocalDate,
  periodInstants,
  startOfLocalDay,
  type PeriodId,
} from '../../domain/calendar/index.ts';
import type { ReportedValue, Submission } from '../../domain/submission.ts';
import { DEMO_MONTHS, figureOf, rawOf, round, scalar, shareOf } from './month-figures.ts';
import {
  COMMENDATION_MONTH_WEIGHT,
  DEMO_ESTIMATES,
  DEMO_LATE,
  DEMO_MISSING,
  DEMO_REVISION,
  SEED_COMMENDATIONS,
  SEED_JUNE,
  type SeedUnitFigures,
} from './seed-figures.ts';

/** The half year the seed reviews. */
export const DEMO_YEAR = 2023;
export { DEMO_MONTHS };

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
