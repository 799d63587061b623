import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/app/messages.ts';
import { sessionKey } from '../../../src/flows/engine/session.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local } from '../../support/submission-fixtures.ts';

const TEXT = 'Đề nghị các đơn vị nộp báo cáo tháng 6 trước ngày 16/6.\nTrân trọng.';
const SIX_UNREACHED =
  'Thành phố Lào Cai, Thị xã Sa Pa, Huyện Bát Xát, Huyện Bảo Thắng, Huyện Mường Khương, Huyện Văn Bàn';

describe('/thongbao sends a notice to the focal points after a preview', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-06-12T09:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  async function bloc() {
    const desk = await h.person({ role: 'secretariat', userId: 'thuky', name: 'Văn phòng khối' });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    const hoa = await h.person({ unitId: 'bao-yen', userId: 'hoa' });
    const binh = await h.person({ unitId: 'bac-ha', userId: 'binh' });
    const leader = await h.person({ role: 'leader', userId: 'lanhdao' });
    return { desk, lan, hoa, binh, leader };
  }

  it('previews the text as it will arrive with the recipients, and sends it to each focal point once on a yes', async () => {
    const { desk, lan, hoa, binh, leader } = await bloc();
    const [preview] = await desk.say(`/thongbao ${TEXT}`);
    const message = { key: 'broadcast.message', params: { text: TEXT, from: 'Văn phòng khối' } };
    expect(preview?.reply).toMatchObject({
      key: 'broadcast.preview',
      params: {
        message,
        details: [
          { key: 'broadcast.recipients', params: { people: 3, units: 3, scope: { key: 'broadcast.scopeAll' } } },
          { key: 'broadcast.unreached', params: { count: 6, units: SIX_UNREACHED } },
        ],
      },
    });
    expect((preview?.reply.choices ?? []).flat().map((c) => c.label)).toEqual([
      { key: 'broadcast.choice.send' },
      { key: 'broadcast.choice.cancel' },
    ]);
    // Nothing goes before the yes.
    expect(lan.transcript).toEqual([]);

    // The console numbers the choices: "1" is «Gửi».
    const sent = (await desk.say('1')).map((m) => m.reply);
    // Progress lines in between depend on how the three sends interleave (test/app covers them).
    expect(sent.filter((r) => r.key !== 'broadcast.progress')).toEqual([
      { key: 'broadcast.sending', params: { count: 3 } },
      { key: 'broadcast.doneAll', params: { delivered: 3 } },
    ]);
    expect(sent[0]?.key).toBe('broadcast.sending');
    for (const person of [lan, hoa, binh]) expect(person.transcript.map((m) => m.reply)).toEqual([message]);
    expect(leader.transcript).toEqual([]);
    // The recipients' rows are bulk: a reply to someone chatting goes first.
    const rows = await h.program.database.db
      .selectFrom('outbox')
      .select(['chat_id', 'priority', 'broadcast_unit'])
      .where('broadcast_id', 'is not', null)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { chat_id: 'lan', priority: 1, broadcast_unit: 'si-ma-cai' },
      { chat_id: 'hoa', priority: 1, broadcast_unit: 'bao-yen' },
      { chat_id: 'binh', priority: 1, broadcast_unit: 'bac-ha' },
    ]);
    const [id] = await h.program.database.db.selectFrom('broadcasts').select('id').execute();
    expect(await h.program.repos.broadcasts.get(id?.id ?? 0)).toMatchObject({
      blocId: h.bloc.id,
      by: { channel: 'console', userId: 'thuky', name: 'Văn phòng khối' },
      text: TEXT,
      status: 'done',
      recipients: 3,
      delivered: 3,
      failed: 0,
      failures: [],
      createdAt: local('2023-06-12T09:00'),
      confirmedAt: local('2023-06-12T09:00'),
    });
  });

  it('sends to one unit’s focal points with @<unit>, its name typed in words', async () => {
    const { desk, lan, hoa } = await bloc();
    const lan2 = await h.person({ unitId: 'si-ma-cai', userId: 'lan2' });
    const [preview] = await desk.say('/thongbao @si ma cai Đề nghị bổ sung số liệu thu ngân sách.');
    expect(preview?.reply.params?.message).toEqual({
      key: 'broadcast.message',
      params: { text: 'Đề nghị bổ sung số liệu thu ngân sách.', from: 'Văn phòng khối' },
    });
    expect(preview?.reply.params?.details).toEqual([
      {
        key: 'broadcast.recipients',
        params: { people: 2, units: 1, scope: { key: 'broadcast.scopeUnit', params: { unit: 'Huyện Si Ma Cai' } } },
      },
    ]);
    const sent = keys(await desk.say('gửi')).filter((k) => k !== 'broadcast.progress');
    expect(sent).toEqual(['broadcast.sending', 'broadcast.doneAll']);
    expect(keys(lan.transcript)).toEqual(['broadcast.message']);
    expect(keys(lan2.transcript)).toEqual(['broadcast.message']);
    expect(hoa.transcript).toEqual([]);
  });

  it('leaves out a focal point the platform refused before, and says which units nobody will read it in', async () => {
    const { desk } = await bloc();
    await h.program.repos.registrations.markUnreachable('console', 'hoa', 'telegram 403', local('2023-06-11T09:00'));
    const [preview] = await desk.say('/thongbao @bao yen Kính gửi đơn vị');
    expect(preview?.reply).toEqual({
      key: 'broadcast.nobody',
      params: { scope: { key: 'broadcast.scopeUnit', params: { unit: 'Huyện Bảo Yên' } } },
    });
    const [all] = await desk.say('/thongbao Kính gửi các đơn vị');
    expect(all?.reply.params?.details).toEqual([
      { key: 'broadcast.recipients', params: { people: 2, units: 2, scope: { key: 'broadcast.scopeAll' } } },
      { key: 'broadcast.unreached', params: { count: 7, units: expect.stringContaining('Huyện Bảo Yên') } },
    ]);
  });

  it('a no sends nothing; another answer asks again', async () => {
    const { desk, lan } = await bloc();
    await desk.say(`/thongbao ${TEXT}`);
    expect(keys(await desk.say('để tôi xem lại'))).toEqual(['broadcast.confirmAgain']);
    expect(keys(await desk.say('không'))).toEqual(['broadcast.cancelled']);
    expect(lan.transcript).toEqual([]);
    const rows = await h.program.database.db.selectFrom('broadcasts').select(['status']).execute();
    expect(rows).toEqual([{ status: 'cancelled' }]);
  });

  it('a second press of «Gửi» never sends twice: the button is stale, and a session put back finds it sent', async () => {
    const { desk, lan } = await bloc();
    const [preview] = await desk.say(`/thongbao ${TEXT}`);
    const send = (preview?.reply as Reply).choices?.[0]?.[0]?.id ?? '';
    const key = sessionKey('console', 'thuky', 'thuky');
    const asked = await h.program.services.sessions.get(key);
    expect(keys(await desk.say('', { optionId: send }))).toContain('broadcast.doneAll');
    expect(keys(await desk.say('', { optionId: send }))).toEqual(['engine.staleButton']);
    // Even a session still at the question (written back late, say) meets the stored status.
    await h.program.services.sessions.set(key, asked);
    expect(keys(await desk.say('có'))).toEqual(['broadcast.alreadySent']);
    expect(keys(lan.transcript)).toEqual(['broadcast.message']);
    const rows = await h.program.database.db
      .selectFrom('outbox')
      .select('id')
      .where('broadcast_id', 'is not', null)
      .execute();
    expect(rows).toHaveLength(3);
  });

  it('refuses an empty text, a text over 3,500 characters and an unknown unit, with an example', async () => {
    const { desk } = await bloc();
    const usage = { key: 'broadcast.usage', params: { unit: 'thanh-pho-lao-cai' } };
    expect((await desk.say('/thongbao'))[0]?.reply).toEqual({ key: 'broadcast.empty', params: { usage } });
    expect((await desk.say('/thongbao @bao yen  '))[0]?.reply).toEqual({ key: 'broadcast.empty', params: { usage } });
    expect((await desk.say(`/thongbao ${'a'.repeat(3501)}`))[0]?.reply).toEqual({
      key: 'broadcast.tooLong',
      params: { length: '3.501', max: '3.500', usage },
    });
    expect(keys(await desk.say(`/thongbao ${'a'.repeat(3500)}`))).toEqual(['broadcast.preview']);
    await desk.say('không');
    const [unknown] = await desk.say('/thongbao @ha noi Kính gửi');
    expect(unknown?.reply).toMatchObject({ key: 'broadcast.unknownUnit', params: { text: 'ha', usage } });
    expect((unknown?.reply.params?.units as unknown[])[0]).toEqual({
      key: 'common.unitArgument.unitLine',
      params: { name: 'Thành phố Lào Cai', id: 'thanh-pho-lao-cai' },
    });
  });

  it('is the secretariat’s: /trogiup lists it there; a focal point and a leader are refused', async () => {
    const { desk, lan, leader } = await bloc();
    const helpLines = async (who: typeof desk) =>
      ((await who.say('/trogiup'))[0]?.reply.params?.commands as Array<{ key: string }>).map((l) => l.key);
    expect(await helpLines(desk)).toContain('help.commands.thongbao');
    expect(await helpLines(lan)).not.toContain('help.commands.thongbao');
    expect(keys(await lan.say('/thongbao xin chào'))).toEqual(['engine.notAllowed']);
    expect(keys(await leader.say('/broadcast xin chào'))).toEqual(['engine.notAllowed']);
  });
});
