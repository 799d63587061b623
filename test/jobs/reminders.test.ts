import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/app/messages.ts';
import { runReminders } from '../../src/jobs/reminders.ts';
import { createHarness, keys, type Harness } from '../support/flow-harness.ts';
import { local, saveReport } from '../support/submission-fixtures.ts';

/*
 * The example bloc's June 2023, by hand: due by the end of Friday 16 June (no grace days), reminders
 * at 08:30 (office hours end 17:00) on weekdays, 3, 1 and 0 days before: Tue 13, Thu 15, Fri 16 June.
 * Late from Saturday 17 June, every day, weekends skipped: Mon 19 June is 3 days late; escalation 3
 * days after the on-time deadline (17 June): from Tue 20 June. June locks at the end of 9 July.
 */
const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const GROUP = 'group-leaders';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** Si Ma Cai and Bảo Yên have a focal point each; the seven other units have nobody registered. */
async function setUp() {
  h = await createHarness({ now: local('2023-06-12T08:00') });
  const smc = await h.person({ unitId: 'si-ma-cai', userId: 'smc' });
  const by = await h.person({ unitId: 'bao-yen', userId: 'by' });
  const desk = await h.person({ role: 'secretariat', userId: 'desk' });
  return { smc, by, desk };
}

async function runAt(at: Date, { deliver = true } = {}) {
  h.clock.now = at;
  const { program } = h;
  const report = await runReminders({ blocs: [h.bloc], repos: program.repos }, at);
  if (deliver) await program.dispatcher.flush();
  return report;
}

const nothing = { units: 0, people: 0, noFocalPoint: 0, escalations: 0, failed: 0 };
const sent = (chatId: string) => h.output.transcriptOf(chatId);

describe('reminders before the due date', () => {
  it('go at 08:30 three days before, to each unit not in, once however often the job runs', async () => {
    await setUp();
    expect(await runAt(local('2023-06-13T08:29'))).toEqual(nothing);
    expect(await runAt(local('2023-06-13T08:30'))).toEqual({ ...nothing, units: 2, people: 2, noFocalPoint: 7 });
    expect(await runAt(local('2023-06-13T08:35'))).toEqual({ ...nothing, noFocalPoint: 7 });
    expect(await runAt(local('2023-06-14T08:30'))).toEqual(nothing);
    const [reminder, ...more] = sent('smc');
    expect(more).toEqual([]);
    expect(reminder?.reply).toEqual({
      key: 'reminders.unit.dueIn',
      params: {
        unit: 'Huyện Si Ma Cai',
        period: june,
        due: '16/06/2023',
        days: 3,
        more: [{ key: 'reminders.more.type' }],
      },
    });
    // No numbered choice on the console: a bare "1" keeps its meaning in the open conversation.
    expect(reminder?.reply.choices).toBeUndefined();
    expect(keys(sent('by'))).toEqual(['reminders.unit.dueIn']);
  });

  it('stop for a unit once its report is in, even one queued before it was sent; a returned one is reminded', async () => {
    await setUp();
    await runAt(local('2023-06-13T08:30'), { deliver: false });
    await saveReport(h, 'si-ma-cai', '2023-06', local('2023-06-13T08:40'));
    await saveReport(h, 'bao-yen', '2023-06', local('2023-06-13T08:40'), { status: 'returned' });
    await h.program.dispatcher.flush();
    expect(sent('smc')).toEqual([]);
    expect(keys(sent('by'))).toEqual(['reminders.unit.dueIn']);
    expect(await runAt(local('2023-06-15T08:30'))).toEqual({ ...nothing, units: 1, people: 1, noFocalPoint: 7 });
    expect(sent('smc')).toEqual([]);
    const last = sent('by').at(-1)?.reply;
    expect(last?.key).toBe('reminders.unit.dueIn');
    expect(last?.params?.days).toBe(1);
    expect(last?.params?.more).toEqual([{ key: 'reminders.more.returned' }, { key: 'reminders.more.type' }]);
  });

  it('say the draft waits when the focal point has one open, and the due day itself says "today"', async () => {
    const { smc } = await setUp();
    h.clock.now = local('2023-06-16T08:00');
    await smc.say('/baocao');
    const before = sent('smc').length;
    await runAt(local('2023-06-16T08:30'));
    const reminder = sent('smc')[before]?.reply;
    expect(reminder?.key).toBe('reminders.unit.dueToday');
    expect(reminder?.params).toMatchObject({ due: '16/06/2023', more: [{ key: 'reminders.more.draft' }] });
    expect(keys(sent('by'))).toEqual(['reminders.unit.dueToday']);
  });

  it('after two days down, only today’s reminder goes: yesterday’s expired unsent at 17:00', async () => {
    await setUp();
    await runAt(local('2023-06-13T08:30'), { deliver: false });
    h.clock.now = local('2023-06-15T08:30');
    await h.program.dispatcher.flush();
    expect(sent('smc')).toEqual([]);
    await runAt(local('2023-06-15T08:31'));
    expect(sent('smc').map((m) => m.reply.params?.days)).toEqual([1]);
  });
});

