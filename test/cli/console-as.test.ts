import { describe, expect, it } from 'vitest';
import { parseAs, roleOf } from '../../src/cli/console-as.ts';
import { exampleBloc } from '../support/flow-harness.ts';

describe('roleOf: the role answered in the console menu', () => {
  it('reads the number, the role words and the first words of the role name, diacritics or not', () => {
    expect(roleOf('3')).toBe('secretariat');
    expect(roleOf('thư ký')).toBe('secretariat');
    expect(roleOf('thu ky')).toBe('secretariat');
    expect(roleOf('Thư ký khối')).toBe('secretariat');
    expect(roleOf('thuky')).toBe('secretariat');
    expect(roleOf('đầu mối')).toBe('focal');
    expect(roleOf('can bo dau moi')).toBe('focal');
    expect(roleOf('lãnh đạo')).toBe('leader');
    expect(roleOf(' 1 ')).toBe('focal');
  });

  it('reads nothing from a wrong answer', () => {
    for (const text of ['9', '0', '', 'xyz', 'khối', 'ky']) expect(roleOf(text), text).toBeUndefined();
  });
});

describe('parseAs: --as <unit>:<role>', () => {
  it('reads a unit by id or name and a role word; - for no unit', async () => {
    const bloc = await exampleBloc();
    expect(parseAs(bloc, 'si-ma-cai:daumoi')).toEqual({ role: 'focal', unitId: 'si-ma-cai' });
    expect(parseAs(bloc, 'si ma cai:focal')).toEqual({ role: 'focal', unitId: 'si-ma-cai' });
    expect(parseAs(bloc, 'bao-yen')).toEqual({ role: 'focal', unitId: 'bao-yen' });
    expect(parseAs(bloc, '-:thuky')).toEqual({ role: 'secretariat' });
    expect(parseAs(bloc, ':lanhdao')).toEqual({ role: 'leader' });
  });

  it('refuses a focal point without a unit, an unknown unit or role', async () => {
    const bloc = await exampleBloc();
    expect(parseAs(bloc, '-:daumoi')).toBeUndefined();
    expect(parseAs(bloc, 'ha-noi:daumoi')).toBeUndefined();
    expect(parseAs(bloc, 'si-ma-cai:vua')).toBeUndefined();
    expect(parseAs(bloc, '')).toBeUndefined();
  });
});
