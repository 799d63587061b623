import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blocYear, type Bloc } from '../../src/domain/bloc.ts';
import { blocWarnings, loadBlocs, summarizeBloc } from '../../src/config/bloc-loader.ts';

const EXAMPLE = fileURLToPath(new URL('../../deploy/bloc.example.yaml', import.meta.url));

async function example(): Promise<Bloc> {
  const { blocs, errors } = await loadBlocs(EXAMPLE);
  expect(errors).toEqual([]);
  const [bloc] = blocs;
  if (!bloc) throw new Error('no bloc');
  return bloc;
}

describe('deploy/bloc.example.yaml (the Lào Cai bloc of domain.md)', () => {
  it('has the 9 units of 2023 with head Bắc Hà and deputy Bảo Yên', async () => {
    const bloc = await example();
    expect(bloc.id).toBe('khoi-huyen-lao-cai');
    expect(bloc.years.map((y) => y.year)).toEqual([2023]);
    const year = bloc.years[0];
    expect(year?.units.map((u) => u.id)).toEqual([
      'thanh-pho-lao-cai',
      'thi-xa-sa-pa',
      'bat-xat',
      'bao-thang',
      'bao-yen',
      'bac-ha',
      'muong-khuong',
      'si-ma-cai',
      'van-ban',
    ]);
    expect(year?.units.map((u) => u.type).filter((t) => t === 'district')).toHaveLength(7);
    expect(year?.units.find((u) => u.id === 'si-ma-cai')?.name).toBe('Huyện Si Ma Cai');
    expect(year?.head).toBe('bac-ha');
    expect(year?.deputy).toBe('bao-yen');
  });

  it('has the 11 indicators of domain.md in order, with their kinds, units and aggregation', async () => {
    const bloc = await example();
    expect(bloc.indicators.map((i) => [i.number, i.code, i.kind, i.unit, i.aggregation])).toEqual([
      [1, 'thu-ngan-sach', 'amount', 'billion_vnd', 'cumulative'],
      [2, 'san-luong-cay-trong', 'percent_of_plan', 'percent', 'cumulative'],
      [3, 'gia-tri-cong-nghiep', 'amount', 'billion_vnd', 'cumulative'],
      [4, 'gia-tri-cong-nghiep-cung-ky', 'yoy_percent', 'percent', 'cumulative'],
      [5, 'viec-lam-moi', 'count', 'people', 'cumulative'],
      [6, 'pho-cap-giao-duc', 'ratio', 'communes', 'stock'],
      [7, 'huy-dong-hoc-sinh', 'percent', 'percent', 'stock'],
      [8, 'xa-nong-thon-moi', 'ratio', 'communes', 'stock'],
      [9, 'tieu-chi-ntm', 'number', 'criteria', 'stock'],
      [10, 'khen-thuong-tap-the', 'count', 'times', 'period'],
      [11, 'khen-thuong-ca-nhan', 'count', 'times', 'period'],
    ]);
    const byCode = (code: string) => bloc.indicators.find((i) => i.code === code);
    expect(byCode('thu-ngan-sach')?.decimals).toBe(1);
    expect(byCode('tieu-chi-ntm')).toMatchObject({ decimals: 2, range: { min: 0, max: 19 } });
    expect(byCode('huy-dong-hoc-sinh')?.range).toEqual({ min: 0, max: 100 });
    expect(byCode('gia-tri-cong-nghiep-cung-ky')?.required).toBe(false);
    expect(byCode('pho-cap-giao-duc')?.ratioAtMostOne).toBe(true);
  });

  it('scores 8 indicators whose benchmarks add up to 100, and leaves 3 unscored', async () => {
    const bloc = await example();
    const scored = bloc.indicators.filter((i) => i.scoring);
    expect(scored.reduce((sum, i) => sum + (i.scoring?.benchmark ?? 0), 0)).toBe(100);
    expect(bloc.indicators.filter((i) => !i.scoring).map((i) => i.code)).toEqual([
      'gia-tri-cong-nghiep-cung-ky',
      'khen-thuong-tap-the',
      'khen-thuong-ca-nhan',
    ]);
    expect(bloc.indicators.find((i) => i.code === 'huy-dong-hoc-sinh')?.scoring?.method).toBe('bands');
  });

  it('has plans consistent with the seed: 50 500 tỷ of industry, 152 communes, 127 rural communes', async () => {
    const bloc = await example();
    const year = bloc.years[0];
    if (!year) throw new Error('no year');
    const total = (code: string) => year.units.reduce((sum, u) => sum + (year.plans[u.id]?.[code] ?? Number.NaN), 0);
    expect(total('gia-tri-cong-nghiep')).toBe(50_500);
    // The seed's H1 industrial value, 20 207 tỷ, is "40 % KH".
    expect(20_207 / total('gia-tri-cong-nghiep')).toBeCloseTo(0.4, 2);
    expect(total('pho-cap-giao-duc')).toBe(152);
    expect(total('xa-nong-thon-moi')).toBe(127);
    expect(Number.isFinite(total('thu-ngan-sach'))).toBe(true);
    for (const unit of year.units) expect(year.plans[unit.id]?.['viec-lam-moi']).toBeGreaterThanOrEqual(1000);
  });

  it('has the 12 movements, numbered in order', async () => {
    const bloc = await example();
    expect(bloc.movements).toHaveLength(12);
    expect(bloc.movements.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(bloc.movements.find((m) => m.id === 'chuyen-doi-so')?.number).toBe(6);
  });

  it('has the example calendar, reminders, scoring policy and options', async () => {
    const bloc = await example();
    expect(bloc.calendar).toEqual({
      timezone: 'Asia/Ho_Chi_Minh',
      open: { day: 10, monthOffset: 0 },
      due: { day: 16, monthOffset: 0 },
      graceDays: 0,
      lock: { day: 9, monthOffset: 1 },
      reopenDays: 3,
    });
    expect(bloc.reminders).toMatchObject({
      beforeDueDays: [3, 1, 0],
      lateEveryDays: 1,
      escalateAfterLateDays: 3,
      sendAt: '08:30',
      weekdays: [1, 2, 3, 4, 5],
    });
    expect(bloc.scoring.tieBreak).toEqual(['total', 'on_time', 'submitted_at', 'name']);
    expect(bloc.options).toMatchObject({ autoPostStandings: true, postProgressOnDue: true, focalSeesFullTable: false });
    expect(bloc.options.privacyNotice).toContain('06/2022/QH15');
  });

  it('still works in 2026: the latest year applies, and the summary says so', async () => {
    const bloc = await example();
    expect(blocYear(bloc, 2026)).toMatchObject({ year: { year: 2023 }, fallback: true });
    const summary = summarizeBloc(bloc, new Date('2026-03-01T00:00:00+07:00'));
    expect(summary.heading).toEqual({
      key: 'blocFile.summary.heading',
      params: { id: 'khoi-huyen-lao-cai', name: 'Khối thi đua các huyện, thị xã, thành phố tỉnh Lào Cai' },
    });
    expect(summary.lines).toContainEqual({
      key: 'blocFile.summary.year',
      params: { year: 2023, units: 9, head: 'bac-ha', deputy: 'bao-yen' },
    });
    expect(summary.lines).toContainEqual({ key: 'blocFile.summary.inUseFallback', params: { year: 2026, used: 2023 } });
    expect(summary.lines).toContainEqual({
      key: 'blocFile.summary.indicators',
      params: { total: 11, scored: 8, benchmarks: 100, unscored: 3 },
    });
    expect(summary.lines).toContainEqual({ key: 'blocFile.summary.movements', params: { count: 12 } });
    expect(summary.lines).toContainEqual({
      key: 'blocFile.summary.calendar',
      params: {
        timezone: 'Asia/Ho_Chi_Minh',
        open: { key: 'blocFile.summary.day.sameMonth', params: { day: 10 } },
        due: { key: 'blocFile.summary.day.sameMonth', params: { day: 16 } },
        lock: { key: 'blocFile.summary.day.nextMonth', params: { day: 9 } },
        reopenDays: 3,
      },
    });
    expect(summary.lines.map((line) => line.key)).not.toContain('blocFile.summary.missingPlan');
  });

  it('names the tie-break order in words, not the codes of the file', async () => {
    const summary = summarizeBloc(await example(), new Date('2026-03-01T00:00:00+07:00'));
    const word = (key: string) => ({ key: `blocFile.summary.tieBreak.${key}` });
    expect(summary.lines).toContainEqual({
      key: 'blocFile.summary.scoring',
      params: {
        late: 1,
        missing: 2,
        tieBreak: {
          key: 'blocFile.summary.tieBreak.then',
          params: {
            first: word('total'),
            rest: {
              key: 'blocFile.summary.tieBreak.then',
              params: {
                first: word('onTime'),
                rest: {
                  key: 'blocFile.summary.tieBreak.then',
                  params: { first: word('submittedAt'), rest: word('name') },
                },
              },
            },
          },
        },
      },
    });
  });

  it('lists holidays for 2024 to 2027 (Tết included), and warns for a year it has none of, in the bloc zone', async () => {
    const bloc = await example();
    for (const day of ['2024-02-12', '2025-01-29', '2026-02-17', '2027-02-08', '2027-04-16']) {
      expect(bloc.reminders.holidays).toContain(day);
    }
    expect(blocWarnings(bloc, new Date('2027-06-01T00:00:00+07:00'))).toEqual([]);
    expect(summarizeBloc(bloc, new Date('2026-03-01T00:00:00+07:00')).lines.map((l) => l.key)).not.toContain(
      'blocFile.summary.noHolidays',
    );
    // 20:00Z on 31 December 2027 is already 1 January 2028 in Hà Nội.
    const newYear = new Date('2027-12-31T20:00:00Z');
    expect(blocWarnings(bloc, newYear)).toEqual([{ key: 'blocFile.summary.noHolidays', params: { year: 2028 } }]);
    expect(summarizeBloc(bloc, newYear).lines.at(-1)).toEqual({
      key: 'blocFile.summary.noHolidays',
      params: { year: 2028 },
    });
  });
});
