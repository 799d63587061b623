import { describe, expect, it } from 'vitest';
import { periodScope, scoreStandings, yearToDateScope } from '../../../src/domain/scoring/index.ts';
import type { Standings } from '../../../src/domain/scoring/index.ts';
import {
  AN_BINH,
  BAC_SON,
  bloc,
  CAM_DUONG,
  DONG_TAM,
  indicator,
  linear,
  ratio,
  report,
  scalar,
  vn,
  year,
} from './fixtures.ts';

const budget = indicator('thu', 'amount', 'cumulative', linear(50));
const schools = indicator('pcgd', 'ratio', 'stock', linear(30, { target: 1 }));
const medals = indicator('khen', 'count', 'period', linear(20));
const indicators = [budget, schools, medals];
const plans = { 'an-binh': { thu: 200, khen: 24 }, 'bac-son': { thu: 100, khen: 10 } };
const b = bloc(indicators, [year(2023, [AN_BINH, BAC_SON], plans)]);

const row = (s: Standings, unitId: string) => {
  const r = s.rows.find((x) => x.unit.id === unitId);
  if (!r) throw new Error(`no row for ${unitId}`);
  return r;
};
const criterion = (s: Standings, unitId: string, code: string) =>
  row(s, unitId).criteria.find((c) => c.indicatorCode === code);

describe('the year to date', () => {
  it('scopes months 1..M of the year', () => {
    expect(yearToDateScope(2023, 3)).toEqual({
      kind: 'yearToDate',
      year: 2023,
      periods: ['2023-01', '2023-02', '2023-03'],
    });
    expect(yearToDateScope(2024, 0).periods).toEqual([]);
  });

  // An Bình: January on time, February late, March on time. Bắc Sơn: January and February, nothing in March.
  const reports = [
    report('an-binh', '2023-01', [scalar('thu', 30), ratio('pcgd', 5, 10), scalar('khen', 3)]),
    report('an-binh', '2023-02', [scalar('thu', 70), ratio('pcgd', 6, 10), scalar('khen', 4)], { onTime: false }),
    report('an-binh', '2023-03', [scalar('thu', 110), ratio('pcgd', 7, 10), scalar('khen', 5, { estimate: true })]),
    report('bac-son', '2023-01', [scalar('thu', 40), ratio('pcgd', 9, 10), scalar('khen', 2)]),
    report('bac-son', '2023-02', [scalar('thu', 80), ratio('pcgd', 10, 10), scalar('khen', 3)]),
  ];
  const ytd = scoreStandings(b, yearToDateScope(2023, 3), reports);

  it('takes the latest month of a cumulative figure against the year plan: 110 of 200 is 55 %', () => {
    const c = criterion(ytd, 'an-binh', 'thu');
    expect(c?.figure).toEqual({ value: { type: 'scalar', value: 110 }, periods: ['2023-03'], estimate: false });
    expect(c?.completion).toBeCloseTo(55, 9);
    expect(c?.earned).toBeCloseTo(27.5, 9);
  });

  it('takes the latest level of a stock figure: 7/10 against a target of 1', () => {
    const c = criterion(ytd, 'an-binh', 'pcgd');
    expect(c?.figure?.value).toEqual({ type: 'ratio', numerator: 7, denominator: 10 });
    expect(c?.earned).toBeCloseTo(21, 9);
  });

  it('adds up a period figure over the months: 3 + 4 + 5 = 12 of 24 is 50 %, an estimate among them', () => {
    const c = criterion(ytd, 'an-binh', 'khen');
    expect(c?.figure).toEqual({
      value: { type: 'scalar', value: 12 },
      periods: ['2023-01', '2023-02', '2023-03'],
      estimate: true,
    });
    expect(c?.earned).toBeCloseTo(10, 9);
  });

  it('adds up the penalties: one late month costs 1; the total is 27,5 + 21 + 10 − 1', () => {
    const r = row(ytd, 'an-binh');
    expect(r.late).toEqual({ periods: ['2023-02'], points: 1 });
    expect(r.missing).toEqual({ periods: [], points: 0 });
    expect(r.onTimePeriods).toBe(2);
    expect(r.total).toBeCloseTo(57.5, 9);
  });

  it('uses the latest month that has a figure when the last month is missing, and takes the missing penalty', () => {
    const c = criterion(ytd, 'bac-son', 'thu');
    expect(c?.figure?.periods).toEqual(['2023-02']);
    // 80 of 100 → 40; 10/10 → 30; 2 + 3 = 5 of 10 → 10; March missing → −2.
    const r = row(ytd, 'bac-son');
    expect(r.missing).toEqual({ periods: ['2023-03'], points: 2 });
    expect(r.total).toBeCloseTo(78, 9);
    expect(ytd.rows.map((x) => [x.rank, x.unit.id])).toEqual([
      [1, 'bac-son'],
      [2, 'an-binh'],
    ]);
  });

  it('breaks a tie of totals by on-time periods over the year, then by first submissions summed', () => {
    const one = indicator('cay', 'percent_of_plan', 'cumulative', linear(100));
    const tie = bloc([one], [year(2023, [AN_BINH, BAC_SON, CAM_DUONG])]);
    const standings = scoreStandings(tie, yearToDateScope(2023, 2), [
      // An Bình: 81 with February late (80). Bắc Sơn and Cẩm Đường: 80 with both months on time.
      report('an-binh', '2023-01', [scalar('cay', 40)], { at: vn('2023-01-10') }),
      report('an-binh', '2023-02', [scalar('cay', 81)], { at: vn('2023-02-20'), onTime: false }),
      report('bac-son', '2023-01', [scalar('cay', 40)], { at: vn('2023-01-14') }),
      report('bac-son', '2023-02', [scalar('cay', 80)], { at: vn('2023-02-11') }),
      report('cam-duong', '2023-01', [scalar('cay', 40)], { at: vn('2023-01-11') }),
      report('cam-duong', '2023-02', [scalar('cay', 80)], { at: vn('2023-02-12') }),
    ]);
    // Bắc Sơn is 3 days later in January and 1 day earlier in February: later in sum.
    expect(standings.rows.map((x) => [x.rank, x.unit.id, x.total])).toEqual([
      [1, 'cam-duong', 80],
      [2, 'bac-son', 80],
      [3, 'an-binh', 80],
    ]);
  });
});

