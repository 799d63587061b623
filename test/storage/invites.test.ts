import { beforeEach, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, focal, secretary } from '../support/storage-fixtures.ts';

describeEachDatabase('invites', (getDb) => {
  const repos = () => createRepositories(getDb());
  const now = at('2024-06-10T03:00:00.000Z');
  const someone = { channel: 'telegram', userId: '555' };

  beforeEach(async () => {
    await repos().blocs.upsert({ id: BLOC, name: 'Khối 1' });
  });

  async function invite(code: string, extra: { expiresAt?: Date; unitId?: string } = {}) {
    return repos().invites.create({
      code,
      blocId: BLOC,
      role: 'focal',
      unitId: extra.unitId ?? 'si-ma-cai',
      expiresAt: extra.expiresAt ?? at('2024-06-17T03:00:00.000Z'),
      createdBy: secretary,
      createdAt: now,
    });
  }

  it('creates an invite and refuses a second one with the same code', async () => {
    const created = await invite('ACDEFG34');
    expect(created).toMatchObject({
      code: 'ACDEFG34',
      blocId: BLOC,
      role: 'focal',
      unitId: 'si-ma-cai',
      createdBy: secretary,
    });
    expect(created?.expiresAt).toEqual(at('2024-06-17T03:00:00.000Z'));
    expect(await invite('ACDEFG34')).toBeUndefined();
  });

  it('is used once: of two concurrent consumers exactly one gets it', async () => {
    await invite('ACDEFG34');
    const other = getDb().openAnother();
    await other.db.selectFrom('invites').select('code').execute(); // warm, so the two really overlap
    try {
      const [a, b] = await Promise.all([
        repos().invites.consume('ACDEFG34', now, someone),
        createRepositories(other).invites.consume('ACDEFG34', now, focal),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual(['ok', 'used']);
      const winner = a.status === 'ok' ? a : b;
      if (winner.status !== 'ok') throw new Error('unreachable');
      expect(winner.invite.usedAt).toEqual(now);
      expect(winner.invite.usedBy).toEqual(
        a.status === 'ok' ? someone : { channel: focal.channel, userId: focal.userId },
      );
    } finally {
      await other.close();
    }
  });

  it('stays single-use under many concurrent consumers on one connection pool', async () => {
    await invite('ACDEFG34');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        repos().invites.consume('ACDEFG34', now, { channel: 'telegram', userId: String(i) }),
      ),
    );
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'used')).toHaveLength(7);
  });

  it('tells unknown, expired and revoked codes apart', async () => {
    await invite('EXPIRED1', { expiresAt: now });
    await invite('REVOKED1');
    expect(await repos().invites.revoke('REVOKED1', now)).toBe(true);
    expect(await repos().invites.revoke('REVOKED1', now)).toBe(false);

    expect(await repos().invites.consume('NOSUCH11', now, someone)).toEqual({ status: 'unknown' });
    expect(await repos().invites.consume('EXPIRED1', now, someone)).toEqual({ status: 'expired' });
    expect(await repos().invites.consume('REVOKED1', now, someone)).toEqual({ status: 'revoked' });
  });

  it('lists only the active invites of the bloc and cannot revoke a used one', async () => {
    await invite('ACTIVE11');
    await invite('EXPIRED1', { expiresAt: at('2024-06-09T00:00:00.000Z') });
    await invite('USED1111');
    await invite('REVOKED1');
    await repos().invites.consume('USED1111', now, someone);
    await repos().invites.revoke('REVOKED1', now);
    expect(await repos().invites.revoke('USED1111', now)).toBe(false);

    const active = await repos().invites.listActive(BLOC, now);
    expect(active.map((i) => i.code)).toEqual(['ACTIVE11']);
    expect(await repos().invites.listActive('another-bloc', now)).toEqual([]);
  });
});
