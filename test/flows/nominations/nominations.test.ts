import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';

describe('/dsdexuat: the unit nominations of the year', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('says there are none and how to add one, then lists the unit nominations one line each', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const before = await chat.say('/dsdexuat');
    expect(keys(before)).toEqual(['nominations.none']);
    expect(before[0]?.reply.params).toEqual({ unit: 'Huyện Si Ma Cai', year: 2023 });

    await chat.say('/dexuat');
    for (const answer of [
      '1',
      'Phòng Nội vụ huyện',
      '5',
      'Dẫn đầu khối về giải quyết hồ sơ trực tuyến.',
      'bỏ qua',
      '1',
    ])
      await chat.say(answer);
    const longName = `Nguyễn Văn An ${'rất dài '.repeat(20)}`.trim();
    await chat.say('/dexuat');
    for (const answer of [
      '2',
      longName,
      'Chuyên viên',
      'UBND huyện',
      'chuyen doi so',
      'Xây dựng phần mềm một cửa cho toàn huyện.',
      'bỏ qua',
      '1',
    ])
      await chat.say(answer);
    // Another unit's nomination and one of another year are not listed.
    const repos = h.program.repos;
    await repos.nominations.create({
      blocId: h.bloc.id,
      unitId: 'bac-ha',
      year: 2023,
      kind: 'collective',
      name: 'Xã Bản Phố',
      movementId: 'chuyen-doi-so',
      achievements: 'x'.repeat(30),
    });
    await repos.nominations.create({
      blocId: h.bloc.id,
      unitId: 'si-ma-cai',
      year: 2022,
      kind: 'collective',
      name: 'Xã Sán Chải',
      movementId: 'chuyen-doi-so',
      achievements: 'x'.repeat(30),
    });

    const after = await chat.say('dsdexuat');
    expect(keys(after)).toEqual(['nominations.list']);
    const ids = (await repos.nominations.listForUnit(h.bloc.id, 'si-ma-cai', 2023)).map((n) => n.id);
    const params = after[0]?.reply.params ?? {};
    expect(params).toMatchObject({ unit: 'Huyện Si Ma Cai', year: 2023, count: 2 });
    const lines = params.lines as Message[];
    expect(lines[0]).toEqual({
      key: 'nominations.line',
      params: {
        number: ids[0],
        kind: { key: 'nominate.kind.collective' },
        name: 'Phòng Nội vụ huyện',
        movement: 'Cải cách hành chính',
        date: '12/06/2023',
      },
    });
    expect(lines[1]?.params).toMatchObject({
      number: ids[1],
      kind: { key: 'nominate.kind.individual' },
      movement: 'Chuyển đổi số',
    });
    const shown = String(lines[1]?.params?.name);
    expect([...shown].length).toBeLessThanOrEqual(60);
    expect(shown.endsWith('…')).toBe(true);
    // Rendered, each nomination is one line.
    expect(after[0]?.text.split('\n')).toHaveLength(3);

    expect(keys(await chat.say('/dsdexuat 2022'))).toEqual(['nominations.list']);
  });

  it('is refused to a leader', async () => {
    const leader = await h.person({ role: 'leader' });
    expect(keys(await leader.say('/dsdexuat'))).toEqual(['engine.notAllowed']);
  });
});
