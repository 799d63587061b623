import { expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/app/ports.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { startStorageChild } from '../support/child-process.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { claimAll } from '../support/storage-workloads.ts';
import { at } from '../support/storage-fixtures.ts';

const t0 = at('2024-06-16T01:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const message = (n: number, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  channel: 'telegram',
  chatId: `chat-${n % 3}`,
  payload: { key: 'reminders.due', params: { n, unit: 'Bảo Yên' } },
  createdAt: t0,
  ...extra,
});

describeEachDatabase('outbox', (getDb) => {
  const outbox = () => createRepositories(getDb()).outbox;

  it('claims due rows in id order with a lease, and keeps the payload intact', async () => {
    const ids = await outbox().enqueue([message(1), message(2), message(3)]);
    expect(ids).toHaveLength(3);
    const rows = await outbox().claim('a', 2, 30_000, t0, ['telegram']);
    expect(rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(rows[0]).toMatchObject({
      channel: 'telegram',
      chatId: 'chat-1',
      payload: { key: 'reminders.due', params: { n: 1, unit: 'Bảo Yên' } },
      attempts: 1,
      claimedBy: 'a',
      leaseUntil: later(30_000),
      nextAttemptAt: t0,
    });
    expect((await outbox().claim('b', 10, 30_000, t0, ['telegram'])).map((r) => r.id)).toEqual([ids[2]]);
    expect(await outbox().claim('b', 10, 30_000, later(29_999), ['telegram'])).toEqual([]);
  });

  it('gives a row back when its lease has run out', async () => {
    const [id] = await outbox().enqueue([message(1)]);
    await outbox().claim('crashed', 10, 30_000, t0, ['telegram']);
    const again = await outbox().claim('b', 10, 30_000, later(30_000), ['telegram']);
    expect(again.map((r) => [r.id, r.claimedBy, r.attempts])).toEqual([[id, 'b', 2]]);
  });

  it('counts the rows dropped since an instant: an expired reminder dropped by a claim counts', async () => {
    await outbox().enqueue([message(1, { expiresAt: later(1000) }), message(2)]);
    expect(await outbox().countDropped(t0)).toBe(0);
    await outbox().claim('a', 10, 30_000, later(5000), ['telegram']);
    expect(await outbox().countDropped(t0)).toBe(1);
    expect(await outbox().countDropped(later(5001))).toBe(0);
  });

  it('drops expired messages instead of sending them late', async () => {
    const [stale, fresh] = await outbox().enqueue([
      message(1, { expiresAt: later(1000) }),
      message(2, { expiresAt: later(10_000) }),
    ]);
    expect(await outbox().pending(later(5000))).toBe(1);
    const rows = await outbox().claim('a', 10, 30_000, later(5000), ['telegram']);
    expect(rows.map((r) => r.id)).toEqual([fresh]);
    const { db } = getDb();
    const dropped = await db
      .selectFrom('outbox')
      .select(['dropped_at', 'claimed_by'])
      .where('id', '=', stale ?? -1)
      .executeTakeFirstOrThrow();
    expect(dropped).toEqual({ dropped_at: later(5000).toISOString(), claimed_by: null });
  });

  it('retries at the time asked, and never again after sent or failed', async () => {
    const [retry, sent, failed] = await outbox().enqueue([message(1), message(2), message(3)]);
    await outbox().claim('a', 10, 30_000, t0, ['telegram']);
    await outbox().markRetry(retry ?? -1, '502 Bad Gateway', later(5000));
    await outbox().markSent(sent ?? -1, later(100));
    await outbox().markFailed(failed ?? -1, '403 Forbidden: bot was blocked by the user', later(100));
    expect(await outbox().pending(later(100))).toBe(1);

    expect(await outbox().claim('b', 10, 30_000, later(4999), ['telegram'])).toEqual([]);
    const rows = await outbox().claim('b', 10, 30_000, later(5000), ['telegram']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: retry, attempts: 2, lastError: '502 Bad Gateway', claimedBy: 'b' });
    await outbox().markSent(retry ?? -1, later(5001));
    expect(await outbox().pending(later(5001))).toBe(0);
    expect(await outbox().claim('c', 10, 30_000, later(999_999), ['telegram'])).toEqual([]);
  });

  it('never gives one row to two owners claiming at the same time', async () => {
    await outbox().enqueue(Array.from({ length: 40 }, (_, i) => message(i, { chatId: `c-${i}` })));
    const other = getDb().concurrentWriter();
    await other.db.selectFrom('outbox').select('id').execute(); // warm, so the two really overlap
    try {
      const [a, b] = await Promise.all([
        claimAll(outbox(), 'a', t0),
        claimAll(createRepositories(other).outbox, 'b', t0),
      ]);
      expectDisjointCover(a, b, 40);
    } finally {
      await other.close();
    }
  });

  it('never gives one row to two processes', async () => {
    await outbox().enqueue(Array.from({ length: 100 }, (_, i) => message(i, { chatId: `c-${i}` })));
    const child = startStorageChild<number[]>(getDb(), 'claim', 'child');
    await child.ready;
    child.go();
    const [mine, theirs] = await Promise.all([claimAll(outbox(), 'parent', t0), child.result]);
    expectDisjointCover(mine, theirs, 100);
    // Both processes got some: they really overlapped.
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
  }, 30_000);

  it('claims only the channels this process can send', async () => {
    const [tg, zl] = await outbox().enqueue([message(1), message(2, { channel: 'zalo' })]);
    expect((await outbox().claim('console-only', 10, 30_000, t0, ['console'])).map((r) => r.id)).toEqual([]);
    expect((await outbox().claim('bot', 10, 30_000, t0, ['telegram'])).map((r) => r.id)).toEqual([tg]);
    expect((await outbox().claim('zalo', 10, 30_000, t0, ['zalo'])).map((r) => r.id)).toEqual([zl]);
  });

  it('keeps one chat in order: a later reply waits while an earlier one is leased or waiting to retry', async () => {
    const [first, second] = await outbox().enqueue([message(0, { chatId: 'x' }), message(1, { chatId: 'x' })]);
    const [other] = await outbox().enqueue([message(2, { chatId: 'y' })]);
    const claimed = await outbox().claim('a', 1, 30_000, t0, ['telegram']);
    expect(claimed.map((r) => r.id)).toEqual([first]);
    // `first` is leased: `second` (same chat) must wait, `other` may go.
    expect((await outbox().claim('b', 10, 30_000, t0, ['telegram'])).map((r) => r.id)).toEqual([other]);
    await outbox().markRetry(first!, '500', later(5000));
    expect(await outbox().claim('b', 10, 30_000, later(1000), ['telegram'])).toEqual([]);
    expect((await outbox().claim('b', 10, 30_000, later(5000), ['telegram'])).map((r) => r.id)).toEqual([
      first,
      second,
    ]);
  });

  it('holds rows until released, drops them on demand, and purges finished rows', async () => {
    const { HELD_UNTIL } = await import('../../src/app/ports/delivery.ts');
    const [held, dropped] = await outbox().enqueue([
      message(0, { chatId: 'h', nextAttemptAt: HELD_UNTIL }),
      message(1, { chatId: 'd', nextAttemptAt: HELD_UNTIL }),
    ]);
    expect(await outbox().claim('a', 10, 30_000, later(10_000), ['telegram'])).toEqual([]);
    await outbox().release([held!], later(1));
    await outbox().drop([dropped!], later(1));
    const rows = await outbox().claim('a', 10, 30_000, later(2), ['telegram']);
    expect(rows.map((r) => r.id)).toEqual([held]);
    await outbox().markSent(held!, later(3));
    expect(await outbox().purgeFinished(later(2))).toBe(1); // the dropped one, finished at +1
    expect(await outbox().purgeFinished(later(10))).toBe(1); // the sent one, finished at +3
    expect(await outbox().pending(later(10))).toBe(0);
  });
  it('frees the claims on one channel for a process that is its only sender', async () => {
    const [a] = await outbox().enqueue([message(0, { chatId: 'k' })]);
    const [z] = await outbox().enqueue([message(1, { chatId: 'k2', channel: 'zalo' })]);
    await outbox().claim('crashed', 10, 60_000, t0, ['telegram', 'zalo']);
    expect(await outbox().claim('next', 10, 60_000, later(1), ['telegram', 'zalo'])).toEqual([]);
    expect(await outbox().releaseClaims(['telegram'], later(2))).toBe(1);
    expect((await outbox().claim('next', 10, 60_000, later(3), ['telegram', 'zalo'])).map((r) => r.id)).toEqual([a]);
    // Zalo's row stays with the crashed process until its lease ends: another sender may be alive.
    expect(await outbox().claim('next', 10, 60_000, later(4), ['zalo'])).toEqual([]);
    expect((await outbox().claim('next', 10, 60_000, later(61_000), ['zalo'])).map((r) => r.id)).toEqual([z]);
  });
});

function expectDisjointCover(a: number[], b: number[], total: number): void {
  const all = [...a, ...b];
  expect(new Set(all).size).toBe(all.length);
  expect(all).toHaveLength(total);
}
