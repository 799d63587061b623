import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply } from '../../src/app/messages.ts';
import { toPayload } from '../../src/app/outbox-payload.ts';
import { runMaintenance } from '../../src/jobs/maintenance.ts';
import { createHarness, type Harness } from '../support/flow-harness.ts';

describe('daily maintenance', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: new Date() });
  });
  afterEach(async () => {
    await h.close();
  });

  it('forgets old update ids, finished outbox rows, expired sessions and expired files, and keeps what is recent or pending', async () => {
    const { repos } = h.program.services;
    const day = 24 * 3_600_000;
    const t0 = h.clock.now;
    const ago = (days: number) => new Date(t0.getTime() - days * day);
    await repos.processedUpdates.markProcessed('telegram', 'old', ago(3));
    await repos.processedUpdates.markProcessed('telegram', 'new', ago(1));
    const [sent] = await repos.outbox.enqueue([
      { channel: 'telegram', chatId: '1', payload: toPayload(reply('engine.cancelled'), 'vi'), createdAt: ago(10) },
      {
        channel: 'telegram',
        chatId: '2',
        payload: toPayload(reply('engine.hint'), 'vi'),
        createdAt: ago(10),
        nextAttemptAt: new Date(t0.getTime() + day),
      },
    ]);
    await repos.outbox.markSent(sent!, ago(8));
    // A session that lived a millisecond, written at the program's clock (2023): long gone by now.
    await h.program.services.sessions.set('console:x:y', { v: 1, seq: 0 }, 1);
    const png = { kind: 'image' as const, contentType: 'image/png', bytes: new Uint8Array([1]), createdAt: ago(1) };
    const expiredImage = await repos.files.put({ ...png, expiresAt: ago(0.5) });
    const liveImage = await repos.files.put({ ...png, expiresAt: new Date(t0.getTime() + day) });

    const report = await runMaintenance(
      {
        processedUpdates: repos.processedUpdates,
        outbox: repos.outbox,
        files: repos.files,
        purgeExpiredSessions: (now) => h.program.sessionKeyv.purgeExpired(now),
      },
      new Date(),
    );
    expect(report.outbox).toBe(1);
    expect(report.sessions).toBe(1);
    expect(report.files).toBe(1);
    expect(await repos.files.read(expiredImage, ago(1))).toBeUndefined();
    expect(await repos.files.read(liveImage, t0)).toMatchObject({ id: liveImage });
    expect(report.processedUpdates).toBe(1);
    // The recent id still deduplicates; the old one is gone.
    expect(await repos.processedUpdates.markProcessed('telegram', 'new', t0)).toBe(false);
    expect(await repos.processedUpdates.markProcessed('telegram', 'old', t0)).toBe(true);
    expect(await repos.outbox.pending(t0)).toBe(1);
  });

  it('counts the messages dropped unsent in the last day, so the job’s log line says how many expired', async () => {
    const { repos } = h.program.services;
    const day = 24 * 3_600_000;
    const t0 = h.clock.now;
    const ago = (days: number) => new Date(t0.getTime() - days * day);
    const payload = toPayload(reply('engine.hint'), 'vi');
    const ids = await repos.outbox.enqueue(
      ['1', '2', '3'].map((chatId) => ({ channel: 'telegram', chatId, payload, createdAt: ago(3) })),
    );
    await repos.outbox.drop([ids[0]!], ago(2));
    await repos.outbox.drop([ids[1]!, ids[2]!], ago(0.5));
    const report = await runMaintenance(
      {
        processedUpdates: repos.processedUpdates,
        outbox: repos.outbox,
        files: repos.files,
        purgeExpiredSessions: () => Promise.resolve(0),
      },
      t0,
    );
    expect(report.droppedLastDay).toBe(2);
  });
});
