import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import type { SentMessage } from '../../../src/channels/console/console-chat.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport, value } from '../../support/submission-fixtures.ts';
import { last, reportAll } from '../report/helpers.ts';

function lines(message: SentMessage | undefined): Message[] {
  return (message?.reply.params?.lines ?? []) as Message[];
}

/** The line of indicator number `n` (lines are numbered by the bloc file's order). */
function lineOf(message: SentMessage | undefined, n: number): Message | undefined {
  return lines(message).find((l) => l.params?.number === n);
}

describe('/xem', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-06-20T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  async function baoThangJune(): Promise<void> {
    await saveReport(h, 'bao-thang', '2023-06', local('2023-06-14T08:30'), {
      onTime: true,
      values: [
        value('thu-ngan-sach', 300),
        value('san-luong-cay-trong', 51.6, { estimate: true, note: 'Số ước của phòng Nông nghiệp' }),
        value('gia-tri-cong-nghiep', 20207),
        value('pho-cap-giao-duc', [14, 14]),
        value('huy-dong-hoc-sinh', 99.7),
      ],
    });
  }

  it('shows each figure in Vietnamese format with percent of plan, estimate, note and the state', async () => {
    await baoThangJune();
    const [answer] = await (await h.person({ role: 'focal', unitId: 'bao-thang' })).say('/xem');
    expect(answer?.reply.key).toBe('view.figures');
    expect(answer?.reply.params?.unit).toBe('Huyện Bảo Thắng');
    expect(answer?.reply.params?.period).toEqual({ key: 'common.period', params: { month: 6, year: 2023 } });
    expect(answer?.reply.params?.state).toEqual({
      key: 'common.reportState.submitted',
      params: { timeliness: { key: 'common.timeliness.onTime' }, revision: 1, at: '08:30 14/06/2023' },
    });
    // Plan 22 000 tỷ: 20 207 is 91,85 % of it, shown with one decimal.
    expect(lineOf(answer, 3)).toEqual({
      key: 'view.line',
      params: {
        number: 3,
        name: 'Giá trị sản xuất công nghiệp',
        figure: {
          key: 'report.detail.ofPlan',
          params: {
            figure: { key: 'report.value.unit', params: { number: '20.207', unit: { key: 'units.billion_vnd' } } },
            percent: '91,9',
          },
        },
      },
    });
    expect(lineOf(answer, 1)?.params?.figure).toMatchObject({
      params: { figure: { params: { number: '300' } }, percent: '50,0' },
    });
    expect(lineOf(answer, 2)).toMatchObject({
      key: 'view.lineEstimate',
      params: {
        figure: {
          key: 'report.detail.percentOfPlan',
          params: { figure: { key: 'report.value.percent', params: { number: '51,6' } } },
        },
      },
    });
    const afterTwo = lines(answer)[lines(answer).indexOf(lineOf(answer, 2) as Message) + 1];
    expect(afterTwo).toEqual({ key: 'view.note', params: { note: 'Số ước của phòng Nông nghiệp' } });
    // A ratio shows its share a/b, as the report's echo does.
    expect(lineOf(answer, 6)?.params?.figure).toEqual({
      key: 'report.detail.share',
      params: {
        figure: { key: 'report.value.unit', params: { number: '14/14', unit: { key: 'units.communes' } } },
        percent: '100,0',
      },
    });
    expect(lineOf(answer, 7)?.params?.figure).toEqual({ key: 'report.value.percent', params: { number: '99,7' } });
    // Not reported: not shown.
    expect(lineOf(answer, 4)).toBeUndefined();
  });

  it("shows each figure exactly as the report's summary showed it (one formatter)", async () => {
    h.clock.now = local('2023-06-12T10:00');
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const summary = last(await reportAll(chat)).reply.params?.lines as Message[];
    await chat.say('1');
    const [answer] = await chat.say('/xem');
    expect(lines(answer)).toHaveLength(11);
    for (const line of summary) {
      expect(
        lineOf(answer, line.params?.number as number)?.params?.figure,
        `indicator ${String(line.params?.number)}`,
      ).toEqual(line.params?.figure);
    }
  });

  it('with nothing sent, says so and, to the focal point, how to report', async () => {
    const [mine] = await (await h.person({ role: 'focal', unitId: 'si-ma-cai' })).say('/xem');
    expect(mine?.reply).toEqual({
      key: 'view.nothing',
      params: { unit: 'Huyện Si Ma Cai', period: { key: 'common.period', params: { month: 6, year: 2023 } } },
    });
    // A draft has not been sent either.
    await saveReport(h, 'bac-ha', '2023-06', h.clock.now, { status: 'draft' });
    expect(keys(await (await h.person({ role: 'leader' })).say('/xem bac ha'))).toEqual(['view.nothingForUnit']);
  });

  it('takes a named period, and by default the latest period the unit sent', async () => {
    await saveReport(h, 'si-ma-cai', '2023-05', local('2023-05-15T09:00'), {
      onTime: true,
      values: [value('thu-ngan-sach', 12.5)],
    });
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const [latest] = await chat.say('/xem');
    expect(latest?.reply.key).toBe('view.figures');
    expect(latest?.reply.params?.period).toEqual({ key: 'common.period', params: { month: 5, year: 2023 } });
    expect(lineOf(latest, 1)?.params?.figure).toMatchObject({ params: { figure: { params: { number: '12,5' } } } });
    const [named] = await chat.say('/xem tháng 6/2023');
    expect(named?.reply.key).toBe('view.nothing');
    expect(named?.reply.params?.period).toEqual({ key: 'common.period', params: { month: 6, year: 2023 } });
    expect(keys(await chat.say('/xem T5'))).toEqual(['view.figures']);
  });

  it('refuses a period it cannot read', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const [badMonth] = await chat.say('/xem 13/2023');
    expect(badMonth?.reply).toEqual({ key: 'period.errors.badMonth', params: { text: '13/2023', month: '13' } });
    expect(keys(await chat.say('/xem 6/23'))).toEqual(['period.errors.badYear']);
    expect(keys(await chat.say('/xem 2023'))).toEqual(['view.monthOnly']);
  });

  it('lets leaders name a unit and a period, or asks which unit', async () => {
    await baoThangJune();
    const leader = await h.person({ role: 'leader' });
    const [named] = await leader.say('/xem bao thang 6/2023');
    expect(named?.reply.key).toBe('view.figures');
    expect(named?.reply.params?.unit).toBe('Huyện Bảo Thắng');
    const [asked] = await leader.say('/xem 6/2023');
    expect(asked?.reply.key).toBe('common.unitArgument.ask');
    expect((asked?.reply.choices ?? []).flat()).toHaveLength(9);
    const [picked] = await leader.say('bảo thắng');
    expect(picked?.reply.key).toBe('view.figures');
    expect(lineOf(picked, 3)?.params?.figure).toMatchObject({ params: { figure: { params: { number: '20.207' } } } });
  });

  it('keeps a focal point to their own unit', async () => {
    await baoThangJune();
    const [refused] = await (await h.person({ role: 'focal', unitId: 'si-ma-cai' })).say('/xem bao thang 6/2023');
    expect(refused?.reply).toEqual({
      key: 'common.unitArgument.ownOnly',
      params: { unit: 'Huyện Si Ma Cai', command: 'xem' },
    });
  });
});
