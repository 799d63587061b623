import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { FileKind, Files, StoredFile } from '../app/ports.ts';
import { SERVED_KINDS } from '../app/ports/files.ts';
import { iso, opt } from './codec.ts';
import type { DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

type Eb = ExpressionBuilder<DatabaseSchema, 'files'>;

/** 144 random bits: 24 base64url characters, past the 128 bits a capability URL needs. */
const ID_BYTES = 18;

const unexpired = (eb: Eb, now: string) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);
const downloadsLeft = (eb: Eb) =>
  eb.or([eb('max_downloads', 'is', null), eb('downloads', '<', eb.ref('max_downloads'))]);

interface Row {
  id: string;
  kind: string;
  content_type: string;
  file_name: string | null;
}

function described(row: Row): Omit<StoredFile, 'bytes'> {
  const fileName = opt(row.file_name);
  return { id: row.id, kind: row.kind as FileKind, contentType: row.content_type, ...(fileName ? { fileName } : {}) };
}

/**
 * The files table. Bytes live in the row (a blob on SQLite, bytea on PostgreSQL), so whichever
 * replica answers `GET /files/<id>` has them. A download is one UPDATE … RETURNING that counts it
 * only while the file is live: two downloads racing for a one-time link cannot both win.
 */
export function sqlFiles(db: Kysely<DatabaseSchema>): Files {
  return {
    async put(file) {
      const id = randomBytes(ID_BYTES).toString('base64url');
      await currentExecutor(db)
        .insertInto('files')
        .values({
          id,
          kind: file.kind,
          content_type: file.contentType,
          bytes: Buffer.from(file.bytes),
          size: file.bytes.length,
          file_name: file.fileName ?? null,
          bloc_id: file.blocId ?? null,
          created_at: iso(file.createdAt),
          expires_at: file.expiresAt ? iso(file.expiresAt) : null,
          max_downloads: file.maxDownloads ?? null,
        })
        .execute();
      return id;
    },

    async download(id, now) {
      const row = await currentExecutor(db)
        .updateTable('files')
        .set((eb) => ({ downloads: eb('downloads', '+', 1) }))
        .where('id', '=', id)
        .where('kind', 'in', SERVED_KINDS)
        .where((eb) => unexpired(eb, iso(now)))
        .where(downloadsLeft)
        .returning(['id', 'kind', 'content_type', 'file_name', 'bytes'])
        .executeTakeFirst();
      return row ? { ...described(row), bytes: row.bytes } : undefined;
    },

    async available(id, now) {
      const row = await currentExecutor(db)
        .selectFrom('files')
        .select(['id', 'kind', 'content_type', 'file_name'])
        .where('id', '=', id)
        .where('kind', 'in', SERVED_KINDS)
        .where((eb) => unexpired(eb, iso(now)))
        .where(downloadsLeft)
        .executeTakeFirst();
      return row ? described(row) : undefined;
    },

    async read(id, now) {
      const row = await currentExecutor(db)
        .selectFrom('files')
        .select(['id', 'kind', 'content_type', 'file_name', 'bytes'])
        .where('id', '=', id)
        .where((eb) => unexpired(eb, iso(now)))
        .executeTakeFirst();
      return row ? { ...described(row), bytes: row.bytes } : undefined;
    },

    async keep(id, kind) {
      const result = await currentExecutor(db)
        .updateTable('files')
        .set({ kind, expires_at: null })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async delete(id) {
      const result = await currentExecutor(db).deleteFrom('files').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async revokeExports(blocId) {
      const result = await currentExecutor(db)
        .deleteFrom('files')
        .where('kind', '=', 'export')
        .where((eb) => eb.or([eb('bloc_id', '=', blocId), eb('bloc_id', 'is', null)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async purgeExpired(before) {
      const result = await currentExecutor(db)
        .deleteFrom('files')
        .where('expires_at', 'is not', null)
        .where('expires_at', '<', iso(before))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
