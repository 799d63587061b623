import { beforeEach, expect, it } from 'vitest';
import { type Nomination, nomineeKey } from '../../src/domain/nomination.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, secretary } from '../support/storage-fixtures.ts';

const person: Nomination = {
  blocId: BLOC,
  unitId: 'bao-yen',
  year: 2024,
  kind: 'individual',
  name: 'Đặng Văn Hùng',
  position: 'Chủ tịch UBND xã',
  workplace: 'Xã Bảo Hà',
  movementId: 'chuyen-doi-so',
  achievements: 'Dẫn đầu chuyển đổi số cấp xã',
  photoRef: 'file-1',
  createdAt: at('2024-06-10T00:00:00.000Z'),
};

describeEachDatabase('nominations', (getDb) => {
  const nominations = () => createRepositories(getDb()).nominations;

  beforeEach(async () => {
    await createRepositories(getDb()).blocs.upsert({ id: BLOC, name: 'Khối 1' });
  });

  it('creates and lists a unit’s nominations, by year', async () => {
    const created = await nominations().create(person);
    expect(created).toEqual({ ...person, id: created.id });
    await nominations().create({ ...person, year: 2023, name: 'Lê Thị Mai' });
    await nominations().create({ ...person, unitId: 'si-ma-cai' });
    expect((await nominations().listForUnit(BLOC, 'bao-yen')).map((n) => n.year)).toEqual([2024, 2023]);
    expect(await nominations().listForUnit(BLOC, 'bao-yen', 2024)).toEqual([created]);
  });

  it('keeps no position or workplace for a collective', async () => {
    const c = await nominations().create({ ...person, kind: 'collective', name: 'Phòng Văn hóa' });
    expect(c.position).toBeUndefined();
    expect(c.workplace).toBeUndefined();
  });

  it('finds a likely duplicate by nominee key, whatever the diacritics, case or unit', async () => {
    const first = await nominations().create(person);
    await nominations().create({ ...person, unitId: 'si-ma-cai', name: 'DANG VAN  HUNG' });
    await nominations().create({ ...person, name: 'Đặng Văn Hưng Khác' });
    const key = nomineeKey({ name: 'dang van hung', movementId: 'chuyen-doi-so', year: 2024 });
    const found = await nominations().findByNomineeKey(BLOC, key);
    expect(found.map((n) => n.unitId)).toEqual(['bao-yen', 'si-ma-cai']);
    expect(found[0]?.id).toBe(first.id);
    expect(await nominations().findByNomineeKey(BLOC, nomineeKey({ ...person, year: 2025 }))).toEqual([]);
  });

  it('removes the personal data and keeps a tombstone', async () => {
    const n = await nominations().create(person);
    expect(await nominations().remove(n.id, secretary, 'Trùng đề xuất', at('2024-06-11T00:00:00.000Z'))).toBe(true);
    expect(await nominations().remove(n.id, secretary, 'again', at('2024-06-11T00:00:00.000Z'))).toBe(false);
    expect(await nominations().listForUnit(BLOC, 'bao-yen')).toEqual([]);
    expect(await nominations().findByNomineeKey(BLOC, nomineeKey(person))).toEqual([]);
    const row = await getDb().db.selectFrom('nominations').selectAll().where('id', '=', n.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: null,
      position: null,
      workplace: null,
      achievements: null,
      photo_ref: null,
      nominee_key: null,
      unit_id: 'bao-yen',
      movement_id: 'chuyen-doi-so',
      year: 2024,
      removed_by_user_id: secretary.userId,
      removal_reason: 'Trùng đề xuất',
      removed_at: '2024-06-11T00:00:00.000Z',
    });
  });
});
