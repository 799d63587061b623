import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inbound } from '../../../src/app/messages.ts';
import type { DownloadedPhoto } from '../../../src/channels/zalo/media.ts';
import { keepingPhotos } from '../../../src/channels/zalo/photo-keeper.ts';
import type { HandleResult } from '../../../src/channels/zalo/types.ts';
import { FakeZaloCdn } from '../../fakes/fake-zalo-cdn.ts';
import { captureLogger } from '../../support/log-capture.ts';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);

let cdn: FakeZaloCdn;
let seen: Inbound[];
let stored: DownloadedPhoto[];
const engine = {
  handle: async (inbound: Inbound): Promise<HandleResult> => {
    seen.push(inbound);
    return 'handled';
  },
};
const store = async (photo: DownloadedPhoto) => {
  stored.push(photo);
  return `file:stored-${stored.length}`;
};

beforeEach(async () => {
  cdn = await FakeZaloCdn.start();
  seen = [];
  stored = [];
});
afterEach(async () => {
  await cdn.close();
});

function photoFrom(url: string, chatType: 'private' | 'group' = 'private'): Inbound {
  return {
    channel: 'zalo',
    chatId: chatType === 'private' ? 'u1' : 'g1',
    chatType,
    userId: 'u1',
    displayName: 'Lan',
    text: 'Ảnh tập thể',
    photoRef: url,
    updateId: 'u1:m1',
    at: new Date('2026-12-10T03:00:00Z'),
  };
}

describe('keepingPhotos', () => {
  it('downloads the photo at once, stores it, and hands the engine the stored reference, not the URL', async () => {
    const url = cdn.host(JPEG);
    const { logger } = captureLogger();
    await keepingPhotos(engine, { store }, logger).handle(photoFrom(url));
    expect(cdn.downloadsOf(url)).toBe(1);
    expect(stored).toEqual([{ bytes: JPEG, contentType: 'image/jpeg' }]);
    expect(seen).toEqual([{ ...photoFrom(url), photoRef: 'file:stored-1' }]);
  });

  it('a photo that cannot be fetched (expired, too large) reaches the engine as unreadable, with no URL', async () => {
    const url = cdn.host(JPEG);
    cdn.expire(url);
    const large = cdn.host(new Uint8Array(2000));
    const { logger, records } = captureLogger();
    const keeper = keepingPhotos(engine, { store, download: { maxBytes: 1000 } }, logger);
    await keeper.handle(photoFrom(url));
    await keeper.handle({ ...photoFrom(large), updateId: 'u1:m2' });
    const { photoRef: _gone, ...rest } = photoFrom(url);
    expect(seen).toEqual([
      { ...rest, unreadable: 'photo' },
      { ...rest, updateId: 'u1:m2', unreadable: 'photo' },
    ]);
    expect(stored).toEqual([]);
    // The log says why, never where: the URL may be a capability link.
    const warnings = records().filter((r) => r.msg === 'zalo photo could not be downloaded');
    expect(warnings).toHaveLength(2);
    expect(JSON.stringify(warnings)).not.toContain(cdn.origin);
  });

  it('a store that fails throws, so the update is not recorded (and comes again)', async () => {
    const url = cdn.host(JPEG);
    const { logger } = captureLogger();
    const failing = keepingPhotos(engine, { store: () => Promise.reject(new Error('database down')) }, logger);
    await expect(failing.handle(photoFrom(url))).rejects.toThrow('database down');
    expect(seen).toEqual([]);
  });

  it('a group mention’s photo is not fetched; text without a photo passes as it came', async () => {
    const url = cdn.host(JPEG);
    const { logger } = captureLogger();
    const keeper = keepingPhotos(engine, { store }, logger);
    await keeper.handle(photoFrom(url, 'group'));
    const { photoRef: _url, ...text } = photoFrom(url);
    await keeper.handle(text);
    expect(cdn.downloadsOf(url)).toBe(0);
    expect(seen.map((i) => [i.chatType, i.photoRef])).toEqual([
      ['group', undefined],
      ['private', undefined],
    ]);
  });
});
