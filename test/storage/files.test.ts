import { expect, it } from 'vitest';
import type { NewFile } from '../../src/app/ports.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, OTHER_BLOC } from '../support/storage-fixtures.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 7]);
const image: NewFile = {
  kind: 'image',
  contentType: 'image/png',
  bytes: PNG,
  createdAt: at('2024-06-10T00:00:00.000Z'),
  expiresAt: at('2024-06-10T02:00:00.000Z'),
};
const workbook: NewFile = {
  kind: 'export',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  bytes: new Uint8Array([0x50, 0x4b, 3, 4]),
  fileName: 'bao-cao-2024-06.xlsx',
  blocId: BLOC,
  createdAt: at('2024-06-10T00:00:00.000Z'),
  expiresAt: at('2024-06-10T01:00:00.000Z'),
  maxDownloads: 1,
};

describeEachDatabase('files', (getDb) => {
  const files = () => createRepositories(getDb()).files;

  it('gives each file a random base64url id of at least 128 bits', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => files().put(image)));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(ids[0]!, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(new Set(ids).size).toBe(3);
  });

  it('serves an image byte for byte, as often as asked, until it expires', async () => {
    const id = await files().put(image);
    for (const minute of ['00:10', '00:11', '01:59']) {
      const got = await files().download(id, at(`2024-06-10T${minute}:00.000Z`));
      expect(got).toMatchObject({ id, kind: 'image', contentType: 'image/png' });
      expect([...got!.bytes]).toEqual([...PNG]);
    }
    expect(await files().download(id, at('2024-06-10T02:00:00.000Z'))).toBeUndefined();
    expect(await files().download('no-such-id', at('2024-06-10T00:10:00.000Z'))).toBeUndefined();
  });

  it('serves a one-time link once, even to two downloads at the same moment; HEAD does not use it', async () => {
    const id = await files().put(workbook);
    const now = at('2024-06-10T00:30:00.000Z');
    expect(await files().available(id, now)).toEqual({
      id,
      kind: 'export',
      contentType: workbook.contentType,
      fileName: 'bao-cao-2024-06.xlsx',
    });
    const both = await Promise.all([files().download(id, now), files().download(id, now)]);
    expect(both.filter((f) => f !== undefined)).toHaveLength(1);
    expect(await files().download(id, now)).toBeUndefined();
    expect(await files().available(id, now)).toBeUndefined();
  });

  it('never serves a photo someone sent, yet reads it for the record; a kept photo outlives its expiry', async () => {
    const id = await files().put({ ...image, kind: 'photo', contentType: 'image/jpeg' });
    const now = at('2024-06-10T00:10:00.000Z');
    expect(await files().download(id, now)).toBeUndefined();
    expect(await files().available(id, now)).toBeUndefined();
    expect(await files().read(id, now)).toMatchObject({ kind: 'photo', contentType: 'image/jpeg' });
    expect(await files().keep(id, 'photo')).toBe(true);
    expect(await files().read(id, at('2030-01-01T00:00:00.000Z'))).toMatchObject({ id });
    expect(await files().purgeExpired(at('2030-01-01T00:00:00.000Z'))).toBe(0);
    expect(await files().delete(id)).toBe(true);
    expect(await files().read(id, now)).toBeUndefined();
    expect(await files().delete(id)).toBe(false);
  });

  it('revokes the export links of a bloc and those of no bloc, not another bloc’s', async () => {
    const mine = await files().put(workbook);
    const unscoped = await files().put({ ...workbook, blocId: undefined });
    const theirs = await files().put({ ...workbook, blocId: OTHER_BLOC });
    const picture = await files().put(image);
    expect(await files().revokeExports(BLOC)).toBe(2);
    const now = at('2024-06-10T00:30:00.000Z');
    expect(await files().available(mine, now)).toBeUndefined();
    expect(await files().available(unscoped, now)).toBeUndefined();
    expect(await files().available(theirs, now)).toMatchObject({ id: theirs });
    expect(await files().available(picture, now)).toMatchObject({ id: picture });
  });

  it('purges what expired before the cut-off, nothing kept for good', async () => {
    const early = await files().put(workbook);
    const late = await files().put(image);
    const forever = await files().put({ ...image, kind: 'photo', expiresAt: undefined });
    expect(await files().purgeExpired(at('2024-06-10T01:30:00.000Z'))).toBe(1);
    const now = at('2024-06-10T00:00:01.000Z');
    expect(await files().read(early, now)).toBeUndefined();
    expect(await files().read(late, now)).toMatchObject({ id: late });
    expect(await files().read(forever, now)).toMatchObject({ id: forever });
  });
});
