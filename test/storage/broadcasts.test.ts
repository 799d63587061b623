import { expect, it } from 'vitest';
import type { NewBroadcast, OutboundMessage } from '../../src/app/ports.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, secretary } from '../support/storage-fixtures.ts';

const t0 = at('2024-06-16T01:00:00.000Z');
const t1 = at('2024-06-16T01:05:00.000Z');
const preview: NewBroadcast = {
  blocId: BLOC,
  by: secretary,
  createdAt: t0,
  text: 'Đề nghị các đơn vị nộp báo cáo trước ngày 16.',
  recipients: 3,
  chat: { channel: 'telegram', chatId: '100' },
  lang: 'vi',
};
const row = (broadcastId: number, unitId: string, chatId: string): OutboundMessage => ({
  channel: 'telegram',
  chatId,
  priority: 'bulk',
  broadcast: { id: broadcastId, unitId },
  payload: { key: 'broadcast.message', params: { text: 'x', from: 'y' } },
  createdAt: t0,
});

describeEachDatabase('broadcasts', (getDb) => {
  const repos = () => createRepositories(getDb());

  it('stores a preview with who, when, what and for whom, and reads it back', async () => {
    const id = await repos().broadcasts.create({ ...preview, unitId: 'bao-yen' });
    expect(await repos().broadcasts.get(id)).toEqual({
      id,
      blocId: BLOC,
      by: secretary,
      createdAt: t0,
      text: 'Đề nghị các đơn vị nộp báo cáo trước ngày 16.',
      unitId: 'bao-yen',
      status: 'preview',
      recipients: 3,
      chat: { channel: 'telegram', chatId: '100' },
      lang: 'vi',
      confirmedAt: undefined,
      progressOutboxId: undefined,
      progressSettled: 0,
      progressAt: undefined,
      finishedAt: undefined,
      delivered: undefined,
      failed: undefined,
      failures: undefined,
    });
    expect(await repos().broadcasts.get(id + 1)).toBeUndefined();
  });

  it('confirms once, even when two confirm at once; a confirmed one cannot be cancelled', async () => {
    const id = await repos().broadcasts.create(preview);
    const results = await Promise.all([1, 2, 3].map(() => repos().broadcasts.confirm(id, t1, 2)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repos().broadcasts.cancel(id, t1)).toBe(false);
    expect(await repos().broadcasts.get(id)).toMatchObject({ status: 'sending', confirmedAt: t1, recipients: 2 });
    expect(await repos().broadcasts.sending()).toEqual([id]);

    const other = await repos().broadcasts.create(preview);
    expect(await repos().broadcasts.cancel(other, t1)).toBe(true);
    expect(await repos().broadcasts.confirm(other, t1, 3)).toBe(false);
    expect(await repos().broadcasts.get(other)).toMatchObject({ status: 'cancelled', finishedAt: t1 });
  });

  it('counts its outbox rows by state and lists the failed ones with their unit and error', async () => {
    const r = repos();
    const id = await r.broadcasts.create(preview);
    const [reply] = await r.outbox.enqueue([{ ...row(id, 'x', '100'), broadcast: undefined, priority: 'interactive' }]);
    const [a, b, c, d] = await r.outbox.enqueue([
      row(id, 'si-ma-cai', '201'),
      row(id, 'bao-yen', '202'),
      row(id, 'bac-ha', '203'),
      row(id, 'van-ban', '204'),
    ]);
    await r.outbox.markSent(a ?? 0, t1, '9001');
    await r.outbox.markFailed(b ?? 0, 'telegram 403: Forbidden: bot was blocked by the user', t1);
    await r.outbox.drop([c ?? 0], t1);
    expect(await r.broadcasts.tally(id)).toEqual({ delivered: 1, failed: 2, pending: 1 });
    expect(await r.broadcasts.failedRows(id)).toEqual([
      {
        unitId: 'bao-yen',
        channel: 'telegram',
        chatId: '202',
        error: 'telegram 403: Forbidden: bot was blocked by the user',
      },
      { unitId: 'bac-ha', channel: 'telegram', chatId: '203' },
    ]);
    // A row reads back with its broadcast; other rows carry none.
    const claimed = await r.outbox.claim('me', 10, 30_000, t1, ['telegram']);
    expect(claimed.map((x) => [x.id, x.broadcast])).toEqual([
      [reply, undefined],
      [d, { id, unitId: 'van-ban' }],
    ]);
    expect(await r.broadcasts.tally(id + 1)).toEqual({ delivered: 0, failed: 0, pending: 0 });
  });

  it('moves what the secretariat was told only from what it was, and finishes once with the results', async () => {
    const r = repos();
    const id = await r.broadcasts.create(preview);
    expect(await r.broadcasts.markTold(id, 0, 1, t1)).toBe(false); // not sending yet
    await r.broadcasts.confirm(id, t0, 3);
    await r.broadcasts.setProgressMessage(id, 77);
    expect(await r.broadcasts.markTold(id, 0, 1, t1)).toBe(true);
    expect(await r.broadcasts.markTold(id, 0, 2, t1)).toBe(false);
    expect(await r.broadcasts.get(id)).toMatchObject({ progressOutboxId: 77, progressSettled: 1, progressAt: t1 });
    const failures = [{ unitId: 'bao-yen', channel: 'telegram', chatId: '202', reason: 'blocked' as const }];
    expect(await r.broadcasts.finish(id, t1, { delivered: 2, failed: 1, failures })).toBe(true);
    expect(await r.broadcasts.finish(id, t1, { delivered: 2, failed: 1, failures })).toBe(false);
    expect(await r.broadcasts.get(id)).toMatchObject({
      status: 'done',
      finishedAt: t1,
      delivered: 2,
      failed: 1,
      failures,
    });
    expect(await r.broadcasts.sending()).toEqual([]);
  });

  it('takes a broadcast of 3,000 rows in one enqueue (chunked under the parameter limits)', async () => {
    const r = repos();
    const id = await r.broadcasts.create(preview);
    const ids = await r.outbox.enqueue(Array.from({ length: 3000 }, (_, i) => row(id, 'bao-yen', `c-${i}`)));
    expect(ids).toHaveLength(3000);
    expect(new Set(ids).size).toBe(3000);
    expect(await r.broadcasts.tally(id)).toEqual({ delivered: 0, failed: 0, pending: 3000 });
  });
});
