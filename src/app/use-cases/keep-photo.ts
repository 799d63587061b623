import type { Files } from '../ports.ts';
import { fileRef } from '../ports/files.ts';

/**
 * Stores a photo someone sent (its platform URL expires: Zalo's CDN) and returns the reference a
 * draft and then a nomination keep (`file:<id>`). It lives `keepForMs` (a draft's life); a
 * nomination that takes it keeps it for good (`Nominations.create`), and the nightly purge removes
 * the photos nobody took. Never served: a photo of a person is personal data.
 */
export async function keepArrivedPhoto(
  files: Files,
  photo: { bytes: Uint8Array; contentType: string },
  now: Date,
  keepForMs: number,
): Promise<string> {
  const id = await files.put({
    kind: 'photo',
    contentType: photo.contentType,
    bytes: photo.bytes,
    createdAt: now,
    expiresAt: new Date(now.getTime() + keepForMs),
  });
  return fileRef(id);
}
