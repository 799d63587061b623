/**
 * Bytes the bot keeps in its own database rather than on one process's disk, so any replica can serve
 * them (issue 10): images Zalo fetches by URL, photos people sent with a nomination (Zalo's URLs
 * expire), and one-time download links for exports (Zalo cannot send files).
 */

/**
 * What a file is for, which decides who may fetch it:
 *  - `image`: a picture the bot sends by URL (the standings chart): public, several downloads.
 *  - `export`: a workbook behind a one-time link: it holds personal data, so single-use.
 *  - `photo`: a photo someone sent (a nomination's): never served, kept for the record.
 */
export type FileKind = 'image' | 'export' | 'photo';

/** The kinds `GET /files/<id>` serves; a nomination's photo is never among them. */
export const SERVED_KINDS: readonly FileKind[] = ['image', 'export'];

export interface NewFile {
  kind: FileKind;
  contentType: string;
  bytes: Uint8Array;
  /** For an export: the name the download is saved under. */
  fileName?: string;
  /**
   * The bloc whose personal data the file may hold (an export): erasing a nomination of that bloc
   * revokes it. Unset means "any bloc", and any erasure revokes it.
   */
  blocId?: string;
  createdAt: Date;
  /** Gone after this instant; unset keeps the file until it is deleted (a nomination's photo). */
  expiresAt?: Date;
  /** How many downloads it serves (1 for a one-time link); unset means as many as asked. */
  maxDownloads?: number;
}

export interface StoredFile {
  id: string;
  kind: FileKind;
  contentType: string;
  bytes: Uint8Array;
  fileName?: string;
}

/**
 * A file's reference where a record keeps one (a nomination's `photoRef`): `file:<id>`. Other
 * references (a Telegram file_id) are the platform's own and stay as they came.
 */
export const FILE_REF_PREFIX = 'file:';

export function fileRef(id: string): string {
  return `${FILE_REF_PREFIX}${id}`;
}

/** The file id a reference names, or undefined for a platform's own reference. */
export function fileIdOf(ref: string | undefined): string | undefined {
  return ref?.startsWith(FILE_REF_PREFIX) ? ref.slice(FILE_REF_PREFIX.length) || undefined : undefined;
}

export interface Files {
  /**
   * Stores the bytes under a new id of at least 128 random bits (base64url): the id is the only key
   * to a served file, so it must not be guessable. Returns the id.
   */
  put(file: NewFile): Promise<string>;
  /**
   * A served file (`SERVED_KINDS`) for one download at `now`, counting it; undefined when the id is
   * unknown, of a kind never served, expired or used up. Atomic: a one-time link is served once even
   * when two downloads race.
   */
  download(id: string, now: Date): Promise<StoredFile | undefined>;
  /** Whether `download` would serve the file now, without counting a download (HTTP HEAD). */
  available(id: string, now: Date): Promise<Omit<StoredFile, 'bytes'> | undefined>;
  /** The file whatever its kind (a nomination's photo, for the secretariat's export), if not expired. */
  read(id: string, now: Date): Promise<StoredFile | undefined>;
  /** Keeps the file until it is deleted, as `kind` (a photo a nomination now holds). */
  keep(id: string, kind: FileKind): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Deletes export links that may hold `blocId`'s personal data (its own and those of no bloc). */
  revokeExports(blocId: string): Promise<number>;
  /** Deletes files that expired before `before`; returns how many. */
  purgeExpired(before: Date): Promise<number>;
}
