import { afterEach, describe, expect, it } from 'vitest';
import type { SentMessage } from '../../src/channels/console/console-chat.ts';
import type { ConsoleChat } from '../../src/channels/console/console-chat.ts';
import { runPeriodLocks, type PeriodLocksReport } from '../../src/jobs/period-locks.ts';
import { createHarness, keys, type Harness } from '../support/flow-harness.ts';
import { local } from '../support/submission-fixtures.ts';

const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const july = { key: 'common.period', params: { month: 7, year: 2023 } };
const REASON = 'bổ sung số liệu thu ngân sách';
const reopen = { key: 'period.reopen.command' };
/** "Báo cáo tháng 6/2023 (2/11 chỉ tiêu)": the two figures typed below, of the 11 indicators. */
const twoOfEleven = { key: 'report.progress', params: { period: june, count: 2, total: 11 } };

/*
 * The example calendar, by hand: June is due by the end of 16 June and locks at the end of 9 July
 * (00:00 on 10 July, local time); July opens on 10 July.
 */
const LOCK = local('2023-07-10T00:00');
/** June is late, still taken; a draft begun now is alive at the lock (drafts live 14 days). */
const DRAFTING = local('2023-07-05T10:00');

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** One run at `at`, then whatever it queued is delivered to the console chats. */
async function runAt(at: Date): Promise<PeriodLocksReport> {
  h.clock.now = at;
  const { program } = h;
  const report = await runPeriodLocks({ blocs: [h.bloc], repos: program.repos, engine: program.engine }, at);
  await program.dispatcher.flush();
  return report;
}

/** A focal point of `unitId` with two figures of June typed into a report draft. */
async function drafting(unitId: string, userId: string): Promise<ConsoleChat> {
  const chat = await h.person({ unitId, userId, chatId: `chat-${userId}` });
  expect(keys(await chat.say('/baocao 6/2023'))).toEqual(['report.intro', 'report.ask.question']);
  await chat.say('45,2 tỷ');
  await chat.say('51,6%');
  return chat;
}

const index = () => h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-06');
const since = (chat: ConsoleChat, from: number): SentMessage[] => chat.transcript.slice(from);
const nothing = { closed: 0, stale: 0, failed: 0 };

