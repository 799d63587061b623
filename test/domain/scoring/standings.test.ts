import { describe, expect, it } from 'vitest';
import { periodScope, scoreStandings } from '../../../src/domain/scoring/index.ts';
import type { StandingRow } from '../../../src/domain/scoring/index.ts';
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
  vn,
  year,
} from './fixtures.ts';

// One criterion worth 100 points on the reported percent: a unit's total is its percent minus penalties.
const crop = indicator('cay', 'percent_of_plan', 'cumulative', linear(100));
const medals = indicator('khen', 'count', 'period');
const units = [AN_BINH, BAC_SON, CAM_DUONG, DONG_TAM];
const JUNE = '2023-06';
const june = periodScope(JUNE);

const line = (r: StandingRow) => [r.rank, r.unit.id, r.total];

describe('standings of one period', () => {
  it('ranks by total, then more on-time periods, then the earlier first submission; equals share a rank', () => {
    const b = bloc([crop], [year(2023, units)]);
    const standings = scoreStandings(b, june, [
      report('dong-tam', JUNE, [scalar('cay', 90)]),
      report('cam-duong', JUNE, [scalar('cay', 80)], { at: vn('2023-06-10', '09:00') }),
      report('bac-son', JUNE, [scalar('cay', 80)], { at: vn('2023-06-12', '09:00') }),
      report('an-binh', JUNE, [scalar('cay', 80)], { at: vn('2023-06-10', '09:00') }),
    ]);
    // An Bình and Cẩm Đường are equal on every real tie-break: both 2nd, shown by name; Bắc Sơn sent later.
    expect(standings.rows.map(line)).toEqual([
      [1, 'dong-tam', 90],
      [2, 'an-binh', 80],
      [2, 'cam-duong', 80],
      [4, 'bac-son', 80],
    ]);
    expect(standings.provisional).toBe(true);
  });

  it('never breaks a tie by name: with tie_break [total, name] equal totals share the rank', () => {
    const b = bloc([crop], [year(2023, units)], ['total', 'name']);
    const standings = scoreStandings(b, june, [
      report('dong-tam', JUNE, [scalar('cay', 90)]),
      report('cam-duong', JUNE, [scalar('cay', 80)], { at: vn('2023-06-10') }),
      report('bac-son', JUNE, [scalar('cay', 80)], { at: vn('2023-06-15') }),
      report('an-binh', JUNE, [scalar('cay', 80)], { at: vn('2023-06-11') }),
    ]);
    // Shown by name among the equals, whatever order they reported in: "Phường …" before "Xã …".
    expect(standings.rows.map(line)).toEqual([
      [1, 'dong-tam', 90],
      [2, 'bac-son', 80],
      [2, 'an-binh', 80],
      [2, 'cam-duong', 80],
    ]);
  });

  it('keeps the bloc file order among equals when name is not a listed tie-break', () => {
    const b = bloc([crop], [year(2023, [CAM_DUONG, AN_BINH])], ['total']);
    const standings = scoreStandings(b, june, [
      report('an-binh', JUNE, [scalar('cay', 80)]),
      report('cam-duong', JUNE, [scalar('cay', 80)]),
    ]);
    expect(standings.rows.map(line)).toEqual([
      [1, 'cam-duong', 80],
      [1, 'an-binh', 80],
    ]);
  });

  it('takes the late penalty from a late report, and on time wins a tie of totals', () => {
    const b = bloc([crop], [year(2023, [AN_BINH, BAC_SON])]);
    const standings = scoreStandings(b, june, [
      report('an-binh', JUNE, [scalar('cay', 81)], { onTime: false, at: vn('2023-06-20') }),
      report('bac-son', JUNE, [scalar('cay', 80)], { at: vn('2023-06-15') }),
    ]);
    expect(standings.rows.map(line)).toEqual([
      [1, 'bac-son', 80],
      [2, 'an-binh', 80],
    ]);
    const late = standings.rows[1];
    expect(late?.late).toEqual({ periods: [JUNE], points: 1 });
    expect(late?.periods[0]?.timeliness).toBe('late');
  });

  it('lists a unit with no report (or only a draft) with the missing penalty and its criteria unearned', () => {
    const b = bloc([crop], [year(2023, [AN_BINH, BAC_SON, CAM_DUONG])]);
    const standings = scoreStandings(b, june, [
      report('an-binh', JUNE, [scalar('cay', 50)]),
      report('bac-son', JUNE, [scalar('cay', 95)], { status: 'draft' }),
    ]);
    expect(standings.rows.map(line)).toEqual([
      [1, 'an-binh', 50],
      [2, 'bac-son', -2],
      [2, 'cam-duong', -2],
    ]);
    const missing = standings.rows[2];
    expect(missing?.missing).toEqual({ periods: [JUNE], points: 2 });
    expect(missing?.periods).toEqual([{ periodId: JUNE, timeliness: 'missing', returned: false }]);
    expect(missing?.criteria[0]).toMatchObject({ outcome: 'noFigure', benchmark: 100, points: 0 });
  });

  it('scores an estimate and a returned report, and marks both', () => {
    const b = bloc([crop, medals], [year(2023, [AN_BINH, BAC_SON])]);
    const standings = scoreStandings(b, june, [
      report('an-binh', JUNE, [scalar('cay', 70, { estimate: true }), scalar('khen', 3)]),
      report('bac-son', JUNE, [scalar('cay', 60)], { status: 'returned' }),
    ]);
    const [estimated, returned] = standings.rows;
    expect(estimated).toMatchObject({ total: 70, estimate: true, returnedPeriods: [] });
    expect(estimated?.criteria[0]?.figure?.estimate).toBe(true);
    expect(estimated?.criteria[1]).toMatchObject({ outcome: 'unscored', unscoredReason: 'noRule', points: 0 });
    expect(returned).toMatchObject({ total: 60, estimate: false, returnedPeriods: [JUNE] });
    expect(returned?.periods[0]).toMatchObject({ status: 'returned', returned: true, timeliness: 'onTime' });
  });

  it('follows the stored onTime as the calendar settled it: an extension granted after a late report does not undo it', () => {
    // Due 16 June. An Bình sent on 18 June and was recorded late; on 19 June the secretariat extended
    // the due date to 20 June. The extension moves the deadline for reports still to come; the stored
    // flag of the report already in stays, and the score reads only that flag.
    const b = bloc([crop], [year(2023, [AN_BINH, BAC_SON])]);
    const standings = scoreStandings(b, june, [
      report('an-binh', JUNE, [scalar('cay', 80)], { at: vn('2023-06-18'), onTime: false }),
      report('bac-son', JUNE, [scalar('cay', 80)], { at: vn('2023-06-19'), onTime: true }),
    ]);
    expect(standings.rows.map(line)).toEqual([
      [1, 'bac-son', 80],
      [2, 'an-binh', 79],
    ]);
  });

  it('ignores reports of other blocs and other periods', () => {
    const b = bloc([crop], [year(2023, [AN_BINH])]);
    const other = { ...report('an-binh', JUNE, [scalar('cay', 99)]), blocId: 'khoi-khac' };
    const standings = scoreStandings(b, june, [other, report('an-binh', '2023-05', [scalar('cay', 60)])]);
    expect(standings.rows.map(line)).toEqual([[1, 'an-binh', -2]]);
  });
});
