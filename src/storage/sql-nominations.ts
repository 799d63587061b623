import type { Kysely, Selectable } from 'kysely';
import type { Nominations } from '../app/ports.ts';
import { fileIdOf } from '../app/ports/files.ts';
import { type Nomination, type NomineeKind, nomineeKey } from '../domain/nomination.ts';
import { iso, opt, toDate } from './codec.ts';
import type { DatabaseSchema, NominationsTable } from './schema.ts';
import { sqlFiles } from './sql-files.ts';
import { currentExecutor, transactional } from './unit-of-work.ts';

function toNomination(row: Selectable<NominationsTable>): Nomination & { id: number; createdAt: Date } {
  return {
    id: row.id,
    blocId: row.bloc_id,
    unitId: row.unit_id,
    year: row.year,
    kind: row.kind as NomineeKind,
    name: row.name ?? '',
    position: opt(row.position),
    workplace: opt(row.workplace),
    movementId: row.movement_id,
    achievements: row.achievements ?? '',
    photoRef: opt(row.photo_ref),
    createdAt: toDate(row.created_at),
  };
}

/**
 * Nominations. A photo kept in the files table (`file:<id>`, a Zalo photo downloaded on arrival) is
 * kept for as long as the nomination holds it. Removal erases the personal data (name, position,
 * workplace, achievements, the key, which holds the folded name, and the photo with its stored
 * bytes), revokes the bloc's pending export links (a workbook made before may hold them), and keeps
 * a tombstone: unit, movement, year, who removed it, when and why.
 */
export function sqlNominations(db: Kysely<DatabaseSchema>): Nominations {
  const live = () => currentExecutor(db).selectFrom('nominations').selectAll().where('removed_at', 'is', null);
  const files = sqlFiles(db);

  return {
    create: (n) =>
      transactional(db, async () => {
        const photoId = fileIdOf(n.photoRef);
        // Downloaded on arrival with the life of a draft: from now on the nomination holds it.
        if (photoId) await files.keep(photoId, 'photo');
        const row = await currentExecutor(db)
          .insertInto('nominations')
          .values({
            bloc_id: n.blocId,
            unit_id: n.unitId,
            year: n.year,
            kind: n.kind,
            movement_id: n.movementId,
            name: n.name,
            // Position and workplace describe a person: a collective never keeps them.
            position: n.kind === 'individual' ? (n.position ?? null) : null,
            workplace: n.kind === 'individual' ? (n.workplace ?? null) : null,
            achievements: n.achievements,
            photo_ref: n.photoRef ?? null,
            nominee_key: nomineeKey(n),
            created_at: iso(n.createdAt ?? new Date()),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toNomination(row);
      }),

    async listForUnit(blocId, unitId, year) {
      let query = live().where('bloc_id', '=', blocId).where('unit_id', '=', unitId);
      if (year !== undefined) query = query.where('year', '=', year);
      return (await query.orderBy('id').execute()).map(toNomination);
    },

    async findByNomineeKey(blocId, key) {
      const rows = await live().where('bloc_id', '=', blocId).where('nominee_key', '=', key).orderBy('id').execute();
      return rows.map(toNomination);
    },

    remove: (id, by, reason, at) =>
      transactional(db, async () => {
        const before = await live().where('id', '=', id).select(['photo_ref', 'bloc_id']).executeTakeFirst();
        if (!before) return false;
        const photoId = fileIdOf(opt(before.photo_ref));
        if (photoId) await files.delete(photoId);
        // No export exists yet (issue 9); when one does, its links are made with the bloc's id.
        await files.revokeExports(before.bloc_id);
        const result = await currentExecutor(db)
          .updateTable('nominations')
          .set({
            name: null,
            position: null,
            workplace: null,
            achievements: null,
            photo_ref: null,
            nominee_key: null,
            removed_at: iso(at),
            removed_by_channel: by.channel,
            removed_by_user_id: by.userId,
            removed_by_name: by.name ?? null,
            removal_reason: reason,
          })
          .where('id', '=', id)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      }),
  };
}