describe('reminders once late, and the escalation', () => {
  it('skip the weekend, then remind the late units and, from the escalation day, the leaders and the desk', async () => {
    const { desk } = await setUp();
    await h.program.repos.groups.register({
      blocId: h.bloc.id,
      channel: 'console',
      chatId: GROUP,
      title: 'Lãnh đạo khối',
      by: { channel: 'console', userId: 'desk' },
      at: h.clock.now,
    });
    await saveReport(h, 'bac-ha', '2023-06', local('2023-06-14T09:00'));
    expect(await runAt(local('2023-06-17T09:00'))).toEqual(nothing);
    expect(await runAt(local('2023-06-18T09:00'))).toEqual(nothing);
    expect(await runAt(local('2023-06-19T09:00'))).toEqual({ ...nothing, units: 2, people: 2, noFocalPoint: 6 });
    const late = sent('smc').at(-1)?.reply;
    expect(late?.key).toBe('reminders.unit.late');
    expect(late?.params).toMatchObject({ days: 3, due: '16/06/2023', lock: '09/07/2023' });
    expect(sent(GROUP)).toEqual([]);

    expect(await runAt(local('2023-06-20T09:00'))).toEqual({
      ...nothing,
      units: 2,
      people: 2,
      noFocalPoint: 6,
      escalations: 2,
    });
    expect(await runAt(local('2023-06-20T09:05'))).toEqual({ ...nothing, noFocalPoint: 6 });
    const [digest, ...moreDigests] = sent(GROUP);
    expect(moreDigests).toEqual([]);
    expect(digest?.reply.key).toBe('reminders.escalation.group');
    expect(digest?.reply.params).toMatchObject({ period: june, days: 4, due: '16/06/2023', count: 8 });
    expect((digest?.reply.params?.progress as Message).key).toBe('progress.full');
    const list = desk.transcript.at(-1)?.reply;
    expect(list?.key).toBe('reminders.escalation.desk');
    expect(list?.params).toMatchObject({ count: 8, periodArg: '6/2023' });
    const lines = (list?.params?.units as Message[]).map((l) => [l.params?.unit, (l.params?.reach as Message).key]);
    expect(lines).toContainEqual(['Huyện Si Ma Cai', 'reminders.escalation.reachPeople']);
    expect(lines).toContainEqual(['Huyện Văn Bàn', 'reminders.escalation.reachNobody']);
    expect(lines).not.toContainEqual(['Huyện Bắc Hà', expect.anything()]);
  });

  it('remind nobody the platform refused, and say so in the desk’s list', async () => {
    const { desk } = await setUp();
    await h.program.repos.registrations.markUnreachable('console', 'smc', '403 blocked', h.clock.now);
    expect(await runAt(local('2023-06-20T09:00'))).toMatchObject({ units: 1, people: 1, noFocalPoint: 8 });
    expect(sent('smc')).toEqual([]);
    const lines = (desk.transcript.at(-1)?.reply.params?.units as Message[]).map((l) => [
      l.params?.unit,
      (l.params?.reach as Message).key,
    ]);
    expect(lines).toContainEqual(['Huyện Si Ma Cai', 'reminders.escalation.reachUnreachable']);
  });

  it('two runs at once queue each reminder once', async () => {
    await setUp();
    h.clock.now = local('2023-06-13T08:30');
    const run = () => runReminders({ blocs: [h.bloc], repos: h.program.repos }, h.clock.now);
    const reports = await Promise.all([run(), run()]);
    expect(reports.map((r) => r.units).sort()).toEqual([0, 2]);
    await h.program.dispatcher.flush();
    expect(keys(sent('smc'))).toEqual(['reminders.unit.dueIn']);
    expect(keys(sent('by'))).toEqual(['reminders.unit.dueIn']);
  });
});
