import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_BLOC_FILE } from '../../../src/cli/bloc-source.ts';
import { loadBlocs } from '../../../src/config/bloc-loader.ts';
import type { Bloc } from '../../../src/domain/bloc.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { find, JUNE_12, last, SEED_ANSWERS } from './helpers.ts';
import { saveSubmission } from '../../support/submission-fixtures.ts';

describe('/baocao: which period, and who may report', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  const repos = () => h.program.repos;

  it('/baocao 6/2023 names the open period; 13/2023, a locked one and one not open yet are refused with why', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'bao-yen' });
    expect(keys(await chat.say('/baocao 13/2023'))).toEqual(['period.errors.badMonth']);
    const locked = await chat.say('/baocao T5/2023');
    expect(keys(locked)).toEqual(['period.refused.locked']);
    expect(locked[0]?.reply.params).toMatchObject({
      lockedAt: '09/06/2023',
      period: { key: 'common.period', params: { month: 5 } },
    });
    const early = await chat.say('/baocao 2023-07');
    expect(keys(early)).toEqual(['period.refused.notOpenYet']);
    expect(early[0]?.reply.params).toMatchObject({ openAt: '10/07/2023' });
    const june = await chat.say('/baocao 6/2023');
    expect(keys(june)).toEqual(['report.intro', 'report.ask.question']);
    expect(june[0]?.reply.params).toMatchObject({
      unit: 'Huyện Bảo Yên',
      state: { key: 'report.state.onTime', params: { date: '16/06/2023' } },
    });
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
    expect(options.map((o) => ('key' in o.label ? (o.label.params?.state as { key: string }).key : ''))).toEqual([
      'report.state.reopened',
      'report.state.onTime',
    ]);
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
    expect(keys(await chat.say('20.207 tỷ'))).toEqual(['engine.hintFocal']);
    expect(await repos().submissions.find(h.bloc.id, '2023-06', 'si-ma-cai')).toBeUndefined();
  });

  it('refuses a report the secretariat accepted, and says who can reopen it', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await saveSubmission(
      repos(),
      {
        blocId: h.bloc.id,
        periodId: '2023-06',
        unitId: 'si-ma-cai',
        status: 'accepted',
        revision: 1,
        values: [],
        onTime: true,
      },
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

describe("/baocao: only a member of the bloc in the period's year reports", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  /**
   * The example bloc with a second year: in 2024 Si Ma Cai has left and a commune has joined. The file
   * has no 2025, so 2025 uses 2024's members (the fallback-year rule).
   */
  async function twoYears(now: Date): Promise<Harness> {
    const [example] = (await loadBlocs(EXAMPLE_BLOC_FILE)).blocs;
    const y2023 = example?.years[0];
    if (!example || !y2023) throw new Error('the example bloc does not load');
    const y2024 = {
      ...y2023,
      year: 2024,
      units: [
        ...y2023.units.filter((u) => u.id !== 'si-ma-cai'),
        { id: 'xa-moi', name: 'Xã Mới', type: 'commune' as const },
      ],
    };
    const bloc: Bloc = { ...example, years: [y2023, y2024] };
    return createHarness({ now, bloc });
  }

  it('refuses a unit that is not a member that year, with the unit, the year and the period', async () => {
    h = await twoYears(new Date('2024-06-12T03:00:00Z'));
    const left = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const refused = await left.say('/baocao');
    expect(keys(refused)).toEqual(['report.notMember']);
    expect(refused[0]?.reply.params).toEqual({
      unit: 'Huyện Si Ma Cai',
      year: 2024,
      period: { key: 'common.period', params: { month: 6, year: 2024 } },
    });
    expect(keys(await left.say('/baocao 6/2024'))).toEqual(['report.notMember']);
    expect(keys(await left.say('45'))).toEqual(['engine.hintFocal']);
    expect(await h.program.repos.submissions.find(h.bloc.id, '2024-06', 'si-ma-cai')).toBeUndefined();
    // A member that year reports as usual.
    expect(keys(await (await h.person({ role: 'focal', unitId: 'xa-moi' })).say('/baocao'))).toEqual([
      'report.intro',
      'report.ask.question',
    ]);
  });

  it("a year the file lacks uses its latest year's members", async () => {
    h = await twoYears(new Date('2025-06-12T03:00:00Z'));
    const refused = await (await h.person({ role: 'focal', unitId: 'si-ma-cai' })).say('/baocao');
    expect(keys(refused)).toEqual(['report.notMember']);
    expect(refused[0]?.reply.params).toMatchObject({ year: 2025 });
    const joined = await (await h.person({ role: 'focal', unitId: 'xa-moi' })).say('/baocao');
    expect(keys(joined)).toEqual(['report.fallbackYear', 'report.intro', 'report.ask.question']);
  });

  it('refuses a unit that joined later for a period before it joined', async () => {
    h = await twoYears(new Date('2023-06-12T03:00:00Z'));
    const refused = await (await h.person({ role: 'focal', unitId: 'xa-moi' })).say('/baocao 6/2023');
    expect(keys(refused)).toEqual(['report.notMember']);
    expect(refused[0]?.reply.params).toMatchObject({ unit: 'Xã Mới', year: 2023 });
  });
});