describe('membership per year', () => {
  // 2024: Cẩm Đường left, Đồng Tâm joined, and An Bình's plan rose.
  const years = bloc(
    [budget],
    [
      year(2023, [AN_BINH, BAC_SON, CAM_DUONG], { 'an-binh': { thu: 200 }, 'bac-son': { thu: 100 } }),
      year(2024, [AN_BINH, BAC_SON, DONG_TAM], { 'an-binh': { thu: 400 }, 'bac-son': { thu: 100 } }),
    ],
  );

  it('lists the members of the period’s year with that year’s plans', () => {
    const jan = scoreStandings(years, periodScope('2024-01'), [
      report('an-binh', '2024-01', [scalar('thu', 100)]),
      report('cam-duong', '2024-01', [scalar('thu', 100)]),
    ]);
    expect(jan.blocYear).toBe(2024);
    expect(jan.rows.map((r) => r.unit.id).sort()).toEqual(['an-binh', 'bac-son', 'dong-tam']);
    // 100 of 2024's plan of 400 is 25 % of 50 points (2023's plan would give 25).
    expect(jan.rows.find((r) => r.unit.id === 'an-binh')?.total).toBeCloseTo(12.5, 9);
    expect(jan.rows.find((r) => r.unit.id === 'dong-tam')?.missing.points).toBe(2);
  });

  it('keeps the year before as it was', () => {
    const dec = scoreStandings(years, periodScope('2023-12'), [report('an-binh', '2023-12', [scalar('thu', 100)])]);
    expect(dec.rows.map((r) => r.unit.id).sort()).toEqual(['an-binh', 'bac-son', 'cam-duong']);
    expect(dec.rows.find((r) => r.unit.id === 'an-binh')?.total).toBeCloseTo(25, 9);
  });

  it('falls back to the latest year for a year the file does not have, and says so', () => {
    const later = scoreStandings(years, periodScope('2026-03'), []);
    expect([later.blocYear, later.yearFallback]).toEqual([2024, true]);
  });
});
