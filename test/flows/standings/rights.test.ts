import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleChat } from '../../../src/channels/console/console-chat.ts';
import { exampleBloc } from '../../e2e/support/report-script.ts';
import { createHarness, type Harness } from '../../support/flow-harness.ts';
import { AFTER_JUNE, seedJune } from './fixtures.ts';

const COMMANDS = ['/bangxephang 6/2023', '/tiendo 6/2023', '/chitiet bac ha 6/2023', '/xuatexcel 6/2023'];
const GROUP = 'group-leaders';

type Row = [who: string, chat: (h: Harness) => Promise<ConsoleChat> | ConsoleChat, expected: string[]];

/** design.md, "Who may do what": each new command by each kind of person, as the first reply's key. */
const MATRIX: Row[] = [
  [
    'stranger',
    (h) => h.stranger(),
    ['engine.registerFirst', 'engine.registerFirst', 'engine.registerFirst', 'engine.registerFirst'],
  ],
  [
    'focal point',
    (h) => h.person({ role: 'focal', unitId: 'bao-yen' }),
    ['standings.ownMarked', 'progress.own', 'common.unitArgument.ownOnly', 'engine.notAllowed'],
  ],
  [
    'leader',
    (h) => h.person({ role: 'leader' }),
    ['standings.table', 'progress.full', 'detail.unit', 'engine.notAllowed'],
  ],
  [
    'secretariat',
    (h) => h.person({ role: 'secretariat' }),
    ['standings.table', 'progress.full', 'detail.unit', 'export.ready'],
  ],
  [
    'stranger in the leaders’ group',
    (h) => h.stranger(undefined, { chatId: GROUP, chatType: 'group' }),
    ['standings.table', 'progress.full', 'detail.unit', 'engine.registerFirst'],
  ],
  [
    'focal point in the leaders’ group',
    (h) => h.person({ role: 'focal', unitId: 'bao-yen', chatId: GROUP, chatType: 'group' }),
    ['standings.table', 'progress.full', 'detail.unit', 'engine.notAllowed'],
  ],
];

async function firstKeys(chat: ConsoleChat): Promise<string[]> {
  const out: string[] = [];
  for (const command of COMMANDS) out.push((await chat.say(command))[0]?.reply.key ?? '(nothing)');
  return out;
}

describe('rights of /bangxephang, /tiendo, /chitiet and /xuatexcel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ now: AFTER_JUNE });
    await seedJune(h);
    await h.program.repos.groups.register({
      blocId: h.bloc.id,
      channel: 'console',
      chatId: GROUP,
      title: 'Lãnh đạo khối',
      by: { channel: 'console', userId: 'sec' },
      at: AFTER_JUNE,
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(MATRIX)('%s', async (_who, chat, expected) => {
    expect(await firstKeys(await chat(h))).toEqual(expected);
  });
});

describe('rights when the bloc lets focal points see the full table', () => {
  let h: Harness;
  beforeAll(async () => {
    const bloc = await exampleBloc();
    h = await createHarness({
      now: AFTER_JUNE,
      bloc: { ...bloc, options: { ...bloc.options, focalSeesFullTable: true } },
    });
    await seedJune(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a focal point sees the table and the progress of every unit; detail and export stay as they were', async () => {
    expect(await firstKeys(await h.person({ role: 'focal', unitId: 'bao-yen' }))).toEqual([
      'standings.table',
      'progress.full',
      'common.unitArgument.ownOnly',
      'engine.notAllowed',
    ]);
  });
});