describe('the period-lock job', () => {
  it('does nothing before the lock; after it closes the draft, tells the person once, and drops the row', async () => {
    h = await createHarness({ now: DRAFTING });
    const lan = await drafting('si-ma-cai', 'lan');
    const before = lan.transcript.length;

    expect(await runAt(local('2023-07-09T23:59'))).toEqual(nothing);
    expect(since(lan, before)).toEqual([]);
    expect(await index()).toHaveLength(1);

    expect(await runAt(local('2023-07-10T00:05'))).toEqual({ closed: 1, stale: 0, failed: 0 });
    expect(since(lan, before).map((m) => [m.reply, m.lang])).toEqual([
      [
        {
          key: 'periodLock.draftClosed',
          params: { period: june, at: '00:00 10/07/2023', summary: twoOfEleven, reopen },
        },
        'vi',
      ],
    ]);
    expect(await index()).toEqual([]);
    const stored = (await h.program.services.sessions.get('console:chat-lan:lan')) as {
      active?: string;
      drafts: object;
    };
    expect(stored.active).toBeUndefined();
    expect(stored.drafts).toEqual({});

    // A second run (or a tick that overlaps) tells nobody again.
    expect(await runAt(local('2023-07-10T00:10'))).toEqual(nothing);
    expect(since(lan, before)).toHaveLength(1);
  });

  it('the person’s next message meets no draft: an answer is not taken, /baocao starts July afresh', async () => {
    h = await createHarness({ now: DRAFTING });
    const lan = await drafting('si-ma-cai', 'lan');
    await runAt(local('2023-07-10T08:00'));
    expect(keys(await lan.say('20.207 tỷ'))).toEqual(['engine.hintFocal']);
    const [intro, ...rest] = await lan.say('/baocao');
    expect(keys([intro!, ...rest])).toEqual(['report.intro', 'report.ask.question']);
    expect(intro?.reply.params?.period).toEqual(july);
  });

  it('closes a draft set aside for another command, leaving the conversation in progress alone', async () => {
    h = await createHarness({ now: DRAFTING });
    const lan = await drafting('si-ma-cai', 'lan');
    expect(keys(await lan.say('/dexuat'))).toEqual(['engine.draftKept', 'nominate.intro', 'nominate.ask.kind']);
    await runAt(LOCK);
    expect(lan.transcript.at(-1)?.reply.key).toBe('periodLock.draftClosed');
    const stored = (await h.program.services.sessions.get('console:chat-lan:lan')) as {
      active?: string;
      drafts: object;
    };
    expect(stored.active).toBe('dexuat');
    expect(Object.keys(stored.drafts)).toEqual(['dexuat']);
  });

  it('tells a person in their own language', async () => {
    h = await createHarness({ now: DRAFTING });
    const lan = await drafting('si-ma-cai', 'lan');
    await h.program.repos.people.setLanguage('console', 'lan', 'en', h.clock.now);
    await runAt(LOCK);
    expect(lan.transcript.at(-1)?.reply.key).toBe('periodLock.draftClosed');
    expect(lan.transcript.at(-1)?.lang).toBe('en');
  });

  it('keeps the draft of a unit reopened by /moky until the reopening ends, closing the others at the lock', async () => {
    h = await createHarness({ now: local('2023-07-09T10:00') });
    const desk = await h.person({ role: 'secretariat', userId: 'thuky' });
    // Reopened on 9 July for 3 days: Si Ma Cai may send June until the end of 12 July.
    expect(keys(await desk.say(`/moky si ma cai 6/2023 ${REASON}`))).toEqual(['reopen.done']);
    const lan = await drafting('si-ma-cai', 'lan');
    const hoa = await drafting('bao-yen', 'hoa');
    const [lanBefore, hoaBefore] = [lan.transcript.length, hoa.transcript.length];

    expect(await runAt(local('2023-07-10T00:05'))).toEqual({ closed: 1, stale: 0, failed: 0 });
    expect(keys(since(hoa, hoaBefore))).toEqual(['periodLock.draftClosed']);
    expect(since(lan, lanBefore)).toEqual([]);
    expect((await index()).map((d) => d.unitId)).toEqual(['si-ma-cai']);

    expect(await runAt(local('2023-07-12T23:55'))).toEqual(nothing);
    expect(await runAt(local('2023-07-13T00:05'))).toEqual({ closed: 1, stale: 0, failed: 0 });
    expect(since(lan, lanBefore).map((m) => m.reply)).toEqual([
      { key: 'periodLock.draftClosed', params: { period: june, at: '00:00 13/07/2023', summary: twoOfEleven, reopen } },
    ]);
  });

  it('closes a draft when the secretariat locks the period early with /khoaky', async () => {
    h = await createHarness({ now: local('2023-06-20T10:00') });
    const desk = await h.person({ role: 'secretariat', userId: 'thuky' });
    const lan = await drafting('si-ma-cai', 'lan');
    await desk.say('/khoaky 6/2023');
    expect(keys(await desk.say('có'))).toEqual(['lock.done']);
    const before = lan.transcript.length;
    expect(await runAt(local('2023-06-20T10:05'))).toEqual({ closed: 1, stale: 0, failed: 0 });
    expect(since(lan, before).map((m) => m.reply)).toEqual([
      { key: 'periodLock.draftClosed', params: { period: june, at: '10:00 20/06/2023', summary: twoOfEleven, reopen } },
    ]);
    // June is locked and July not open yet: nothing to resume, nothing to start.
    expect(keys(await lan.say('/baocao'))).toEqual(['report.noneOpen']);
  });

  it('drops an index row whose session no longer holds the draft, sending nothing', async () => {
    h = await createHarness({ now: LOCK });
    const row = { sessionKey: 'console:chat-gone:gone', command: 'baocao', blocId: h.bloc.id, unitId: 'si-ma-cai' };
    await h.program.repos.openDrafts.put({ ...row, periodId: '2023-06' }, LOCK);
    expect(await runAt(local('2023-07-10T00:05'))).toEqual({ closed: 0, stale: 1, failed: 0 });
    expect(await index()).toEqual([]);
    expect(h.output.transcriptOf('chat-gone')).toEqual([]);
  });

  it('puts right a row left behind on a locked period while the session drafts an open one', async () => {
    h = await createHarness({ now: local('2023-07-10T09:00') });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan', chatId: 'chat-lan' });
    await lan.say('/baocao 7/2023');
    await lan.say('45,2 tỷ');
    const key = 'console:chat-lan:lan';
    await h.program.repos.openDrafts.put(
      { sessionKey: key, command: 'baocao', blocId: h.bloc.id, unitId: 'si-ma-cai', periodId: '2023-06' },
      LOCK,
    );
    const before = lan.transcript.length;
    expect(await runAt(local('2023-07-10T09:05'))).toEqual({ closed: 0, stale: 1, failed: 0 });
    expect(since(lan, before)).toEqual([]);
    expect(await index()).toEqual([]);
    expect((await h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-07')).map((d) => d.sessionKey)).toEqual([key]);
    expect(keys(await lan.say('51,6%'))).toEqual(['report.echo', 'report.ask.question']);
  });

  it('two runs at once tell the person once', async () => {
    h = await createHarness({ now: DRAFTING });
    const lan = await drafting('si-ma-cai', 'lan');
    const before = lan.transcript.length;
    h.clock.now = local('2023-07-10T00:05');
    const deps = { blocs: [h.bloc], repos: h.program.repos, engine: h.program.engine };
    const reports = await Promise.all([runPeriodLocks(deps, h.clock.now), runPeriodLocks(deps, h.clock.now)]);
    expect(reports.map((r) => r.closed).sort()).toEqual([0, 1]);
    await h.program.dispatcher.flush();
    expect(keys(since(lan, before))).toEqual(['periodLock.draftClosed']);
  });
});
