import { describe, expect, it } from 'vitest';
import type { CalendarOverrides, Submissions } from '../../src/app/ports.ts';
import { periodProgress } from '../../src/app/use-cases/progress.ts';
import { computeStandings, scopesOf, yearToDateMonths } from '../../src/app/use-cases/standings.ts';
import type { Submission } from '../../src/domain/submission.ts';
import {
  AN_BINH,
  BAC_SON,
  bloc,
  CAM_DUONG,
  DONG_TAM,
  indicator,
  linear,
  report,
  scalar,
  unit,
  vn,
  year,
} from '../domain/scoring/fixtures.ts';

const crop = indicator('cay', 'percent_of_plan', 'cumulative', linear(100));
const unused = () => Promise.reject(new Error('not used by standings'));

/** Storage holding `stored`, counting the periods read. */
function fakeRepos(stored: Submission[]) {
  const reads: string[] = [];
  const submissions: Submissions = {
    lock: unused,
    find: unused,
    write: unused,
    auditTrail: unused,
    listForPeriod: (blocId, periodId) => {
      reads.push(periodId);
      return Promise.resolve(stored.filter((s) => s.blocId === blocId && s.periodId === periodId));
    },
  };
  const calendar: CalendarOverrides = {
    addReopening: unused,
    setExtension: unused,
    reopenings: () => Promise.resolve([]),
    endReopening: unused,
    extensions: () => Promise.resolve([]),
    setEarlyLock: unused,
    earlyLocks: () => Promise.resolve([]),
  };
  return { repos: { submissions, calendar }, reads };
}

describe('computeStandings', () => {
  const b = bloc([crop], [year(2023, [AN_BINH, BAC_SON, CAM_DUONG]), year(2024, [AN_BINH, BAC_SON, DONG_TAM])]);

  it('gives each unit its rank change since the previous month, reading each period once', async () => {
    const { repos, reads } = fakeRepos([
      report('an-binh', '2023-05', [scalar('cay', 90)]),
      report('bac-son', '2023-05', [scalar('cay', 80)]),
      report('cam-duong', '2023-05', [scalar('cay', 70)]),
      report('an-binh', '2023-06', [scalar('cay', 60)]),
      report('bac-son', '2023-06', [scalar('cay', 85)]),
      report('cam-duong', '2023-06', [scalar('cay', 70)]),
    ]);
    const result = await computeStandings(repos, b, { kind: 'period', periodId: '2023-06' }, vn('2023-07-01'));
    expect(result.rows.map((r) => [r.unit.id, r.rank, r.previousRank, r.rankChange])).toEqual([
      ['bac-son', 1, 2, 1],
      ['cam-duong', 2, 3, 1],
      ['an-binh', 3, 1, -2],
    ]);
    expect(result.previousScope?.periods).toEqual(['2023-05']);
    expect(reads.sort()).toEqual(['2023-05', '2023-06']);
  });

  it('has no previous rank for a unit that was not a member the year before', async () => {
    const { repos } = fakeRepos([
      report('an-binh', '2023-12', [scalar('cay', 40)]),
      report('dong-tam', '2024-01', [scalar('cay', 50)]),
    ]);
    const result = await computeStandings(repos, b, { kind: 'period', periodId: '2024-01' }, vn('2024-02-01'));
    const newcomer = result.rows.find((r) => r.unit.id === 'dong-tam');
    expect(newcomer).toMatchObject({ rank: 1, total: 50 });
    expect(newcomer?.previousRank).toBeUndefined();
    expect(result.rows.find((r) => r.unit.id === 'an-binh')?.previousRank).toBe(1);
  });

  it('shows no rank change when nobody reported in the previous month (everyone would be equal there)', async () => {
    const { repos } = fakeRepos([
      report('an-binh', '2023-05', [scalar('cay', 90)], { status: 'draft' }),
      report('bac-son', '2023-06', [scalar('cay', 85)]),
    ]);
    const result = await computeStandings(repos, b, { kind: 'period', periodId: '2023-06' }, vn('2023-07-01'));
    expect(result.previousScope).toBeUndefined();
    expect(result.rows.map((r) => [r.unit.id, r.rank, r.previousRank, r.rankChange])).toEqual([
      ['bac-son', 1, undefined, undefined],
      ['an-binh', 2, undefined, undefined],
      ['cam-duong', 2, undefined, undefined],
    ]);
  });

  it('scores a year to date through the current period, ranked against one month less', async () => {
    const { repos, reads } = fakeRepos([
      report('an-binh', '2023-01', [scalar('cay', 10)]),
      report('bac-son', '2023-01', [scalar('cay', 20)]),
      report('an-binh', '2023-02', [scalar('cay', 30)]),
    ]);
    // 12 February: February opened on the 10th, so the year to date is January and February.
    const result = await computeStandings(repos, b, { kind: 'year', year: 2023 }, vn('2023-02-12'));
    expect(result.scope.periods).toEqual(['2023-01', '2023-02']);
    // An Bình: 30 (latest cumulative). Bắc Sơn: 20 − 2 for February missing. Cẩm Đường: −4.
    expect(result.rows.map((r) => [r.unit.id, r.total, r.rankChange])).toEqual([
      ['an-binh', 30, 1],
      ['bac-son', 18, -1],
      ['cam-duong', -4, 0],
    ]);
    expect(reads.sort()).toEqual(['2023-01', '2023-02']);
  });
});

