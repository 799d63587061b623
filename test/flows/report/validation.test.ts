import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleChat } from '../../../src/channels/console/console-chat.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport, value } from '../../support/submission-fixtures.ts';
import { find, JUNE_12, last, SEED_ANSWERS } from './helpers.ts';

/**
 * Validation rules in /baocao (issue 7): a ratio's total against the unit's plan, a figure against
 * the unit's previous month; each asked back with what it was compared with, kept with its own flag.
 */
describe('/baocao: validation rules', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  const repos = () => h.program.repos;
  const stored = (unitId: string) => repos().submissions.find(h.bloc.id, '2023-06', unitId);
  const communes = (number: string) => ({
    key: 'report.value.unit',
    params: { number, unit: { key: 'units.communes' } },
  });

  /** Answers indicators 1 to `upTo` (1-based, exclusive) with the seed's forms. */
  async function answerUpTo(chat: ConsoleChat, upTo: number) {
    await chat.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, upTo - 1)) await chat.say(answer);
  }

  it("asks back a ratio whose total is not the unit's plan, and shows an example that fits the unit", async () => {
    const chat = await h.person({ role: 'focal', unitId: 'bao-yen' });
    await chat.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 4)) await chat.say(answer);
    const question = await chat.say(SEED_ANSWERS[4]);
    // Bảo Yên has 17 communes: the example is 17/17, not the province's 152/152.
    expect(find(last(question).reply, 'report.ask.example')?.params).toEqual({ example: communes('17/17') });

    const asked = await chat.say('152/152');
    expect(keys(asked)).toEqual(['report.check.denominator']);
    expect(last(asked).reply.params).toEqual({
      number: 6,
      name: 'Xã đạt chuẩn phổ cập giáo dục',
      unit: 'Huyện Bảo Yên',
      plan: communes('17'),
      total: '152',
    });
    expect(
      last(asked)
        .reply.choices?.flat()
        .map((c) => c.id.split('|')[1]),
    ).toEqual(['keep', 'retype']);

    // "đúng" keeps it, with the flag of its own (not the out-of-range one), shown in the echo.
    const kept = await chat.say('đúng');
    expect(keys(kept)).toEqual(['report.echo', 'report.ask.question']);
    expect(find(kept[0]!.reply, 'report.detail.confirmedRule')).toBeDefined();
    expect(find(kept[0]!.reply, 'report.detail.confirmed')).toBeUndefined();
    for (const answer of ['99,7%', '8/16', '10,61', '1502', '9.224']) await chat.say(answer);
    await chat.say('1');
    const saved = (await stored('bao-yen'))?.values.find((v) => v.indicatorCode === 'pho-cap-giao-duc');
    expect(saved).toMatchObject({ raw: '152/152', confirmedValidation: true });
    expect(saved?.confirmedOutOfRange).toBeUndefined();
    const other = (await stored('bao-yen'))?.values.find((v) => v.indicatorCode === 'xa-nong-thon-moi');
    expect(other?.confirmedValidation).toBeUndefined();

    // /xem shows the mark.
    const view = await chat.say('/xem');
    const line = find(last(view).reply, 'report.detail.confirmedRule');
    expect(line?.params?.figure).toMatchObject({ key: 'report.detail.share' });
  });

  it('a total retyped to fit the plan is taken without a flag', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await answerUpTo(chat, 6);
    await chat.say('152/152');
    expect(keys(await chat.say('nhập lại'))).toEqual(['report.ask.question']);
    const taken = await chat.say('13/13');
    expect(keys(taken)).toEqual(['report.echo', 'report.ask.question']);
    expect(find(taken[0]!.reply, 'report.detail.confirmedRule')).toBeUndefined();
  });

  it('reads a bare number for such a ratio as a share of the plan, after asking: 13 is 13/13', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await answerUpTo(chat, 6);
    const asked = await chat.say('13');
    expect(keys(asked)).toEqual(['report.shareOfPlan']);
    expect(last(asked).reply.params).toMatchObject({
      number: 6,
      raw: '13',
      unit: 'Huyện Si Ma Cai',
      plan: communes('13'),
      figure: communes('13/13'),
    });
    const taken = await chat.say('1');
    expect(keys(taken)).toEqual(['report.echo', 'report.ask.question']);
    expect(last(taken).reply.params).toMatchObject({ number: 7 });
    // More than the plan cannot be a share of it: said why, with the unit's example.
    await chat.say('quay lại');
    const above = await chat.say('20');
    expect(keys(above)).toEqual(['figures.errors.ratioAboveOne', 'report.again']);
    expect(above[0]?.reply.params).toMatchObject({ numerator: 20, denominator: 13, example: communes('13/13') });
    for (const answer of ['13', '1', ...SEED_ANSWERS.slice(6)]) await chat.say(answer);
    await chat.say('1');
    const saved = (await stored('si-ma-cai'))?.values.find((v) => v.indicatorCode === 'pho-cap-giao-duc');
    expect(saved).toMatchObject({ raw: '13', value: { type: 'ratio', numerator: 13, denominator: 13 } });
    expect(saved?.confirmedValidation).toBeUndefined();
  });

  describe('against the same unit previous month', () => {
    beforeEach(async () => {
      await saveReport(h, 'si-ma-cai', '2023-05', local('2023-05-15T09:00'), {
        values: [
          value('thu-ngan-sach', 45.2),
          value('san-luong-cay-trong', 51.6),
          value('viec-lam-moi', 1100),
          value('khen-thuong-tap-the', 150),
        ],
      });
    });

    it('asks back a year-to-date amount below May, showing May, and keeps it flagged when confirmed', async () => {
      const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
      await chat.say('/baocao');
      const asked = await chat.say('40 tỷ');
      expect(keys(asked)).toEqual(['report.check.belowPrevious']);
      expect(last(asked).reply.params).toMatchObject({
        number: 1,
        period: { key: 'common.period', params: { month: 5, year: 2023 } },
        previous: { key: 'report.value.unit', params: { number: '45,2' } },
        figure: { key: 'report.value.unit', params: { number: '40' } },
      });
      const kept = await chat.say('1');
      expect(keys(kept)).toEqual(['report.echo', 'report.ask.question']);
      expect(find(kept[0]!.reply, 'report.detail.confirmedRule')).toBeDefined();
    });

    it('asks back a figure more than ten times May; percent kinds are left to their ranges', async () => {
      const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
      await chat.say('/baocao');
      await chat.say('45,2 tỷ');
      // 5% of plan after 51,6%: a percent may fall, and is not compared.
      expect(keys(await chat.say('5%'))).toEqual(['report.echo', 'report.ask.question']);
      for (const answer of SEED_ANSWERS.slice(2, 9)) await chat.say(answer);
      const asked = await chat.say('1502');
      expect(keys(asked)).toEqual(['report.check.aboveTenfold']);
      expect(last(asked).reply.params).toMatchObject({
        number: 10,
        previous: { key: 'report.value.unit', params: { number: '150', unit: { key: 'units.times' } } },
      });
      // Retyped to what was meant, it is taken.
      await chat.say('nhập lại');
      expect(keys(await chat.say('150'))).toEqual(['report.echo', 'report.ask.question']);
    });

    it('a bulk paste queues the figures a rule asks back, one by one', async () => {
      const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
      await chat.say('/baocao');
      const pasted = await chat.say('1: 40 tỷ\n5: 1.200\n6: 152/152');
      expect(keys(pasted)).toEqual(['report.bulk.taken', 'report.bulk.queued', 'report.check.belowPrevious']);
      expect(pasted[1]?.reply.params).toEqual({ count: 2 });
      expect(keys(await chat.say('đúng'))).toEqual(['report.echo', 'report.check.denominator']);
    });
  });
});
