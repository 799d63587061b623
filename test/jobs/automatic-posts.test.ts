import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/app/messages.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import { runAutomaticPosts } from '../../src/jobs/automatic-posts.ts';
import { exampleBloc } from '../e2e/support/report-script.ts';
import { createHarness, type Harness } from '../support/flow-harness.ts';
import { local } from '../support/submission-fixtures.ts';
import { PNG_SIGNATURE, seedJune, startsWith } from '../flows/standings/fixtures.ts';

const GROUP = 'group-leaders';
const june = { key: 'common.period', params: { month: 6, year: 2023 } };

/*
 * The example calendar, by hand: June's figures are due by the end of 16 June (no grace days), so
 * the digest goes out from 08:30 (reminders.send_at) on 17 June, that day only; June locks at the
 * end of 9 July, so its standings go out from 08:30 on 10 July, for three days.
 */
const DIGEST_AT = local('2023-06-17T08:30');
const LOCK_POST_AT = local('2023-07-10T08:30');

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function harness(bloc?: Bloc): Promise<Harness> {
  h = await createHarness({ now: local('2023-06-01T08:00'), ...(bloc ? { bloc } : {}) });
  await seedJune(h);
  return h;
}

async function registerGroup(at = h.clock.now): Promise<void> {
  await h.program.repos.groups.register({
    blocId: h.bloc.id,
    channel: 'console',
    chatId: GROUP,
    title: 'Lãnh đạo khối',
    by: { channel: 'console', userId: 'sec' },
    at,
  });
}

/** One run at `at`, then whatever it queued is delivered to the console chats. */
async function runAt(at: Date) {
  h.clock.now = at;
  const { program } = h;
  const report = await runAutomaticPosts(
    { blocs: [h.bloc], repos: program.repos, rendering: program.services.rendering },
    at,
  );
  await program.dispatcher.flush();
  return report;
}

const posted = (chatId = GROUP) => h.output.transcriptOf(chatId);

describe('the standings post when a period locks', () => {
  it('goes to the leaders’ group at the reminder hour of the lock day: table, chart and rates, once', async () => {
    await harness();
    await registerGroup();
    expect(await runAt(local('2023-07-10T08:29'))).toEqual({ standings: 0, progress: 0, failed: 0 });
    expect(await runAt(LOCK_POST_AT)).toEqual({ standings: 1, progress: 0, failed: 0 });
    expect(await runAt(local('2023-07-10T08:35'))).toEqual({ standings: 0, progress: 0, failed: 0 });
    const [post, ...more] = posted();
    expect(more).toEqual([]);
    expect(post?.reply.key).toBe('standings.post.locked');
    expect(post?.reply.params?.period).toEqual(june);
    const table = post?.reply.params?.table as Message;
    expect(table.key).toBe('standings.table');
    expect((table.params?.lines as Message[])[0]?.params).toMatchObject({
      rank: 1,
      unit: 'Huyện Bắc Hà',
      total: '15,16',
    });
    expect((post?.reply.params?.rates as Message).key).toBe('progress.rates');
    expect(startsWith(post?.reply.image?.png, PNG_SIGNATURE)).toBe(true);
    expect(post?.lang).toBe('vi');
  });

  it('two runs at once post once (the claim and the messages commit together)', async () => {
    await harness();
    await registerGroup();
    h.clock.now = LOCK_POST_AT;
    const deps = { blocs: [h.bloc], repos: h.program.repos, rendering: h.program.services.rendering };
    const reports = await Promise.all([runAutomaticPosts(deps, LOCK_POST_AT), runAutomaticPosts(deps, LOCK_POST_AT)]);
    expect(reports.map((r) => r.standings).sort()).toEqual([0, 1]);
    await h.program.dispatcher.flush();
    expect(posted()).toHaveLength(1);
  });

  it('with no group registered, goes to each leader privately in their own language', async () => {
    await harness();
    await h.person({ role: 'leader', userId: 'lanh-dao-1', chatId: 'lanh-dao-1' });
    await h.person({ role: 'leader', userId: 'lanh-dao-2', chatId: 'lanh-dao-2' });
    await h.person({ role: 'secretariat', userId: 'thu-ky', chatId: 'thu-ky' });
    await h.program.repos.people.setLanguage('console', 'lanh-dao-2', 'en', h.clock.now);
    expect((await runAt(LOCK_POST_AT)).standings).toBe(1);
    expect(posted('lanh-dao-1').map((m) => [m.reply.key, m.lang])).toEqual([['standings.post.locked', 'vi']]);
    expect(posted('lanh-dao-2').map((m) => [m.reply.key, m.lang])).toEqual([['standings.post.locked', 'en']]);
    expect(posted('thu-ky')).toEqual([]);
  });

  it('with nobody to post to claims nothing, so a group registered later in the window still gets it', async () => {
    await harness();
    expect((await runAt(LOCK_POST_AT)).standings).toBe(0);
    await registerGroup();
    expect((await runAt(local('2023-07-11T10:00'))).standings).toBe(1);
    expect(posted()).toHaveLength(1);
  });

  it('is stale three days after the lock: a bot down that long does not post old news', async () => {
    await harness();
    await registerGroup();
    expect((await runAt(local('2023-07-13T08:30'))).standings).toBe(0);
    expect(posted()).toEqual([]);
  });

  it('is not made when the bloc turns automatic posting off', async () => {
    const bloc = await exampleBloc();
    await harness({ ...bloc, options: { ...bloc.options, autoPostStandings: false, postProgressOnDue: false } });
    await registerGroup();
    expect(await runAt(LOCK_POST_AT)).toEqual({ standings: 0, progress: 0, failed: 0 });
    expect(await runAt(DIGEST_AT)).toEqual({ standings: 0, progress: 0, failed: 0 });
    expect(posted()).toEqual([]);
  });
});

describe('the progress digest the day after the due date', () => {
  it('goes to the group once on 17 June with who is in and who is not', async () => {
    await harness();
    await registerGroup();
    expect((await runAt(local('2023-06-17T08:00'))).progress).toBe(0);
    expect((await runAt(DIGEST_AT)).progress).toBe(1);
    expect((await runAt(local('2023-06-17T15:00'))).progress).toBe(0);
    const [post, ...more] = posted();
    expect(more).toEqual([]);
    expect(post?.reply.key).toBe('progress.post.digest');
    expect(post?.reply.params?.period).toEqual(june);
    expect(post?.reply.params?.due).toBe('16/06/2023');
    expect((post?.reply.params?.progress as Message).key).toBe('progress.full');
    // The next day it is old news.
    expect((await runAt(local('2023-06-18T08:30'))).progress).toBe(0);
  });

  it('follows an extension of the due date (/giahan)', async () => {
    await harness();
    await registerGroup();
    await h.program.repos.calendar.setExtension({
      blocId: h.bloc.id,
      periodId: '2023-06',
      dueDate: '2023-06-20',
      by: { channel: 'console', userId: 'sec' },
      at: h.clock.now,
    });
    expect((await runAt(DIGEST_AT)).progress).toBe(0);
    expect((await runAt(local('2023-06-21T08:30'))).progress).toBe(1);
    expect(posted()[0]?.reply.params?.due).toBe('20/06/2023');
  });

  it('is not made when post_progress_on_due is false, while the standings still are', async () => {
    const bloc = await exampleBloc();
    await harness({ ...bloc, options: { ...bloc.options, postProgressOnDue: false } });
    await registerGroup();
    expect((await runAt(DIGEST_AT)).progress).toBe(0);
    expect((await runAt(LOCK_POST_AT)).standings).toBe(1);
  });
});
