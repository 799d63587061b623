import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import type { Bloc } from '../../../src/domain/bloc.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { exampleBloc } from '../../e2e/support/report-script.ts';
import { AFTER_JUNE, JUNE, MAY, PNG_SIGNATURE, seedJune, SILENT_IN_ORDER, startsWith } from './fixtures.ts';

const change = (key: 'up' | 'down' | 'same', count?: number): Message =>
  count === undefined ? { key: `standings.change.${key}` } : { key: `standings.change.${key}`, params: { count } };
const mark = (name: 'own' | 'estimate' | 'returned' | 'late' | 'missing'): Message => ({
  key: `standings.mark.${name}`,
});
const marked = (rank: number, unit: string, total: string, moved: Message, marks: Message): Message => ({
  key: 'standings.lineMarked',
  params: { rank, unit, total, change: moved, marks },
});

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function harness(bloc?: Bloc): Promise<Harness> {
  h = await createHarness({ now: AFTER_JUNE, ...(bloc ? { bloc } : {}) });
  await seedJune(h);
  return h;
}

describe('/bangxephang for a leader', () => {
  it('ranks June with moves since May, marks estimates, returned, late and missing reports, and attaches the chart', async () => {
    await harness();
    const [answer, ...rest] = await (await h.person({ role: 'leader' })).say('/bangxephang 6/2023');
    expect(rest).toEqual([]);
    expect(answer?.reply.key).toBe('standings.table');
    expect(answer?.reply.params?.scope).toEqual(JUNE);
    expect(answer?.reply.params?.provisional).toEqual({ key: 'standings.provisional' });
    expect(answer?.reply.params?.lines).toEqual([
      marked(1, 'Huyện Bắc Hà', '15,16', change('up', 1), mark('estimate')),
      marked(2, 'Huyện Si Ma Cai', '10', change('same'), mark('returned')),
      marked(3, 'Huyện Bảo Yên', '9', change('down', 2), mark('late')),
      ...SILENT_IN_ORDER.map((unit) => marked(4, unit, '-2', change('down', 2), mark('missing'))),
    ]);
    expect(answer?.reply.params?.notes).toEqual([
      { key: 'standings.footer.change', params: { previous: MAY } },
      { key: 'standings.footer.detail', params: { example: 'bac-ha' } },
    ]);
    expect(startsWith(answer?.reply.image?.png, PNG_SIGNATURE)).toBe(true);
  });

  it('a bare year is the year to date, through the current period', async () => {
    await harness();
    const [answer] = await (await h.person({ role: 'leader' })).say('/bangxephang 2023');
    expect(answer?.reply.params?.scope).toEqual({
      key: 'standings.scope.yearToDate',
      params: { month: 7, year: 2023 },
    });
    // Through July (nothing in yet): Bắc Hà 15,16 − 2 × 6 missing months = 3,16.
    const first = (answer?.reply.params?.lines as Message[])[0];
    expect(first?.params?.unit).toBe('Huyện Bắc Hà');
    expect(first?.params?.total).toBe('3,16');
    expect(first?.params?.marks).toEqual({
      key: 'standings.marks.join',
      params: { head: mark('estimate'), tail: { key: 'standings.mark.missingCount', params: { count: 6 } } },
    });
  });

  it('with nothing typed shows the current period, where nobody has reported yet', async () => {
    await harness();
    const [answer] = await (await h.person({ role: 'leader' })).say('/standings');
    expect(answer?.reply.params?.scope).toEqual({ key: 'standings.scope.period', params: { month: 7, year: 2023 } });
  });

  it('refuses nonsense, a month that does not exist, a period not open yet and a year not begun, with examples', async () => {
    await harness();
    const leader = await h.person({ role: 'leader' });
    const answers = [
      ...(await leader.say('/bangxephang tuần trước')),
      ...(await leader.say('/bangxephang 13/2023')),
      ...(await leader.say('/bangxephang 8/2023')),
      ...(await leader.say('/bangxephang 2024')),
    ].map((m) => m.reply);
    expect(answers).toEqual([
      {
        key: 'standings.args.badFormat',
        params: { text: 'tuần trước', command: 'bangxephang', example: '7/2023', year: 2023 },
      },
      { key: 'period.errors.badMonth', params: { text: '13/2023', month: '13' } },
      {
        key: 'standings.args.notOpenYet',
        params: {
          period: { key: 'common.period', params: { month: 8, year: 2023 } },
          openAt: '10/08/2023',
          command: 'bangxephang',
          example: '7/2023',
        },
      },
      { key: 'standings.args.yearNotBegun', params: { year: 2024, command: 'bangxephang', example: '7/2023' } },
    ]);
  });

  it('the console writes the chart to its folder and names it in the text', async () => {
    await harness();
    const [answer] = await (await h.person({ role: 'leader' })).say('/bangxephang 6/2023');
    const [path] = answer?.files ?? [];
    expect(path?.startsWith(h.filesDir)).toBe(true);
    expect(existsSync(path ?? '')).toBe(true);
    expect(startsWith(new Uint8Array(readFileSync(path ?? '')), PNG_SIGNATURE)).toBe(true);
    expect(answer?.text).toContain(path);
  });
});

describe('/bangxephang for a focal point', () => {
  it('shows only the own rank and score: no other unit, no chart', async () => {
    await harness();
    const [answer] = await (await h.person({ role: 'focal', unitId: 'bao-yen' })).say('/bangxephang 6/2023');
    expect(answer?.reply).toEqual({
      key: 'standings.ownMarked',
      params: {
        unit: 'Huyện Bảo Yên',
        scope: JUNE,
        provisional: { key: 'standings.provisional' },
        rank: 3,
        count: 9,
        total: '9',
        change: change('down', 2),
        marks: mark('late'),
      },
    });
    expect(answer?.text).not.toMatch(/Bắc Hà|Si Ma Cai/);
  });

  it('sees the whole table, the own unit marked and drawn apart, when the bloc allows it', async () => {
    const base = await exampleBloc();
    await harness({ ...base, options: { ...base.options, focalSeesFullTable: true } });
    const [answer] = await (await h.person({ role: 'focal', unitId: 'bao-yen' })).say('/bangxephang 6/2023');
    expect(keys([answer!])).toEqual(['standings.table']);
    expect((answer?.reply.params?.lines as Message[])[2]).toEqual(
      marked(3, 'Huyện Bảo Yên', '9', change('down', 2), {
        key: 'standings.marks.join',
        params: { head: mark('own'), tail: mark('late') },
      }),
    );
    expect(startsWith(answer?.reply.image?.png, PNG_SIGNATURE)).toBe(true);
  });
});
