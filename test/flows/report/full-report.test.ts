import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleChat, SentMessage } from '../../../src/channels/console/console-chat.ts';
import type { Message } from '../../../src/app/messages.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { find, JUNE_12, last, reportAll, SEED_ANSWERS, SEED_VALUES } from './helpers.ts';

describe('/baocao: a full report', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  const stored = () => h.program.repos.submissions.find(h.bloc.id, '2023-06', 'si-ma-cai');

  it('asks the 11 indicators in order with progress, plan and example, and sends a receipt', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const opening = await chat.say('/baocao');
    expect(keys(opening)).toEqual(['report.intro', 'report.ask.question']);
    expect(opening[0]?.reply.params).toMatchObject({
      period: { key: 'common.period', params: { month: 6, year: 2023 } },
      total: 11,
      unit: 'Huyện Si Ma Cai',
    });
    const first = last(opening).reply;
    expect(first.params).toMatchObject({ number: 1, total: 11, unit: { key: 'units.billion_vnd' } });
    // Si Ma Cai's plan for budget revenue is 60 tỷ đồng.
    expect(find(first, 'report.ask.plan')?.params).toMatchObject({
      year: 2023,
      figure: { key: 'report.value.unit', params: { number: '60' } },
    });
    expect(find(first, 'report.ask.example')).toBeDefined();

    const echo = await chat.say(SEED_ANSWERS[0]);
    expect(keys(echo)).toEqual(['report.echo', 'report.ask.question']);
    // 45,2 of a plan of 60 is 75,3 %.
    expect(find(echo[0]!.reply, 'report.detail.ofPlan')?.params).toMatchObject({ percent: '75,3' });
    expect(last(echo).reply.params).toMatchObject({ number: 2 });

    for (const answer of SEED_ANSWERS.slice(1, -1)) {
      const out = await chat.say(answer);
      expect(keys(out), answer).toEqual(['report.echo', 'report.ask.question']);
    }
    const summary = await chat.say(SEED_ANSWERS[10]);
    expect(keys(summary)).toEqual(['report.echo', 'report.summary.title']);
    expect(last(summary).reply.params).toMatchObject({ count: 11, total: 11 });
    expect(
      last(summary)
        .reply.choices?.flat()
        .map((c) => c.id.split('|')[1]),
    ).toEqual(['send', 'change', 'cancel']);

    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['report.receipt']);
    expect(receipt[0]?.reply.params).toMatchObject({
      count: 11,
      at: '10:00 12/06/2023',
      timeliness: { key: 'report.timeliness.onTime' },
    });

    const saved = await stored();
    expect(saved).toMatchObject({ status: 'submitted', onTime: true, revision: 1 });
    expect(Object.fromEntries(saved!.values.map((v) => [v.indicatorCode, v.value]))).toEqual(SEED_VALUES);
    // Storage keeps values by code; the raw text typed is kept beside each.
    const rawByCode = Object.fromEntries(saved!.values.map((v) => [v.indicatorCode, v.raw]));
    expect(h.bloc.indicators.map((i) => rawByCode[i.code])).toEqual([...SEED_ANSWERS]);
    // The conversation is over: a figure now is text outside any conversation.
    expect(keys(await chat.say('45'))).toEqual(['engine.hintFocal']);
  });

  it('shows how an English decimal point and a unit word were read', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    const converted = await chat.say('45.200 triệu');
    expect(find(converted[0]!.reply, 'report.detail.converted')?.params?.from).toEqual({ key: 'units.million_vnd' });
    const english = await chat.say('54.9%');
    expect(find(english[0]!.reply, 'report.detail.englishDecimal')).toBeDefined();
    expect(find(english[0]!.reply, 'report.value.percent')?.params).toEqual({ number: '54,9' });
  });

  it('offers both readings of an ambiguous figure and stores the one picked', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 6)) await chat.say(answer);
    const asked = await chat.say('1.234');
    expect(keys(asked)).toEqual(['report.ambiguous']);
    const options = last(asked).reply.choices!.flat();
    expect(options.map((o) => ('key' in o.label ? o.label.params?.number : undefined))).toEqual([
      '1.234',
      '1,234',
      undefined,
    ]);
    expect(options[2]?.label).toEqual({ key: 'report.choice.retype' });
    const picked = await chat.say('2');
    expect(keys(picked)).toEqual(['report.echo', 'report.ask.question']);
    expect(last(picked).reply.params).toMatchObject({ number: 8 });
    for (const answer of SEED_ANSWERS.slice(7)) await chat.say(answer);
    await chat.say('1');
    const value = (await stored())?.values.find((v) => v.indicatorCode === 'huy-dong-hoc-sinh');
    expect(value).toMatchObject({ raw: '1.234', value: { type: 'scalar', value: 1.234 } });
  });

  it('gives each reading of an ambiguous amount its magnitude in words: ≈ 20 tỷ against ≈ 20 nghìn tỷ', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 2)) await chat.say(answer);
    const asked = await chat.say('20,207 tỷ');
    expect(keys(asked)).toEqual(['report.ambiguous']);
    const [decimal, thousands] = last(asked).reply.choices!.flat();
    const reading = (number: string, scale: string, amount: string) => ({
      key: 'report.readingMagnitude',
      params: {
        figure: { key: 'report.value.unit', params: { number, unit: { key: 'units.billion_vnd' } } },
        magnitude: { key: `figures.magnitude.${scale}`, params: { amount } },
      },
    });
    expect(decimal?.label).toEqual(reading('20,207', 'billion', '20'));
    expect(thousands?.label).toEqual(reading('20.207', 'thousandBillion', '20'));
  });

  it('asks to confirm an out-of-range figure: confirmed, it is stored with a flag (not a note) and marked in the summary, /xem and the receipt; retyped, it is asked again', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 8)) await chat.say(answer);
    const out = await chat.say('25');
    expect(keys(out)).toEqual(['report.outOfRange']);
    expect(last(out).reply.params).toMatchObject({
      number: 9,
      range: { key: 'report.value.unit', params: { number: '0–19' } },
    });
    const retype = await chat.say('2');
    expect(keys(retype)).toEqual(['report.ask.question']);
    expect(last(retype).reply.params).toMatchObject({ number: 9 });
    await chat.say('25');
    const kept = await chat.say('1');
    expect(keys(kept)).toEqual(['report.echo', 'report.ask.question']);
    expect(find(kept[0]!.reply, 'report.detail.confirmed')).toBeDefined();
    let summary: SentMessage[] = [];
    for (const answer of SEED_ANSWERS.slice(9)) summary = await chat.say(answer);
    const summaryLine = (last(summary).reply.params?.lines as Message[]).find((l) => l.params?.number === 9);
    expect(find(summaryLine!, 'report.detail.confirmed')).toBeDefined();
    await chat.say('1');
    const value = (await stored())?.values.find((v) => v.indicatorCode === 'tieu-chi-ntm');
    expect(value).toMatchObject({ raw: '25', value: { type: 'scalar', value: 25 }, confirmedOutOfRange: true });
    expect(value?.note).toBeUndefined();

    // /xem marks it from the flag.
    const [view] = await chat.say('/xem');
    const viewLine = (view?.reply.params?.lines as Message[]).find((l) => l.params?.number === 9);
    expect(viewLine?.params?.figure).toMatchObject({ key: 'report.detail.confirmed' });
    expect(
      find(
        (view?.reply.params?.lines as Message[]).find((l) => l.params?.number === 8)!,
        'report.detail.confirmed',
      ),
    ).toBeUndefined();

    // A revision keeps the flag of a figure sent before: changing another one lists only that one.
    await chat.say('/baocao');
    await chat.say('1: 46 tỷ');
    const other = await chat.say('1');
    expect((other[0]!.reply.params?.changes as Message[]).map((c) => c.params?.number)).toEqual([1]);
    expect((await stored())?.values.find((v) => v.indicatorCode === 'tieu-chi-ntm')?.confirmedOutOfRange).toBe(true);

    // The receipt marks the confirmed sides of a change.
    await chat.say('/baocao');
    expect(keys(await chat.say('9: 26'))).toEqual(['report.bulk.queued', 'report.outOfRange']);
    await chat.say('1');
    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['report.receiptRevision']);
    const change = (receipt[0]!.reply.params?.changes as Message[])[0]!;
    expect(change.params?.number).toBe(9);
    expect(change.params?.before).toMatchObject({
      key: 'report.detail.confirmed',
      params: { figure: { params: { number: '25' } } },
    });
    expect(change.params?.after).toMatchObject({
      key: 'report.detail.confirmed',
      params: { figure: { params: { number: '26' } } },
    });
    expect((await stored())?.values.filter((v) => v.confirmedOutOfRange).map((v) => v.indicatorCode)).toEqual([
      'tieu-chi-ntm',
    ]);
  });

  it('refuses an unreadable figure with the reason and an example, and keeps the draft', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 3)) await chat.say(answer);
    const wrongUnit = await chat.say('20.207 tỷ');
    expect(keys(wrongUnit)).toEqual(['figures.errors.wrongUnit', 'report.again']);
    expect(wrongUnit[0]?.reply.params).toMatchObject({
      unit: { key: 'units.billion_vnd' },
      expected: { key: 'units.percent' },
      example: { key: 'report.value.percent', params: { number: '91' } },
    });
    await chat.say(SEED_ANSWERS[3]);
    const nonsense = await chat.say('khoảng một nghìn');
    expect(keys(nonsense)).toEqual(['figures.errors.notANumber', 'report.again']);
    expect(nonsense[0]?.reply.params?.example).toEqual({
      key: 'report.value.unit',
      params: { number: '1.502', unit: { key: 'units.people' } },
    });
    const huge = await chat.say('9'.repeat(10_000));
    expect(keys(huge)).toEqual(['report.tooLong', 'report.again']);
    expect(last(huge).reply.params).toMatchObject({ number: 5 });
    const ok = await chat.say(SEED_ANSWERS[4]);
    expect(last(ok).reply.params).toMatchObject({ number: 6 });
  });

  it('goes back, keeps a typed figure, skips only an optional indicator', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    expect(keys(await chat.say('bỏ qua'))).toEqual(['report.requiredNoSkip']);
    expect(keys(await chat.say('quay lại'))).toEqual(['report.atFirst']);
    await chat.say(SEED_ANSWERS[0]);
    const back = await chat.say('quay lai');
    expect(last(back).reply.params).toMatchObject({ number: 1 });
    expect(find(last(back).reply, 'report.ask.typed')?.params?.figure).toMatchObject({ params: { number: '45,2' } });
    const kept = await chat.say('giữ');
    expect(keys(kept)).toEqual(['report.kept', 'report.ask.question']);
    expect(last(kept).reply.params).toMatchObject({ number: 2 });
    await chat.say(SEED_ANSWERS[1]);
    await chat.say(SEED_ANSWERS[2]);
    const skipped = await chat.say('skip');
    expect(keys(skipped)).toEqual(['report.skipped', 'report.ask.question']);
    expect(last(skipped).reply.params).toMatchObject({ number: 5 });
    const summary = await reportRest(chat, SEED_ANSWERS.slice(4));
    expect(last(summary).reply.params).toMatchObject({ count: 10, total: 11 });
    expect(find(last(summary).reply, 'report.summary.missing')?.params).toMatchObject({ number: 4 });
    await chat.say('1');
    const saved = await stored();
    expect(saved?.values.map((v) => v.indicatorCode)).not.toContain('gia-tri-cong-nghiep-cung-ky');
    expect(saved?.values).toHaveLength(10);
  });

  it('keeps a note and an estimate mark beside the raw figure', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const answers: string[] = [...SEED_ANSWERS];
    answers[1] = '51,6% ; số ước, chờ thống kê';
    answers[3] = '91% ước';
    answers[9] = '1502\nkể cả khen thưởng đột xuất';
    const summary = await reportAll(chat, answers);
    expect(find(last(summary).reply, 'report.detail.estimate')).toBeDefined();
    expect(find(last(summary).reply, 'report.detail.note')?.params).toMatchObject({ note: 'số ước, chờ thống kê' });
    await chat.say('1');
    const values = new Map((await stored())!.values.map((v) => [v.indicatorCode, v]));
    expect(values.get('san-luong-cay-trong')).toEqual({
      indicatorCode: 'san-luong-cay-trong',
      raw: '51,6%',
      value: { type: 'scalar', value: 51.6 },
      note: 'số ước, chờ thống kê',
      estimate: true,
    });
    expect(values.get('gia-tri-cong-nghiep-cung-ky')).toMatchObject({ raw: '91%', estimate: true });
    expect(values.get('gia-tri-cong-nghiep-cung-ky')?.note).toBeUndefined();
    expect(values.get('khen-thuong-tap-the')).toMatchObject({
      raw: '1502',
      note: 'kể cả khen thưởng đột xuất',
      estimate: false,
    });
    expect(values.get('thu-ngan-sach')?.estimate).toBe(false);
  });
});

async function reportRest(chat: ConsoleChat, answers: readonly string[]): Promise<SentMessage[]> {
  let out: SentMessage[] = [];
  for (const answer of answers) out = await chat.say(answer);
  return out;
}
