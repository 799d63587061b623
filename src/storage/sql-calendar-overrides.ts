import type { Kysely, Selectable } from 'kysely';
import type { CalendarOverrides, EarlyLock, Extension, Reopening } from '../app/ports.ts';
import { actorColumns, iso, opt, optDate, toActor, toDate } from './codec.ts';
import { compiledQuery } from './compiled-query.ts';
import type { DatabaseSchema, EarlyLocksTable, ExtensionsTable, ReopeningsTable } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

function toReopening(row: Selectable<ReopeningsTable>): Reopening {
  return {
    id: row.id,
    blocId: row.bloc_id,
    periodId: row.period_id,
    unitId: row.unit_id,
    until: toDate(row.until),
    reason: row.reason,
    by: toActor(row.by_channel, row.by_user_id, row.by_name),
    at: toDate(row.at),
    endedAt: optDate(row.ended_at),
    endedBy:
      row.ended_by_channel !== null && row.ended_by_user_id !== null
        ? toActor(row.ended_by_channel, row.ended_by_user_id, row.ended_by_name)
        : undefined,
  };
}

function toEarlyLock(row: Selectable<EarlyLocksTable>): EarlyLock {
  return {
    blocId: row.bloc_id,
    periodId: row.period_id,
    at: toDate(row.at),
    by: toActor(row.by_channel, row.by_user_id, row.by_name),
  };
}

function toExtension(row: Selectable<ExtensionsTable>): Extension {
  return {
    blocId: row.bloc_id,
    periodId: row.period_id,
    dueDate: row.due_date,
    reason: opt(row.reason),
    by: toActor(row.by_channel, row.by_user_id, row.by_name),
    at: toDate(row.at),
  };
}

/**
 * Reopenings (per unit, kept as history: the calendar takes the latest), extensions and early locks
 * (per period).
 */
export function sqlCalendarOverrides(db: Kysely<DatabaseSchema>): CalendarOverrides {
  // A unit's calendar is read on every report step: these two are compiled once.
  const extensionsOf = compiledQuery(db, (db, a: { blocId: string }) =>
    db.selectFrom('extensions').selectAll().where('bloc_id', '=', a.blocId).orderBy('period_id'),
  );
  const reopeningsOfUnit = compiledQuery(db, (db, a: { blocId: string; unitId: string }) =>
    db
      .selectFrom('reopenings')
      .selectAll()
      .where('bloc_id', '=', a.blocId)
      .where('unit_id', '=', a.unitId)
      .orderBy('id'),
  );
  const earlyLocksOf = compiledQuery(db, (db, a: { blocId: string }) =>
    db.selectFrom('early_locks').selectAll().where('bloc_id', '=', a.blocId).orderBy('period_id'),
  );

  return {
    async addReopening(r) {
      const row = await currentExecutor(db)
        .insertInto('reopenings')
        .values({
          bloc_id: r.blocId,
          period_id: r.periodId,
          unit_id: r.unitId,
          until: iso(r.until),
          reason: r.reason,
          at: iso(r.at),
          ...actorColumns('by', r.by),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toReopening(row);
    },

    async reopenings(blocId, unitId) {
      if (unitId !== undefined) return (await reopeningsOfUnit({ blocId, unitId })).map(toReopening);
      const rows = await currentExecutor(db)
        .selectFrom('reopenings')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .orderBy('id')
        .execute();
      return rows.map(toReopening);
    },

    async endReopening(id, at, by) {
      const result = await currentExecutor(db)
        .updateTable('reopenings')
        .set({ ended_at: iso(at), ...actorColumns('ended_by', by) })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setExtension(e) {
      const values = { due_date: e.dueDate, reason: e.reason ?? null, at: iso(e.at), ...actorColumns('by', e.by) };
      await currentExecutor(db)
        .insertInto('extensions')
        .values({ bloc_id: e.blocId, period_id: e.periodId, ...values })
        .onConflict((oc) => oc.columns(['bloc_id', 'period_id']).doUpdateSet(values))
        .execute();
    },

    async extensions(blocId) {
      return (await extensionsOf({ blocId })).map(toExtension);
    },

    async setEarlyLock(lock) {
      const rows = await currentExecutor(db)
        .insertInto('early_locks')
        .values({ bloc_id: lock.blocId, period_id: lock.periodId, at: iso(lock.at), ...actorColumns('by', lock.by) })
        .onConflict((oc) => oc.columns(['bloc_id', 'period_id']).doNothing())
        .returning('period_id')
        .execute();
      return rows.length > 0;
    },

    async earlyLocks(blocId) {
      return (await earlyLocksOf({ blocId })).map(toEarlyLock);
    },
  };
}
