import type {
  Aggregation,
  Bloc,
  BlocYear,
  Indicator,
  IndicatorKind,
  MemberUnit,
  ScoringRule,
  TieBreak,
} from '../../../src/domain/bloc.ts';
import type { ReportedValue, Submission, SubmissionStatus } from '../../../src/domain/submission.ts';
import { EXAMPLE } from '../calendar/fixtures.ts';

export { vn } from '../calendar/fixtures.ts';

/** A linear rule on `benchmark`, cap 100 % unless changed. */
export function linear(benchmark: number, extra: Partial<ScoringRule> = {}): ScoringRule {
  return { benchmark, method: 'linear', capPercent: 100, bands: [], ...extra };
}

export function banded(benchmark: number, bands: ScoringRule['bands'], extra: Partial<ScoringRule> = {}): ScoringRule {
  return { benchmark, method: 'bands', capPercent: 100, bands, ...extra };
}

let nextNumber = 1;

export function indicator(
  code: string,
  kind: IndicatorKind,
  aggregation: Aggregation,
  scoring?: ScoringRule,
): Indicator {
  return {
    code,
    number: nextNumber++,
    name: { vi: code, en: code },
    kind,
    unit: kind === 'amount' ? 'billion_vnd' : kind === 'ratio' ? 'communes' : kind === 'count' ? 'people' : 'percent',
    decimals: 1,
    range: { min: 0, max: 1e9 },
    required: true,
    aggregation,
    ratioAtMostOne: kind === 'ratio',
    ...(scoring ? { scoring } : {}),
  };
}

export const unit = (id: string, name: string): MemberUnit => ({ id, name, type: 'commune' });

export const AN_BINH = unit('an-binh', 'Xã An Bình');
export const BAC_SON = unit('bac-son', 'Phường Bắc Sơn');
export const CAM_DUONG = unit('cam-duong', 'Xã Cẩm Đường');
export const DONG_TAM = unit('dong-tam', 'Xã Đồng Tâm');

export function year(y: number, units: MemberUnit[], plans: BlocYear['plans'] = {}): BlocYear {
  return { year: y, units, head: units[0]?.id ?? '', plans };
}

/** A bloc with the given indicators and years; penalties 1 (late) and 2 (missing) as the example. */
export function bloc(
  indicators: Indicator[],
  years: BlocYear[],
  tieBreak: TieBreak[] = ['total', 'on_time', 'submitted_at', 'name'],
): Bloc {
  return {
    id: 'khoi-test',
    name: 'Khối thử',
    years,
    indicators,
    movements: [],
    calendar: EXAMPLE,
    reminders: {
      beforeDueDays: [3, 1, 0],
      lateEveryDays: 1,
      escalateAfterLateDays: 3,
      sendAt: '08:30',
      officeHours: { start: '07:30', end: '17:00' },
      weekdays: [1, 2, 3, 4, 5],
      holidays: [],
    },
    scoring: { latePenalty: 1, missingPenalty: 2, tieBreak },
    options: { autoPostStandings: true, postProgressOnDue: true, focalSeesFullTable: false },
  };
}

export function scalar(indicatorCode: string, value: number, extra: Partial<ReportedValue> = {}): ReportedValue {
  return { indicatorCode, raw: String(value), value: { type: 'scalar', value }, estimate: false, ...extra };
}

export function ratio(indicatorCode: string, a: number, b: number): ReportedValue {
  return { indicatorCode, raw: `${a}/${b}`, value: { type: 'ratio', numerator: a, denominator: b }, estimate: false };
}

/** A stored report: submitted on time at `at` unless told otherwise. */
export function report(
  unitId: string,
  periodId: string,
  values: ReportedValue[],
  options: { at?: Date; onTime?: boolean; status?: SubmissionStatus } = {},
): Submission {
  const at = options.at ?? new Date('2023-06-12T02:00:00Z');
  const status = options.status ?? 'submitted';
  const sent = status !== 'draft';
  return {
    blocId: 'khoi-test',
    periodId,
    unitId,
    status,
    values,
    ...(sent ? { firstSubmittedAt: at, lastSubmittedAt: at } : {}),
    ...(sent ? { onTime: options.onTime ?? true } : {}),
    revision: sent ? 1 : 0,
  };
}
