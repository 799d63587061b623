import { beforeEach, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { createSessionKeyv } from '../../src/storage/session-store.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, focal } from '../support/storage-fixtures.ts';
import { saveSubmission } from '../support/submission-fixtures.ts';

describeEachDatabase('unit of work', (getDb) => {
  const setup = () => ({ repos: createRepositories(getDb()), sessions: createSessionKeyv({ database: getDb() }).keyv });
  const t = at('2024-06-14T02:00:00.000Z');

  beforeEach(async () => {
    await setup().repos.blocs.upsert({ id: BLOC, name: 'Khối 1' });
  });

  /** What one incoming update writes: its id, a domain write, the session and a reply. */
  async function handleUpdate(updateId: string, fail: boolean) {
    const { repos, sessions } = setup();
    return repos.unitOfWork.run(async () => {
      expect(await repos.processedUpdates.markProcessed('zalo', updateId, t)).toBe(true);
      await repos.registrations.bind({
        channel: 'zalo',
        userId: `u${updateId}`,
        blocId: BLOC,
        role: 'focal',
        unitId: 'bao-yen',
        at: t,
      });
      await saveSubmission(
        repos,
        {
          blocId: BLOC,
          periodId: '2024-06',
          unitId: `unit-${updateId}`,
          status: 'submitted',
          revision: 0,
          values: [{ indicatorCode: 'a', raw: '1', value: { type: 'scalar', value: 1 }, estimate: false }],
        },
        { actor: focal, at: t },
      );
      await sessions.set(`zalo:c:u${updateId}`, { v: 1, flow: 'report', step: 'confirm' }, 60_000);
      // Read back inside the transaction: the same connection sees its own writes.
      expect(await sessions.get(`zalo:c:u${updateId}`)).toEqual({ v: 1, flow: 'report', step: 'confirm' });
      await repos.outbox.enqueue([{ channel: 'zalo', chatId: 'c', payload: { key: 'report.saved' }, createdAt: t }]);
      if (fail) throw new Error('the handler failed after writing');
      return 'done';
    });
  }

  async function traces(updateId: string) {
    const { repos, sessions } = setup();
    return {
      update: !(await repos.processedUpdates.markProcessed('zalo', updateId, t)),
      registration: (await repos.registrations.findActive('zalo', `u${updateId}`)).length > 0,
      submission: (await repos.submissions.find(BLOC, '2024-06', `unit-${updateId}`)) !== undefined,
      session: (await sessions.get(`zalo:c:u${updateId}`)) !== undefined,
      outbox: await repos.outbox.pending(t),
    };
  }

  it('commits the update id, the domain writes, the session and the outbox together', async () => {
    expect(await handleUpdate('1', false)).toBe('done');
    expect(await traces('1')).toEqual({ update: true, registration: true, submission: true, session: true, outbox: 1 });
  });

  it('rolls every write back when the handler throws, the session written through keyv included', async () => {
    await expect(handleUpdate('2', true)).rejects.toThrow('the handler failed after writing');
    expect(await traces('2')).toEqual({
      update: false,
      registration: false,
      submission: false,
      session: false,
      outbox: 0,
    });
  });

  it('keeps concurrent units of work apart: one failing does not touch the other', async () => {
    const results = await Promise.allSettled([
      handleUpdate('3', true),
      handleUpdate('4', false),
      handleUpdate('5', true),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect(await traces('4')).toMatchObject({ update: true, session: true, outbox: 1 });
    expect((await traces('3')).session).toBe(false);
    expect((await traces('5')).registration).toBe(false);
  });

  it('joins a nested run to the outer transaction', async () => {
    const { repos, sessions } = setup();
    await expect(
      repos.unitOfWork.run(async () => {
        await repos.unitOfWork.run(async () => {
          await repos.processedUpdates.markProcessed('telegram', '9', t);
          await sessions.set('telegram:1:1', { v: 1 });
        });
        expect(await repos.processedUpdates.markProcessed('telegram', '9', t)).toBe(false);
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await repos.processedUpdates.markProcessed('telegram', '9', t)).toBe(true);
    expect(await sessions.get('telegram:1:1')).toBeUndefined();
  });
});
