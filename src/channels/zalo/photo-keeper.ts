import type { Inbound } from '../../app/messages.ts';
import { downloadPhoto, type DownloadedPhoto, type DownloadOptions } from './media.ts';
import type { HandleResult, UpdateHandler, ZaloLogger } from './types.ts';

export interface PhotoKeeping {
  /** Stores the bytes and returns the reference the engine keeps instead of Zalo's URL. */
  store(photo: DownloadedPhoto): Promise<string>;
  /** The size cap and timeout of each download (default 5 MB, 30 s). */
  download?: DownloadOptions;
  /** Tests: another downloader. */
  fetch?: typeof downloadPhoto;
}

/**
 * Hands updates to the engine after fetching any photo they carry, since Zalo's photo URLs expire
 * (reference §1): downloaded at once, size-capped, stored, and the stored reference put in place of
 * the URL, before the engine's transaction (a download never holds the database). A download that
 * fails reaches the engine as `unreadable: 'photo'` (the person is asked to send it again); a store
 * that fails throws, so the update is not recorded and is tried again. A group mention's photo is
 * not fetched: the bot answers there only with a pointer to the private chat.
 */
export function keepingPhotos(engine: UpdateHandler, keeping: PhotoKeeping, logger: ZaloLogger): UpdateHandler {
  const fetch = keeping.fetch ?? downloadPhoto;
  return {
    async handle(inbound: Inbound): Promise<HandleResult> {
      const { photoRef: url, ...rest } = inbound;
      if (!url) return engine.handle(inbound);
      if (inbound.chatType !== 'private') return engine.handle(rest);
      let photo: DownloadedPhoto;
      try {
        photo = await fetch(url, keeping.download);
      } catch (error) {
        logger.warn({ err: error, channel: 'zalo', chatId: inbound.chatId }, 'zalo photo could not be downloaded');
        return engine.handle({ ...rest, unreadable: 'photo' });
      }
      const photoRef = await keeping.store(photo);
      logger.debug({ channel: 'zalo', chatId: inbound.chatId, bytes: photo.bytes.length }, 'zalo photo stored');
      return engine.handle({ ...rest, photoRef });
    },
  };
}
