import type { Kysely, Selectable } from 'kysely';
import type { Nominations } from '../app/ports.ts';
import { type Nomination, type NomineeKind, nomineeKey } from '../domain/nomination.ts';
import { iso, opt, toDate } from './codec.ts';
import type { DatabaseSchema, NominationsTable } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

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
 * Nominations. Removal erases the personal data (name, position, workplace, achievements, photo and
 * the key, which holds the folded name) and keeps a tombstone: unit, movement, year, who removed it,
 * when and why.
 */
export function sqlNominations(db: Kysely<DatabaseSchema>): Nominations {
  const live = () => currentExecutor(db).selectFrom('nominations').selectAll().where('removed_at', 'is', null);

  return {
    async create(n) {
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
    },

    async listForUnit(blocId, unitId, year) {
      let query = live().where('bloc_id', '=', blocId).where('unit_id', '=', unitId);
      if (year !== undefined) query = query.where('year', '=', year);
      return (await query.orderBy('id').execute()).map(toNomination);
    },

    async findByNomineeKey(blocId, key) {
      const rows = await live().where('bloc_id', '=', blocId).where('nominee_key', '=', key).orderBy('id').execute();
      return rows.map(toNomination);
    },

    async remove(id, by, reason, at) {
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
    },
  };
}
