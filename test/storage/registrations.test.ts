import { beforeEach, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, OTHER_BLOC } from '../support/storage-fixtures.ts';

describeEachDatabase('registrations', (getDb) => {
  const repos = () => createRepositories(getDb());
  const hoa = { channel: 'zalo', userId: 'z-200' };

  beforeEach(async () => {
    await repos().blocs.upsert({ id: BLOC, name: 'Khối 1' });
    await repos().blocs.upsert({ id: OTHER_BLOC, name: 'Khối 2' });
  });

  it('binds a person and finds the binding by person, id and bloc', async () => {
    const r = await repos().registrations.bind({
      ...hoa,
      blocId: BLOC,
      role: 'focal',
      unitId: 'bao-yen',
      inviteCode: 'ACDEFG34',
      at: at('2024-06-10T03:00:00.000Z'),
    });
    expect(r).toMatchObject({
      ...hoa,
      blocId: BLOC,
      role: 'focal',
      unitId: 'bao-yen',
      inviteCode: 'ACDEFG34',
      active: true,
    });
    expect(await repos().registrations.findById(r.id)).toEqual(r);
    expect(await repos().registrations.findActive(hoa.channel, hoa.userId)).toEqual([r]);
    expect(await repos().registrations.findById(r.id + 1000)).toBeUndefined();
  });

  it('replaces the binding of the same person in the same bloc and keeps the old row inactive', async () => {
    const first = await repos().registrations.bind({
      ...hoa,
      blocId: BLOC,
      role: 'focal',
      unitId: 'bao-yen',
      at: at('2024-06-10T03:00:00.000Z'),
    });
    const elsewhere = await repos().registrations.bind({
      ...hoa,
      blocId: OTHER_BLOC,
      role: 'leader',
      at: at('2024-06-10T04:00:00.000Z'),
    });
    const second = await repos().registrations.bind({
      ...hoa,
      blocId: BLOC,
      role: 'focal',
      unitId: 'si-ma-cai',
      at: at('2024-06-11T03:00:00.000Z'),
    });

    expect(await repos().registrations.findById(first.id)).toMatchObject({
      active: false,
      deactivatedAt: at('2024-06-11T03:00:00.000Z'),
      deactivationReason: 'replaced',
    });
    const active = await repos().registrations.findActive(hoa.channel, hoa.userId);
    expect(active.map((r) => r.id)).toEqual([elsewhere.id, second.id]);
  });

  it('lets a unit have several focal points and filters by unit and role', async () => {
    const a = await repos().registrations.bind({
      channel: 'telegram',
      userId: '1',
      blocId: BLOC,
      role: 'focal',
      unitId: 'bao-yen',
      at: at('2024-06-10T03:00:00.000Z'),
    });
    const b = await repos().registrations.bind({
      channel: 'zalo',
      userId: '2',
      blocId: BLOC,
      role: 'focal',
      unitId: 'bao-yen',
      at: at('2024-06-10T03:00:00.000Z'),
    });
    const c = await repos().registrations.bind({
      channel: 'telegram',
      userId: '3',
      blocId: BLOC,
      role: 'leader',
      unitId: 'bao-yen',
      at: at('2024-06-10T03:00:00.000Z'),
    });
    await repos().registrations.bind({
      channel: 'telegram',
      userId: '4',
      blocId: BLOC,
      role: 'focal',
      unitId: 'si-ma-cai',
      at: at('2024-06-10T03:00:00.000Z'),
    });

    const ids = async (filter?: Parameters<ReturnType<typeof repos>['registrations']['listActive']>[1]) =>
      (await repos().registrations.listActive(BLOC, filter)).map((r) => r.id);
    expect(await ids({ unitId: 'bao-yen', role: 'focal' })).toEqual([a.id, b.id]);
    expect(await ids({ unitId: 'bao-yen' })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ role: 'leader' })).toEqual([c.id]);
    expect(await ids()).toHaveLength(4);
  });

  it('deactivates once, with a reason, and keeps the row', async () => {
    const r = await repos().registrations.bind({
      ...hoa,
      blocId: BLOC,
      role: 'focal',
      unitId: 'bao-yen',
      at: at('2024-06-10T03:00:00.000Z'),
    });
    expect(await repos().registrations.deactivate(r.id, 'blocked', at('2024-06-12T00:00:00.000Z'))).toBe(true);
    expect(await repos().registrations.deactivate(r.id, 'again', at('2024-06-13T00:00:00.000Z'))).toBe(false);
    expect(await repos().registrations.findById(r.id)).toMatchObject({ active: false, deactivationReason: 'blocked' });
    expect(await repos().registrations.findActive(hoa.channel, hoa.userId)).toEqual([]);
  });
});
