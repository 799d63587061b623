import { beforeAll, describe, expect, it } from 'vitest';
import type { Bloc } from '../../src/domain/bloc.ts';
import { figureNumber, type FigureValue } from '../../src/domain/figure.ts';
import { apportion, demoReports, type DemoReport } from '../../src/cli/demo/demo-reports.ts';
import { exampleBloc } from '../e2e/support/report-script.ts';

let bloc: Bloc;
let reports: DemoReport[];
beforeAll(async () => {
  bloc = await exampleBloc();
  reports = demoReports(bloc);
});

const valueOf = (r: DemoReport | undefined, code: string): FigureValue | undefined =>
  r?.submission.values.find((v) => v.indicatorCode === code)?.value;
const find = (unitId: string, periodId: string) =>
  reports.find((r) => r.submission.unitId === unitId && r.submission.periodId === periodId);
/** Each unit's latest report up to June: its year to date for cumulative and stock figures. */
const latest = () =>
  bloc.years[0]!.units.map(
    (u) =>
      reports
        .filter((r) => r.submission.unitId === u.id)
        .sort((a, b) => (a.submission.periodId < b.submission.periodId ? 1 : -1))[0],
  );
const ratioSum = (code: string) =>
  latest().reduce<[number, number]>(
    ([a, b], r) => {
      const v = valueOf(r, code);
      return v?.type === 'ratio' ? [a + v.numerator, b + v.denominator] : [a, b];
    },
    [0, 0],
  );

describe('the demo’s half year, from the seed', () => {
  it('has every unit every month from January to June, but Mường Khương’s June: 9 × 6 − 1 = 53 reports', () => {
    expect(reports).toHaveLength(53);
    expect(find('muong-khuong', '2023-06')).toBeUndefined();
    expect(find('muong-khuong', '2023-05')).toBeDefined();
  });

  it('has Si Ma Cai late in June and everyone else on time', () => {
    const late = reports
      .filter((r) => r.submission.onTime === false)
      .map((r) => [r.submission.unitId, r.submission.periodId]);
    expect(late).toEqual([['si-ma-cai', '2023-06']]);
  });

  it('has the seed’s figures: Bảo Yên 51,6 % and Văn Bàn 51 % crop output in June', () => {
    expect(valueOf(find('bao-yen', '2023-06'), 'san-luong-cay-trong')).toEqual({ type: 'scalar', value: 51.6 });
    expect(valueOf(find('van-ban', '2023-06'), 'san-luong-cay-trong')).toEqual({ type: 'scalar', value: 51 });
  });

  it('adds up to the bloc’s totals: 20.207 tỷ of industry, 152/152 communes, 62/127 new-rural communes', () => {
    const industry = latest().reduce((sum, r) => sum + figureNumber(valueOf(r, 'gia-tri-cong-nghiep')!), 0);
    expect(Math.round(industry * 10) / 10).toBe(20207);
    expect(ratioSum('pho-cap-giao-duc')).toEqual([152, 152]);
    expect(ratioSum('xa-nong-thon-moi')).toEqual([62, 127]);
  });

  it('has 99,7 % enrolment on average and the half year’s 1.502 collectives and 9.224 individuals commended', () => {
    const june = latest().map((r) => figureNumber(valueOf(r, 'huy-dong-hoc-sinh')!));
    expect(Math.round((june.reduce((a, b) => a + b, 0) / june.length) * 10) / 10).toBe(99.7);
    const total = (code: string) => reports.reduce((sum, r) => sum + figureNumber(valueOf(r, code)!), 0);
    expect(total('khen-thuong-tap-the')).toBe(1502);
    expect(total('khen-thuong-ca-nhan')).toBe(9224);
  });

  it('has Bảo Yên’s June budget revenue sent as 51 % of its 220 tỷ plan, then corrected to 53 % with a reason', () => {
    const june = find('bao-yen', '2023-06');
    expect(valueOf(june, 'thu-ngan-sach')).toEqual({ type: 'scalar', value: 112.2 });
    expect(valueOf(june?.correction, 'thu-ngan-sach')).toEqual({ type: 'scalar', value: 116.6 });
    expect(june?.correction?.reason).toBe('Chi cục Thuế điều chỉnh số liệu thu');
  });
});

describe('apportion', () => {
  it('splits a total into whole numbers that add up exactly, the largest remainders first', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 3,5 + 1,75 + 1,75: the two 0,75 remainders take the two units left.
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
});
