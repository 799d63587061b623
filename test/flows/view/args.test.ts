import { describe, expect, it } from 'vitest';
import type { MemberUnit } from '../../../src/domain/bloc.ts';
import { matchUnit } from '../../../src/domain/unit-match.ts';
import { splitUnitAndPeriod } from '../../../src/flows/view/args.ts';

const UNITS: MemberUnit[] = [
  { id: 'bao-thang', name: 'Huyện Bảo Thắng', type: 'district' },
  { id: 'bao-yen', name: 'Huyện Bảo Yên', type: 'district' },
  { id: 'thi-xa-sa-pa', name: 'Thị xã Sa Pa', type: 'town' },
  { id: 'si-ma-cai', name: 'Huyện Si Ma Cai', type: 'district' },
];
const fits = (name: string) => matchUnit(UNITS, name).type !== 'none';

describe('splitUnitAndPeriod', () => {
  it.each([
    ['', '', ''],
    ['6/2023', '', '6/2023'],
    ['tháng 6/2023', '', 'tháng 6/2023'],
    ['T6', '', 'T6'],
    ['bao yen', 'bao yen', ''],
    ['si ma cai tháng 6/2023', 'si ma cai', 'tháng 6/2023'],
    ['Si Ma Cai Tháng 06 năm 2023', 'Si Ma Cai', 'Tháng 06 năm 2023'],
    // "Thắng" folds to the month word "thang": it stays with the name it completes.
    ['bao thang 6/2023', 'bao thang', '6/2023'],
    ['Bảo Thắng tháng 6/2023', 'Bảo Thắng', 'tháng 6/2023'],
    ['sa pa t6/2023', 'sa pa', 't6/2023'],
    ['sa pa t 6/2023', 'sa pa', 't 6/2023'],
  ])('%j → unit %j, period %j', (text, unitText, periodText) => {
    expect(splitUnitAndPeriod(text, fits)).toEqual({ unitText, periodText });
  });
});
