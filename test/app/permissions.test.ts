import { describe, expect, it } from 'vitest';
import {
  accessFor,
  PERMISSIONS,
  resolveCommand,
  type Access,
  type CommandName,
  type Who,
} from '../../src/app/permissions.ts';

// design.md, "Who may do what", written out row by row: the code's table must say the same.
const WHO: Who[] = ['stranger', 'focal', 'leader', 'secretariat', 'admin'];
const ROWS: Array<[CommandName[], Access[]]> = [
  [
    ['start', 'dangky', 'trogiup', 'huy', 'toilaai', 'ngonngu'],
    ['any', 'any', 'any', 'any', 'any'],
  ],
  [
    ['baocao', 'dexuat', 'dsdexuat'],
    ['no', 'own', 'no', 'no', 'no'],
  ],
  [
    ['xem', 'trangthai', 'chitiet'],
    ['no', 'own', 'any', 'any', 'any'],
  ],
  [
    ['bangxephang', 'tiendo'],
    ['no', 'ownRank', 'any', 'any', 'any'],
  ],
  [
    ['chuanop', 'nhacnho', 'thongbao', 'moky', 'khoaky', 'giahan', 'xuatexcel', 'nhom'],
    ['no', 'no', 'no', 'any', 'any'],
  ],
  [
    ['moi', 'dsmoi', 'thuhoi', 'daumoi', 'huylienket', 'nhapho', 'tralai', 'duyet', 'xoadexuat'],
    ['no', 'no', 'no', 'any', 'any'],
  ],
];

describe('who may do what', () => {
  it('covers every command exactly once', () => {
    expect(ROWS.flatMap(([c]) => c).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [commands, expected] of ROWS) {
    for (const command of commands) {
      it(`/${command}`, () => {
        expect(WHO.map((who) => accessFor(command, [who]))).toEqual(expected);
      });
    }
  }

  it('opens standings, progress and detail to everyone in the bloc group, and nothing else', () => {
    for (const c of Object.keys(PERMISSIONS) as CommandName[]) {
      const inGroup = accessFor(c, ['stranger'], true);
      expect(inGroup, c).toBe(
        ['bangxephang', 'tiendo', 'chitiet'].includes(c) || PERMISSIONS[c].stranger === 'any' ? 'any' : 'no',
      );
    }
  });

  it('takes the widest right of several roles, and knows the English aliases', () => {
    expect(accessFor('xem', ['focal', 'leader'])).toBe('any');
    expect(accessFor('baocao', ['secretariat', 'admin'])).toBe('no');
    expect(resolveCommand('report')).toBe('baocao');
    expect(resolveCommand('missing')).toBe('chuanop');
    expect(resolveCommand('nonsense')).toBeUndefined();
  });
});
