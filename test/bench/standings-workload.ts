import type { Submissions } from '../../src/app/ports.ts';
import type { Bloc, Indicator, IndicatorKind, MemberUnit, ScoringRule } from '../../src/domain/bloc.ts';
import { makePeriodId } from '../../src/domain/calendar/index.ts';
import type { ReportedValue, Submission } from '../../src/domain/submission.ts';

const KINDS: Array<{ kind: IndicatorKind; aggregation: Indicator['aggregation']; scoring?: Partial<ScoringRule> }> = [
  { kind: 'amount', aggregation: 'cumulative', scoring: { bonus: { stepPercent: 10, points: 1, max: 3 } } },
  { kind: 'percent_of_plan', aggregation: 'cumulative' },
  { kind: 'ratio', aggregation: 'stock', scoring: { target: 0.5 } },
  {
    kind: 'percent',
    aggregation: 'stock',
    scoring: {
      method: 'bands',
      bands: [
        { from: 99, points: 2.5 },
        { from: 95, points: 1 },
        { from: 0, points: 0 },
      ],
    },
  },
  {
    kind: 'count',
    aggregation: 'period',
    scoring: { minus: { belowPercent: 80, stepPercent: 10, points: 0.5, max: 2 } },
  },
  { kind: 'number', aggregation: 'stock', scoring: { target: 15 } },
  { kind: 'yoy_percent', aggregation: 'cumulative' },
];

/** A bloc of `units` communes and `indicators` indicators of every kind (one kind in seven unscored). */
export function largeBloc(units: number, indicators: number): Bloc {
  const list: Indicator[] = Array.from({ length: indicators }, (_, i) => {
    const shape = KINDS[i % KINDS.length] ?? KINDS[0]!;
    const scored = shape.kind !== 'yoy_percent';
    return {
      code: `ct-${i + 1}`,
      number: i + 1,
      name: { vi: `Chỉ tiêu ${i + 1}`, en: `Indicator ${i + 1}` },
      kind: shape.kind,
      unit: shape.kind === 'amount' ? 'billion_vnd' : shape.kind === 'ratio' ? 'communes' : 'percent',
      decimals: 1,
      range: { min: 0, max: 1e9 },
      required: true,
      aggregation: shape.aggregation,
      ratioAtMostOne: shape.kind === 'ratio',
      ...(scored
        ? { scoring: { benchmark: 2.5, method: 'linear', capPercent: 100, bands: [], ...shape.scoring } as ScoringRule }
        : {}),
    };
  });
  const members: MemberUnit[] = Array.from({ length: units }, (_, u) => ({
    id: `xa-${u + 1}`,
    name: `Xã Thượng Hà ${u + 1}`,
    type: 'commune',
  }));
  const plans = Object.fromEntries(
    members.map((m, u) => [m.id, Object.fromEntries(list.map((i) => [i.code, 100 + ((u * 7 + i.number) % 50)]))]),
  );
  return {
    id: 'khoi-lon',
    name: 'Khối thi đua lớn',
    years: [{ year: 2023, units: members, head: members[0]?.id ?? '', plans }],
    indicators: list,
    movements: [],
    calendar: {
      timezone: 'Asia/Ho_Chi_Minh',
      open: { day: 10, monthOffset: 0 },
      due: { day: 16, monthOffset: 0 },
      graceDays: 0,
      lock: { day: 9, monthOffset: 1 },
      reopenDays: 3,
    },
    reminders: {
      beforeDueDays: [3, 1, 0],
      lateEveryDays: 1,
      escalateAfterLateDays: 3,
      sendAt: '08:30',
      officeHours: { start: '07:30', end: '17:00' },
      weekdays: [1, 2, 3, 4, 5],
      holidays: [],
    },
    scoring: { latePenalty: 1, missingPenalty: 2, tieBreak: ['total', 'on_time', 'submitted_at', 'name'] },
    options: { autoPostStandings: true, postProgressOnDue: true, focalSeesFullTable: false },
  };
}

function valueOf(indicator: Indicator, u: number, month: number): ReportedValue {
  const seed = (u * 31 + indicator.number * 17 + month * 7) % 100;
  const value: ReportedValue['value'] =
    indicator.kind === 'ratio'
      ? { type: 'ratio', numerator: 5 + (seed % 15), denominator: 20 }
      : { type: 'scalar', value: indicator.kind === 'percent' ? 90 + (seed % 10) : 10 * month + seed };
  return { indicatorCode: indicator.code, raw: String(seed), value, estimate: seed % 13 === 0 };
}

/**
 * Twelve months of reports, every unit every month but a few missing and some late, held in memory
 * behind `listForPeriod` (the only read standings make).
 */
export function inMemorySubmissions(bloc: Bloc, months: number): Pick<Submissions, 'listForPeriod'> {
  const units = bloc.years[0]?.units ?? [];
  const byPeriod = new Map<string, Submission[]>();
  for (let month = 1; month <= months; month++) {
    const periodId = makePeriodId(2023, month);
    const list: Submission[] = [];
    units.forEach((unit, u) => {
      if ((u + month) % 97 === 0) return;
      const at = new Date(Date.UTC(2023, month - 1, 10 + (u % 9), 2, u % 60));
      list.push({
        blocId: bloc.id,
        periodId,
        unitId: unit.id,
        status: 'submitted',
        values: bloc.indicators.map((i) => valueOf(i, u, month)),
        firstSubmittedAt: at,
        lastSubmittedAt: at,
        onTime: (u + month) % 11 !== 0,
        revision: 1,
      });
    });
    byPeriod.set(periodId, list);
  }
  return { listForPeriod: (_blocId, periodId) => Promise.resolve(byPeriod.get(periodId) ?? []) };
}
