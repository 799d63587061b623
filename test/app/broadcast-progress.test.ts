import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/app/messages.ts';
import { fromPayload } from '../../src/app/outbox-payload.ts';
import { advanceBroadcast, BroadcastProgress, failureReason } from '../../src/app/use-cases/broadcast-progress.ts';
import { startBroadcast, storePreview } from '../../src/app/use-cases/broadcast.ts';
import { createHarness, type Harness } from '../support/flow-harness.ts';
import { captureLogger } from '../support/log-capture.ts';
import { local } from '../support/submission-fixtures.ts';

const T0 = local('2023-06-12T09:00');
const after = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const UNITS = ['si-ma-cai', 'bao-yen', 'bac-ha', 'van-ban'];
const BLOCKED = 'telegram 403: Forbidden: bot was blocked by the user';

describe('a broadcast’s progress and summary for the secretariat', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: T0 });
  });
  afterEach(async () => {
    await h.close();
  });

  const deps = () => ({ repos: h.program.repos, blocs: h.program.services.blocs });

  /** A confirmed broadcast to `n` focal points (console chats f0…), followed in `desk`. */
  async function confirmed(n: number, desk: { channel: string; chatId: string }) {
    for (let i = 0; i < n; i++)
      await h.person({ unitId: UNITS[i % UNITS.length], userId: `f${i}`, name: `Người ${i}` });
    const by = { channel: desk.channel, userId: desk.chatId, name: 'Văn phòng khối' };
    const id = await storePreview(h.program.repos, {
      bloc: h.bloc,
      by,
      text: 'Kính gửi',
      recipients: n,
      chat: desk,
      lang: 'vi',
      now: T0,
    });
    expect(await startBroadcast(h.program.repos, id, T0)).toEqual({ type: 'sending', recipients: n });
    const rows = await h.program.database.db
      .selectFrom('outbox')
      .select('id')
      .where('broadcast_id', '=', id)
      .orderBy('id')
      .execute();
    return { id, rows: rows.map((r) => r.id) };
  }

  /** What was queued for the secretariat's chat, in order. */
  async function told(chatId: string): Promise<Reply[]> {
    const rows = await h.program.database.db
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where('chat_id', '=', chatId)
      .orderBy('id')
      .execute();
    return rows.map((r) => fromPayload(JSON.parse(r.payload))?.reply as Reply);
  }

  it('on the console (no edits): a line at each quarter, then the summary', async () => {
    const { id, rows } = await confirmed(8, { channel: 'console', chatId: 'desk' });
    const news = [];
    for (const [i, row] of rows.entries()) {
      await h.program.repos.outbox.markSent(row, after(i + 1));
      news.push(await advanceBroadcast(deps(), id, after(i + 1)));
    }
    expect(news).toEqual(['none', 'progress', 'none', 'progress', 'none', 'progress', 'none', 'finished']);
    const progressId = (await h.program.repos.broadcasts.get(id))?.progressOutboxId;
    expect(await told('desk')).toEqual([
      { key: 'broadcast.sending', params: { count: 8 } },
      { key: 'broadcast.progress', params: { settled: 2, total: 8, percent: '25,0' }, replaces: progressId },
      { key: 'broadcast.progress', params: { settled: 4, total: 8, percent: '50,0' }, replaces: progressId },
      { key: 'broadcast.progress', params: { settled: 6, total: 8, percent: '75,0' }, replaces: progressId },
      { key: 'broadcast.doneAll', params: { delivered: 8 } },
    ]);
  });

  it('on Telegram: the one message is edited, at most every three seconds', async () => {
    const { id, rows } = await confirmed(4, { channel: 'telegram', chatId: '100' });
    const [a = 0, b = 0, c = 0, d = 0] = rows;
    await h.program.repos.outbox.markSent(a, after(1));
    expect(await advanceBroadcast(deps(), id, after(1))).toBe('none');
    expect(await advanceBroadcast(deps(), id, after(3))).toBe('progress');
    await h.program.repos.outbox.markSent(b, after(4));
    expect(await advanceBroadcast(deps(), id, after(4))).toBe('none');
    expect(await advanceBroadcast(deps(), id, after(5.9))).toBe('none');
    expect(await advanceBroadcast(deps(), id, after(6))).toBe('progress');
    // Nothing new since: nothing to edit.
    expect(await advanceBroadcast(deps(), id, after(20))).toBe('none');
    await h.program.repos.outbox.markSent(c, after(21));
    await h.program.repos.outbox.markSent(d, after(21));
    expect(await advanceBroadcast(deps(), id, after(21))).toBe('finished');
    const progressId = (await h.program.repos.broadcasts.get(id))?.progressOutboxId;
    expect(progressId).toBeDefined();
    expect(await told('100')).toEqual([
      { key: 'broadcast.sending', params: { count: 4 } },
      { key: 'broadcast.progress', params: { settled: 1, total: 4, percent: '25,0' }, replaces: progressId },
      { key: 'broadcast.progress', params: { settled: 2, total: 4, percent: '50,0' }, replaces: progressId },
      { key: 'broadcast.doneAll', params: { delivered: 4 } },
    ]);
  });

  it('names the units not reached and why, stores the results, and sums up once', async () => {
    const { id, rows } = await confirmed(4, { channel: 'console', chatId: 'desk' });
    const [a = 0, b = 0, c = 0, d = 0] = rows;
    await h.program.repos.people.touch('console', 'f1', 'Hoa', T0);
    await h.program.repos.outbox.markSent(a, after(1));
    await h.program.repos.outbox.markFailed(b, BLOCKED, after(1));
    await h.program.repos.outbox.markFailed(c, 'telegram 400: Bad Request: chat not found', after(1));
    await h.program.repos.outbox.markFailed(d, 'telegram timeout', after(1));
    const results = await Promise.all([1, 2, 3].map(() => advanceBroadcast(deps(), id, after(2))));
    expect(results.filter((r) => r === 'finished')).toHaveLength(1);
    const summary = (await told('desk')).at(-1);
    expect(summary).toEqual({
      key: 'broadcast.doneSome',
      params: {
        delivered: 1,
        failed: 3,
        failures: [
          {
            key: 'broadcast.failedLine',
            params: { unit: 'Huyện Bảo Yên', name: 'Hoa', reason: { key: 'broadcast.reason.blocked' } },
          },
          {
            key: 'broadcast.failedLine',
            params: { unit: 'Huyện Bắc Hà', name: 'f2', reason: { key: 'broadcast.reason.chatNotFound' } },
          },
          {
            key: 'broadcast.failedLine',
            params: { unit: 'Huyện Văn Bàn', name: 'f3', reason: { key: 'broadcast.reason.other' } },
          },
        ],
      },
    });
    expect((await told('desk')).filter((r) => r.key === 'broadcast.doneSome')).toHaveLength(1);
    expect(await h.program.repos.broadcasts.get(id)).toMatchObject({
      status: 'done',
      delivered: 1,
      failed: 3,
      failures: [
        { unitId: 'bao-yen', channel: 'console', chatId: 'f1', reason: 'blocked' },
        { unitId: 'bac-ha', channel: 'console', chatId: 'f2', reason: 'chatNotFound' },
        { unitId: 'van-ban', channel: 'console', chatId: 'f3', reason: 'other' },
      ],
    });
    expect(await advanceBroadcast(deps(), id, after(60))).toBe('none');
  });

  it('picks up, after a restart, a broadcast whose last row was sent before anyone told the secretariat', async () => {
    const { id, rows } = await confirmed(2, { channel: 'console', chatId: 'desk' });
    for (const row of rows) await h.program.repos.outbox.markSent(row, after(1));
    const progress = new BroadcastProgress(deps(), () => after(90), captureLogger().logger);
    expect(await progress.resume()).toBe(1);
    expect((await told('desk')).map((r) => r.key)).toEqual(['broadcast.sending', 'broadcast.doneAll']);
    expect(await h.program.repos.broadcasts.get(id)).toMatchObject({ status: 'done', finishedAt: after(90) });
    expect(await progress.resume()).toBe(0);
  });
});

describe('why a recipient was not reached, from the stored error', () => {
  it('tells blocked and gone chats from other failures', () => {
    expect(failureReason(BLOCKED)).toBe('blocked');
    expect(failureReason('telegram 403: Forbidden: user is deactivated')).toBe('blocked');
    expect(failureReason('telegram 403: Forbidden: bot was kicked from the group chat')).toBe('blocked');
    expect(failureReason('telegram 400: Bad Request: chat not found')).toBe('chatNotFound');
    expect(failureReason('telegram 500: Internal Server Error')).toBe('other');
    expect(failureReason(undefined)).toBe('other');
  });
});
