import type { Kysely, Selectable } from 'kysely';
import type { CalendarOverrides, Extension, Reopening } from '../app/ports.ts';
import { actorColumns, iso, opt, toActor, toDate } from './codec.ts';
import { compiledQuery } from './compiled-query.ts';
import type { DatabaseSchema, ExtensionsTable, ReopeningsTable } from './schema.ts';
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

/** Reopenings (per unit, kept as history: the calendar takes the latest) and extensions (per period). */
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
  };
}
