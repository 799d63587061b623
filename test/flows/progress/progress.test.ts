import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import { createHarness, type Harness } from '../../support/flow-harness.ts';
import { local } from '../../support/submission-fixtures.ts';
import { AFTER_JUNE, seedJune } from '../standings/fixtures.ts';

const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const rate = (count: number, percent: string): Message => ({
  key: 'progress.rate',
  params: { count, expected: 9, percent },
});
// Bắc Hà on time and Bảo Yên late are in; Si Ma Cai was returned, so it is out until it sends again.
const juneRates: Message = { key: 'progress.rates', params: { submitted: rate(2, '22,2'), onTime: rate(1, '11,1') } };

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: AFTER_JUNE });
  await seedJune(h);
});
afterEach(async () => {
  await h.close();
});

describe('/tiendo', () => {
  it('for a leader: the rates as "2/9 đơn vị (22,2%)" and who is in, late, returned, drafting or silent', async () => {
    const [answer] = await (await h.person({ role: 'leader' })).say('/tiendo 6/2023');
    expect(answer?.reply).toEqual({
      key: 'progress.full',
      params: {
        period: june,
        rates: juneRates,
        groups: [
          { key: 'progress.group.onTime', params: { count: 1, units: 'Huyện Bắc Hà' } },
          { key: 'progress.group.late', params: { count: 1, units: 'Huyện Bảo Yên' } },
          { key: 'progress.group.returned', params: { count: 1, units: 'Huyện Si Ma Cai' } },
          { key: 'progress.group.draft', params: { count: 1, units: 'Huyện Bát Xát' } },
          {
            key: 'progress.group.none',
            params: {
              count: 5,
              units: 'Thành phố Lào Cai, Thị xã Sa Pa, Huyện Bảo Thắng, Huyện Mường Khương, Huyện Văn Bàn',
            },
          },
        ],
      },
    });
  });

  it('for a focal point: the bloc’s rates and the own unit’s line, never another unit’s name', async () => {
    const [answer] = await (await h.person({ role: 'focal', unitId: 'bao-yen' })).say('/progress 6/2023');
    expect(answer?.reply).toEqual({
      key: 'progress.own',
      params: {
        period: june,
        rates: juneRates,
        unit: 'Huyện Bảo Yên',
        state: {
          key: 'common.reportState.submitted',
          params: { timeliness: { key: 'common.timeliness.late' }, revision: 1, at: '08:00 20/06/2023' },
        },
      },
    });
    expect(JSON.stringify(answer?.reply)).not.toMatch(/Bắc Hà|Si Ma Cai|Bát Xát/);
  });

  it('without a period: the current one (July), where nobody is in yet', async () => {
    h.clock.now = local('2023-07-12T10:00');
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/tiendo');
    expect(answer?.reply.params?.period).toEqual({ key: 'common.period', params: { month: 7, year: 2023 } });
    expect(answer?.reply.params?.rates).toEqual({
      key: 'progress.rates',
      params: { submitted: rate(0, '0,0'), onTime: rate(0, '0,0') },
    });
  });

  it('takes one month, not a year, and says so with an example', async () => {
    const leader = await h.person({ role: 'leader' });
    const [year] = await leader.say('/tiendo 2023');
    expect(year?.reply).toEqual({
      key: 'standings.args.monthOnly',
      params: { command: 'tiendo', year: 2023, example: '7/2023' },
    });
    const [nonsense] = await leader.say('/tiendo hôm qua');
    expect(nonsense?.reply).toEqual({
      key: 'standings.args.badFormatMonth',
      params: { text: 'hôm qua', command: 'tiendo', example: '7/2023' },
    });
  });
});