describe('yearToDateMonths and scopesOf', () => {
  const b = bloc([crop], [year(2023, [AN_BINH])]);
  it('counts months up to the latest period that has opened, all of a past year, none of a future one', () => {
    // July's figures open on 10 July: on the 9th the current period is still June.
    expect(yearToDateMonths(b, 2023, vn('2023-07-09', '23:59'))).toBe(6);
    expect(yearToDateMonths(b, 2023, vn('2023-07-10'))).toBe(7);
    expect(yearToDateMonths(b, 2022, vn('2023-07-10'))).toBe(12);
    expect(yearToDateMonths(b, 2024, vn('2023-07-10'))).toBe(0);
  });

  it('compares January with December of the year before, and a one-month year with nothing', () => {
    expect(scopesOf(b, { kind: 'period', periodId: '2024-01' }, vn('2024-02-01')).previous?.periods).toEqual([
      '2023-12',
    ]);
    expect(scopesOf(b, { kind: 'year', year: 2023 }, vn('2023-01-15')).previous).toBeUndefined();
  });
});

describe('periodProgress', () => {
  const units = [AN_BINH, BAC_SON, CAM_DUONG, DONG_TAM, unit('em', 'Xã Ém')];
  const b = bloc([crop], [year(2023, units)]);

  it('groups units into on time, late, returned, draft and nothing, with the rates of periodReporting', async () => {
    const { repos } = fakeRepos([
      report('an-binh', '2023-06', [scalar('cay', 50)], { at: vn('2023-06-12') }),
      report('bac-son', '2023-06', [scalar('cay', 50)], { at: vn('2023-06-18'), onTime: false }),
      report('cam-duong', '2023-06', [scalar('cay', 50)], { status: 'returned' }),
      report('dong-tam', '2023-06', [scalar('cay', 50)], { status: 'draft' }),
    ]);
    const p = await periodProgress(repos, b, '2023-06', vn('2023-06-20'));
    const ids = (lines: { unit: { id: string } }[]) => lines.map((l) => l.unit.id);
    expect([ids(p.onTime), ids(p.late), ids(p.returned), ids(p.draft), ids(p.none)]).toEqual([
      ['an-binh'],
      ['bac-son'],
      ['cam-duong'],
      ['dong-tam'],
      ['em'],
    ]);
    expect([p.reporting.submitted, p.reporting.onTime, p.reporting.expected]).toEqual([2, 1, 5]);
    expect(p.reportingRate).toBeCloseTo(40, 9);
    expect(p.onTimeRate).toBeCloseTo(20, 9);
  });
});
