import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBlocs } from '../../../src/config/bloc-loader.ts';
import { periodScope, scoreStandings } from '../../../src/domain/scoring/index.ts';
import { ratio, report, scalar } from './fixtures.ts';

const EXAMPLE = fileURLToPath(new URL('../../../deploy/bloc.example.yaml', import.meta.url));

describe('the example bloc’s scoring sections', () => {
  it('score Bảo Yên’s June report as the bloc file reads, criterion by criterion', async () => {
    const { blocs, errors } = await loadBlocs(EXAMPLE);
    expect(errors).toEqual([]);
    const bloc = blocs[0];
    if (!bloc) throw new Error('no bloc');
    const june = { ...report('bao-yen', '2023-06', []), blocId: bloc.id };
    june.values = [
      scalar('thu-ngan-sach', 110), // plan 220 → 50 % of 20
      scalar('san-luong-cay-trong', 51.6), // 51,6 % of 10
      scalar('gia-tri-cong-nghiep', 2530), // plan 2300 → 110 %: 15 + 1 bonus step
      scalar('gia-tri-cong-nghiep-cung-ky', 91), // no rule: shown only
      scalar('viec-lam-moi', 950), // plan 1900 → 50 % of 15
      ratio('pho-cap-giao-duc', 17, 17), // target 1 → 10
      scalar('huy-dong-hoc-sinh', 99.7), // band from 99 → 10
      ratio('xa-nong-thon-moi', 8, 16), // half the communes, target 0,5 → 10
      scalar('tieu-chi-ntm', 12), // target 15 → 80 % of 10
      scalar('khen-thuong-tap-the', 12), // no rule
    ];
    const standings = scoreStandings(bloc, periodScope('2023-06'), [june]);
    const row = standings.rows.find((r) => r.unit.id === 'bao-yen');
    const points = Object.fromEntries(row?.criteria.map((c) => [c.indicatorCode, [c.outcome, c.points]]) ?? []);
    expect(points).toEqual({
      'thu-ngan-sach': ['scored', 10],
      'san-luong-cay-trong': ['scored', 5.16],
      'gia-tri-cong-nghiep': ['scored', 16],
      'gia-tri-cong-nghiep-cung-ky': ['unscored', 0],
      'viec-lam-moi': ['scored', 7.5],
      'pho-cap-giao-duc': ['scored', 10],
      'huy-dong-hoc-sinh': ['scored', 10],
      'xa-nong-thon-moi': ['scored', 10],
      'tieu-chi-ntm': ['scored', 8],
      'khen-thuong-tap-the': ['unscored', 0],
      'khen-thuong-ca-nhan': ['unscored', 0], // no rule, no figure
    });
    // The benchmarks of the bloc add up to 100, as the blocs' own tables do.
    expect(row?.criteria.reduce((sum, c) => sum + c.benchmark, 0)).toBe(100);
    expect(row?.total).toBeCloseTo(76.66, 9);
    // The eight other units sent nothing: each listed with the missing penalty of 2.
    expect(standings.rows).toHaveLength(9);
    expect(standings.rows.filter((r) => r.total === -2)).toHaveLength(8);
  });
});
