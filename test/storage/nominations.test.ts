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

  it('keeps a stored photo while the nomination holds it; removal erases its bytes and the bloc’s export links', async () => {
    const repos = createRepositories(getDb());
    const arrived = at('2024-06-10T00:00:00.000Z');
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    // As the Zalo channel stores a photo on arrival: with the life of a draft.
    const photo = await repos.files.put({
      kind: 'photo',
      contentType: 'image/jpeg',
      bytes,
      createdAt: arrived,
      expiresAt: at('2024-06-24T00:00:00.000Z'),
    });
    const link = (blocId: string) =>
      repos.files.put({
        kind: 'export',
        contentType: 'application/octet-stream',
        bytes,
        blocId,
        createdAt: arrived,
        expiresAt: at('2024-06-10T01:00:00.000Z'),
        maxDownloads: 1,
      });
    // Two links that expire within the hour: the purge takes them, not the photo the nomination holds.
    await link(BLOC);
    await link('khoi-khac');
    const n = await nominations().create({ ...person, photoRef: `file:${photo}` });
    expect(n.photoRef).toBe(`file:${photo}`);
    expect(await repos.files.purgeExpired(at('2024-07-01T00:00:00.000Z'))).toBe(2);
    expect([...(await repos.files.read(photo, at('2024-07-01T00:00:00.000Z')))!.bytes]).toEqual([...bytes]);

    const again = await link(BLOC);
    const theirsAgain = await link('khoi-khac');
    expect(await nominations().remove(n.id, secretary, 'Đề nghị xóa', at('2024-06-10T00:30:00.000Z'))).toBe(true);
    const now = at('2024-06-10T00:40:00.000Z');
    expect(await repos.files.read(photo, now)).toBeUndefined();
    expect(await repos.files.available(again, now)).toBeUndefined();
    expect(await repos.files.available(theirsAgain, now)).toMatchObject({ id: theirsAgain });
  });

  it('leaves a platform’s own photo reference alone (a Telegram file_id is no stored file)', async () => {
    const repos = createRepositories(getDb());
    const id = await repos.files.put({
      kind: 'image',
      contentType: 'image/png',
      bytes: new Uint8Array([1]),
      createdAt: at('2024-06-10T00:00:00.000Z'),
    });
    const n = await nominations().create({ ...person, photoRef: id });
    expect(await nominations().remove(n.id, secretary, 'x', at('2024-06-11T00:00:00.000Z'))).toBe(true);
    expect(await repos.files.read(id, at('2024-06-11T00:00:00.000Z'))).toMatchObject({ id });
  });
});
