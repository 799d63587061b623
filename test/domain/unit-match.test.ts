import { describe, expect, it } from 'vitest';
import type { MemberUnit } from '../../src/domain/bloc.ts';
import { matchUnit, type UnitMatch } from '../../src/domain/unit-match.ts';

const UNITS: MemberUnit[] = [
  { id: 'thanh-pho-lao-cai', name: 'Thành phố Lào Cai', type: 'city' },
  { id: 'thi-xa-sa-pa', name: 'Thị xã Sa Pa', type: 'town' },
  { id: 'bat-xat', name: 'Huyện Bát Xát', type: 'district' },
  { id: 'bao-thang', name: 'Huyện Bảo Thắng', type: 'district' },
  { id: 'bao-yen', name: 'Huyện Bảo Yên', type: 'district' },
  { id: 'bac-ha', name: 'Huyện Bắc Hà', type: 'district' },
  { id: 'si-ma-cai', name: 'Huyện Si Ma Cai', type: 'district' },
  { id: 'dong-van', name: 'Huyện Đồng Văn', type: 'district' },
];

/** The match as ids, so a table reads at a glance. */
function ids(match: UnitMatch): string | string[] {
  if (match.type === 'unit') return match.unit.id;
  if (match.type === 'ambiguous') return match.candidates.map((u) => u.id);
  return 'none';
}

describe('matchUnit', () => {
  it.each([
    ['si-ma-cai', 'si-ma-cai'],
    ['Si Ma Cai', 'si-ma-cai'],
    ['si ma', 'si-ma-cai'],
    ['SI MA CAI', 'si-ma-cai'],
    ['Huyện Si Ma Cai', 'si-ma-cai'],
    ['  si   ma  ', 'si-ma-cai'],
    ['bắc hà', 'bac-ha'],
    ['bac ha', 'bac-ha'],
    ['Bac', 'bac-ha'],
    ['bao yen', 'bao-yen'],
    ['Đồng', 'dong-van'],
    ['dong', 'dong-van'],
    ['ĐỒNG VĂN', 'dong-van'],
    ['lao cai', 'thanh-pho-lao-cai'],
    ['TP Lào Cai', 'thanh-pho-lao-cai'],
    ['thanh pho', 'thanh-pho-lao-cai'],
    ['sa pa', 'thi-xa-sa-pa'],
    ['thi-xa-sa-pa', 'thi-xa-sa-pa'],
  ])('%s → %s', (typed, expected) => {
    expect(ids(matchUnit(UNITS, typed))).toBe(expected);
  });

  it('offers every unit a beginning fits when several do', () => {
    expect(ids(matchUnit(UNITS, 'bao'))).toEqual(['bao-thang', 'bao-yen']);
    expect(ids(matchUnit(UNITS, 'BẢO'))).toEqual(['bao-thang', 'bao-yen']);
    expect(ids(matchUnit(UNITS, 'ba'))).toEqual(['bat-xat', 'bao-thang', 'bao-yen', 'bac-ha']);
  });

  it('finds nothing for a name no unit begins with, nor for an empty argument', () => {
    expect(ids(matchUnit(UNITS, 'xyz'))).toBe('none');
    expect(ids(matchUnit(UNITS, 'ma cai'))).toBe('none');
    expect(ids(matchUnit(UNITS, '   '))).toBe('none');
  });

  it('prefers a name typed in full over longer names it begins', () => {
    const units: MemberUnit[] = [
      { id: 'bao', name: 'Xã Bảo', type: 'commune' },
      { id: 'bao-yen', name: 'Huyện Bảo Yên', type: 'district' },
    ];
    expect(ids(matchUnit(units, 'bảo'))).toBe('bao');
    expect(ids(matchUnit(units, 'bao y'))).toBe('bao-yen');
  });
});
