import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { find, JUNE_12, last, SEED_ANSWERS } from './helpers.ts';

describe('/baocao: which period, and who may report', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  const repos = () => h.runtime.services.repos;

  it('/baocao 6/2023 names the open period; 13/2023, a locked one and one not open yet are refused with why', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'bao-yen' });
    expect(keys(await chat.say('/baocao 13/2023'))).toEqual(['period.errors.badMonth']);
    const locked = await chat.say('/baocao T5/2023');
    expect(keys(locked)).toEqual(['period.refused.locked']);
    expect(locked[0]?.reply.params).toMatchObject({ lockedAt: '09/06/2023', period: { key: 'common.period', params: { month: 5 } } });
    const early = await chat.say('/baocao 2023-07');
    expect(keys(early)).toEqual(['period.refused.notOpenYet']);
    expect(early[0]?.reply.params).toMatchObject({ openAt: '10/07/2023' });
    const june = await chat.say('/baocao 6/2023');
    expect(keys(june)).toEqual(['report.intro', 'report.ask.question']);
    expect(june[0]?.reply.params).toMatchObject({ unit: 'Huyện Bảo Yên', state: { key: 'report.state.onTime', params: { date: '16/06/2023' } } });
  });

  it('asks which period when several are open (a reopening), oldest first, each with its state', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await repos().calendar.addReopening({
      blocId: h.bloc.id,
      periodId: '2023-05',
      unitId: 'si-ma-cai',
      until: new Date('2023-06-14T17:00:00Z'),
      reason: 'bổ sung số liệu',
      by: { channel: 'console', userId: 'thuky' },
      at: JUNE_12,
    });
    const asked = await chat.say('/baocao');
    expect(keys(asked)).toEqual(['report.whichPeriod']);
    const options = last(asked).reply.choices!.flat();
    expect(options.map((o) => o.id.split('|')[1])).toEqual(['2023-05', '2023-06']);
    expect(options.map((o) => ('key' in o.label ? (o.label.params?.state as { key: string }).key : ''))).toEqual(['report.state.reopened', 'report.state.onTime']);
    expect(keys(await chat.say('4/2023'))).toEqual(['report.periodNotOffered', 'report.whichPeriod']);
    const may = await chat.say('1');
    expect(keys(may)).toEqual(['report.intro', 'report.ask.question']);
    expect(may[0]?.reply.params).toMatchObject({ period: { params: { month: 5 } } });
    for (const answer of SEED_ANSWERS) await chat.say(answer);
    const receipt = await chat.say('1');
    // Taken during a reopening after the on-time deadline: late.
    expect(receipt[0]?.reply.params).toMatchObject({ timeliness: { key: 'report.timeliness.late' } });
    expect(await repos().submissions.find(h.bloc.id, '2023-05', 'si-ma-cai')).toMatchObject({ onTime: false });
  });

  it('closes a draft whose period locks while it is typed, and hands the figures back', async () => {
    h.clock.now = new Date('2023-07-09T10:00:00Z');
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const opening = await chat.say('/baocao');
    expect(opening[0]?.reply.params).toMatchObject({ period: { params: { month: 6 } } });
    await chat.say('45,2 tỷ');
    h.clock.now = new Date('2023-07-09T17:00:00Z');
    const closed = await chat.say('51,6%');
    expect(keys(closed)).toEqual(['report.lockedWhileDrafting', 'report.draftKept']);
    expect(find(closed[0]!.reply, 'period.refused.locked')?.params).toMatchObject({ lockedAt: '09/07/2023' });
    expect(find(closed[1]!.reply, 'report.draftLine')?.params).toEqual({ number: 1, raw: '45,2 tỷ' });
    expect(keys(await chat.say('20.207 tỷ'))).toEqual(['engine.hint']);
    expect(await repos().submissions.find(h.bloc.id, '2023-06', 'si-ma-cai')).toBeUndefined();
  });

  it('refuses a report the secretariat accepted, and says who can reopen it', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await repos().submissions.save(
      { blocId: h.bloc.id, periodId: '2023-06', unitId: 'si-ma-cai', status: 'accepted', revision: 1, values: [], onTime: true },
      { actor: { channel: 'console', userId: 'thuky' }, at: JUNE_12 },
    );
    expect(keys(await chat.say('/baocao'))).toEqual(['report.accepted']);
    expect(keys(await chat.say('/baocao 6/2023'))).toEqual(['report.accepted']);
  });

  it('says once when the bloc file lacks the year and its latest year is used', async () => {
    h.clock.now = new Date('2024-06-12T03:00:00Z');
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const opening = await chat.say('/baocao');
    expect(keys(opening)).toEqual(['report.fallbackYear', 'report.intro', 'report.ask.question']);
    expect(opening[0]?.reply.params).toEqual({ year: 2024, used: 2023 });
    // The plans of 2023 still apply.
    expect(find(last(opening).reply, 'report.ask.plan')?.params).toMatchObject({ year: 2023 });
    expect(keys(await chat.say('45,2 tỷ'))).toEqual(['report.echo', 'report.ask.question']);
  });

  it('is refused to a leader by the engine, and to a focal point in a group', async () => {
    const leader = await h.person({ role: 'leader' });
    expect(keys(await leader.say('/baocao'))).toEqual(['engine.notAllowed']);
    const inGroup = await h.person({ role: 'focal', unitId: 'si-ma-cai', chatType: 'group', chatId: 'nhom-1' });
    expect(keys(await inGroup.say('/baocao'))).toEqual(['report.privateOnly']);
  });
});
