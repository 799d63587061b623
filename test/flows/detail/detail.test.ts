import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport, value } from '../../support/submission-fixtures.ts';
import { AFTER_JUNE, JUNE, seedJune } from '../standings/fixtures.ts';

const BUDGET = 'Thu ngân sách nhà nước trên địa bàn';
const tỷ = (number: string): Message => ({
  key: 'report.value.unit',
  params: { number, unit: { key: 'units.billion_vnd' } },
});
const linear = (
  completion: string,
  basis: 'plan' | 'reported' | 'target',
  benchmark: string,
  earned: string,
): Message => ({
  key: 'standings.explain.linear',
  params: { completion, basis: { key: `standings.basis.${basis}` }, benchmark, earned },
});

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: AFTER_JUNE });
  await seedJune(h);
});
afterEach(async () => {
  await h.close();
});

const params = (m: { reply: Message } | undefined) => m?.reply.params ?? {};

describe('/chitiet', () => {
  it('explains each indicator: figure, points, the rule with its numbers; unscored ones say why', async () => {
    const [answer] = await (await h.person({ role: 'leader' })).say('/chitiet bac ha 6/2023');
    expect(answer?.reply.key).toBe('detail.unit');
    expect(params(answer)).toMatchObject({ unit: 'Huyện Bắc Hà', scope: JUNE, rank: 1, count: 9, total: '15,16' });
    expect(params(answer).change).toEqual({ key: 'standings.change.up', params: { count: 1 } });
    expect((params(answer).lines as Message[]).slice(0, 4)).toEqual([
      {
        key: 'detail.criterion',
        params: { number: 1, name: BUDGET, figure: tỷ('75'), points: '10', rule: linear('50,0', 'plan', '20', '10') },
      },
      {
        key: 'detail.criterion',
        params: {
          number: 2,
          name: 'Tổng sản lượng cây trồng',
          figure: {
            key: 'detail.estimate',
            params: { figure: { key: 'report.value.percent', params: { number: '51,6' } } },
          },
          points: '5,16',
          rule: linear('51,6', 'reported', '10', '5,16'),
        },
      },
      {
        key: 'detail.noFigureLine',
        params: {
          number: 3,
          name: 'Giá trị sản xuất công nghiệp',
          rule: { key: 'standings.explain.noFigure', params: { benchmark: '15' } },
        },
      },
      {
        key: 'detail.unscored',
        params: {
          number: 4,
          name: 'Giá trị sản xuất công nghiệp so với cùng kỳ',
          figure: { key: 'detail.noFigure' },
          rule: { key: 'standings.explain.noRule' },
        },
      },
    ]);
    expect(params(answer).notes).toEqual([{ key: 'detail.totalPlain', params: { total: '15,16' } }]);
  });

  it('shows the late penalty and how the total adds up, and a returned report still counted', async () => {
    const leader = await h.person({ role: 'secretariat' });
    const [late] = await leader.say('/chitiet bao yen 6/2023');
    expect(params(late).notes).toEqual([
      { key: 'detail.latePenalty', params: { points: '1', count: 1 } },
      { key: 'detail.total', params: { total: '9', criteria: '10', penalties: '1' } },
    ]);
    const [returned] = await leader.say('/chitiet si-ma-cai 6/2023');
    expect(params(returned).notes).toEqual([
      { key: 'detail.returned', params: { count: 1 } },
      { key: 'detail.totalPlain', params: { total: '10' } },
    ]);
  });

  it('a capped completion and its bonus: 2.160 of 1.800 tỷ is 120 %, counted as 100 % plus 2 × 1 point', async () => {
    await saveReport(h, 'thanh-pho-lao-cai', '2023-07', local('2023-07-11T09:00'), {
      onTime: true,
      values: [value('thu-ngan-sach', 2160)],
    });
    const [answer] = await (await h.person({ role: 'leader' })).say('/chitiet thanh pho');
    expect(params(answer).scope).toEqual({ key: 'standings.scope.period', params: { month: 7, year: 2023 } });
    expect((params(answer).lines as Message[]).slice(0, 2)).toEqual([
      {
        key: 'detail.criterion',
        params: {
          number: 1,
          name: BUDGET,
          figure: tỷ('2.160'),
          points: '22',
          rule: {
            key: 'standings.explain.linearCapped',
            params: {
              completion: '120,0',
              basis: { key: 'standings.basis.plan' },
              cap: '100',
              benchmark: '20',
              earned: '20',
            },
          },
        },
      },
      {
        key: 'detail.adjust',
        params: {
          text: { key: 'standings.explain.bonus', params: { points: '2', steps: 2, perStep: '1', step: '10' } },
        },
      },
    ]);
  });

  it('without a unit asks which, and explains the one picked', async () => {
    const chat = await h.person({ role: 'leader' });
    const [asked] = await chat.say('/chitiet 6/2023');
    expect(asked?.reply.key).toBe('common.unitArgument.ask');
    const labels = (asked?.reply.choices ?? []).flat().map((c) => ('text' in c.label ? c.label.text : ''));
    const [picked] = await chat.say(String(labels.indexOf('Huyện Bảo Yên') + 1));
    expect(picked?.reply.key).toBe('detail.unit');
    expect(params(picked)).toMatchObject({ unit: 'Huyện Bảo Yên', scope: JUNE, total: '9' });
  });

  it('a focal point gets their own unit, and is refused another one', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'bao-yen' });
    const [own] = await chat.say('/chitiet 6/2023');
    expect(params(own)).toMatchObject({ unit: 'Huyện Bảo Yên', total: '9' });
    const [other] = await chat.say('/chitiet bac ha 6/2023');
    expect(other?.reply).toEqual({
      key: 'common.unitArgument.ownOnly',
      params: { unit: 'Huyện Bảo Yên', command: 'chitiet' },
    });
  });

  it('an unknown unit lists the units; a nonsense period gets an example', async () => {
    const chat = await h.person({ role: 'leader' });
    expect(keys(await chat.say('/chitiet xyz'))).toEqual(['common.unitArgument.unknown']);
    const [period] = await chat.say('/chitiet bac ha 6/20233');
    expect(period?.reply).toEqual({ key: 'period.errors.badYear', params: { text: '6/20233', year: '20233' } });
  });
});
