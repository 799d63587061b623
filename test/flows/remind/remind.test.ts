import { afterEach, describe, expect, it } from 'vitest';
import { runReminders } from '../../../src/jobs/reminders.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport } from '../../support/submission-fixtures.ts';

/* June 2023 in the example bloc: open from 10 June, due by the end of 16 June, locks after 9 July. */
const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const SEVEN_SILENT =
  'Thành phố Lào Cai, Thị xã Sa Pa, Huyện Bát Xát, Huyện Bảo Thắng, Huyện Bắc Hà, Huyện Mường Khương, Huyện Văn Bàn';

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function setUp(now = local('2023-06-13T09:00')) {
  h = await createHarness({ now });
  const smc = await h.person({ unitId: 'si-ma-cai', userId: 'smc' });
  const by = await h.person({ unitId: 'bao-yen', userId: 'by' });
  const desk = await h.person({ role: 'secretariat', userId: 'desk' });
  return { smc, by, desk };
}

describe('/nhacnho', () => {
  it('reminds every missing unit now, says who was reached and who has nobody, and skips them within the hour', async () => {
    const { smc, by, desk } = await setUp();
    const [answer, ...more] = await desk.say('/nhacnho');
    expect(more).toEqual([]);
    expect(answer?.reply).toEqual({
      key: 'remind.result',
      params: {
        period: june,
        lines: [
          { key: 'remind.sent', params: { people: 2, units: 2, names: 'Huyện Bảo Yên, Huyện Si Ma Cai' } },
          { key: 'remind.nobody', params: { count: 7, names: SEVEN_SILENT } },
        ],
      },
    });
    expect(smc.transcript.map((m) => [m.reply.key, m.reply.params?.due])).toEqual([
      ['reminders.unit.manual', '16/06/2023'],
    ]);
    expect(keys(by.transcript)).toEqual(['reminders.unit.manual']);

    h.clock.now = local('2023-06-13T09:50');
    const [again] = await desk.say('/remind 6/2023');
    expect(again?.reply.params?.lines).toEqual([
      { key: 'remind.recent', params: { count: 2, names: 'Huyện Bảo Yên, Huyện Si Ma Cai' } },
      { key: 'remind.nobody', params: { count: 7, names: SEVEN_SILENT } },
    ]);
    expect(smc.transcript).toHaveLength(1);

    h.clock.now = local('2023-06-13T10:05');
    await desk.say('/nhacnho');
    expect(smc.transcript).toHaveLength(2);
  });

  it('counts the day’s automatic reminder as recent, and leaves out units whose report is in', async () => {
    const { smc, desk } = await setUp(local('2023-06-13T08:30'));
    await runReminders({ blocs: [h.bloc], repos: h.program.repos }, h.clock.now);
    await saveReport(h, 'bao-yen', '2023-06', local('2023-06-13T08:40'));
    h.clock.now = local('2023-06-13T09:00');
    const [answer] = await desk.say('/nhacnho');
    expect(answer?.reply.params?.lines).toEqual([
      { key: 'remind.recent', params: { count: 1, names: 'Huyện Si Ma Cai' } },
      { key: 'remind.nobody', params: { count: 7, names: SEVEN_SILENT } },
    ]);
    expect(keys(smc.transcript)).toEqual(['reminders.unit.dueIn']);
  });

  it('tells a focal point with a draft open to continue it', async () => {
    const { smc, desk } = await setUp();
    await smc.say('/baocao');
    const before = smc.transcript.length;
    await desk.say('/nhacnho');
    expect(smc.transcript[before]?.reply.params?.more).toEqual([{ key: 'reminders.more.draft' }]);
  });

  it('after office hours still reminds, and says when every unit is in', async () => {
    const { smc, desk } = await setUp(local('2023-06-13T20:00'));
    await desk.say('/nhacnho');
    expect(keys(smc.transcript)).toEqual(['reminders.unit.manual']);
    for (const unit of h.bloc.years[0]?.units ?? []) await saveReport(h, unit.id, '2023-06', h.clock.now);
    h.clock.now = local('2023-06-14T09:00');
    const [answer] = await desk.say('/nhacnho');
    expect(answer?.reply.params?.lines).toEqual([{ key: 'remind.allIn' }]);
  });

  it('refuses a locked period, words that are not a period, and a month that does not exist', async () => {
    const { desk } = await setUp();
    const [locked] = await desk.say('/nhacnho 5/2023');
    expect(locked?.reply.key).toBe('remind.notOpen');
    expect(locked?.reply.params?.period).toEqual({ key: 'common.period', params: { month: 5, year: 2023 } });
    expect(keys(await desk.say('/nhacnho si ma cai'))).toEqual(['remind.usage']);
    expect(keys(await desk.say('/nhacnho 13/2023'))).not.toContain('remind.result');
  });

  it('is the secretariat’s: a focal point is refused and nobody is reminded', async () => {
    const { smc, by } = await setUp();
    const answer = await smc.say('/nhacnho');
    expect(keys(answer)).not.toContain('remind.result');
    expect(keys(by.transcript)).toEqual([]);
  });
});
