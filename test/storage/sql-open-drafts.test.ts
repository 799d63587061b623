import { beforeEach, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC } from '../support/storage-fixtures.ts';

describeEachDatabase('the index of open drafts', (getDb) => {
  const repos = () => createRepositories(getDb());
  const draft = {
    sessionKey: 'telegram:42:42',
    command: 'baocao',
    blocId: BLOC,
    unitId: 'bao-yen',
    periodId: '2024-06',
  };
  beforeEach(async () => {
    await repos().blocs.upsert({ id: BLOC, name: 'Khối 1' });
  });

  it('says whether a removal found the row: of two removals at once, one did', async () => {
    await repos().openDrafts.put(draft, at('2024-06-10T00:00:00.000Z'));
    const removed = await Promise.all(
      [1, 2].map(() => {
        const r = repos();
        return r.unitOfWork.run(() => r.openDrafts.remove(draft.sessionKey, draft.command));
      }),
    );
    expect(removed.sort()).toEqual([false, true]);
    expect(await repos().openDrafts.forPeriod(BLOC, '2024-06')).toEqual([]);
    expect(await repos().openDrafts.periods(BLOC)).toEqual([]);
  });
});
